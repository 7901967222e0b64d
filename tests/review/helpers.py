"""Helpers of the hiring lead's page tests: SQL statement counts, page rows, fast bulk data."""

import re
from contextlib import contextmanager

from sqlalchemy import event, insert

from hiring.extensions import db
from hiring.models import Candidate, Decision, Rating, Scorecard, User, Vacancy
from hiring.services.evaluations import BULK_CALLER_REFRESHES, refresh_stored_evaluations


@contextmanager
def counted_queries():
    """Collect the SQL statements run inside the block."""
    statements: list[str] = []

    def before(_conn, _cursor, statement, *_args):
        statements.append(statement)

    event.listen(db.engine, "before_cursor_execute", before)
    try:
        yield statements
    finally:
        event.remove(db.engine, "before_cursor_execute", before)


def page_ids(html: str) -> list[int]:
    """The candidate ids of the ranking rows, in page order."""
    return [int(found) for found in re.findall(r'<tr data-candidate-id="(\d+)"', html)]


def bulk_candidates(vacancy: Vacancy, n: int, interviewers: list[User], lead: User) -> list[int]:
    """n varied candidates with submitted scorecards and some decisions, in a handful of bulk inserts."""
    codes = [c.code for c in vacancy.profile.competencies]
    levels = ("master", "bachelor", "secondary", "specialist")
    ids = db.session.scalars(
        insert(Candidate).returning(Candidate.id, sort_by_parameter_order=True),
        [
            {
                "vacancy_id": vacancy.id,
                "full_name": f"Bulk {vacancy.id}-{i:04d}",
                "email": f"bulk{vacancy.id}-{i}@example.com",
                "education_level": levels[i % len(levels)],
                "education_field": "economics",
                "experience_years": float(i % 7),
                "plan_attainment_pct": 80.0 + i % 50,
            }
            for i in range(n)
        ],
        execution_options=BULK_CALLER_REFRESHES,
    ).all()
    card_rows = [
        {"candidate_id": cid, "interviewer_id": user.id, "status": "submitted", "recommendation": "yes"}
        for i, cid in enumerate(ids)
        if i % 5  # every fifth candidate has no scorecard yet
        for user in interviewers
    ]
    card_ids = db.session.scalars(
        insert(Scorecard).returning(Scorecard.id, sort_by_parameter_order=True),
        card_rows,
        execution_options=BULK_CALLER_REFRESHES,
    ).all()
    db.session.execute(
        insert(Rating),
        [
            {"scorecard_id": card_id, "competency_code": code, "value": 1 + (card_id * 7 + k * 3) % 5}
            for card_id in card_ids
            for k, code in enumerate(codes)
        ],
        execution_options=BULK_CALLER_REFRESHES,
    )
    db.session.execute(
        insert(Decision),
        [
            {"candidate_id": cid, "decision": decision, "rationale": "bulk", "decided_by_id": lead.id}
            for i, cid in enumerate(ids)
            if i % 4 == 0
            for decision in ("hold", "hire")[: 1 + (i // 4) % 2]
        ],
    )
    refresh_stored_evaluations(vacancy.id)
    db.session.commit()
    return ids

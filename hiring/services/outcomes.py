"""Outcomes of hires (SPEC §9): recorded by HR or a lead for hired candidates, versioned, audited.

Interviewers never see outcomes: every function here that reads or writes one takes the user and refuses
anyone but HR, a lead or the admin. Shared by the pages, the JSON API and the import; nothing here commits.
"""

import calendar
from datetime import UTC, date, datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import selectinload

from hiring.errors import Conflict, InvalidInput, NotAllowed, VersionConflict
from hiring.errors import lazy_gettext as _l
from hiring.extensions import db
from hiring.models import REVIEW_MONTHS, Candidate, HireOutcome, OutcomeReview, User
from hiring.services import audit
from hiring.services.decisions import current_decision
from hiring.services.outcome_input import REVIEW_FIELDS, check_outcome

# Who records and reads outcomes (the admin passes every role check).
OUTCOME_ROLES = ("hr", "lead")

NOT_HIRED = _l("Outcomes are recorded only for a hired candidate (the current decision is not hire).")
NOT_SAVED = _l("The outcome was not saved.")
STALE = _l(
    "Someone else changed this outcome while you were editing it. Nothing was saved: reload and try again."
)
NO_OUTCOMES_FOR_YOU = _l("Only HR and hiring leads see the outcomes of hires.")


def may_see_outcomes(user: User) -> bool:
    return user.has_role(*OUTCOME_ROLES)


def ensure_may_see_outcomes(user: User) -> None:
    if not may_see_outcomes(user):
        raise NotAllowed(NO_OUTCOMES_FOR_YOU)


def is_hired(candidate: Candidate) -> bool:
    decision = current_decision(candidate.id)
    return decision is not None and decision.decision == "hire"


def outcome_of(candidate: Candidate, user: User) -> HireOutcome | None:
    """The candidate's recorded outcome with its reviews, if any."""
    ensure_may_see_outcomes(user)
    return db.session.scalar(
        sa.select(HireOutcome)
        .where(HireOutcome.candidate_id == candidate.id)
        .options(selectinload(HireOutcome.reviews))
    )


def save_outcome(
    candidate: Candidate,
    data: dict[str, Any],
    user: User,
    expected_version: int | None = None,
    today: date | None = None,
) -> HireOutcome:
    """Record or replace the hire's start date, notes and reviews (SPEC §6 shape); audited with before/after.

    A review not given keeps what was stored for it. Raises NotAllowed (not HR/lead), Conflict (not hired),
    InvalidInput (fields by path, see hiring.services.outcome_input), VersionConflict (a stale `expected_version`).
    """
    ensure_may_see_outcomes(user)
    if not is_hired(candidate):
        raise Conflict(NOT_HIRED)
    clean, errors = check_outcome(data, today or datetime.now(UTC).date())
    if errors:
        raise InvalidInput(NOT_SAVED, errors)
    outcome = outcome_of(candidate, user)
    if outcome is not None and expected_version is not None and expected_version != outcome.version:
        raise VersionConflict(STALE)
    before = None if outcome is None else snapshot(outcome)
    if outcome is None:
        outcome = HireOutcome(candidate_id=candidate.id, started_on=clean["started_on"])
        db.session.add(outcome)
    outcome.started_on = clean["started_on"]
    if "notes" in data:
        outcome.notes = clean["notes"]
    outcome.updated_by_id = user.id
    outcome.updated_at = datetime.now(UTC)  # a change to the reviews alone bumps the version too
    for month, values in clean["reviews"].items():
        review = outcome.review(month)
        if review is None:
            review = OutcomeReview(month=month)
            outcome.reviews.append(review)
        for name in REVIEW_FIELDS:
            setattr(review, name, values[name])
    db.session.flush()
    audit.record(
        "outcome.save", "outcome", outcome.id, before=before, after=snapshot(outcome), user_id=user.id
    )
    return outcome


def snapshot(outcome: HireOutcome) -> dict[str, Any]:
    """The outcome as the API shows it (and the audit log keeps it)."""
    return {
        "candidate_id": outcome.candidate_id,
        "started_on": outcome.started_on.isoformat(),
        "notes": outcome.notes,
        "version": outcome.version,
        "reviews": [
            {
                "month": review.month,
                **{
                    name: (value.isoformat() if isinstance(value, date) else value)
                    for name in REVIEW_FIELDS
                    for value in [getattr(review, name)]
                },
            }
            for review in sorted(outcome.reviews, key=lambda r: r.month)
        ],
    }


def add_months(day: date, months: int) -> date:
    """The same day `months` later (the month's last day when it has fewer days)."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def due_reviews(user: User, today: date | None = None) -> list[dict[str, Any]]:
    """Reviews whose date has come with no KPI recorded, of people not known to have left before it."""
    ensure_may_see_outcomes(user)
    today = today or datetime.now(UTC).date()
    found = []
    outcomes = db.session.scalars(
        sa.select(HireOutcome)
        .options(selectinload(HireOutcome.reviews), selectinload(HireOutcome.candidate))
        .order_by(HireOutcome.started_on)
    )
    for outcome in outcomes:
        left = [r.left_on for r in outcome.reviews if r.left_on is not None]
        for month in REVIEW_MONTHS:
            due_on = add_months(outcome.started_on, month)
            review = outcome.review(month)
            recorded = review is not None and any(
                getattr(review, name) is not None
                for name in ("retention_pct", "manager_rating", "still_employed")
            )
            if due_on <= today and not recorded and not (left and min(left) < due_on):
                found.append({"candidate": outcome.candidate, "month": month, "due_on": due_on})
    return sorted(found, key=lambda item: item["due_on"])


def forget_notes(candidate_id: int) -> list[int]:
    """Anonymisation: the outcome's free-text notes go, its numbers stay. Returns the outcome ids (for the log)."""
    ids = list(db.session.scalars(sa.select(HireOutcome.id).where(HireOutcome.candidate_id == candidate_id)))
    if ids:
        db.session.execute(sa.update(HireOutcome).where(HireOutcome.id.in_(ids)).values(notes=""))
    return ids

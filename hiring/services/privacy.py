"""Personal data: a candidate can be anonymised, as data-protection law asks, keeping scores for statistics."""

from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa

from hiring.extensions import db
from hiring.models import AuditEntry, Candidate, Decision, Rating, RenderedDocument, Scorecard
from hiring.services import audit, candidate_files, outcomes
from hiring.services.evaluations import BULK_SCORES_UNAFFECTED

# What identifies a person or was written about them; removed from the record and from the audit log.
PERSONAL_KEYS = frozenset({"full_name", "email", "phone", "notes", "note", "rationale", "filename"})


def anonymized_name(candidate_id: int) -> str:
    return f"#{candidate_id}"


def anonymize_candidate(candidate: Candidate, user_id: int | None) -> None:
    """Wipe name, contacts, notes, attached files (CVs), evidence notes, decision rationales and outcome notes; keep ratings, screening
    data, decisions and the outcomes' numbers (they feed the profile's validity report).

    The audit log keeps that it happened (and who did it) but loses the personal data its earlier entries held.
    Cached PDFs are dropped, since they print the name. Flushes; the caller commits.
    """
    candidate.full_name = anonymized_name(candidate.id)
    candidate.email = None
    candidate.phone = None
    candidate.notes = ""
    candidate.anonymized_at = datetime.now(UTC)
    scorecard_ids = list(
        db.session.scalars(sa.select(Scorecard.id).where(Scorecard.candidate_id == candidate.id))
    )
    decision_ids = list(
        db.session.scalars(sa.select(Decision.id).where(Decision.candidate_id == candidate.id))
    )
    if scorecard_ids:
        db.session.execute(
            sa.update(Rating).where(Rating.scorecard_id.in_(scorecard_ids)).values(note=""),
            execution_options=BULK_SCORES_UNAFFECTED,  # notes are evidence, not scores
        )
    if decision_ids:
        db.session.execute(sa.update(Decision).where(Decision.id.in_(decision_ids)).values(rationale=""))
    outcome_ids = outcomes.forget_notes(candidate.id)
    candidate_files.delete_files_of(candidate.id)  # a CV is personal data through and through
    _scrub_audit_log(
        {
            "candidate": [candidate.id],
            "scorecard": scorecard_ids,
            "decision": decision_ids,
            "outcome": outcome_ids,
        }
    )
    db.session.execute(sa.delete(RenderedDocument))
    db.session.flush()
    audit.record("candidate.anonymize", "candidate", candidate.id, user_id=user_id)


def _scrub_audit_log(records: dict[str, list[int]]) -> None:
    conditions = [
        sa.and_(AuditEntry.entity_type == kind, AuditEntry.entity_id.in_(ids))
        for kind, ids in records.items()
        if ids
    ]
    for entry in db.session.scalars(sa.select(AuditEntry).where(sa.or_(*conditions))):
        entry.before = _without_personal_data(entry.before)
        entry.after = _without_personal_data(entry.after)


def _without_personal_data(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _without_personal_data(v) for k, v in value.items() if k not in PERSONAL_KEYS}
    if isinstance(value, list):
        return [_without_personal_data(v) for v in value]
    return value

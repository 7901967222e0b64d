"""The hiring lead's decision on a candidate: hire, reject or hold, always with a rationale.

A candidate's current decision is the newest one; earlier decisions stay as its history. Shared by the pages
and the JSON API; the caller owns the transaction (nothing here commits).
"""

import sqlalchemy as sa
from sqlalchemy.orm import selectinload

from hiring.domain.text import has_control_characters, has_visible_character
from hiring.errors import CONTROL_CHARACTERS, InvalidInput
from hiring.errors import lazy_gettext as _l
from hiring.extensions import db
from hiring.models import DECISIONS, Candidate, Decision
from hiring.services import audit

RATIONALE_MAX_LENGTH = 5000


def record_decision(candidate: Candidate, decision: str, rationale: str, user_id: int | None) -> Decision:
    """Add `decision` with its rationale as the candidate's current decision, and audit it.

    Raises InvalidInput (fields `decision`, `rationale`) for an unknown decision, or a rationale that is
    missing, blank or longer than RATIONALE_MAX_LENGTH characters.
    """
    decision = decision.strip().lower() if isinstance(decision, str) else decision
    rationale = rationale.strip() if isinstance(rationale, str) else ""
    errors = {}
    if decision not in DECISIONS:
        errors["decision"] = _l("Choose hire, reject or hold.")
    if not has_visible_character(rationale):
        errors["rationale"] = _l("Give the reasons for the decision.")
    elif has_control_characters(rationale):
        errors["rationale"] = CONTROL_CHARACTERS
    elif len(rationale) > RATIONALE_MAX_LENGTH:
        errors["rationale"] = _l("Keep the rationale under %(max)s characters.", max=RATIONALE_MAX_LENGTH)
    if errors:
        raise InvalidInput(_l("The decision was not recorded."), errors)

    previous = current_decision(candidate.id)
    # Set by id rather than appended to candidate.decisions: a decision is no input of the evaluation.
    entry = Decision(candidate_id=candidate.id, decision=decision, rationale=rationale, decided_by_id=user_id)
    db.session.add(entry)
    db.session.flush()
    audit.record(
        "decision.record",
        "decision",
        entry.id,
        before=None if previous is None else _snapshot(previous),
        after=_snapshot(entry),
        user_id=user_id,
    )
    return entry


def current_decision(candidate_id: int) -> Decision | None:
    """The candidate's newest decision, if any."""
    return db.session.scalar(
        sa.select(Decision).where(Decision.candidate_id == candidate_id).order_by(Decision.id.desc()).limit(1)
    )


def current_decisions(candidate_ids) -> dict[int, Decision]:
    """The current decision of each of the candidates that has one, in one query."""
    ids = list(candidate_ids)
    if not ids:
        return {}
    newest = (
        sa.select(sa.func.max(Decision.id))
        .where(Decision.candidate_id.in_(ids))
        .group_by(Decision.candidate_id)
    )
    return {d.candidate_id: d for d in db.session.scalars(sa.select(Decision).where(Decision.id.in_(newest)))}


def decision_history(candidate_id: int) -> list[Decision]:
    """Every decision on the candidate, newest first."""
    return list(
        db.session.scalars(
            sa.select(Decision)
            .where(Decision.candidate_id == candidate_id)
            .options(selectinload(Decision.decided_by))
            .order_by(Decision.id.desc())
        )
    )


def _snapshot(entry: Decision) -> dict:
    return {
        "candidate_id": entry.candidate_id,
        "decision": entry.decision,
        "rationale": entry.rationale,
        "decided_by_id": entry.decided_by_id,
    }

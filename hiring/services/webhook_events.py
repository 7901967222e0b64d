"""The events of SPEC §6, noted from what each flush wrote and recorded just before the commit.

Watching the session rather than calling from every service means every path that changes a candidate, a
scorecard or a decision (pages, API, import, CLI) sends the same events, and no service can forget one. After
each flush the changes are noted (in order) on the session; before the commit — after the stored evaluations
are refreshed (their listener is installed first) — they become deliveries and outbox jobs in the same
transaction (hiring.services.webhooks.record_events); a rollback forgets them.

`data` carries ids and the names and values of changed fields, never notes, rationales or contacts.
"""

from typing import Any

import sqlalchemy as sa
from sqlalchemy import event

from hiring.extensions import db
from hiring.models import Assignment, Candidate, CandidateLanguage, Decision, Scorecard, StoredEvaluation
from hiring.services.webhooks import record_events

_EVENTS = "hiring.webhook_events"
# Candidate fields whose values an event may carry; the others are named only (personal data).
OPEN_FIELDS = ("education_level", "education_field", "experience_years", "plan_attainment_pct")
NAMED_ONLY = ("full_name", "email", "phone", "notes")
EVALUATION_FIELDS = ("band", "score", "eligibility")


def _plain(value: Any) -> Any:
    return value if value is None or isinstance(value, str | int | float | bool) else str(value)


def _changes(obj, fields: tuple[str, ...]) -> dict[str, tuple[Any, Any]]:
    state = sa.inspect(obj)
    found = {}
    for name in fields:
        history = state.attrs[name].history
        if history.has_changes():
            before = history.deleted[0] if history.deleted else None
            after = history.added[0] if history.added else None
            if before != after:
                found[name] = (_plain(before), _plain(after))
    return found


def _note(session, _context) -> None:
    noted = session.info.setdefault(_EVENTS, [])
    updated: dict[int, dict[str, Any]] = {}
    for obj in session.new:
        if isinstance(obj, Candidate):
            noted.append(("candidate.created", {"candidate_id": obj.id, "vacancy_id": obj.vacancy_id}))
        elif isinstance(obj, Assignment):
            noted.append(("interview.scheduled", _interview(obj)))
        elif isinstance(obj, Decision):
            noted.append(("decision.recorded", _decision(obj)))
        elif isinstance(obj, StoredEvaluation):
            values = {name: _plain(getattr(obj, name)) for name in EVALUATION_FIELDS}
            changed = {name: [None, value] for name, value in values.items() if value is not None}
            noted.append(("evaluation.changed", _evaluation(obj, changed)))
        elif isinstance(obj, Scorecard) and obj.status == "submitted":
            noted.append(("scorecard.submitted", _scorecard(obj)))
    for obj in session.dirty:
        if isinstance(obj, Candidate) and obj not in session.deleted:
            changes = _changes(obj, (*OPEN_FIELDS, *NAMED_ONLY))
            if changes:
                updated.setdefault(obj.id, _updated(obj))["changed"].update(changes)
        elif isinstance(obj, Scorecard) and _changes(obj, ("status",)) and obj.status == "submitted":
            noted.append(("scorecard.submitted", _scorecard(obj)))
        elif isinstance(obj, StoredEvaluation):
            changes = _changes(obj, EVALUATION_FIELDS)
            if changes:
                changed = {name: list(pair) for name, pair in changes.items()}
                noted.append(("evaluation.changed", _evaluation(obj, changed)))
        elif isinstance(obj, Assignment) and _changes(obj, _interview_fields(obj)):
            noted.append(("interview.scheduled", _interview(obj)))
    for obj in (*session.new, *session.dirty, *session.deleted):
        if isinstance(obj, CandidateLanguage) and obj.candidate is not None:
            entry = updated.setdefault(obj.candidate_id, _updated(obj.candidate))
            entry["changed"]["languages"] = None
    for entry in updated.values():
        candidate = entry.pop("candidate")
        if "languages" in entry["changed"]:
            languages = [{"language": x.language, "level": x.level} for x in candidate.languages]
            entry["changed"]["languages"] = (None, languages)
        noted.append(("candidate.updated", _candidate_update(entry)))


def _updated(candidate: Candidate) -> dict[str, Any]:
    return {
        "candidate": candidate,
        "candidate_id": candidate.id,
        "vacancy_id": candidate.vacancy_id,
        "changed": {},
    }


def _candidate_update(entry: dict[str, Any]) -> dict[str, Any]:
    changed = entry["changed"]
    return {
        "candidate_id": entry["candidate_id"],
        "vacancy_id": entry["vacancy_id"],
        "changed_fields": sorted(changed),
        "values": {name: after for name, (_before, after) in changed.items() if name not in NAMED_ONLY},
    }


def _interview_fields(assignment: Assignment) -> tuple[str, ...]:
    """The interview's time and place, where the model has them (issue 20 adds them)."""
    return tuple(name for name in ("starts_at", "duration_minutes") if hasattr(type(assignment), name))


def _interview(assignment: Assignment) -> dict[str, Any]:
    data = {"candidate_id": assignment.candidate_id, "interviewer_id": assignment.interviewer_id}
    for name in _interview_fields(assignment):
        data[name] = _plain(getattr(assignment, name))
    return data


def _decision(decision: Decision) -> dict[str, Any]:
    return {
        "decision_id": decision.id,
        "candidate_id": decision.candidate_id,
        "decision": decision.decision,
        "decided_by_id": decision.decided_by_id,
    }


def _scorecard(card: Scorecard) -> dict[str, Any]:
    return {"scorecard_id": card.id, "candidate_id": card.candidate_id, "interviewer_id": card.interviewer_id}


def _evaluation(stored: StoredEvaluation, changed: dict[str, list]) -> dict[str, Any]:
    return {
        "candidate_id": stored.candidate_id,
        "vacancy_id": stored.vacancy_id,
        "changed": {name: {"before": pair[0], "after": pair[1]} for name, pair in changed.items()},
    }


def _record(session) -> None:
    if session.new or session.dirty or session.deleted:
        session.flush()
    events = session.info.pop(_EVENTS, None)
    if events:
        record_events(events)
        session.flush()
    session.info.pop(_EVENTS, None)


def _forget(session, *_args) -> None:
    session.info.pop(_EVENTS, None)


def send_webhooks() -> None:
    """Install the listeners on the app's session, once per process, after keep_stored_evaluations_fresh()."""
    if event.contains(db.session, "after_flush", _note):
        return
    event.listen(db.session, "after_flush", _note)
    event.listen(db.session, "before_commit", _record)
    event.listen(db.session, "after_rollback", _forget)

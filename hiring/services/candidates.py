"""Candidates of a vacancy: create and edit, answers to custom checks, interviewer assignment.

Plain service functions shared by the pages and the JSON API: no request objects, no commit (the caller owns
the transaction), an audit entry for every change. The data itself is checked in hiring.services.candidate_input.
"""

from collections.abc import Mapping
from typing import Any

import sqlalchemy as sa

from hiring.errors import AlreadyAssigned, DuplicateCandidate, InvalidCandidate, InvalidInput, VersionConflict
from hiring.errors import lazy_gettext as _l
from hiring.extensions import db
from hiring.models import Assignment, Candidate, CandidateLanguage, CheckAnswer, User
from hiring.models._base import utcnow
from hiring.services import audit, notifications
from hiring.services.candidate_input import FIELDS, check_candidate_data
from hiring.services.schedule import InterviewInput, schedule_interview

_SCALAR_FIELDS = tuple(name for name in FIELDS if name != "languages")


# --- refusing bad or duplicate data ------------------------------------------------------------------------


def _raise_invalid(errors: dict[str, str]) -> None:
    if errors:
        raise InvalidCandidate(_l("Please correct the marked fields."), errors)


def email_taken(vacancy_id: int, email: str, exclude_id: int | None = None) -> bool:
    """Whether another candidate of the vacancy has this email (letter case ignored)."""
    query = sa.select(Candidate.id).where(
        Candidate.vacancy_id == vacancy_id, sa.func.lower(Candidate.email) == email.lower()
    )
    if exclude_id is not None:
        query = query.where(Candidate.id != exclude_id)
    return db.session.scalar(query.limit(1)) is not None


def _refuse_duplicate(vacancy_id: int, email: str | None, exclude_id: int | None = None) -> None:
    if email and email_taken(vacancy_id, email, exclude_id):
        message = _l("Another candidate of this vacancy already has the email %(email)s.", email=email)
        raise DuplicateCandidate(message, {"email": message})


# --- create and edit --------------------------------------------------------------------------------------


def candidate_state(candidate: Candidate) -> dict[str, Any]:
    """The candidate's data in the SPEC §6 shape (languages as {code: level}), for the audit log."""
    state = {name: getattr(candidate, name) for name in _SCALAR_FIELDS}
    state["languages"] = {item.language: item.level for item in candidate.languages}
    return state


def build_candidate(vacancy, clean: Mapping[str, Any]) -> Candidate:
    """A new Candidate from already cleaned data (see check_candidate_data)."""
    candidate = Candidate(vacancy=vacancy, **{name: clean.get(name) for name in _SCALAR_FIELDS})
    candidate.notes = clean.get("notes") or ""
    candidate.languages = [
        CandidateLanguage(language=code, level=level)
        for code, level in (clean.get("languages") or {}).items()
    ]
    return candidate


def create_candidate(vacancy, data: Mapping[str, Any], user_id: int | None) -> Candidate:
    """Validate and add a candidate to the vacancy (flushed, not committed)."""
    clean, errors = check_candidate_data({name: data.get(name) for name in FIELDS})
    _raise_invalid(errors)
    _refuse_duplicate(vacancy.id, clean["email"])
    candidate = build_candidate(vacancy, clean)
    db.session.add(candidate)
    db.session.flush()
    audit.record(
        "candidate.create", "candidate", candidate.id, after=candidate_state(candidate), user_id=user_id
    )
    return candidate


def update_candidate(
    candidate: Candidate, data: Mapping[str, Any], expected_version: int | None, user_id: int | None
) -> Candidate:
    """Change the fields present in `data`; refuse when the candidate was saved since `expected_version`."""
    if expected_version is None or int(expected_version) != candidate.version:
        raise VersionConflict(
            _l(
                "Someone else has saved this candidate since you opened it. Check their changes and save again."
            )
        )
    clean, errors = check_candidate_data({name: data[name] for name in FIELDS if name in data})
    _raise_invalid(errors)
    if clean.get("email"):
        _refuse_duplicate(candidate.vacancy_id, clean["email"], exclude_id=candidate.id)
    before = candidate_state(candidate)
    for name in _SCALAR_FIELDS:
        if name in clean:
            setattr(candidate, name, clean[name])
    if "languages" in clean:
        _replace_languages(candidate, clean["languages"])
    after = candidate_state(candidate)
    changed = [name for name in FIELDS if before[name] != after[name]]
    if changed:
        # Touch the row so its version moves even when only languages changed.
        candidate.updated_at = utcnow()
        db.session.flush()
        audit.record(
            "candidate.update",
            "candidate",
            candidate.id,
            before={name: before[name] for name in changed},
            after={name: after[name] for name in changed},
            user_id=user_id,
        )
    return candidate


def _replace_languages(candidate: Candidate, languages: Mapping[str, str]) -> None:
    """Update rows in place (a delete and re-insert of one language would trip its unique constraint)."""
    existing = {item.language: item for item in candidate.languages}
    for code, item in existing.items():
        if code not in languages:
            candidate.languages.remove(item)
        elif item.level != languages[code]:
            item.level = languages[code]
    for code, level in languages.items():
        if code not in existing:
            candidate.languages.append(CandidateLanguage(language=code, level=level))


# --- custom checks ----------------------------------------------------------------------------------------


def _answer_items(answers: Any) -> list[tuple[Any, Any]]:
    if isinstance(answers, Mapping):
        return list(answers.items())
    if isinstance(answers, list | tuple) and all(isinstance(item, Mapping) for item in answers):
        return [(item.get("index"), item.get("met")) for item in answers]
    raise InvalidCandidate(
        _l("Give the answers as a list of {index, met}."),
        {"answers": _l("Give the answers as a list of {index, met}.")},
    )


def answer_checks(candidate: Candidate, answers: Any, user_id: int | None) -> Candidate:
    """Record HR's yes/no answers to the vacancy's custom checks by index; None clears an answer."""
    checks = {check.position: check for check in candidate.vacancy.custom_checks}
    wanted: dict[int, bool | None] = {}
    errors: dict[str, str] = {}
    for raw_index, met in _answer_items(answers):
        index = raw_index
        if isinstance(raw_index, str) and raw_index.strip().lstrip("-").isdigit():
            index = int(raw_index)
        if isinstance(index, bool) or not isinstance(index, int) or index not in checks:
            errors[f"answers.{raw_index}"] = _l(
                "This vacancy has no check number %(index)s.", index=str(raw_index)
            )
            continue
        if met is not None and not isinstance(met, bool):
            errors[f"answers.{index}"] = _l("Answer with yes (true), no (false) or nothing (null).")
            continue
        wanted[index] = met
    _raise_invalid(errors)
    current = {answer.check.position: answer for answer in candidate.check_answers}
    before: dict[int, bool | None] = {}
    after: dict[int, bool | None] = {}
    for index, met in wanted.items():
        answer = current.get(index)
        old = answer.met if answer is not None else None
        if old == met:
            continue
        if met is None:
            candidate.check_answers.remove(answer)
        elif answer is None:
            candidate.check_answers.append(CheckAnswer(check=checks[index], met=met, answered_by_id=user_id))
        else:
            answer.met = met
            answer.answered_by_id = user_id
            answer.answered_at = utcnow()
        before[index], after[index] = old, met
    if after:
        db.session.flush()
        audit.record(
            "candidate.checks", "candidate", candidate.id, before=before, after=after, user_id=user_id
        )
    return candidate


# --- interviewers -----------------------------------------------------------------------------------------


def _active_interviewer(user_id: Any) -> User:
    if isinstance(user_id, str) and user_id.strip().isdigit():
        user_id = int(user_id)
    user = (
        db.session.get(User, user_id) if isinstance(user_id, int) and not isinstance(user_id, bool) else None
    )
    if user is None or user.role != "interviewer" or not user.active:
        message = _l("Choose an active user with the interviewer role.")
        raise InvalidInput(message, {"user_id": message})
    return user


def assign_interviewer(
    candidate: Candidate, user_id: int, by_user_id: int | None, interview: InterviewInput | None = None
) -> Assignment:
    """Let an active interviewer interview the candidate (at the given time, if any); they are e-mailed."""
    user = _active_interviewer(user_id)
    if any(a.interviewer_id == user.id for a in candidate.assignments):
        raise AlreadyAssigned(_l("%(name)s is already assigned to this candidate.", name=user.display_name))
    assignment = Assignment(interviewer_id=user.id, assigned_by_id=by_user_id)
    candidate.assignments.append(assignment)
    db.session.flush()
    audit.record(
        "candidate.assign",
        "candidate",
        candidate.id,
        after={"interviewer_id": user.id, "interviewer": user.username},
        user_id=by_user_id,
    )
    if interview is not None:
        schedule_interview(assignment, interview, by_user_id, notify=False)
    notifications.interviewer_assigned(assignment)
    return assignment


def assign_panel(
    vacancy_id: int, candidate_ids: list[int], interviewer_ids: list[int], by_user_id: int | None
) -> int:
    """Let each of the interviewers interview each of the candidates of the vacancy, at once; a pair already
    assigned stays as it is. All or nothing: an unknown candidate or interviewer refuses the whole request.
    Returns how many assignments are new."""
    errors = {}
    if not candidate_ids:
        errors["candidate_ids"] = _l("Tick the candidates the panel should interview.")
    if not interviewer_ids:
        errors["interviewer_ids"] = _l("Choose one or more interviewers.")
    if errors:
        raise InvalidInput(_l("Choose candidates and interviewers."), errors)
    interviewers = [_active_interviewer(user_id) for user_id in dict.fromkeys(interviewer_ids)]
    candidates = db.session.scalars(
        sa.select(Candidate)
        .where(Candidate.vacancy_id == vacancy_id, Candidate.id.in_(set(candidate_ids)))
        .order_by(Candidate.id)
    ).all()
    if len(candidates) != len(set(candidate_ids)):
        message = _l("Some of the ticked candidates are not in this vacancy any more; reload the page.")
        raise InvalidInput(message, {"candidate_ids": message})
    added = 0
    for candidate in candidates:
        assigned = {a.interviewer_id for a in candidate.assignments}
        for interviewer in interviewers:
            if interviewer.id not in assigned:
                assign_interviewer(candidate, interviewer.id, by_user_id)
                added += 1
    return added


def unassign_interviewer(candidate: Candidate, user_id: int, by_user_id: int | None) -> None:
    """Take the candidate away from an interviewer; a scorecard already written stays."""
    assignment = next((a for a in candidate.assignments if a.interviewer_id == user_id), None)
    if assignment is None:
        message = _l("This interviewer is not assigned to this candidate.")
        raise InvalidInput(message, {"user_id": message})
    user = db.session.get(User, user_id)
    notifications.interview_cancelled(assignment)
    candidate.assignments.remove(assignment)
    db.session.flush()
    audit.record(
        "candidate.unassign",
        "candidate",
        candidate.id,
        before={"interviewer_id": user_id, "interviewer": user.username if user else None},
        user_id=by_user_id,
    )

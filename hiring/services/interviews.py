"""Scorecards: filling them (draft, then submitted and locked), reopening them, and who sees which.

Shared by the pages and the JSON API. Nothing here reads a request or commits: the caller commits on success
and rolls back on any exception. The rules of who may see or change what live in hiring.domain.visibility.
"""

from collections.abc import Iterable, Mapping
from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import selectinload
from sqlalchemy.orm.exc import StaleDataError

from hiring.domain import Screening, screen
from hiring.domain.visibility import can_edit_scorecard, can_open_candidate, can_reopen, visible_scorecard_ids
from hiring.errors import Conflict, InvalidInput, Locked, NotAllowed, ScorecardConflict, VersionConflict
from hiring.errors import lazy_gettext as _l
from hiring.extensions import db
from hiring.models import Assignment, Candidate, Rating, Scorecard, User, Vacancy, VerifiedLanguage
from hiring.services import audit, notifications
from hiring.services.evaluations import candidate_values, requirements_for, scorecard_values
from hiring.services.scorecard_input import (
    ScorecardInput,
    extreme_ratings_without_evidence,
    parse_scorecard_input,
    stale_save_conflict,
)

# --- reading -------------------------------------------------------------------------------------------


def is_assigned(candidate: Candidate, user: User) -> bool:
    """Whether the user is assigned to interview the candidate."""
    return (
        db.session.scalar(
            sa.select(Assignment.id).where(
                Assignment.candidate_id == candidate.id, Assignment.interviewer_id == user.id
            )
        )
        is not None
    )


def may_open_candidate(candidate: Candidate, user: User) -> bool:
    """Interviewers open only their assigned candidates; HR, lead and admin open all.

    The assignment is looked up only when the role alone does not open the candidate.
    """
    return can_open_candidate(user.role, False) or can_open_candidate(user.role, is_assigned(candidate, user))


def scorecard_of(candidate: Candidate, interviewer: User) -> Scorecard | None:
    """The interviewer's own scorecard for the candidate, if started."""
    return db.session.scalar(
        sa.select(Scorecard)
        .where(Scorecard.candidate_id == candidate.id, Scorecard.interviewer_id == interviewer.id)
        .options(selectinload(Scorecard.ratings), selectinload(Scorecard.verified_languages))
    )


def scorecard_state(card: Scorecard | None) -> str:
    """`not_started`, `draft` or `submitted`."""
    return "not_started" if card is None else card.status


def assigned_candidates(user: User, state: str | None = None) -> sa.Select:
    """The candidates assigned to the user, optionally only those whose scorecard is in `state`."""
    mine = sa.and_(Scorecard.candidate_id == Candidate.id, Scorecard.interviewer_id == user.id)
    query = (
        sa.select(Candidate)
        .join(Assignment, Assignment.candidate_id == Candidate.id)
        .join(Vacancy, Vacancy.id == Candidate.vacancy_id)
        .outerjoin(Scorecard, mine)
        .where(Assignment.interviewer_id == user.id)
        .options(selectinload(Candidate.vacancy))
        .order_by(Vacancy.title, Vacancy.id, Candidate.full_name, Candidate.id)
    )
    if state == "not_started":
        query = query.where(Scorecard.id.is_(None))
    elif state in ("draft", "submitted"):
        query = query.where(Scorecard.status == state)
    return query


def scorecard_state_counts(user: User) -> dict[str, int]:
    """How many of the user's assigned candidates have no scorecard yet, a draft, a submitted one."""
    mine = sa.and_(Scorecard.candidate_id == Assignment.candidate_id, Scorecard.interviewer_id == user.id)
    rows = db.session.execute(
        sa.select(Scorecard.status, sa.func.count())
        .select_from(Assignment)
        .outerjoin(Scorecard, mine)
        .where(Assignment.interviewer_id == user.id)
        .group_by(Scorecard.status)
    )
    counts = {"not_started": 0, "draft": 0, "submitted": 0}
    for status, n in rows:
        counts[status or "not_started"] += n
    return counts


def scorecards_by_candidate(user: User, candidate_ids: Iterable[int]) -> dict[int, Scorecard]:
    """The user's own scorecards for these candidates, by candidate id."""
    ids = list(candidate_ids)
    if not ids:
        return {}
    cards = db.session.scalars(
        sa.select(Scorecard).where(Scorecard.interviewer_id == user.id, Scorecard.candidate_id.in_(ids))
    )
    return {card.candidate_id: card for card in cards}


def visible_scorecards(candidate: Candidate, viewer: User) -> list[Scorecard]:
    """The candidate's scorecards the viewer may see (SPEC §4): own first, then the others in id order."""
    cards = db.session.scalars(
        sa.select(Scorecard)
        .where(Scorecard.candidate_id == candidate.id)
        .options(
            selectinload(Scorecard.ratings),
            selectinload(Scorecard.verified_languages),
            selectinload(Scorecard.interviewer),
        )
        .order_by(Scorecard.id)
    ).all()
    ids = visible_scorecard_ids(
        viewer.role,
        viewer.id,
        [(c.id, c.interviewer_id, c.status) for c in cards],
        is_assigned(candidate, viewer),
    )
    return sorted((c for c in cards if c.id in ids), key=lambda c: (c.interviewer_id != viewer.id, c.id))


def screening_for(candidate: Candidate, viewer: User) -> Screening:
    """The candidate's screening as the viewer may see it.

    Verified language levels come from submitted scorecards; only those the viewer may see count here, so an
    interviewer who has not submitted yet learns nothing of another interviewer's verification.
    """
    cards = [scorecard_values(c) for c in visible_scorecards(candidate, viewer) if c.is_submitted]
    return screen(requirements_for(candidate.vacancy), candidate_values(candidate), cards)


# --- writing -------------------------------------------------------------------------------------------


def save_scorecard(
    candidate: Candidate,
    interviewer: User,
    *,
    ratings: Mapping[str, Any] | None,
    notes: Mapping[str, Any] | None,
    verified_languages: Iterable[Mapping[str, Any]] | Mapping[str, Any] | None,
    recommendation: str | None,
    submit: bool,
    expected_version: int | None,
    not_assessed: Iterable[str] | None = None,
    verified_plan_attainment_pct: Any = None,
) -> Scorecard:
    """Save the interviewer's own scorecard for the candidate as a draft, or submit (and lock) it.

    The whole scorecard is replaced by what is given. `ratings` maps a competency code to 1..5, or to None for
    "not assessed"; `not_assessed` names more codes explicitly not assessed (the API passes every code left out
    of `ratings`). A code in neither is not rated yet, which a draft allows and a submit refuses; a submit also
    needs a recommendation, and an evidence note for every rating of 1 or 5 (an extreme needs a reason a reader
    can check; a draft may lack it). `verified_plan_attainment_pct` is the plan figure (%) the interviewer
    verified, or None. In a stored draft a rating row of None with no note means "not assessed"; in a
    submitted scorecard None always does.

    Raises NotAllowed (not the assigned, active interviewer), Locked (already submitted), ScorecardConflict
    (`expected_version` missing once the scorecard exists, or not the current version: nothing is changed)
    and InvalidInput with per-field errors keyed `ratings.<CODE>`, `notes.<CODE>`,
    `verified_languages.<lang>` and `recommendation`.
    """
    card = scorecard_of(candidate, interviewer)
    if not can_edit_scorecard(
        interviewer.id,
        card.interviewer_id if card else None,
        None,
        is_assigned(candidate, interviewer),
        interviewer.active,
    ):
        raise NotAllowed(_l("Only an interviewer assigned to this candidate can fill their scorecard."))
    if card is not None and card.is_submitted:
        raise Locked(_l("This scorecard is submitted and locked. Ask HR to reopen it if it needs a change."))
    vacancy = candidate.vacancy
    competencies = list(vacancy.profile.competencies)
    data, errors = parse_scorecard_input(
        competencies,
        {r.language.strip().lower() for r in vacancy.language_requirements},
        ratings,
        notes,
        verified_languages,
        recommendation,
        not_assessed,
        verified_plan_attainment_pct,
    )
    if card is not None and expected_version != card.version:
        raise stale_save_conflict(card, competencies, vacancy.language, data, expected_version)
    if submit:
        for competency in competencies:
            code = competency.code
            if code not in data.values and code not in data.not_assessed:
                errors.setdefault(f"ratings.{code}", _l("Rate this competency or mark it as not assessed."))
        if data.recommendation is None:
            errors.setdefault("recommendation", _l("Choose an overall recommendation before submitting."))
        for code, message in extreme_ratings_without_evidence(competencies, data).items():
            errors.setdefault(f"notes.{code}", message)
    if errors:
        raise InvalidInput(_l("The scorecard was not saved: please correct the marked fields."), errors)

    before = _audit_view(card) if card is not None else None
    if card is None:
        card = Scorecard(candidate_id=candidate.id, interviewer_id=interviewer.id, status="draft")
        db.session.add(card)
    _write(card, [c.code for c in competencies], data)
    card.recommendation = data.recommendation
    card.verified_plan_attainment_pct = data.verified_plan_pct
    if submit:
        card.status = "submitted"
        card.submitted_at = datetime.now(UTC)
    card.updated_at = datetime.now(UTC)  # every save bumps the version, even when only ratings change
    _flush_or_conflict()
    audit.record(
        "scorecard.submit" if submit else "scorecard.draft",
        "scorecard",
        card.id,
        before=before,
        after=_audit_view(card),
        user_id=interviewer.id,
    )
    if submit:
        notifications.panel_completed(candidate)
    return card


def reopen_scorecard(
    scorecard: Scorecard, by_user: User, *, expected_version: int | None = None
) -> Scorecard:
    """Turn a submitted scorecard back into a draft its interviewer can change (HR or admin only); audited."""
    if not can_reopen(by_user.role):
        raise NotAllowed(_l("Only HR or an administrator can reopen a submitted scorecard."))
    if expected_version is not None and expected_version != scorecard.version:
        raise VersionConflict(
            _l("This scorecard changed since you opened the page; reload it and try again.")
        )
    if not scorecard.is_submitted:
        raise Conflict(_l("This scorecard is not submitted; there is nothing to reopen."))
    before = {
        "status": scorecard.status,
        "submitted_at": scorecard.submitted_at,
        "version": scorecard.version,
    }
    scorecard.status = "draft"
    scorecard.submitted_at = None
    scorecard.updated_at = datetime.now(UTC)
    _flush_or_conflict()
    audit.record(
        "scorecard.reopen",
        "scorecard",
        scorecard.id,
        before=before,
        after={"status": scorecard.status, "submitted_at": None, "version": scorecard.version},
        user_id=by_user.id,
    )
    return scorecard


# --- helpers -------------------------------------------------------------------------------------------


def _write(card: Scorecard, codes: list[str], data: ScorecardInput) -> None:
    """Replace the card's ratings and verified languages with the given ones, reusing rows by key."""
    rows = {row.competency_code: row for row in card.ratings}
    for code in codes:
        chosen = code in data.values or code in data.not_assessed
        if chosen or code in data.notes:
            row = rows.pop(code, None)
            if row is None:
                row = Rating(competency_code=code)
                card.ratings.append(row)
            row.value = data.values.get(code)
            row.note = data.notes.get(code, "")
    for row in rows.values():
        card.ratings.remove(row)
    languages = {row.language: row for row in card.verified_languages}
    for language, level in data.verified.items():
        row = languages.pop(language, None)
        if row is None:
            card.verified_languages.append(VerifiedLanguage(language=language, level=level))
        else:
            row.level = level
    for row in languages.values():
        card.verified_languages.remove(row)


def _flush_or_conflict() -> None:
    """Write now, so that a save racing ours surfaces here as a conflict, not as a lost update."""
    try:
        db.session.flush()
    except (StaleDataError, IntegrityError) as error:
        raise ScorecardConflict(
            _l("This scorecard was saved elsewhere a moment ago. Reload it and apply your changes again."),
            [],
            None,
        ) from error


def _audit_view(card: Scorecard) -> dict[str, Any]:
    """What the audit log keeps; a draft's ratings and notes stay out of it (independent scoring)."""
    view: dict[str, Any] = {"status": card.status, "version": card.version}
    if card.is_submitted:
        view["recommendation"] = card.recommendation
        view["ratings"] = {r.competency_code: r.value for r in card.ratings}
        view["verified_languages"] = {v.language: v.level for v in card.verified_languages}
        view["verified_plan_attainment_pct"] = card.verified_plan_attainment_pct
    else:
        view["rated"] = sum(1 for r in card.ratings if r.value is not None)
    return view

"""Scorecards: filling them (draft, then submitted and locked), reopening them, and who sees which.

Shared by the pages and the JSON API. Nothing here reads a request or commits: the caller commits on success
and rolls back on any exception. The rules of who may see or change what live in hiring.domain.visibility.
"""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa
from flask_babel import gettext as _
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import selectinload
from sqlalchemy.orm.exc import StaleDataError

from hiring import audit, glossary
from hiring.domain import Screening, screen
from hiring.domain.levels import RATING_MAX, RATING_MIN, RECOMMENDATIONS, normalize_language_level
from hiring.domain.visibility import (
    can_edit_scorecard,
    can_open_candidate,
    can_reopen,
    has_submitted_own,
    visible_scorecard_ids,
)
from hiring.errors import Conflict, InvalidInput, Locked, VersionConflict
from hiring.evaluations import candidate_values, requirements_for, scorecard_values
from hiring.extensions import db
from hiring.models import Assignment, Candidate, Rating, Scorecard, User, Vacancy, VerifiedLanguage

NOTE_MAX_LENGTH = 5000

__all__ = [
    "NOTE_MAX_LENGTH",
    "Change",
    "Locked",
    "NotAllowed",
    "ScorecardConflict",
    "assigned_candidates",
    "is_assigned",
    "marked_not_assessed",
    "may_open_candidate",
    "reopen_scorecard",
    "save_scorecard",
    "scorecard_of",
    "scorecard_state",
    "scorecard_state_counts",
    "scorecards_by_candidate",
    "screening_for",
    "visible_scorecards",
]


class NotAllowed(PermissionError):
    """The user may not do this to this scorecard (not its assigned interviewer, or not HR/admin)."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class Change:
    """One way the saved scorecard differs from what the user tried to save."""

    field: str  # "ratings.NEG", "notes.NEG", "verified_languages.en", "recommendation", "status"
    label: str
    saved: str
    yours: str


class ScorecardConflict(VersionConflict):
    """The scorecard was saved elsewhere after the user read it; `changes` lists how it differs now."""

    def __init__(
        self, message: str, changes: list[Change], current_version: int | None, summary: str | None = None
    ):
        super().__init__(message)
        self.changes = changes
        self.current_version = current_version
        self.summary = (
            summary or message
        )  # the message without the list of changes, for pages that table them


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
    """Interviewers open only their assigned candidates; HR, lead and admin open all."""
    return can_open_candidate(user.role, is_assigned(candidate, user))


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


def has_submitted(candidate: Candidate, viewer: User) -> bool:
    """Whether the viewer's own scorecard for the candidate is submitted."""
    card = scorecard_of(candidate, viewer)
    return card is not None and has_submitted_own(viewer.id, [(card.id, card.interviewer_id, card.status)])


def screening_for(candidate: Candidate, viewer: User) -> Screening:
    """The candidate's screening as the viewer may see it.

    Verified language levels come from submitted scorecards; only those the viewer may see count here, so an
    interviewer who has not submitted yet learns nothing of another interviewer's verification.
    """
    cards = [scorecard_values(c) for c in visible_scorecards(candidate, viewer) if c.is_submitted]
    return screen(requirements_for(candidate.vacancy), candidate_values(candidate), cards)


def marked_not_assessed(card: Scorecard, row: Rating) -> bool:
    """Whether a stored rating row without a value means an explicit "not assessed".

    Always in a submitted scorecard. A draft also keeps a competency that has only a note as a row without a
    value; such a row reads as "not rated yet", so that "not assessed" is never inherited unseen at submit.
    """
    return row.value is None and (card.is_submitted or not row.note)


# --- writing -------------------------------------------------------------------------------------------


@dataclass
class _Input:
    values: dict[str, int]
    not_assessed: set[str]
    notes: dict[str, str]
    verified: dict[str, str]
    recommendation: str | None


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
) -> Scorecard:
    """Save the interviewer's own scorecard for the candidate as a draft, or submit (and lock) it.

    The whole scorecard is replaced by what is given. `ratings` maps a competency code to 1..5, or to None for
    "not assessed"; `not_assessed` names more codes explicitly not assessed (the API passes every code left out
    of `ratings`). A code in neither is not rated yet, which a draft allows and a submit refuses; a submit also
    needs a recommendation. In a stored draft a rating row of None with no note means "not assessed"; in a
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
        raise NotAllowed(_("Only an interviewer assigned to this candidate can fill their scorecard."))
    if card is not None and card.is_submitted:
        raise Locked(_("This scorecard is submitted and locked. Ask HR to reopen it if it needs a change."))
    vacancy = candidate.vacancy
    competencies = list(vacancy.profile.competencies)
    data, errors = _parse(
        competencies,
        {r.language.strip().lower() for r in vacancy.language_requirements},
        ratings,
        notes,
        verified_languages,
        recommendation,
        not_assessed,
    )
    if card is not None and expected_version != card.version:
        raise _conflict(card, competencies, vacancy.language, data, expected_version)
    if submit:
        for competency in competencies:
            code = competency.code
            if code not in data.values and code not in data.not_assessed:
                errors.setdefault(f"ratings.{code}", _("Rate this competency or mark it as not assessed."))
        if data.recommendation is None:
            errors.setdefault("recommendation", _("Choose an overall recommendation before submitting."))
    if errors:
        raise InvalidInput(_("The scorecard was not saved: please correct the marked fields."), errors)

    before = _audit_view(card) if card is not None else None
    if card is None:
        card = Scorecard(candidate_id=candidate.id, interviewer_id=interviewer.id, status="draft")
        db.session.add(card)
    _write(card, [c.code for c in competencies], data)
    card.recommendation = data.recommendation
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
    return card


def reopen_scorecard(
    scorecard: Scorecard, by_user: User, *, expected_version: int | None = None
) -> Scorecard:
    """Turn a submitted scorecard back into a draft its interviewer can change (HR or admin only); audited."""
    if not can_reopen(by_user.role):
        raise NotAllowed(_("Only HR or an administrator can reopen a submitted scorecard."))
    if expected_version is not None and expected_version != scorecard.version:
        raise VersionConflict(_("This scorecard changed since you opened the page; reload it and try again."))
    if not scorecard.is_submitted:
        raise Conflict(_("This scorecard is not submitted; there is nothing to reopen."))
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


def _parse(
    competencies, required_languages, ratings, notes, verified_languages, recommendation, not_assessed
) -> tuple[_Input, dict[str, str]]:
    """Check every value; collect per-field errors rather than stopping at the first."""
    codes = {c.code for c in competencies}
    errors: dict[str, str] = {}
    data = _Input({}, set(), {}, {}, None)

    if ratings is not None and not isinstance(ratings, Mapping):
        errors["ratings"] = _("Ratings must map competency codes to ratings.")
        ratings = None
    for code, raw in (ratings or {}).items():
        key = f"ratings.{code}"
        if code not in codes:
            errors[key] = _("Unknown competency: %(code)s.", code=code)
        elif raw is None:
            data.not_assessed.add(code)
        elif isinstance(raw, bool) or not isinstance(raw, int) or not RATING_MIN <= raw <= RATING_MAX:
            errors[key] = _(
                "Choose a whole number from %(low)s to %(high)s.", low=RATING_MIN, high=RATING_MAX
            )
        else:
            data.values[code] = raw
    for code in not_assessed or ():
        if code not in codes:
            errors[f"ratings.{code}"] = _("Unknown competency: %(code)s.", code=code)
        elif code in data.values:
            errors[f"ratings.{code}"] = _("Give a rating or mark it as not assessed, not both.")
        else:
            data.not_assessed.add(code)

    if notes is not None and not isinstance(notes, Mapping):
        errors["notes"] = _("Notes must map competency codes to text.")
        notes = None
    for code, text in (notes or {}).items():
        key = f"notes.{code}"
        if code not in codes:
            errors[key] = _("Unknown competency: %(code)s.", code=code)
        elif text is None:
            continue
        elif not isinstance(text, str):
            errors[key] = _("A note must be text.")
        elif len(text) > NOTE_MAX_LENGTH:
            errors[key] = _("Keep the note under %(n)s characters.", n=NOTE_MAX_LENGTH)
        elif text.strip():
            data.notes[code] = text.strip()

    for language, level in _language_pairs(verified_languages, errors):
        key = f"verified_languages.{language}"
        if language not in required_languages:
            errors[key] = _("Only the languages the vacancy requires can be verified.")
        elif language in data.verified:
            errors[key] = _("This language is given twice.")
        elif level in (None, ""):
            continue
        else:
            try:
                data.verified[language] = normalize_language_level(level)
            except (ValueError, TypeError):
                errors[key] = _("Choose a CEFR level (A1 to C2) or native.")

    if recommendation in (None, ""):
        data.recommendation = None
    elif recommendation in RECOMMENDATIONS:
        data.recommendation = recommendation
    else:
        errors["recommendation"] = _("Choose one of: strong no, no, yes, strong yes.")
    return data, errors


def _language_pairs(verified_languages, errors: dict[str, str]) -> list[tuple[str, Any]]:
    """[(language, level)] from a list of {"language", "level"} or a {language: level} mapping."""
    if verified_languages is None:
        return []
    if isinstance(verified_languages, Mapping):
        items = [{"language": k, "level": v} for k, v in verified_languages.items()]
    elif isinstance(verified_languages, list | tuple):
        items = list(verified_languages)
    else:
        errors["verified_languages"] = _("Verified languages must be a list of language and level.")
        return []
    pairs = []
    for item in items:
        if not isinstance(item, Mapping) or not isinstance(item.get("language"), str):
            errors["verified_languages"] = _("Each verified language needs a language code and a level.")
            continue
        pairs.append((item["language"].strip().lower(), item.get("level")))
    return pairs


def _write(card: Scorecard, codes: list[str], data: _Input) -> None:
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
            _("This scorecard was saved elsewhere a moment ago. Reload it and apply your changes again."),
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
    else:
        view["rated"] = sum(1 for r in card.ratings if r.value is not None)
    return view


def _rating_text(value: int | None, chosen: bool) -> str:
    if value is not None:
        return str(value)
    return _("not assessed") if chosen else _("not rated")


def _change_text(change: Change) -> str:
    if change.field.startswith("notes."):
        return _("%(label)s changed", label=change.label)
    return _(
        "%(label)s: %(saved)s (yours: %(yours)s)", label=change.label, saved=change.saved, yours=change.yours
    )


def _conflict(card: Scorecard, competencies, language: str, data: _Input, expected: int | None):
    """The refusal of a stale save, listing how the saved scorecard differs from the attempted one."""
    changes: list[Change] = []
    saved_rows = {row.competency_code: row for row in card.ratings}
    for competency in competencies:
        code = competency.code
        name = f"{code} · {competency.name(language)}"
        row = saved_rows.get(code)
        saved_chosen = row is not None and (row.value is not None or marked_not_assessed(card, row))
        saved = _rating_text(row.value if row else None, saved_chosen)
        yours = _rating_text(data.values.get(code), code in data.not_assessed)
        if saved != yours:
            changes.append(Change(f"ratings.{code}", name, saved, yours))
        saved_note = row.note if row else ""
        if saved_note != data.notes.get(code, ""):
            changes.append(
                Change(
                    f"notes.{code}", _("Note on %(name)s", name=name), saved_note, data.notes.get(code, "")
                )
            )
    saved_languages = {v.language: v.level for v in card.verified_languages}
    for code in sorted(set(saved_languages) | set(data.verified)):
        if saved_languages.get(code) != data.verified.get(code):
            changes.append(
                Change(
                    f"verified_languages.{code}",
                    _("Verified %(language)s", language=glossary.label(glossary.LANGUAGE_NAMES, code)),
                    saved_languages.get(code) or "—",
                    data.verified.get(code) or "—",
                )
            )
    if card.recommendation != data.recommendation:
        changes.append(
            Change(
                "recommendation",
                _("Recommendation"),
                glossary.label(glossary.RECOMMENDATION_LABELS, card.recommendation),
                glossary.label(glossary.RECOMMENDATION_LABELS, data.recommendation),
            )
        )
    if expected is None:
        head = _(
            "This scorecard was already saved (version %(current)s) and your form did not say which version "
            "it started from. Nothing was changed.",
            current=card.version,
        )
    else:
        head = _(
            "This scorecard was saved elsewhere after you opened it (it is now version %(current)s, you "
            "started from version %(yours)s). Your changes were not saved; the newer version is kept.",
            current=card.version,
            yours=expected,
        )
    message = head
    if changes:
        listed = "; ".join(_change_text(c) for c in changes)
        message = head + " " + _("The saved version differs in: %(changes)s.", changes=listed)
    return ScorecardConflict(message, changes, card.version, summary=head)

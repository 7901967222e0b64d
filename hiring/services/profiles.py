"""Competency profiles: cloning and editing, with the rules that keep past evaluations stable.

Plain service functions shared by the pages and the JSON API: no request objects, every change written to the
audit log, nothing committed (the caller owns the transaction). Messages are English and translated by the
caller (`gettext(message)`).
"""

import copy
import re
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm.attributes import flag_modified

from hiring.domain.levels import N_
from hiring.errors import InvalidProfile, ProfileLocked, VersionConflict
from hiring.extensions import db
from hiring.models import Candidate, Competency, Profile, Scorecard, Vacancy
from hiring.services import audit
from hiring.services.evaluations import SCREENING_FIELDS
from hiring.services.profile_input import (
    COMPETENCY_FIELDS,
    EDITABLE_COMPETENCY_FIELDS,
    NAME_LENGTH,
    check_competency_data,
    check_profile_settings,
)

CODE_PATTERN = re.compile(r"[A-Z]{2,8}")

PROFILE_FIELDS = (
    "name_ru",
    "name_en",
    "description_ru",
    "description_en",
    *SCREENING_FIELDS,
)

DEFAULT_READ_ONLY = N_("The default profile is read-only: clone it and edit the clone.")
LOCKED = N_(
    "A vacancy made from this profile already has submitted scorecards, so changing the profile would change "
    "past evaluations: clone it and edit the clone."
)
STALE = N_(
    "Someone else changed this profile while you were editing it. Nothing was saved: reload and try again."
)
POSITIVE_TOTAL = N_("The total weight must stay above zero: at least one competency needs a positive weight.")


def profile_is_locked(profile: Profile) -> bool:
    """True when a vacancy made from the profile has a submitted scorecard (one query)."""
    query = sa.select(
        sa.exists()
        .where(Vacancy.profile_id == profile.id)
        .where(Candidate.vacancy_id == Vacancy.id)
        .where(Scorecard.candidate_id == Candidate.id)
        .where(Scorecard.status == "submitted")
    )
    return bool(db.session.scalar(query))


def locked_profile_ids() -> set[int]:
    """Ids of every profile that `profile_is_locked` (one query, for lists)."""
    query = (
        sa.select(Vacancy.profile_id)
        .join(Candidate, Candidate.vacancy_id == Vacancy.id)
        .join(Scorecard, Scorecard.candidate_id == Candidate.id)
        .where(Scorecard.status == "submitted")
        .distinct()
    )
    return set(db.session.scalars(query))


def edit_refusal(profile: Profile) -> str | None:
    """Why the profile cannot be edited in place (an English message), or None when it can."""
    if profile.is_default:
        return DEFAULT_READ_ONLY
    if profile_is_locked(profile):
        return LOCKED
    return None


def ensure_editable(profile: Profile, expected_version: int | None) -> None:
    """Raise ProfileLocked or VersionConflict unless the profile may be changed now."""
    refusal = edit_refusal(profile)
    if refusal:
        raise ProfileLocked(refusal)
    if expected_version is not None and expected_version != profile.version:
        raise VersionConflict(STALE)


def clone_profile(profile: Profile, user_id: int | None) -> Profile:
    """A copy of the profile and its competencies, named "<name> (copy)", that HR may edit."""
    clone = Profile(
        name_ru=_suffixed(profile.name_ru, " (копия)"),
        name_en=_suffixed(profile.name_en, " (copy)"),
        is_default=False,
        cloned_from_id=profile.id,
        **{name: _copy(getattr(profile, name)) for name in PROFILE_FIELDS if not name.startswith("name_")},
    )
    for position, competency in enumerate(profile.competencies):
        clone.competencies.append(
            Competency(position=position, **{f: _copy(getattr(competency, f)) for f in COMPETENCY_FIELDS})
        )
    db.session.add(clone)
    db.session.flush()
    audit.record(
        "profile.clone",
        "profile",
        clone.id,
        before={"cloned_from_id": profile.id},
        after=profile_snapshot(clone),
        user_id=user_id,
    )
    return clone


def update_profile_settings(
    profile: Profile, data: dict[str, Any], expected_version: int | None, user_id: int | None
) -> Profile:
    """Change the profile's names, descriptions and screening defaults (keys of PROFILE_FIELDS; others kept)."""
    ensure_editable(profile, expected_version)
    values = {name: data.get(name, getattr(profile, name)) for name in PROFILE_FIELDS}
    values = check_profile_settings(values)
    before = profile_snapshot(profile, with_competencies=False)
    for name, value in values.items():
        setattr(profile, name, value)
    db.session.flush()
    audit.record(
        "profile.update",
        "profile",
        profile.id,
        before=before,
        after=profile_snapshot(profile, with_competencies=False),
        user_id=user_id,
    )
    return profile


def update_competency(
    competency: Competency, data: dict[str, Any], expected_version: int | None, user_id: int | None
) -> Competency:
    """Change a competency's texts, weight, critical minimum and questions; its code stays."""
    profile = competency.profile
    ensure_editable(profile, expected_version)
    values = {name: data.get(name, getattr(competency, name)) for name in EDITABLE_COMPETENCY_FIELDS}
    values = check_competency_data(values)
    others = sum(c.weight for c in profile.competencies if c is not competency)
    if others + values["weight"] <= 0:
        raise InvalidProfile(POSITIVE_TOTAL, {"weight": POSITIVE_TOTAL})
    before = competency_snapshot(competency)
    for name, value in values.items():
        setattr(competency, name, value)
    _touch(profile)
    db.session.flush()
    audit.record(
        "profile.competency_update",
        "profile",
        profile.id,
        before=before,
        after=competency_snapshot(competency),
        user_id=user_id,
    )
    return competency


def add_competency(
    profile: Profile, data: dict[str, Any], expected_version: int | None, user_id: int | None
) -> Competency:
    """Add a competency with a new code (2-8 capital letters, unique in the profile) at the end."""
    ensure_editable(profile, expected_version)
    errors: dict[str, str] = {}
    code = str(data.get("code") or "").strip().upper()
    if not CODE_PATTERN.fullmatch(code):
        errors["code"] = N_("Use 2 to 8 Latin capital letters, for example NEG.")
    elif any(c.code == code for c in profile.competencies):
        errors["code"] = N_("This profile already has a competency with this code.")
    defaults = dict.fromkeys(EDITABLE_COMPETENCY_FIELDS, "") | {
        "weight": 0.0,
        "critical_min": None,
        "questions": [],
    }
    try:
        values = check_competency_data({name: data.get(name, defaults[name]) for name in defaults})
    except InvalidProfile as error:
        raise InvalidProfile(error.message, errors | error.fields) from None
    if errors:
        raise InvalidProfile(N_("Some values need correcting."), errors)
    if profile.total_weight + values["weight"] <= 0:
        raise InvalidProfile(POSITIVE_TOTAL, {"weight": POSITIVE_TOTAL})
    position = max((c.position for c in profile.competencies), default=-1) + 1
    competency = Competency(code=code, position=position, **values)
    profile.competencies.append(competency)
    _touch(profile)
    db.session.flush()
    audit.record(
        "profile.competency_add",
        "profile",
        profile.id,
        after=competency_snapshot(competency),
        user_id=user_id,
    )
    return competency


def remove_competency(competency: Competency, expected_version: int | None, user_id: int | None) -> None:
    """Remove a competency, unless it carries the last positive weight of the profile."""
    profile = competency.profile
    ensure_editable(profile, expected_version)
    remaining = [c for c in profile.competencies if c is not competency]
    if sum(c.weight for c in remaining) <= 0:
        raise InvalidProfile(
            N_(
                "This competency carries the last positive weight of the profile: give another competency "
                "a weight first."
            )
        )
    before = competency_snapshot(competency)
    profile.competencies.remove(competency)
    _touch(profile)
    db.session.flush()
    audit.record("profile.competency_remove", "profile", profile.id, before=before, user_id=user_id)


def profile_snapshot(profile: Profile, with_competencies: bool = True) -> dict[str, Any]:
    snapshot = audit.snapshot(profile, PROFILE_FIELDS)
    if with_competencies:
        snapshot["competencies"] = [competency_snapshot(c) for c in profile.competencies]
    return snapshot


def competency_snapshot(competency: Competency) -> dict[str, Any]:
    return audit.snapshot(competency, COMPETENCY_FIELDS)


def _suffixed(name: str, suffix: str) -> str:
    return name[: NAME_LENGTH - len(suffix)] + suffix


def _copy(value: Any) -> Any:
    return copy.deepcopy(value) if isinstance(value, list | dict) else value


def _touch(profile: Profile) -> None:
    """Make the profile row update too, so its version moves with every change to its competencies."""
    flag_modified(profile, "name_en")

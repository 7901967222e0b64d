"""Competency profiles: cloning and editing, with the rules that keep past evaluations stable.

Plain service functions shared by the pages and the JSON API: no request objects, every change written to the
audit log, nothing committed (the caller owns the transaction). Messages are English and translated by the
caller (`gettext(message)`).
"""

import re
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm.attributes import flag_modified

from hiring import audit, seed_profile
from hiring.domain.levels import EDUCATION_LEVELS, N_
from hiring.errors import Conflict, InvalidInput, VersionConflict
from hiring.evaluations import SCREENING_FIELDS
from hiring.extensions import db
from hiring.models import Candidate, Competency, Profile, Scorecard, Vacancy

CODE_PATTERN = re.compile(r"[A-Z]{2,8}")
EDUCATION_FIELDS = tuple(seed_profile.FIELD_LABELS)
MAX_WEIGHT = 1000.0
MAX_YEARS = 60.0
MAX_PLAN_PCT = 1000.0
NAME_LENGTH = 200
_INVALID: Any = object()  # a value that is not a number, told apart from an empty one (None)

PROFILE_FIELDS = (
    "name_ru",
    "name_en",
    "description_ru",
    "description_en",
    *SCREENING_FIELDS,
)
COMPETENCY_FIELDS = (
    "code",
    "name_ru",
    "name_en",
    "covers_ru",
    "covers_en",
    "weight",
    "critical_min",
    "anchor1_ru",
    "anchor1_en",
    "anchor3_ru",
    "anchor3_en",
    "anchor5_ru",
    "anchor5_en",
    "questions",
)
EDITABLE_COMPETENCY_FIELDS = COMPETENCY_FIELDS[1:]  # the code names the ratings already given: it stays

DEFAULT_READ_ONLY = N_("The default profile is read-only: clone it and edit the clone.")
LOCKED = N_(
    "A vacancy made from this profile already has submitted scorecards, so changing the profile would change "
    "past evaluations: clone it and edit the clone."
)
STALE = N_(
    "Someone else changed this profile while you were editing it. Nothing was saved: reload and try again."
)
POSITIVE_TOTAL = N_("The total weight must stay above zero: at least one competency needs a positive weight.")


class InvalidProfile(InvalidInput):
    """A profile or competency change with bad values; `fields` says which and why."""


class ProfileLocked(Conflict):
    """The profile may not be changed in place (the default one, or one with submitted scorecards)."""


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
    values = _validated_settings(values)
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
    values = _validated_competency(values)
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
        values = _validated_competency({name: data.get(name, defaults[name]) for name in defaults})
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


def questions_from_lines(ru: str, en: str) -> list[dict[str, str]]:
    """Pair the n-th Russian line with the n-th English one; blank lines are dropped.

    Raises InvalidProfile when the two languages have a different number of questions.
    """
    ru_lines = _lines(ru)
    en_lines = _lines(en)
    if len(ru_lines) != len(en_lines):
        message = N_(
            "Give every question in both languages: the same number of lines in Russian and English."
        )
        raise InvalidProfile(message, {"questions_en": message})
    return [{"ru": r, "en": e} for r, e in zip(ru_lines, en_lines, strict=True)]


def profile_snapshot(profile: Profile, with_competencies: bool = True) -> dict[str, Any]:
    snapshot = audit.snapshot(profile, PROFILE_FIELDS)
    if with_competencies:
        snapshot["competencies"] = [competency_snapshot(c) for c in profile.competencies]
    return snapshot


def competency_snapshot(competency: Competency) -> dict[str, Any]:
    return audit.snapshot(competency, COMPETENCY_FIELDS)


# --- validation --------------------------------------------------------------------------------------------


def _validated_settings(values: dict[str, Any]) -> dict[str, Any]:
    errors: dict[str, str] = {}
    out = dict(values)
    for name in ("name_ru", "name_en"):
        out[name] = str(values[name] or "").strip()
        if not out[name]:
            errors[name] = N_("Enter a name.")
        elif len(out[name]) > NAME_LENGTH:
            errors[name] = N_("Use at most 200 characters.")
    for name in ("description_ru", "description_en"):
        out[name] = str(values[name] or "").strip()
    if values["edu_min_level"] not in EDUCATION_LEVELS:
        errors["edu_min_level"] = N_("Choose an education level from the list.")
    fields = values["edu_preferred_fields"] or []
    if isinstance(fields, str) or any(f not in EDUCATION_FIELDS for f in fields):
        errors["edu_preferred_fields"] = N_("Choose fields of education from the list.")
    else:
        out["edu_preferred_fields"] = [f for f in EDUCATION_FIELDS if f in fields]
    out["edu_mandatory"] = bool(values["edu_mandatory"])
    out["exp_mandatory"] = bool(values["exp_mandatory"])
    experience, experience_errors = validate_experience(
        values["exp_min_years"], values["exp_exception_min_years"], values["exp_exception_min_plan_pct"]
    )
    for key, value in experience.items():
        out[f"exp_{key}"] = value
    errors |= {f"exp_{key}": message for key, message in experience_errors.items()}
    if errors:
        raise InvalidProfile(N_("Some values need correcting."), errors)
    return out


def validate_experience(
    min_years: Any, exception_min_years: Any, exception_min_plan_pct: Any
) -> tuple[dict[str, float | None], dict[str, str]]:
    """The experience rule's numbers, and errors keyed `min_years`, `exception_min_years`, `exception_min_plan_pct`.

    The exception path (fewer years with a strong sales plan) needs both of its numbers, or neither, and must
    ask for fewer years than the minimum.
    """
    errors: dict[str, str] = {}
    years = _number(min_years)
    if not isinstance(years, float) or not 0 <= years <= MAX_YEARS:
        errors["min_years"] = N_("Enter a number of years from 0 to 60.")
    exception = _number(exception_min_years)
    plan = _number(exception_min_plan_pct)
    if exception is _INVALID or (exception is not None and not 0 <= exception <= MAX_YEARS):
        errors["exception_min_years"] = N_("Enter a number of years from 0 to 60, or leave it empty.")
    elif isinstance(exception, float) and "min_years" not in errors and exception >= years:
        errors["exception_min_years"] = N_("The exception must ask for fewer years than the minimum.")
    if plan is _INVALID or (plan is not None and not 0 <= plan <= MAX_PLAN_PCT):
        errors["exception_min_plan_pct"] = N_("Enter a percentage from 0 to 1000, or leave it empty.")
    if not errors and (exception is None) != (plan is None):
        missing = "exception_min_plan_pct" if plan is None else "exception_min_years"
        errors[missing] = N_("The exception needs both the years and the sales plan percentage, or neither.")
    values = {"min_years": years, "exception_min_years": exception, "exception_min_plan_pct": plan}
    return values, errors


def _validated_competency(values: dict[str, Any]) -> dict[str, Any]:
    errors: dict[str, str] = {}
    out = dict(values)
    for name in EDITABLE_COMPETENCY_FIELDS:
        if name in ("weight", "critical_min", "questions"):
            continue
        out[name] = str(values[name] or "").strip()
    for name in ("name_ru", "name_en"):
        if not out[name]:
            errors[name] = N_("Enter a name.")
        elif len(out[name]) > NAME_LENGTH:
            errors[name] = N_("Use at most 200 characters.")
    weight = _number(values["weight"])
    if weight is None or weight is _INVALID:
        errors["weight"] = N_("Enter a weight: a number of 0 or more.")
    elif weight < 0:
        errors["weight"] = N_("A weight cannot be negative.")
    elif weight > MAX_WEIGHT:
        errors["weight"] = N_("Use a weight of at most 1000.")
    out["weight"] = weight
    critical = _number(values["critical_min"])
    if critical is _INVALID or (critical is not None and not 1 <= critical <= 5):
        errors["critical_min"] = N_("Enter a minimum from 1 to 5 on the rating scale, or leave it empty.")
    out["critical_min"] = critical
    questions = values["questions"] or []
    if not isinstance(questions, list) or not all(
        isinstance(q, dict) and isinstance(q.get("ru", ""), str) and isinstance(q.get("en", ""), str)
        for q in questions
    ):
        errors["questions"] = N_("Questions must be a list of texts in Russian and English.")
    else:
        out["questions"] = [
            {"ru": q.get("ru", "").strip(), "en": q.get("en", "").strip()}
            for q in questions
            if q.get("ru", "").strip() or q.get("en", "").strip()
        ]
    if errors:
        raise InvalidProfile(N_("Some values need correcting."), errors)
    return out


def _number(value: Any) -> Any:
    """A float from a number or numeric text; None when empty, _INVALID when not a number."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, bool):
        return _INVALID
    try:
        number = float(str(value).replace(",", ".")) if isinstance(value, str) else float(value)
    except (TypeError, ValueError):
        return _INVALID
    if number != number or number in (float("inf"), float("-inf")):
        return _INVALID
    return number


def _lines(text: str | None) -> list[str]:
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


def _suffixed(name: str, suffix: str) -> str:
    return name[: NAME_LENGTH - len(suffix)] + suffix


def _copy(value: Any) -> Any:
    if isinstance(value, list):
        return [dict(item) if isinstance(item, dict) else item for item in value]
    return value


def _touch(profile: Profile) -> None:
    """Make the profile row update too, so its version moves with every change to its competencies."""
    flag_modified(profile, "name_en")

"""Vacancies: made from a profile, validated in one place for the pages and the JSON API.

`data` has the shape of SPEC §6 (title, language, company, ..., requirements: {education, experience, languages,
custom}). Creating, a key left out takes the profile's default (texts from the seed in the vacancy's language);
updating, a key left out keeps the vacancy's current value. Nothing here commits: the caller owns the
transaction. Messages are English and translated by the caller (`gettext(message)`).
"""

import re
from typing import Any

from hiring import audit, seed_profile
from hiring.domain.levels import (
    EDUCATION_LEVELS,
    N_,
    is_language_code,
    normalize_language_code,
    normalize_language_level,
)
from hiring.errors import InvalidInput, VersionConflict
from hiring.evaluations import SCREENING_FIELDS
from hiring.extensions import db
from hiring.models import CustomCheck, LanguageRequirement, Profile, Vacancy
from hiring.models.vacancies import VACANCY_STATUSES
from hiring.profiles import EDUCATION_FIELDS, validate_experience

LANGUAGES = ("ru", "en")
CURRENCIES = ("RUB", "USD", "EUR", "KZT", "BYN", "UZS", "CNY", "AED", "TRY", "GBP")
MAX_SALARY = 2_000_000_000  # fits the INTEGER column on every database
SHORT_TEXT = 200
CHECK_TEXT = 500
LONG_TEXT = 20_000

SHORT_FIELDS = ("title", "company", "location", "employment_terms")
LONG_FIELDS = ("intro", "responsibilities", "conditions", "contacts")
SCALAR_FIELDS = (
    "title",
    "language",
    "company",
    "location",
    "employment_terms",
    "salary_from",
    "salary_to",
    "salary_currency",
    "travel_required",
    "intro",
    "responsibilities",
    "conditions",
    "contacts",
)

STALE = N_(
    "Someone else changed this vacancy while you were editing it. Nothing was saved: reload and try again."
)
CORRECT_THESE = N_("Some values need correcting.")


class InvalidVacancy(InvalidInput):
    """Bad vacancy data; `fields` maps a path such as `requirements.languages[1].min_level` to a message."""

    def __init__(self, fields: dict[str, str], message: str = CORRECT_THESE):
        super().__init__(message, fields)


def create_vacancy(profile: Profile, data: dict[str, Any], user_id: int | None) -> Vacancy:
    """A new open vacancy from the profile; left-out keys take the profile's and the seed's defaults."""
    language = data.get("language")
    defaults = profile_defaults(profile, language if language in LANGUAGES else "ru")
    defaults["language"] = None  # required: a vacancy is written in one language
    values, languages, checks = _validated(data, defaults)
    vacancy = Vacancy(profile=profile, status="open", created_by_id=user_id, **values)
    vacancy.language_requirements = [
        LanguageRequirement(position=i, **item) for i, item in enumerate(languages)
    ]
    vacancy.custom_checks = [CustomCheck(position=i, **item) for i, item in enumerate(checks)]
    db.session.add(vacancy)
    db.session.flush()
    audit.record("vacancy.create", "vacancy", vacancy.id, after=vacancy_snapshot(vacancy), user_id=user_id)
    return vacancy


def update_vacancy(
    vacancy: Vacancy, data: dict[str, Any], expected_version: int | None, user_id: int | None
) -> Vacancy:
    """Change the vacancy; left-out keys keep their values. A stale `expected_version` raises VersionConflict.

    Custom checks are matched by their text, so HR's answers stay with a check that is kept or moved and go
    with one that is removed or reworded.
    """
    if expected_version is not None and expected_version != vacancy.version:
        raise VersionConflict(STALE)
    values, languages, checks = _validated(data, current_values(vacancy))
    before = vacancy_snapshot(vacancy)
    for name, value in values.items():
        setattr(vacancy, name, value)
    _replace_languages(vacancy, languages)
    _replace_checks(vacancy, checks)
    db.session.flush()
    audit.record(
        "vacancy.update",
        "vacancy",
        vacancy.id,
        before=before,
        after=vacancy_snapshot(vacancy),
        user_id=user_id,
    )
    return vacancy


def set_vacancy_status(vacancy: Vacancy, status: str, user_id: int | None) -> Vacancy:
    """Open or close the vacancy."""
    if status not in VACANCY_STATUSES:
        raise InvalidVacancy({"status": N_("The status must be open or closed.")})
    if vacancy.status != status:
        before = {"status": vacancy.status}
        vacancy.status = status
        db.session.flush()
        audit.record(
            "vacancy.status", "vacancy", vacancy.id, before=before, after={"status": status}, user_id=user_id
        )
    return vacancy


def profile_defaults(profile: Profile, language: str) -> dict[str, Any]:
    """A new vacancy's values before HR changes any: the profile's requirements and the seed's texts."""
    return {
        "title": None,
        "language": language,
        "company": "",
        "location": "",
        "employment_terms": "",
        "salary_from": None,
        "salary_to": None,
        "salary_currency": "RUB",
        "travel_required": False,
        "intro": seed_profile.INTRO[language],
        "responsibilities": "\n".join(seed_profile.DUTIES[language]),
        "conditions": "\n".join(seed_profile.CONDITIONS[language]),
        "contacts": "",
        "edu_min_level": profile.edu_min_level,
        "edu_mandatory": profile.edu_mandatory,
        "edu_preferred_fields": list(profile.edu_preferred_fields or []),
        "exp_min_years": profile.exp_min_years,
        "exp_mandatory": profile.exp_mandatory,
        "exp_exception_min_years": profile.exp_exception_min_years,
        "exp_exception_min_plan_pct": profile.exp_exception_min_plan_pct,
        "languages": [],
        "custom": [],
    }


def current_values(vacancy: Vacancy) -> dict[str, Any]:
    """The vacancy's values in the flat shape of `profile_defaults`."""
    values = {name: getattr(vacancy, name) for name in (*SCALAR_FIELDS, *SCREENING_FIELDS)}
    values["edu_preferred_fields"] = list(vacancy.edu_preferred_fields or [])
    return values | _child_rows(vacancy)


def vacancy_data(vacancy: Vacancy) -> dict[str, Any]:
    """The vacancy in the SPEC §6 shape (what `create_vacancy` takes), e.g. to prefill a form or answer the API."""
    return to_data(current_values(vacancy))


def to_data(values: dict[str, Any]) -> dict[str, Any]:
    """Flat values (as from `profile_defaults`) in the SPEC §6 shape."""
    data = {name: values[name] for name in SCALAR_FIELDS}
    data["requirements"] = {
        "education": {
            "min_level": values["edu_min_level"],
            "mandatory": values["edu_mandatory"],
            "preferred_fields": list(values["edu_preferred_fields"]),
        },
        "experience": {
            "min_years": values["exp_min_years"],
            "mandatory": values["exp_mandatory"],
            "exception_min_years": values["exp_exception_min_years"],
            "exception_min_plan_pct": values["exp_exception_min_plan_pct"],
        },
        "languages": [dict(item) for item in values["languages"]],
        "custom": [dict(item) for item in values["custom"]],
    }
    return data


def vacancy_snapshot(vacancy: Vacancy) -> dict[str, Any]:
    snapshot = audit.snapshot(vacancy, ("profile_id", "status", *SCALAR_FIELDS, *SCREENING_FIELDS))
    return snapshot | _child_rows(vacancy)


def _child_rows(vacancy: Vacancy) -> dict[str, list[dict[str, Any]]]:
    """The language requirements and custom checks in the SPEC §6 shape."""
    return {
        "languages": [
            {"language": r.language, "min_level": r.min_level, "mandatory": r.mandatory}
            for r in vacancy.language_requirements
        ],
        "custom": [{"text": c.text, "mandatory": c.mandatory} for c in vacancy.custom_checks],
    }


# --- validation --------------------------------------------------------------------------------------------


def _validated(
    data: dict[str, Any], defaults: dict[str, Any]
) -> tuple[dict[str, Any], list[dict[str, Any]], list[dict[str, Any]]]:
    """Column values, language requirements and custom checks from `data` over `defaults`, or InvalidVacancy."""
    if not isinstance(data, dict):
        raise InvalidVacancy({}, N_("The vacancy must be an object."))
    errors: dict[str, str] = {}
    values: dict[str, Any] = {}

    def given(key: str) -> Any:
        return data[key] if key in data else defaults[key]

    for name in (*SHORT_FIELDS, *LONG_FIELDS):
        text = given(name)
        if isinstance(text, list) and name in ("responsibilities", "conditions"):
            text = "\n".join(str(line) for line in text) if all(isinstance(x, str) for x in text) else 0
        if text is None:
            text = ""
        if not isinstance(text, str):
            errors[name] = N_("Enter text.")
            continue
        text = _clean_lines(text) if name in ("responsibilities", "conditions") else text.strip()
        limit = SHORT_TEXT if name in SHORT_FIELDS else LONG_TEXT
        if len(text) > limit:
            errors[name] = N_("This text is too long.")
        values[name] = text
    if "title" in values and not values["title"]:
        errors["title"] = N_("Enter the vacancy's title.")

    language = given("language")
    if language not in LANGUAGES:
        errors["language"] = N_("Choose Russian or English.")
    values["language"] = language

    currency = given("salary_currency")
    if not isinstance(currency, str) or not re.fullmatch(r"[A-Z]{3}", currency.strip().upper()):
        errors["salary_currency"] = N_("Use a three-letter currency code such as RUB.")
    else:
        values["salary_currency"] = currency.strip().upper()

    for name in ("salary_from", "salary_to"):
        amount = _integer(given(name))
        if amount is _INVALID or (amount is not None and not 0 <= amount <= MAX_SALARY):
            errors[name] = N_("Enter a whole number of 0 or more, or leave it empty.")
        values[name] = amount
    if (
        "salary_from" not in errors
        and "salary_to" not in errors
        and values["salary_from"] is not None
        and values["salary_to"] is not None
        and values["salary_from"] > values["salary_to"]
    ):
        errors["salary_to"] = N_("The upper end of the salary range cannot be below the lower end.")

    travel = given("travel_required")
    if not isinstance(travel, bool):
        errors["travel_required"] = N_("Use true or false.")
    values["travel_required"] = travel

    requirements = data.get("requirements", {})
    if requirements is None:
        requirements = {}
    if not isinstance(requirements, dict):
        errors["requirements"] = N_("The requirements must be an object.")
        requirements = {}
    languages, checks = _validated_requirements(requirements, defaults, values, errors)
    if errors:
        raise InvalidVacancy(errors)
    return values, languages, checks


def _validated_requirements(
    requirements: dict[str, Any], defaults: dict[str, Any], values: dict[str, Any], errors: dict[str, str]
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Fill `values` with the education and experience columns and `errors` with what is wrong."""
    education = _object(requirements, "education", errors)
    experience = _object(requirements, "experience", errors)

    def pick(part: dict[str, Any], key: str, column: str) -> Any:
        return part[key] if key in part else defaults[column]

    level = pick(education, "min_level", "edu_min_level")
    if level not in EDUCATION_LEVELS:
        errors["requirements.education.min_level"] = N_("Choose an education level from the list.")
    values["edu_min_level"] = level
    fields = pick(education, "preferred_fields", "edu_preferred_fields") or []
    if not isinstance(fields, list) or any(f not in EDUCATION_FIELDS for f in fields):
        errors["requirements.education.preferred_fields"] = N_("Choose fields of education from the list.")
    else:
        values["edu_preferred_fields"] = [f for f in EDUCATION_FIELDS if f in fields]
    for key, column, part, prefix in (
        ("mandatory", "edu_mandatory", education, "requirements.education"),
        ("mandatory", "exp_mandatory", experience, "requirements.experience"),
    ):
        flag = pick(part, key, column)
        if not isinstance(flag, bool):
            errors[f"{prefix}.{key}"] = N_("Use true or false.")
        values[column] = flag

    numbers, experience_errors = validate_experience(
        pick(experience, "min_years", "exp_min_years"),
        pick(experience, "exception_min_years", "exp_exception_min_years"),
        pick(experience, "exception_min_plan_pct", "exp_exception_min_plan_pct"),
    )
    for key, number in numbers.items():
        values[f"exp_{key}"] = number
    errors.update({f"requirements.experience.{key}": text for key, text in experience_errors.items()})

    languages = _validated_languages(
        requirements["languages"] if "languages" in requirements else defaults["languages"], errors
    )
    checks = _validated_checks(
        requirements["custom"] if "custom" in requirements else defaults["custom"], errors
    )
    return languages, checks


def _validated_languages(items: Any, errors: dict[str, str]) -> list[dict[str, Any]]:
    if items is None:
        return []
    if not isinstance(items, list):
        errors["requirements.languages"] = N_("The languages must be a list.")
        return []
    out: list[dict[str, Any]] = []
    seen: set[str] = set()
    for i, item in enumerate(items):
        prefix = f"requirements.languages[{i}]"
        if not isinstance(item, dict):
            errors[prefix] = N_("Each language needs a code, a level and whether it is mandatory.")
            continue
        code = item.get("language")
        if not isinstance(code, str) or not code.strip():
            errors[f"{prefix}.language"] = N_("Enter a language code.")
            code = None
        elif not is_language_code(code):
            errors[f"{prefix}.language"] = N_("Use a two-letter ISO 639-1 language code, such as en or de.")
            code = None
        else:
            code = normalize_language_code(code)
            if code in seen:
                errors[f"{prefix}.language"] = N_("This language is already listed.")
            seen.add(code)
        level = item.get("min_level")
        try:
            level = normalize_language_level(level)
        except ValueError:
            errors[f"{prefix}.min_level"] = N_("Choose a CEFR level from A1 to C2, or native.")
        mandatory = item.get("mandatory", True)
        if not isinstance(mandatory, bool):
            errors[f"{prefix}.mandatory"] = N_("Use true or false.")
        out.append({"language": code, "min_level": level, "mandatory": mandatory})
    return out


def _validated_checks(items: Any, errors: dict[str, str]) -> list[dict[str, Any]]:
    if items is None:
        return []
    if not isinstance(items, list):
        errors["requirements.custom"] = N_("The custom checks must be a list.")
        return []
    out: list[dict[str, Any]] = []
    for i, item in enumerate(items):
        prefix = f"requirements.custom[{i}]"
        if not isinstance(item, dict):
            errors[prefix] = N_("Each check needs a text and whether it is mandatory.")
            continue
        text = item.get("text")
        if not isinstance(text, str) or not text.strip():
            errors[f"{prefix}.text"] = N_("Enter the question to answer yes or no.")
        elif len(text.strip()) > CHECK_TEXT:
            errors[f"{prefix}.text"] = N_("Use at most 500 characters.")
        mandatory = item.get("mandatory", True)
        if not isinstance(mandatory, bool):
            errors[f"{prefix}.mandatory"] = N_("Use true or false.")
        out.append({"text": text.strip() if isinstance(text, str) else text, "mandatory": mandatory})
    return out


def _object(requirements: dict[str, Any], key: str, errors: dict[str, str]) -> dict[str, Any]:
    part = requirements.get(key) or {}
    if not isinstance(part, dict):
        errors[f"requirements.{key}"] = N_("This part must be an object.")
        return {}
    return part


_INVALID: Any = object()


def _integer(value: Any) -> Any:
    """An int from a whole number or digits; None when empty; _INVALID otherwise."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, bool):
        return _INVALID
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str) and re.fullmatch(r"\s*-?\d+\s*", value):
        return int(value)
    return _INVALID


def _clean_lines(text: str) -> str:
    return "\n".join(line.strip() for line in text.splitlines() if line.strip())


# --- keeping child rows ------------------------------------------------------------------------------------


def _replace_languages(vacancy: Vacancy, items: list[dict[str, Any]]) -> None:
    """Match the requirements by language code (unique per vacancy), so no insert collides with a delete."""
    existing = {r.language: r for r in vacancy.language_requirements}
    kept = []
    for position, item in enumerate(items):
        requirement = existing.pop(item["language"], None) or LanguageRequirement(language=item["language"])
        requirement.position = position
        requirement.min_level = item["min_level"]
        requirement.mandatory = item["mandatory"]
        kept.append(requirement)
    vacancy.language_requirements = kept


def _replace_checks(vacancy: Vacancy, items: list[dict[str, Any]]) -> None:
    """Keep the checks whose text is unchanged (with their answers); positions are unique, so move in two steps."""
    unused = list(vacancy.custom_checks)
    kept: list[CustomCheck] = []
    for item in items:
        match = next((c for c in unused if c.text == item["text"]), None)
        if match is not None:
            unused.remove(match)
        kept.append(match or CustomCheck(text=item["text"]))
    for check in unused:
        vacancy.custom_checks.remove(check)
    moving = [c for position, c in enumerate(kept) if c.id is not None and c.position != position]
    if moving or unused:
        for check in moving:
            check.position = -1 - check.id  # a free slot while the others move
        db.session.flush()
    for position, (check, item) in enumerate(zip(kept, items, strict=True)):
        check.position = position
        check.mandatory = item["mandatory"]
    vacancy.custom_checks = kept

"""A vacancy's data as sent by the form or the API, checked field by field over its defaults.

Part of hiring.services.vacancies (which re-exports the public names); split off to keep each module readable.
Messages are English and translated by the caller (`gettext(message)`).
"""

import re
from typing import Any

from hiring.domain.levels import (
    EDUCATION_FIELDS,
    EDUCATION_LEVELS,
    N_,
    is_language_code,
    normalize_language_code,
    normalize_language_level,
)
from hiring.domain.text import has_visible_character
from hiring.errors import InvalidVacancy
from hiring.services.profile_input import validate_experience

LANGUAGES = ("ru", "en")
CURRENCIES = ("RUB", "USD", "EUR", "KZT", "BYN", "UZS", "CNY", "AED", "TRY", "GBP")
MAX_SALARY = 2_000_000_000  # fits the INTEGER column on every database
SHORT_TEXT = 200
CHECK_TEXT = 500
LONG_TEXT = 20_000

SHORT_FIELDS = ("title", "company", "location", "employment_terms")
LONG_FIELDS = ("intro", "responsibilities", "conditions", "contacts", "about_company", "how_to_apply")
SALARY_PERIODS = ("month", "year")
SALARY_BASES = ("gross", "net")


def check_vacancy_data(
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
    if "title" in values and not has_visible_character(values["title"]):
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

    for name in ("travel_required", "publish_exp_exception"):
        flag = given(name)
        if not isinstance(flag, bool):
            errors[name] = N_("Use true or false.")
        values[name] = flag
    for name, allowed, message in (
        ("salary_period", SALARY_PERIODS, N_("Choose per month or per year.")),
        ("salary_basis", SALARY_BASES, N_("Choose gross or net.")),
    ):
        choice = given(name)
        if choice not in allowed:
            errors[name] = message
        values[name] = choice

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
        if not isinstance(text, str) or not has_visible_character(text):
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

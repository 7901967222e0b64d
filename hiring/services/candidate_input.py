"""A candidate's data as typed in a form, sent to the API or read from a CSV row, checked field by field.

Used by hiring.services.candidates and the CSV import; split off to keep each module readable.
Input is the SPEC §6 shape: {full_name, email, phone, education_level, education_field, experience_years,
plan_attainment_pct, languages: [{language, level}], notes}.
"""

import math
from collections.abc import Mapping
from typing import Any

from email_validator import EmailNotValidError, validate_email

from hiring.domain.levels import (
    EDUCATION_LEVELS,
    LANGUAGE_LEVELS,
    is_language_code,
    normalize_language_code,
    normalize_language_level,
)
from hiring.domain.text import has_control_characters, has_visible_character
from hiring.errors import CONTROL_CHARACTERS, joined
from hiring.errors import lazy_gettext as _l

FIELDS = (
    "full_name",
    "email",
    "phone",
    "education_level",
    "education_field",
    "experience_years",
    "plan_attainment_pct",
    "languages",
    "notes",
)

MAX_NAME = 200
MAX_EMAIL = 254
MAX_PHONE = 64
MAX_FIELD = 100
MAX_NOTES = 10_000
MAX_YEARS = 60
MAX_PLAN_PCT = 1000
_PHONE_CHARACTERS = set("0123456789+-() .")


# The unit a person may type after a field's number ("5 лет", "115%"); any other unit is refused alike.
UNITS = {
    "experience_years": ("years", "year", "yrs", "лет", "года", "год", "г."),
    "plan_attainment_pct": ("%", "процентов", "процента", "процент"),
}


def parse_number(value: Any, units: tuple[str, ...] = ("%",)) -> float:
    """A number from JSON or from text typed by a person: `2,5`, `2.5`, `1 200`, `110%`, with one of `units`
    after it; ValueError otherwise."""
    if isinstance(value, bool):
        raise ValueError(value)
    if isinstance(value, int | float):
        number = float(value)
    elif isinstance(value, str):
        text = value.strip()
        for unit in sorted(units, key=len, reverse=True):
            if text.lower().endswith(unit):
                text = text[: -len(unit)].strip()
                break
        for space in (" ", "\u00a0", "\u202f"):
            text = text.replace(space, "")
        if text.count(",") > 1 or ("," in text and "." in text):
            raise ValueError(value)
        number = float(text.replace(",", "."))
    else:
        raise ValueError(value)
    if not math.isfinite(number):
        raise ValueError(value)
    return number


def _blank(value: Any) -> bool:
    """Nothing a reader could see: None, or text without a visible character (two zero-width spaces are blank)."""
    return value is None or (isinstance(value, str) and not has_visible_character(value))


def _text(value: Any, field: str, limit: int, errors: dict[str, str]) -> str | None:
    if _blank(value):
        return None
    if not isinstance(value, str):
        errors[field] = _l("Enter text here.")
        return None
    if has_control_characters(value):
        errors[field] = CONTROL_CHARACTERS
        return None
    text = " ".join(value.split()) if field != "notes" else value.strip()
    if len(text) > limit:
        errors[field] = _l("Keep this under %(limit)s characters.", limit=limit)
        return None
    return text


def _email(value: Any, errors: dict[str, str]) -> str | None:
    if _blank(value):
        return None
    if not isinstance(value, str):
        errors["email"] = _l("Enter an email address like name@example.com.")
        return None
    text = value.strip()
    if len(text) > MAX_EMAIL:
        errors["email"] = _l("An email address is at most %(limit)s characters.", limit=MAX_EMAIL)
        return None
    try:
        return validate_email(text, check_deliverability=False).normalized
    except EmailNotValidError:
        errors["email"] = _l(
            "“%(value)s” is not an email address; write it like name@example.com.", value=text
        )
        return None


def _phone(value: Any, errors: dict[str, str]) -> str | None:
    text = _text(value, "phone", MAX_PHONE, errors)
    if text is None:
        return None
    if not set(text) <= _PHONE_CHARACTERS or sum(ch.isdigit() for ch in text) < 5:
        errors["phone"] = _l("Write the phone number with digits, e.g. +7 900 123-45-67.")
        return None
    return text


def _education_level(value: Any, errors: dict[str, str]) -> str | None:
    if _blank(value):
        return None
    code = str(value).strip().lower().replace(" ", "_").replace("-", "_")
    if code not in EDUCATION_LEVELS:
        errors["education_level"] = _l(
            "“%(value)s” is not an education level; use one of: %(levels)s.",
            value=str(value).strip(),
            levels=", ".join(EDUCATION_LEVELS),
        )
        return None
    return code


def _bounded(value: Any, field: str, upper: float, errors: dict[str, str]) -> float | None:
    if _blank(value):
        return None
    try:
        number = parse_number(value, UNITS.get(field, ("%",)))
    except (TypeError, ValueError):
        errors[field] = _l("“%(value)s” is not a number; write it like 2.5 or 2,5.", value=str(value).strip())
        return None
    if not 0 <= number <= upper:
        errors[field] = _l("Enter a number from 0 to %(upper)s.", upper=upper)
        return None
    return number


def _language_items(value: Any) -> list[tuple[Any, Any]]:
    """[(language, level)] from a list of {language, level} or a {language: level} mapping."""
    if isinstance(value, Mapping):
        return list(value.items())
    if isinstance(value, list | tuple):
        items = []
        for item in value:
            if not isinstance(item, Mapping):
                raise TypeError(item)
            items.append((item.get("language"), item.get("level")))
        return items
    raise TypeError(value)


def _languages(value: Any, errors: dict[str, str]) -> dict[str, str]:
    """Language code -> CEFR level; every problem of the list in one message."""
    if value is None or value == "":
        return {}
    try:
        items = _language_items(value)
    except TypeError:
        errors["languages"] = _l("Give languages as a list of a language code and a level, e.g. en B2.")
        return {}
    languages: dict[str, str] = {}
    problems: list = []
    for language, level in items:
        if _blank(language) and _blank(level):
            continue
        code_text = str(language or "").strip()
        if not is_language_code(code_text):
            problems.append(
                _l("“%(value)s” is not a two-letter language code (ISO 639-1, e.g. en, de).", value=code_text)
                if code_text
                else _l("A language is missing for level %(level)s.", level=str(level).strip())
            )
            continue
        code = normalize_language_code(code_text)
        try:
            canonical = normalize_language_level(str(level or ""))
        except ValueError:
            problems.append(
                _l(
                    "“%(value)s” is not a level for %(language)s; use %(levels)s.",
                    value=str(level or "").strip(),
                    language=code,
                    levels=", ".join(LANGUAGE_LEVELS),
                )
                if not _blank(level)
                else _l("Choose a level for %(language)s.", language=code)
            )
            continue
        if code in languages:
            problems.append(_l("%(language)s is listed twice; keep one level.", language=code))
            continue
        languages[code] = canonical
    if problems:
        errors["languages"] = joined(problems)
    return languages


def check_candidate_data(data: Mapping[str, Any]) -> tuple[dict[str, Any], dict[str, str]]:
    """The data cleaned (keys of FIELDS present in `data`) and per-field messages for what is wrong.

    Does not look at the database: uniqueness of the email is checked by the callers.
    """
    errors: dict[str, str] = {}
    clean: dict[str, Any] = {}
    if "full_name" in data:
        clean["full_name"] = _text(data["full_name"], "full_name", MAX_NAME, errors)
        if clean["full_name"] is None and "full_name" not in errors:
            errors["full_name"] = _l("Enter the candidate's full name.")
    if "email" in data:
        clean["email"] = _email(data["email"], errors)
    if "phone" in data:
        clean["phone"] = _phone(data["phone"], errors)
    if "education_level" in data:
        clean["education_level"] = _education_level(data["education_level"], errors)
    if "education_field" in data:
        clean["education_field"] = _text(data["education_field"], "education_field", MAX_FIELD, errors)
    if "experience_years" in data:
        clean["experience_years"] = _bounded(data["experience_years"], "experience_years", MAX_YEARS, errors)
    if "plan_attainment_pct" in data:
        clean["plan_attainment_pct"] = _bounded(
            data["plan_attainment_pct"], "plan_attainment_pct", MAX_PLAN_PCT, errors
        )
    if "languages" in data:
        clean["languages"] = _languages(data["languages"], errors)
    if "notes" in data:
        clean["notes"] = _text(data["notes"], "notes", MAX_NOTES, errors) or ""
    return clean, errors

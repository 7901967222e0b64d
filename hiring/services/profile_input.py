"""A profile's settings and a competency as sent by the form or the API, checked field by field.

Part of hiring.services.profiles (which re-exports the public names); split off to keep each module readable.
Messages are English and translated by the caller (`gettext(message)`).
"""

from typing import Any

from hiring.domain.levels import EDUCATION_FIELDS, EDUCATION_LEVELS, N_
from hiring.errors import InvalidProfile

MAX_WEIGHT = 1000.0
MAX_YEARS = 60.0
MAX_PLAN_PCT = 1000.0
NAME_LENGTH = 200
_INVALID: Any = object()  # a value that is not a number, told apart from an empty one (None)

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


PROBE_MARKS = ("-", "–", "—", ">")  # a line starting with one of these is a probe of the question above
MAX_PROBES = 3


def questions_from_lines(ru: str, en: str) -> list[dict[str, Any]]:
    """Pair the n-th Russian question with the n-th English one, each with its follow-up probes.

    One question per line; a line starting with a dash (or ">") under a question is a follow-up probe of it.
    Blank lines are dropped. Raises InvalidProfile when the two languages differ in their questions or probes.
    """
    ru_items = _questions_of(_lines(ru))
    en_items = _questions_of(_lines(en))
    if ru_items is None or en_items is None:
        message = N_(
            "Start with a question: a line with a dash is a follow-up probe of the question above it."
        )
        raise InvalidProfile(message, {"questions_ru" if ru_items is None else "questions_en": message})
    if [len(p) for _q, p in ru_items] != [len(p) for _q, p in en_items]:
        message = N_(
            "Give every question and follow-up probe in both languages: the same lines in Russian and English."
        )
        raise InvalidProfile(message, {"questions_en": message})
    return [
        {"ru": rq, "en": eq, "probes": [{"ru": r, "en": e} for r, e in zip(rp, ep, strict=True)]}
        for (rq, rp), (eq, ep) in zip(ru_items, en_items, strict=True)
    ]


def question_lines(questions: list[dict[str, Any]], language: str) -> str:
    """The questions as the edit form shows them: one a line, each probe under it after a dash."""
    lines = []
    for question in questions:
        lines.append(question.get(language, ""))
        lines += [f"- {probe.get(language, '')}" for probe in question.get("probes") or []]
    return "\n".join(lines)


def _questions_of(lines: list[str]) -> list[tuple[str, list[str]]] | None:
    """(question, probes) pairs of the lines, or None when a probe comes before any question."""
    items: list[tuple[str, list[str]]] = []
    for line in lines:
        if line.startswith(PROBE_MARKS):
            if not items:
                return None
            probe = line.lstrip("".join(PROBE_MARKS)).strip()
            if probe:
                items[-1][1].append(probe)
        else:
            items.append((line, []))
    return items


def check_profile_settings(values: dict[str, Any]) -> dict[str, Any]:
    """Names, descriptions and screening defaults (keys of PROFILE_FIELDS) cleaned, or InvalidProfile."""
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


def check_competency_data(values: dict[str, Any]) -> dict[str, Any]:
    """A competency's texts, weight, critical minimum and questions cleaned, or InvalidProfile."""
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
    questions = _clean_questions(values["questions"])
    if questions is None:
        errors["questions"] = N_(
            "Questions must be a list of texts in Russian and English, each with at most three follow-up probes."
        )
    else:
        out["questions"] = questions
    if errors:
        raise InvalidProfile(N_("Some values need correcting."), errors)
    return out


def _clean_questions(value: Any) -> list[dict[str, Any]] | None:
    """Questions `[{"ru", "en", "probes": [{"ru", "en"}]}]` stripped, empty ones dropped; None when malformed."""
    if value is None:
        return []
    if not isinstance(value, list) or not all(_is_pair(q) for q in value):
        return None
    out = []
    for question in value:
        probes = question.get("probes") or []
        if not isinstance(probes, list) or len(probes) > MAX_PROBES or not all(_is_pair(p) for p in probes):
            return None
        pair = _stripped(question)
        if pair["ru"] or pair["en"]:
            out.append(pair | {"probes": [p for p in map(_stripped, probes) if p["ru"] or p["en"]]})
    return out


def _is_pair(value: Any) -> bool:
    return (
        isinstance(value, dict)
        and isinstance(value.get("ru", ""), str)
        and isinstance(value.get("en", ""), str)
    )


def _stripped(pair: dict[str, Any]) -> dict[str, str]:
    return {"ru": pair.get("ru", "").strip(), "en": pair.get("en", "").strip()}


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

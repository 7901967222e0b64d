"""The outcome of a hire as typed in the form, sent to the API or read from an import row, checked field by field.

Input is the SPEC §6 shape: {started_on, notes, reviews: [{month, retention_pct, revenue_growth_pct,
plan_attainment_pct, manager_rating, still_employed, left_on}]}. Field paths in errors: `started_on`,
`reviews[6].retention_pct` (the review's month in brackets, so the page and the API name the same review).
"""

from collections.abc import Mapping
from datetime import date
from typing import Any

from hiring.errors import lazy_gettext as _l
from hiring.models import REVIEW_MONTHS
from hiring.services.candidate_input import parse_number

MAX_NOTES = 10_000
# (lowest, highest) accepted; growth may be negative (the portfolio shrank), attainment may exceed 100.
RANGES = {
    "retention_pct": (0.0, 100.0),
    "revenue_growth_pct": (-100.0, 1000.0),
    "plan_attainment_pct": (0.0, 1000.0),
    "manager_rating": (1, 5),
}
REVIEW_FIELDS = (*RANGES, "still_employed", "left_on")
KPI_FIELDS = tuple(RANGES)


def parse_date(value: Any) -> date:
    """A date from ISO text (`2026-03-01`) or a date; ValueError otherwise."""
    if isinstance(value, date):
        return value
    if isinstance(value, str) and value.strip():
        return date.fromisoformat(value.strip())
    raise ValueError(value)


def parse_flag(value: Any) -> bool | None:
    """True/False from JSON or from a cell (`yes`, `да`, `1`, `no`, `нет`, `0`); None when empty."""
    if value is None or isinstance(value, bool):
        return value
    text = str(value).strip().lower()
    if not text:
        return None
    if text in ("1", "yes", "y", "true", "да", "д"):
        return True
    if text in ("0", "no", "n", "false", "нет", "н"):
        return False
    raise ValueError(value)


def check_outcome(data: Mapping[str, Any], today: date) -> tuple[dict[str, Any], dict[str, Any]]:
    """(clean values, errors by field path). Clean: started_on, notes, reviews {month: {field: value}}."""
    errors: dict[str, Any] = {}
    clean: dict[str, Any] = {"notes": str(data.get("notes") or "").strip(), "reviews": {}}
    if len(clean["notes"]) > MAX_NOTES:
        errors["notes"] = _l("Keep the notes under %(max)s characters.", max=MAX_NOTES)
    try:
        clean["started_on"] = parse_date(data.get("started_on"))
        if clean["started_on"] > today:
            errors["started_on"] = _l("The start date cannot be in the future.")
    except (ValueError, TypeError):
        clean["started_on"] = None
        errors["started_on"] = _l("Give the start date as YYYY-MM-DD.")
    for review in data.get("reviews") or []:
        month = review.get("month")
        if month not in REVIEW_MONTHS or isinstance(month, bool):
            errors["reviews"] = _l("A review is at month 6 or 12.")
            continue
        if month in clean["reviews"]:
            errors[f"reviews[{month}]"] = _l("The review at month %(month)s is given twice.", month=month)
            continue
        values, review_errors = _check_review(review, clean["started_on"], today)
        clean["reviews"][month] = values
        errors.update({f"reviews[{month}].{name}": message for name, message in review_errors.items()})
    return clean, errors


def _check_review(
    review: Mapping[str, Any], started_on: date | None, today: date
) -> tuple[dict[str, Any], dict[str, Any]]:
    values: dict[str, Any] = {}
    errors: dict[str, Any] = {}
    for name, (low, high) in RANGES.items():
        raw = review.get(name)
        if raw is None or (isinstance(raw, str) and not raw.strip()):
            values[name] = None
            continue
        try:
            number = parse_number(raw)
        except ValueError:
            errors[name] = _l("Give a number.")
            continue
        if name == "manager_rating":
            if number != int(number):
                errors[name] = _l("Give a whole number from 1 to 5.")
                continue
            number = int(number)
        if not low <= number <= high:
            low_text, high_text = f"{low:g}", f"{high:g}"
            errors[name] = _l("Give a value from %(low)s to %(high)s.", low=low_text, high=high_text)
            continue
        values[name] = number
    try:
        values["still_employed"] = parse_flag(review.get("still_employed"))
    except ValueError:
        errors["still_employed"] = _l("Answer yes or no.")
        values["still_employed"] = None
    values["left_on"] = None
    raw_left = review.get("left_on")
    if raw_left not in (None, ""):
        try:
            values["left_on"] = parse_date(raw_left)
        except (ValueError, TypeError):
            errors["left_on"] = _l("Give the leaving date as YYYY-MM-DD.")
    left_on = values["left_on"]
    if values["still_employed"] is False and left_on is None and "left_on" not in errors:
        errors["left_on"] = _l("Give the leaving date of someone who no longer works here.")
    elif values["still_employed"] is True and left_on is not None:
        errors["left_on"] = _l("Someone who still works here has no leaving date.")
    elif left_on is not None and values["still_employed"] is None:
        values["still_employed"] = False
    if left_on is not None and "left_on" not in errors:
        if started_on is not None and left_on < started_on:
            errors["left_on"] = _l("The leaving date is before the start date.")
        elif left_on > today:
            errors["left_on"] = _l("The leaving date cannot be in the future.")
    return values, errors

"""Importing outcomes of hires from a CSV file: one line per review, the person found by candidate id or e-mail.

Header (any order; `candidate_id` or `email` names the person, the rest may be left empty):
    candidate_id,email,started_on,month,retention_pct,revenue_growth_pct,plan_attainment_pct,manager_rating,
    still_employed,left_on,notes
`month` is 6 or 12 (empty: the line gives only the start date and notes). Values as on the outcome page:
decimal commas, `да`/`нет`, dates as YYYY-MM-DD. All or nothing, like the candidate import: one bad line and
nothing is saved, every bad line reported with its number (the header is line 1) and column.

The file is read like a candidate import (hiring.services.import_reading): CSV in UTF-8 (BOM or not), UTF-16
with a BOM or Windows-1251, comma, semicolon or tab, or an .xlsx workbook; at most 2 MB and 5,000 rows.
"""

from collections import defaultdict
from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa

from hiring.errors import InvalidImport
from hiring.errors import lazy_gettext as _l
from hiring.extensions import db
from hiring.models import Candidate, Decision
from hiring.services.import_reading import ImportLineError, read_table
from hiring.services.outcome_input import REVIEW_FIELDS, check_outcome
from hiring.services.outcomes import ensure_may_see_outcomes, save_outcome

HEADER = ("candidate_id", "email", "started_on", "month", *REVIEW_FIELDS, "notes")


def read_rows(data: bytes) -> tuple[list[str], list[tuple[int, dict[str, str]]]]:
    """(header, [(line, {column: cell})]) of a CSV file or workbook (hiring.services.import_reading: the
    encodings, delimiters, workbooks and limits of the candidate import); InvalidImport when it cannot be read."""
    table = read_table(data, known_headers=frozenset(HEADER))
    if not table.header:
        raise InvalidImport([ImportLineError(1, None, _l("The file is empty."))])
    if table.errors:
        raise InvalidImport(table.errors)
    header = [cell.strip().lower() for cell in table.header]
    rows = [
        (line, dict(zip(header, (cell.strip() for cell in cells), strict=False)))
        for line, cells in table.rows
    ]
    return header, rows


def import_outcomes(data: bytes, user, today=None) -> int:
    """Save the outcomes the file gives; returns how many people's outcomes were saved. Caller commits."""
    ensure_may_see_outcomes(user)
    today = today or datetime.now(UTC).date()
    header, rows = read_rows(data)
    errors = _header_errors(header)
    if errors:
        raise InvalidImport(errors)
    people: dict[int, list[tuple[int, dict[str, str]]]] = defaultdict(list)
    for line, row in rows:
        candidate_id, problem = _find(row)
        if problem:
            errors.append(problem if problem.line else ImportLineError(line, problem.field, problem.message))
        else:
            people[candidate_id].append((line, row))
    plans = []
    for candidate_id, lines in people.items():
        data_for, line_of = _outcome_data(lines, errors)
        if data_for is None:
            continue
        _clean, field_errors = check_outcome(data_for, today)
        for path, message in field_errors.items():
            month, column = _split(path)
            errors.append(ImportLineError(line_of.get(month, lines[0][0]), column, message))
        plans.append((candidate_id, data_for))
    if errors:
        raise InvalidImport(sorted(errors, key=lambda error: error.line))
    for candidate_id, data_for in plans:
        save_outcome(db.session.get(Candidate, candidate_id), data_for, user, today=today)
    return len(plans)


def _header_errors(header: list[str]) -> list[ImportLineError]:
    errors = [
        ImportLineError(1, name, _l("Unknown column “%(name)s”.", name=name))
        for name in header
        if name not in HEADER
    ]
    if "candidate_id" not in header and "email" not in header:
        errors.append(ImportLineError(1, None, _l("Add a candidate_id or an email column.")))
    if "started_on" not in header:
        errors.append(ImportLineError(1, "started_on", _l("Add the started_on column.")))
    return errors


def _hired_ids(condition) -> list[int]:
    newest = sa.select(sa.func.max(Decision.id)).group_by(Decision.candidate_id)
    query = (
        sa.select(Candidate.id)
        .join(Decision, Decision.candidate_id == Candidate.id)
        .where(condition, Decision.id.in_(newest), Decision.decision == "hire")
    )
    return list(db.session.scalars(query))


def _find(row: dict[str, str]) -> tuple[int | None, ImportLineError | None]:
    """The hired candidate the row names (by id first, else by e-mail, ignoring case)."""
    raw_id, email = row.get("candidate_id", ""), row.get("email", "")
    if raw_id:
        if not raw_id.isdigit() or not _hired_ids(Candidate.id == int(raw_id)):
            return None, ImportLineError(0, "candidate_id", _l("No hired candidate has this id."))
        return int(raw_id), None
    if not email:
        return None, ImportLineError(0, "email", _l("Give the candidate_id or the email of the hire."))
    found = _hired_ids(sa.func.lower(Candidate.email) == email.lower())
    if not found:
        return None, ImportLineError(0, "email", _l("No hired candidate has this e-mail."))
    if len(found) > 1:
        return None, ImportLineError(0, "email", _l("Several hires have this e-mail: give the candidate_id."))
    return found[0], None


def _outcome_data(lines, errors) -> tuple[dict[str, Any] | None, dict[int, int]]:
    """One person's lines as the service's input, and the line of each review month."""
    started = {row.get("started_on", "") for _line, row in lines}
    if len(started) > 1:
        errors.append(
            ImportLineError(lines[1][0], "started_on", _l("The start date differs between the lines."))
        )
        return None, {}
    reviews, line_of, notes = [], {}, ""
    for line, row in lines:
        notes = row.get("notes") or notes
        month_text = row.get("month", "")
        if not month_text:
            continue
        if month_text not in ("6", "12") or int(month_text) in line_of:
            errors.append(ImportLineError(line, "month", _l("Give month 6 or 12, once per person.")))
            continue
        month = int(month_text)
        line_of[month] = line
        reviews.append({"month": month, **{name: row.get(name) or None for name in REVIEW_FIELDS}})
    data = {"started_on": started.pop(), "reviews": reviews}
    if notes:
        data["notes"] = notes
    return data, line_of


def _split(path: str) -> tuple[int | None, str]:
    """`reviews[6].retention_pct` -> (6, "retention_pct"); `started_on` -> (None, "started_on")."""
    if path.startswith("reviews[") and "]" in path:
        month_text, _, rest = path[len("reviews[") :].partition("]")
        return (int(month_text) if month_text.isdigit() else None), rest.lstrip(".") or "month"
    return None, path

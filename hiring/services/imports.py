"""Candidate import of SPEC §7: a file -> rows under a column mapping -> candidates, all or nothing.

The file is read by hiring.services.import_reading (CSV in UTF-8, UTF-16 or Windows-1251, comma, semicolon or
tab; or an .xlsx workbook), its columns matched to the candidate fields by hiring.services.import_mapping
(synonyms in Russian and English, or a mapping chosen by a person), and its cells turned into values by
hiring.services.import_values (education and languages by name, decimal commas). The header is line 1; every
bad line is reported with its number and field (at most 200, then how many more), and one bad line means
nothing is imported. Rows are checked with the same rules as a candidate added by form
(hiring.services.candidate_input.check_candidate_data).
"""

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import sqlalchemy as sa

from hiring.domain import CandidateData, Screening, screen
from hiring.errors import InvalidImport
from hiring.errors import lazy_gettext as _l
from hiring.extensions import db
from hiring.models import Candidate
from hiring.services import audit, import_values
from hiring.services.candidate_input import FIELDS, check_candidate_data
from hiring.services.candidates import build_candidate, candidate_state
from hiring.services.evaluations import requirements_for
from hiring.services.import_mapping import ColumnMapping, given_mapping, suggest_mapping, unmatched_headers
from hiring.services.import_reading import CSV, ImportLineError, Table, read_table, what_was_read

HEADER: tuple[str, ...] = FIELDS
_KNOWN_HEADERS = frozenset(FIELDS)

# The name SPEC'd for the API engineer; it shadows the builtin only inside this module, which imports nothing late.
ImportError = ImportLineError  # noqa: A001


@dataclass(slots=True)
class ParsedImport:
    """The rows ready to become candidates (each with its `line`), every problem found, and how it was read."""

    rows: list[dict[str, Any]] = field(default_factory=list)
    errors: list[ImportLineError] = field(default_factory=list)
    table: Table | None = None
    mapping: ColumnMapping | None = None

    @property
    def ok(self) -> bool:
        return not self.errors and bool(self.rows)

    @property
    def delimiter(self) -> str | None:
        return self.table.delimiter if self.table else None

    @property
    def headers(self) -> list[str]:
        return list(self.table.header) if self.table else []

    @property
    def read_as(self) -> str | None:
        """What was read, in words ("Windows-1251, semicolons"), for the preview."""
        return what_was_read(self.table) if self.table else None

    @property
    def listed_errors(self) -> list[ImportLineError]:
        return self.errors[: InvalidImport.LISTED]

    @property
    def more_errors(self) -> int:
        return max(0, len(self.errors) - InvalidImport.LISTED)

    def refusal(self) -> InvalidImport:
        unmatched = unmatched_headers(self.headers, self.mapping) if self.mapping else []
        return InvalidImport(self.errors, unmatched=unmatched)


def parse_candidates(data: bytes, vacancy=None, columns: Sequence[str | None] | None = None) -> ParsedImport:
    """Read and check every row under the suggested mapping (or `columns`, one field or `ignore` per column).

    With `vacancy`, an email already in it is an error too. Adds nothing.
    """
    parsed = ParsedImport()
    try:
        table = parsed.table = read_table(data, known_headers=_KNOWN_HEADERS)
    except InvalidImport as refused:
        parsed.errors = list(refused.errors)
        return parsed
    if not table.header:
        parsed.errors.append(
            ImportLineError(
                1,
                None,
                _l("The file is empty. Start from the template: a header line, then one candidate per line."),
            )
        )
        return parsed
    mapping = parsed.mapping = (
        given_mapping(table.header, columns) if columns is not None else suggest_mapping(table.header)
    )
    parsed.errors.extend(ImportLineError(1, "header", message) for _index, message in mapping.problems)
    if parsed.errors:
        return parsed  # rows are checked once the columns are known
    parsed.errors.extend(table.errors)
    existing = _existing_emails(vacancy) if vacancy is not None else set()
    first_line_of: dict[str, int] = {}
    for line, cells in table.rows:
        extra = cells[len(table.header) :]
        if extra and (table.kind == CSV or any(cell.strip() for cell in extra)):
            parsed.errors.append(_too_many_values(line, len(cells), len(table.header), table.delimiter))
            continue
        raw = dict.fromkeys(FIELDS, "")
        raw.update({name: cell for name, cell in zip(mapping.columns, cells, strict=False) if name})
        row, errors = _check_row(raw)
        email = (row.get("email") or "").lower()
        if email and "email" not in errors:
            if email in first_line_of:
                errors["email"] = _l(
                    "%(email)s is already on line %(line)s of this file.",
                    email=row["email"],
                    line=first_line_of[email],
                )
            elif email in existing:
                errors["email"] = _l(
                    "A candidate with %(email)s is already in this vacancy.", email=row["email"]
                )
            else:
                first_line_of[email] = line
        for column in HEADER:
            if column in errors:
                parsed.errors.append(ImportLineError(line, column, errors[column]))
        if not errors:
            parsed.rows.append({"line": line, **row})
    parsed.errors.sort(key=lambda error: error.line)
    if not table.rows and not parsed.errors:
        parsed.errors.append(
            ImportLineError(
                2, None, _l("There are no candidates under the header: add one candidate per line.")
            )
        )
    return parsed


def parse_candidates_csv(data: bytes, vacancy=None) -> ParsedImport:
    """parse_candidates under the suggested mapping (the name the CSV-only import had)."""
    return parse_candidates(data, vacancy=vacancy)


def _too_many_values(line: int, count: int, columns: int, delimiter: str | None) -> ImportLineError:
    return ImportLineError(
        line,
        None,
        _l(
            "This line has %(count)s values but the header has %(columns)s. A value that contains "
            "“%(delimiter)s” must be in double quotes.",
            count=count,
            columns=columns,
            delimiter=delimiter or ",",
        ),
    )


def parse_languages_cell(cell: str) -> tuple[list[dict[str, str]], str | None]:
    """Languages from a cell (codes or names with levels); the first part not understood instead of None."""
    return import_values.languages(cell)


def _check_row(raw: dict[str, str]) -> tuple[dict[str, Any], dict[str, str]]:
    languages, bad_part = import_values.languages(raw["languages"])
    clean, errors = check_candidate_data(
        {
            **raw,
            "education_level": import_values.education_level(raw["education_level"]),
            "languages": languages,
        }
    )
    if bad_part is not None:
        errors["languages"] = _l(
            "“%(part)s” is not a language with a level. Write languages like en:B2|de:A2 or "
            "Английский B2; English C1 (separated by “|”, “;” or “,”).",
            part=bad_part,
        )
    return clean, errors


def _existing_emails(vacancy) -> set[str]:
    return set(
        db.session.scalars(
            sa.select(sa.func.lower(Candidate.email)).where(
                Candidate.vacancy_id == vacancy.id, Candidate.email.is_not(None)
            )
        )
    )


# --- preview and import -----------------------------------------------------------------------------------


def row_values(row: dict[str, Any]) -> CandidateData:
    """A parsed row as the scoring engine's value (not yet a candidate: id 0, no check answered)."""
    return CandidateData(
        id=0,
        full_name=row["full_name"],
        education_level=row.get("education_level"),
        education_field=row.get("education_field"),
        experience_years=row.get("experience_years"),
        plan_attainment_pct=row.get("plan_attainment_pct"),
        languages=dict(row.get("languages") or {}),
    )


def screen_rows(vacancy, rows: Sequence[dict[str, Any]]) -> list[Screening]:
    """What the screening would say of each parsed row, before anything is imported."""
    requirements = requirements_for(vacancy)
    return [screen(requirements, row_values(row)) for row in rows]


def import_candidates(
    vacancy, data: bytes, user_id: int | None, columns: Sequence[str | None] | None = None
) -> int:
    """Add every row of the file to the vacancy, or none (InvalidImport); returns the count. Does not commit.

    Without `columns` the suggested mapping is used, and only when it is certain (SPEC §7).
    """
    parsed = parse_candidates(data, vacancy=vacancy, columns=columns)
    if parsed.errors:
        raise parsed.refusal()
    candidates = [build_candidate(vacancy, row) for row in parsed.rows]
    db.session.add_all(candidates)
    db.session.flush()
    for candidate in candidates:
        audit.record(
            "candidate.import", "candidate", candidate.id, after=candidate_state(candidate), user_id=user_id
        )
    audit.record(
        "candidates.import",
        "vacancy",
        vacancy.id,
        after={"imported": len(candidates), "sha256": hashlib.sha256(data).hexdigest()},
        user_id=user_id,
    )
    return len(candidates)

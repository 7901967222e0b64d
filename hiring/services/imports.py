"""Candidate CSV import of SPEC §7: bytes -> validated rows -> candidates, all or nothing.

The file is UTF-8 (a BOM is accepted), comma or semicolon delimited, with the header
`full_name,email,phone,education_level,education_field,experience_years,plan_attainment_pct,languages,notes`
in any column order. `languages` looks like `en:B2|de:A2` (`|`, a space, or inside a quoted cell `;`/`,`
between languages). Decimal commas are accepted. The header is line 1; every bad line is reported with its
number and column, and one bad line means nothing is imported. Rows are checked with the same rules as a
candidate added by form (hiring.services.candidates.check_candidate_data).
"""

import csv
import hashlib
import io
import re
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from typing import Any

import sqlalchemy as sa

from hiring.domain import CandidateData, Screening, screen
from hiring.errors import InvalidImport, text
from hiring.errors import lazy_gettext as _l
from hiring.extensions import db
from hiring.models import Candidate
from hiring.services import audit
from hiring.services.candidate_input import FIELDS, check_candidate_data
from hiring.services.candidates import build_candidate, candidate_state
from hiring.services.evaluations import requirements_for

HEADER: tuple[str, ...] = FIELDS
DELIMITERS = ",;"
_LANGUAGE_SEPARATORS = re.compile(r"[|;,\s]+")


@dataclass(frozen=True, slots=True)
class ImportLineError:
    """One problem of the file: its line (the header is 1), the column ("header", or None for the whole line)."""

    line: int
    field: str | None
    message: Any  # a message id (hiring.errors): translated where it is shown

    def as_dict(self) -> dict[str, Any]:
        return asdict(self) | {"message": text(self.message)}


# The name SPEC'd for the API engineer; it shadows the builtin only inside this module, which imports nothing late.
ImportError = ImportLineError  # noqa: A001


@dataclass(slots=True)
class ParsedImport:
    """The rows ready to become candidates (each with its `line`) and every problem found."""

    rows: list[dict[str, Any]] = field(default_factory=list)
    errors: list[ImportLineError] = field(default_factory=list)
    delimiter: str | None = None

    @property
    def ok(self) -> bool:
        return not self.errors and bool(self.rows)


# --- reading the file -------------------------------------------------------------------------------------


def _decode(data: bytes) -> tuple[str | None, ImportLineError | None]:
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        return None, ImportLineError(
            line,
            None,
            _l(
                "The file is not in UTF-8 (the first unreadable character is on line %(line)s). "
                "In Excel choose “Save as” → “CSV UTF-8”; in LibreOffice choose the “Unicode (UTF-8)” "
                "character set. Then upload the file again.",
                line=line,
            ),
        )


def _header_names(line: str, delimiter: str) -> list[str]:
    try:
        cells = next(csv.reader([line], delimiter=delimiter), [])
    except csv.Error:
        return []
    return [cell.strip().lstrip("\ufeff").strip().lower() for cell in cells]


def detect_delimiter(text: str) -> str:
    """Comma or semicolon: csv.Sniffer (restricted to those two) if it agrees with the header, else the header decides."""
    first_line = text.splitlines()[0] if text else ""
    known = {d: len(set(_header_names(first_line, d)) & set(HEADER)) for d in DELIMITERS}
    try:
        sniffed = csv.Sniffer().sniff(text[:65536], delimiters=DELIMITERS).delimiter
    except csv.Error:
        sniffed = None
    if sniffed in known and known[sniffed] == max(known.values()):
        return sniffed
    if known[","] != known[";"]:
        return max(known, key=known.__getitem__)
    return ";" if first_line.count(";") > first_line.count(",") else ","


def _check_header(names: list[str]) -> list[ImportLineError]:
    errors = []
    missing = [name for name in HEADER if name not in names]
    unknown = [name or "(empty)" for name in names if name not in HEADER]
    twice = sorted({name for name in names if name in HEADER and names.count(name) > 1})
    expected = ",".join(HEADER)
    if missing:
        errors.append(
            ImportLineError(
                1,
                "header",
                _l(
                    "The header lacks the column(s) %(names)s. The first line must name these columns: %(expected)s.",
                    names=", ".join(missing),
                    expected=expected,
                ),
            )
        )
    if unknown:
        errors.append(
            ImportLineError(
                1,
                "header",
                _l(
                    "Unknown column(s) in the header: %(names)s. The columns are: %(expected)s.",
                    names=", ".join(unknown),
                    expected=expected,
                ),
            )
        )
    if twice:
        errors.append(
            ImportLineError(1, "header", _l("The column(s) %(names)s appear twice.", names=", ".join(twice)))
        )
    return errors


def parse_languages_cell(cell: str) -> tuple[list[dict[str, str]], str | None]:
    """`en:B2|de:A2` -> ([{language, level}], None); the first part that is not `code:level` instead of None."""
    languages = []
    for part in _LANGUAGE_SEPARATORS.split(cell.strip()):
        if not part:
            continue
        code, colon, level = part.partition(":")
        if not colon:
            return [], part
        languages.append({"language": code, "level": level})
    return languages, None


def parse_candidates_csv(data: bytes, vacancy=None) -> ParsedImport:
    """Read and check every row; with `vacancy`, an email already in it is an error too. Adds nothing."""
    parsed = ParsedImport()
    text, problem = _decode(data)
    if problem is not None:
        parsed.errors.append(problem)
        return parsed
    if not text.strip():
        parsed.errors.append(
            ImportLineError(
                1,
                None,
                _l("The file is empty. Start from the template: a header line, then one candidate per line."),
            )
        )
        return parsed
    delimiter = parsed.delimiter = detect_delimiter(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    names = [name.strip().lstrip("\ufeff").strip().lower() for name in next(reader)]
    parsed.errors.extend(_check_header(names))
    if parsed.errors:
        return parsed
    existing = _existing_emails(vacancy) if vacancy is not None else set()
    first_line_of: dict[str, int] = {}
    end_of_previous = reader.line_num
    while True:
        line = end_of_previous + 1
        try:
            cells = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            parsed.errors.append(
                ImportLineError(
                    line, None, _l("This line cannot be read as CSV (%(reason)s).", reason=str(exc))
                )
            )
            break
        end_of_previous = reader.line_num
        if not any(cell.strip() for cell in cells):
            continue
        if len(cells) > len(names):
            parsed.errors.append(
                ImportLineError(
                    line,
                    None,
                    _l(
                        "This line has %(count)s values but the header has %(columns)s. A value that contains "
                        "“%(delimiter)s” must be in double quotes.",
                        count=len(cells),
                        columns=len(names),
                        delimiter=delimiter,
                    ),
                )
            )
            continue
        row, errors = _check_row(dict(zip(names, cells + [""] * (len(names) - len(cells)), strict=True)))
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
    if not parsed.rows and not parsed.errors:
        parsed.errors.append(
            ImportLineError(
                2, None, _l("There are no candidates under the header: add one candidate per line.")
            )
        )
    return parsed


def _check_row(raw: dict[str, str]) -> tuple[dict[str, Any], dict[str, str]]:
    languages, bad_part = parse_languages_cell(raw["languages"])
    clean, errors = check_candidate_data({**raw, "languages": languages})
    if bad_part is not None:
        errors["languages"] = _l(
            "“%(part)s” is not code:level. Write languages like en:B2|de:A2 (separated by “|” or a space).",
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


def import_candidates(vacancy, data: bytes, user_id: int | None) -> int:
    """Add every row of the file to the vacancy, or none (InvalidImport); returns the count. Does not commit."""
    parsed = parse_candidates_csv(data, vacancy=vacancy)
    if parsed.errors:
        raise InvalidImport(parsed.errors)
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

"""Reading an uploaded table (SPEC §7): bytes -> a header, numbered rows of text cells, and what was read.

A CSV file in UTF-8 (with or without a BOM), UTF-16 with a BOM or Windows-1251, comma, semicolon or tab
delimited; or an Excel workbook (`.xlsx`, its first sheet). The encoding and the delimiter are found without
asking and named in `Table.encoding` / `Table.delimiter`, so that a preview can show what was read.

- Encodings: a BOM decides; else strict UTF-8; else charset-normalizer chooses among the single-byte code
  pages a Russian or Western Excel writes (Windows-1251 first), and the preview names its choice.
- Workbooks: openpyxl in read-only mode, cached values of formulas (what Excel shows), numbers and dates as
  typed (written back as `4.5`, `2026-01-31`), blank rows skipped (so trailing empty rows are ignored).
- Limits: MAX_BYTES per file, MAX_ROWS data rows; a larger file is refused at once (InvalidImport), before
  any row is checked. A line with a control character (NUL …) is an error on that line; an unterminated
  quote is an error on the line where it opens, never a merge of the lines after it.
Line numbers: the header is line 1; a CSV's lines are the file's lines, a workbook's are its row numbers.
"""

import codecs
import csv
import datetime
import io
import zipfile
from dataclasses import asdict, dataclass, field
from typing import Any

from charset_normalizer import from_bytes

from hiring.domain.text import has_control_characters
from hiring.errors import InvalidImport, text
from hiring.errors import lazy_gettext as _l

MAX_BYTES = 2 * 1024 * 1024
MAX_ROWS = 5_000
MAX_COLUMNS = 100
MAX_UNPACKED_BYTES = (
    64 * 1024 * 1024
)  # a 2 MB workbook that unpacks to more is a zip bomb, not a list of people
DELIMITERS = (",", ";", "\t")
# Code pages a spreadsheet program writes when it does not write UTF-8; Windows-1251 is Excel's in Russia.
SINGLE_BYTE_ENCODINGS = ("cp1251", "cp1252", "koi8_r")
ENCODING_NAMES = {
    "utf-8": "UTF-8",
    "utf-8-sig": "UTF-8 (BOM)",
    "utf-16": "UTF-16",
    "cp1251": "Windows-1251",
    "cp1252": "Windows-1252",
    "koi8_r": "KOI8-R",
}
XLSX = "xlsx"
CSV = "csv"
_ZIP_MAGIC = b"PK\x03\x04"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0"  # the old binary .xls (and .doc) container


@dataclass(frozen=True, slots=True)
class ImportLineError:
    """One problem of a file: its line (the header is 1), the column ("header", or None for the whole line)."""

    line: int
    field: str | None
    message: Any  # a message id (hiring.errors): translated where it is shown

    def as_dict(self) -> dict[str, Any]:
        return asdict(self) | {"message": text(self.message)}


@dataclass(slots=True)
class Table:
    """What a file holds: header cells, data rows as (line, cells), line errors, and how it was read."""

    kind: str  # CSV or XLSX
    header: list[str] = field(default_factory=list)
    rows: list[tuple[int, list[str]]] = field(default_factory=list)
    errors: list[ImportLineError] = field(default_factory=list)
    encoding: str | None = None  # a key of ENCODING_NAMES (CSV only)
    delimiter: str | None = None  # CSV only

    @property
    def encoding_name(self) -> str | None:
        return ENCODING_NAMES.get(self.encoding or "", self.encoding)


def refuse(message: Any, line: int = 1) -> InvalidImport:
    return InvalidImport([ImportLineError(line, None, message)])


def read_table(data: bytes, *, known_headers: frozenset[str] = frozenset()) -> Table:
    """Read a CSV file or a workbook; InvalidImport for a file that cannot be read as a whole.

    `known_headers` (lower case) help choose the delimiter when the first line alone leaves a doubt.
    """
    if len(data) > MAX_BYTES:
        raise refuse(too_large_message())
    if data.startswith(_ZIP_MAGIC):
        return _read_workbook(data)
    if data.startswith(_OLE_MAGIC):
        raise refuse(
            _l(
                "This is an old Excel .xls workbook. Save it as .xlsx (Excel Workbook) or as CSV and upload again."
            )
        )
    return _read_csv(_decode(data), known_headers)


def too_large_message() -> Any:
    return _l(
        "The file is larger than 2 MB. Split it into files of at most %(rows)s candidates and import them "
        "one after another.",
        rows="5000",
    )


def too_many_rows_message() -> Any:
    return _l(
        "The file has more than %(rows)s rows under the header. Split it into smaller files and import them "
        "one after another; nothing was imported.",
        rows="5000",
    )


# --- text files -----------------------------------------------------------------------------------------------


@dataclass(slots=True)
class _Text:
    text: str
    encoding: str


def _decode(data: bytes) -> _Text:
    """The file's text and the encoding it was read in (see the module's docstring)."""
    if data.startswith(codecs.BOM_UTF8):
        try:
            return _Text(data[len(codecs.BOM_UTF8) :].decode("utf-8"), "utf-8-sig")
        except UnicodeDecodeError as bad:
            line = data[: bad.start + len(codecs.BOM_UTF8)].count(b"\n") + 1
            raise refuse(
                _l(
                    "The file says it is UTF-8 but line %(line)s is not. Save it again as “CSV UTF-8”.",
                    line=line,
                ),
                line,
            ) from None
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return _Text(data.decode("utf-16"), "utf-16")
        except UnicodeDecodeError:
            raise refuse(_l("The file starts like UTF-16 text but is damaged further on.")) from None
    if data.count(b"\x00") > len(data) // 4:
        raise refuse(
            _l(
                "This is not a text file we can read (it may be UTF-16 without its byte-order mark, or not a "
                "table at all). Save it from Excel as “CSV UTF-8” or as a workbook (.xlsx)."
            )
        )
    try:
        return _Text(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    encoding = _single_byte_encoding(data)
    return _Text(data.decode(encoding, errors="replace"), encoding)


def _single_byte_encoding(data: bytes) -> str:
    """Windows-1251 unless charset-normalizer finds another code page both less chaotic and more coherent.

    On a few short lines the detector's own first choice wavers between close Cyrillic code pages; the one
    Excel writes in Russia is the better bet, and the preview names it either way.
    """
    matches = {
        match.encoding: match
        for match in from_bytes(data, cp_isolation=list(SINGLE_BYTE_ENCODINGS), preemptive_behaviour=False)
    }
    default = matches.get("cp1251")
    if default is None:
        return next(iter(matches), "cp1251")
    better = [
        match
        for match in matches.values()
        if match.chaos < default.chaos and match.coherence > default.coherence
    ]
    return min(better, key=lambda match: match.chaos).encoding if better else "cp1251"


def detect_delimiter(first_line: str, known_headers: frozenset[str] = frozenset()) -> str:
    """Comma, semicolon or tab: the one that splits the header into the most known names, else into most cells."""

    def score(delimiter: str) -> tuple[int, int]:
        cells = _split_line(first_line, delimiter)
        known = sum(1 for cell in cells if cell.strip().lower() in known_headers)
        return known, len(cells)

    return max(DELIMITERS, key=score)  # ties keep the earlier one: comma, then semicolon, then tab


def _split_line(line: str, delimiter: str) -> list[str]:
    try:
        return next(csv.reader([line], delimiter=delimiter), [])
    except csv.Error:
        return line.split(delimiter)


def _read_csv(decoded: _Text, known_headers: frozenset[str]) -> Table:
    body = decoded.text.lstrip("\ufeff")
    lines = body.splitlines()
    first = next((line for line in lines if line.strip()), "")
    table = Table(CSV, encoding=decoded.encoding)
    if not first:
        return table
    table.delimiter = detect_delimiter(first, known_headers)
    bad_lines = _control_character_lines(lines)
    reader = csv.reader(io.StringIO(body, newline=""), delimiter=table.delimiter, strict=True)
    end_of_previous = 0
    while True:
        line = end_of_previous + 1
        try:
            cells = next(reader)
        except StopIteration:
            break
        except csv.Error:
            table.errors.append(ImportLineError(line, None, _unterminated_quote(table.delimiter)))
            break
        span = range(line, reader.line_num + 1)
        end_of_previous = reader.line_num
        if not any(cell.strip() for cell in cells):
            continue
        if not table.header:
            table.header = [cell.strip() for cell in cells]
            if any(number in bad_lines for number in span):
                table.errors.append(ImportLineError(line, "header", _control_characters_message()))
            continue
        if len(span) > 1 and _merged_lines(cells, len(table.header), table.delimiter):
            table.errors.append(ImportLineError(line, None, _unterminated_quote(table.delimiter)))
            break
        if any(number in bad_lines for number in span):
            table.errors.append(ImportLineError(line, None, _control_characters_message()))
            continue
        table.rows.append((line, cells))
        if len(table.rows) > MAX_ROWS:
            raise refuse(too_many_rows_message())
    return table


def _control_character_lines(lines: list[str]) -> set[int]:
    return {number for number, line in enumerate(lines, start=1) if has_control_characters(line)}


def _merged_lines(cells: list[str], columns: int, delimiter: str) -> bool:
    """A record over several lines looks like a forgotten closing quote when it has the wrong number of cells,
    or a cell holds a whole line of its own (as many delimiters as the header has gaps)."""
    if len(cells) != columns:
        return True
    return any(
        part.count(delimiter) >= max(columns - 1, 1)
        for cell in cells
        if "\n" in cell
        for part in cell.splitlines()
    )


def _unterminated_quote(delimiter: str) -> Any:
    return _l(
        "A double quote on this line is not closed (or text follows the closing quote), so the lines after "
        "it cannot be told apart. A value in quotes ends with a quote followed by “%(delimiter)s”; a quote "
        'inside a value is written twice (""). Nothing after this line was read.',
        delimiter="Tab" if delimiter == "\t" else delimiter,
    )


def _control_characters_message() -> Any:
    return _l(
        "This line holds invisible control characters (such as NUL). Remove them, or save the file again "
        "from your spreadsheet program."
    )


# --- workbooks ------------------------------------------------------------------------------------------------


def _read_workbook(data: bytes) -> Table:
    from openpyxl import load_workbook  # imported here: only workbooks pay for it

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            if sum(info.file_size for info in archive.infolist()) > MAX_UNPACKED_BYTES:
                raise refuse(too_large_message())
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except InvalidImport:
        raise
    except Exception:  # noqa: BLE001 - openpyxl raises many kinds for a file that is not a workbook
        raise refuse(
            _l("This file cannot be read as an Excel workbook (.xlsx). Save it again from Excel, or as CSV.")
        ) from None
    table = Table(XLSX)
    try:
        sheet = book.worksheets[0]
        for number, values in enumerate(sheet.iter_rows(max_col=MAX_COLUMNS, values_only=True), start=1):
            cells = [cell_text(value) for value in values]
            while cells and not cells[-1].strip():
                cells.pop()  # max_col pads every row to MAX_COLUMNS
            if not cells:
                continue
            if not table.header:
                table.header = [cell.strip() for cell in cells]
                continue
            if any(has_control_characters(cell) for cell in cells):
                table.errors.append(ImportLineError(number, None, _control_characters_message()))
                continue
            table.rows.append((number, cells))
            if len(table.rows) > MAX_ROWS:
                raise refuse(too_many_rows_message())
    finally:
        book.close()
    while table.header and not table.header[-1]:
        table.header.pop()  # a sheet's used range often runs past the last named column
    return table


def cell_text(value: Any) -> str:
    """A workbook cell as the text a person would have typed: 4.5, 12, 2026-01-31, TRUE; empty for none."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return f"{value:.15g}"
    if isinstance(value, datetime.datetime):
        return value.date().isoformat() if value.time() == datetime.time() else value.isoformat(sep=" ")
    if isinstance(value, datetime.date | datetime.time):
        return value.isoformat()
    return str(value)


def what_was_read(table: Table) -> str:
    """ "Windows-1251, semicolons" / "Excel workbook, first sheet": for the preview."""
    if table.kind == XLSX:
        return text(_l("Excel workbook (.xlsx), first sheet"))
    delimiter = {
        ",": _l("commas"),
        ";": _l("semicolons"),
        "\t": _l("tabs"),
    }.get(table.delimiter or "", _l("commas"))
    return text(_l("%(encoding)s, %(delimiter)s", encoding=table.encoding_name, delimiter=text(delimiter)))

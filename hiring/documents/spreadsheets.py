"""CSV that spreadsheets open safely: Excel-friendly encoding and no formula injection."""

import csv
import io
import re
from collections.abc import Iterable, Sequence

# A cell starting with one of these is run as a formula by Excel, LibreOffice and Google Sheets.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# A formula start right after a comma, semicolon or tab inside a cell: the start of a cell for a reader who splits
# on that character (a semicolon file opened with commas). Quoting alone does not stop that: after the closing
# quote of the cell before, such readers go on splitting on their own delimiter.
EMBEDDED_FORMULA = re.compile(r"([,;\t]\s*)(?=[=+\-@])")


def safe_cell(value: object) -> str:
    """The value as text; one a spreadsheet would take for a formula gets a leading apostrophe.

    Numbers stay numbers (a negative number is data, not a formula); text such as "=HYPERLINK(...)",
    "+7 900..." or "@SUM(...)" is shown as typed instead of being evaluated, and so is a formula hidden after a
    delimiter ("Ivan,=1+1" becomes "Ivan,'=1+1").
    """
    if value is None:
        return ""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    text = str(value)
    text = text[:1] + EMBEDDED_FORMULA.sub(r"\1'", text[1:])  # the first character is the rule below's
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def csv_bytes(header: Sequence[str], rows: Iterable[Sequence[object]], delimiter: str = ",") -> bytes:
    """UTF-8 with a BOM (so Excel reads Cyrillic right), every cell made safe and quoted.

    Quoting every cell keeps a cell whole when the file is opened with the other delimiter: unquoted,
    `Ivan,=1+1,x` in a semicolon file would become a live `=1+1` cell for a reader splitting on commas.
    """
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\r\n", quoting=csv.QUOTE_ALL)
    writer.writerow([safe_cell(h) for h in header])
    writer.writerows([safe_cell(cell) for cell in row] for row in rows)
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def xlsx_bytes(header: Sequence[str], rows: Iterable[Sequence[object]], title: str = "Sheet1") -> bytes:
    """A one-sheet Excel workbook (.xlsx). Text is stored as text, never as a formula: a workbook's string cell
    is not evaluated, so `+7 900 …` stays as typed (no apostrophe needed, unlike CSV)."""
    from openpyxl import Workbook  # imported here: only workbook downloads pay for it
    from openpyxl.cell import WriteOnlyCell

    book = Workbook(write_only=True)
    sheet = book.create_sheet(title)

    def cell(value: object):
        if value is None or (isinstance(value, int | float) and not isinstance(value, bool)):
            return value
        written = WriteOnlyCell(sheet, value=str(value))
        written.data_type = "s"  # openpyxl would take text starting with "=" for a formula
        return written

    sheet.append([cell(value) for value in header])
    for row in rows:
        sheet.append([cell(value) for value in row])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()

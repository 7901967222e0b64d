"""Files as HR really has them (issue 19): Russian Excel CSVs, UTF-16 text, workbooks, own column names;
and the limits: rows, listed errors, an unterminated quote, NUL bytes."""

import codecs
import csv
import io
import time
import zipfile
from datetime import date

import openpyxl
import pytest
import sqlalchemy as sa

from hiring.errors import InvalidImport
from hiring.extensions import db
from hiring.models import Candidate
from hiring.services.import_reading import read_table
from hiring.services.imports import import_candidates, parse_candidates
from tests.candidates.helpers import csv_file

pytestmark = pytest.mark.usefixtures("english")

RUSSIAN_HEADER = (
    "№", "ФИО", "Эл. почта", "Телефон", "Образование", "Специальность", "Опыт, лет", "Выполнение плана, %",
    "Языки", "Комментарий",
)  # fmt: skip
RUSSIAN_ROWS = (
    ("1", "Семён Ёлкин", "semen@example.ru", "+7 900 123-45-67", "Высшее (бакалавр)", "экономика", "4,5",
     "112", "Английский B2; немецкий — A2", "Рекомендация «Альфы»"),
    ("2", "Алёна Щукина", "alena@example.ru", "8 (912) 000-11-22", "Магистр", "менеджмент", "3", "",
     "English C1", "Звонить после 18:00"),
)  # fmt: skip
# What the UTF-8 template with codes says of the same two people.
EXPECTED = {
    "semen@example.ru": {
        "full_name": "Семён Ёлкин",
        "phone": "+7 900 123-45-67",
        "education_level": "bachelor",
        "education_field": "экономика",
        "experience_years": 4.5,
        "plan_attainment_pct": 112.0,
        "languages": {"en": "B2", "de": "A2"},
        "notes": "Рекомендация «Альфы»",
    },
    "alena@example.ru": {
        "full_name": "Алёна Щукина",
        "phone": "8 (912) 000-11-22",
        "education_level": "master",
        "education_field": "менеджмент",
        "experience_years": 3.0,
        "plan_attainment_pct": None,
        "languages": {"en": "C1"},
        "notes": "Звонить после 18:00",
    },
}
TEMPLATE_FILE = csv_file(
    "Семён Ёлкин,semen@example.ru,+7 900 123-45-67,bachelor,экономика,4.5,112,en:B2|de:A2,Рекомендация «Альфы»",
    "Алёна Щукина,alena@example.ru,8 (912) 000-11-22,master,менеджмент,3,,en:C1,Звонить после 18:00",
)


def russian_excel_csv() -> bytes:
    """As Excel in a Russian locale saves "CSV (разделители — точки с запятой)": Windows-1251, `;`, CRLF."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(RUSSIAN_HEADER)
    writer.writerows(RUSSIAN_ROWS)
    return out.getvalue().encode("cp1251")


def unicode_text_file() -> bytes:
    """As Excel saves "Unicode text": UTF-16 LE with a BOM, tab-separated, CRLF."""
    lines = ["\t".join(RUSSIAN_HEADER), *("\t".join(row) for row in RUSSIAN_ROWS)]
    return codecs.BOM_UTF16_LE + ("\r\n".join(lines) + "\r\n").encode("utf-16-le")


def with_cached_values(data: bytes, values: dict[str, str]) -> bytes:
    """The workbook with the cached results Excel stores beside each formula (openpyxl writes none)."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            content = source.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                xml = content.decode()
                for formula, value in values.items():
                    xml = xml.replace(f"<f>{formula}</f><v />", f"<f>{formula}</f><v>{value}</v>")
                content = xml.encode()
            target.writestr(item, content)
    return out.getvalue()


def workbook() -> bytes:
    """Written by openpyxl: numbers as numbers, one stored as text, a formula, a date, empty trailing rows."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append([*RUSSIAN_HEADER, "Дата отклика"])
    sheet.append([1, "Семён Ёлкин", "semen@example.ru", "+7 900 123-45-67", "Высшее (бакалавр)", "экономика",
                  "=3+1.5", 112, "Английский B2; немецкий — A2", "Рекомендация «Альфы»", date(2026, 11, 30)])  # fmt: skip
    sheet.append([2, "Алёна Щукина", "alena@example.ru", "8 (912) 000-11-22", "Магистр", "менеджмент",
                  "3", None, "English C1", "Звонить после 18:00", date(2026, 12, 1)])  # fmt: skip
    for row in range(4, 40):  # formatted but empty rows, as a sheet's used range often has
        sheet.cell(row=row, column=2).number_format = "@"
        sheet.cell(row=row, column=3, value=None)
    sheet.cell(row=39, column=2, value="")
    out = io.BytesIO()
    book.save(out)
    return with_cached_values(out.getvalue(), {"3+1.5": "4.5"})


def stored(vacancy) -> dict[str, dict]:
    people = db.session.scalars(sa.select(Candidate).where(Candidate.vacancy_id == vacancy.id))
    return {
        person.email: {
            "full_name": person.full_name,
            "phone": person.phone,
            "education_level": person.education_level,
            "education_field": person.education_field,
            "experience_years": person.experience_years,
            "plan_attainment_pct": person.plan_attainment_pct,
            "languages": {lang.language: lang.level for lang in person.languages},
            "notes": person.notes,
        }
        for person in people
    }


def test_the_template_file_gives_the_expected_candidates(build):
    vacancy = build.vacancy()
    assert import_candidates(vacancy, TEMPLATE_FILE, None) == 2
    assert stored(vacancy) == EXPECTED


def test_a_russian_excel_csv_imports_the_same_candidates(build):
    """The file of the issue: Windows-1251, semicolons, Russian headers (with №) and words, ё and «кавычки»."""
    vacancy = build.vacancy()
    data = russian_excel_csv()
    parsed = parse_candidates(data, vacancy=vacancy)
    assert parsed.read_as == "Windows-1251, semicolons"
    # every header but № (a running number, ignored in the preview by HR) is matched by its synonym
    assert parsed.mapping.columns[1:] == (
        "full_name", "email", "phone", "education_level", "education_field", "experience_years",
        "plan_attainment_pct", "languages", "notes",
    )  # fmt: skip
    columns = ["ignore", *parsed.mapping.columns[1:]]
    assert import_candidates(vacancy, data, None, columns=columns) == 2
    assert stored(vacancy) == EXPECTED


def test_a_utf16_tab_separated_file_imports_the_same_candidates(build):
    vacancy = build.vacancy()
    parsed = parse_candidates(unicode_text_file())
    assert parsed.read_as == "UTF-16, tabs"
    columns = ["ignore", *parse_candidates(unicode_text_file()).mapping.columns[1:]]
    assert import_candidates(vacancy, unicode_text_file(), None, columns=columns) == 2
    assert stored(vacancy) == EXPECTED


def test_a_workbook_imports_the_same_candidates(build):
    vacancy = build.vacancy()
    data = workbook()
    table = read_table(data)
    assert table.kind == "xlsx"
    assert [line for line, _cells in table.rows] == [2, 3]  # the empty rows below are not rows
    assert table.rows[0][1][6] == "4.5" and table.rows[0][1][7] == "112"  # the formula's value; a number
    assert table.rows[0][1][10] == "2026-11-30"  # a date as typed
    assert parse_candidates(data).read_as == "Excel workbook (.xlsx), first sheet"
    columns = ["ignore", *parse_candidates(data).mapping.columns[1:10], "ignore"]
    assert import_candidates(vacancy, data, None, columns=columns) == 2
    assert stored(vacancy) == EXPECTED


def test_without_a_mapping_the_unmatched_headers_are_named_and_nothing_is_imported(build):
    vacancy = build.vacancy()
    with pytest.raises(InvalidImport) as refused:
        import_candidates(vacancy, workbook(), None)
    assert refused.value.unmatched == ["№", "Дата отклика"]
    assert {error.line for error in refused.value.errors} == {1}
    assert stored(vacancy) == {}


def test_a_mapping_can_move_a_column_to_another_field_or_ignore_it(build):
    data = csv_file(
        "Anna,anna@example.com,+7 900 123-45-67,master,economics,4,110,en:B2,note",
    ).replace(b"education_field", b"Degree subject")
    suggested = parse_candidates(data)
    assert suggested.mapping.columns[4] is None and not suggested.ok
    columns = list(suggested.mapping.as_list())
    columns[4] = "education_field"
    columns[8] = "ignore"
    corrected = parse_candidates(data, columns=columns)
    assert corrected.ok
    assert corrected.rows[0]["education_field"] == "economics"
    assert corrected.rows[0]["notes"] == ""
    twice = parse_candidates(data, columns=[*columns[:8], "full_name"])
    assert any("keep one" in str(error.message) for error in twice.errors)


def test_5001_rows_are_refused_at_once_and_nothing_is_saved(build):
    vacancy = build.vacancy()
    data = csv_file(*(f"P{i},,,,,,,," for i in range(5_001)))
    started = time.perf_counter()
    with pytest.raises(InvalidImport) as refused:
        import_candidates(vacancy, data, None)
    assert time.perf_counter() - started < 2
    [error] = refused.value.errors
    assert "more than 5000 rows" in str(error.message)
    assert stored(vacancy) == {}
    assert import_candidates(vacancy, csv_file(*(f"P{i},,,,,,,," for i in range(5_000))), None) == 5_000


def test_300_bad_lines_list_200_and_count_the_rest(build):
    vacancy = build.vacancy()
    with pytest.raises(InvalidImport) as refused:
        import_candidates(vacancy, csv_file(*(f"P{i},not-an-email,,,,,,," for i in range(300))), None)
    assert len(refused.value.errors) == 200 and refused.value.more == 100
    assert refused.value.errors[-1].line == 201
    assert "100 more" in str(refused.value.message)


def test_an_unterminated_quote_is_an_error_on_its_line_never_a_merge():
    data = csv_file(
        "Anna,anna@example.com,,master,,5,,en:B2,fine",
        'Boris,boris@example.com,,master,,5,,en:B2,"forgot to close',
        "Clara,clara@example.com,,master,,5,,en:B2,",
        "Dmitry,dmitry@example.com,,master,,5,,en:B2,",
    )
    parsed = parse_candidates(data)
    assert [(error.line, error.field) for error in parsed.errors] == [(3, None)]
    assert "not closed" in str(parsed.errors[0].message)
    assert "Boris" not in {row["full_name"] for row in parsed.rows}


def test_a_quoted_value_over_two_lines_is_still_one_value():
    parsed = parse_candidates(csv_file('Anna,anna@example.com,,master,,5,,en:B2,"line one\nline two"'))
    assert parsed.errors == [] and parsed.rows[0]["notes"] == "line one\nline two"


def test_nul_bytes_are_refused_on_their_line(build):
    vacancy = build.vacancy()
    data = csv_file("Anna,anna@example.com,,master,,5,,en:B2,", "Bo\x00ris,boris@example.com,,master,,5,,,")
    with pytest.raises(InvalidImport) as refused:
        import_candidates(vacancy, data, None)
    assert [(error.line, error.field) for error in refused.value.errors] == [(3, None)]
    assert "control characters" in str(refused.value.errors[0].message)
    assert stored(vacancy) == {}


def test_a_utf16_file_without_its_bom_is_refused_with_advice():
    data = "full_name\r\nАнна\r\n".encode("utf-16-le")
    parsed = parse_candidates(data)
    [error] = parsed.errors
    assert "UTF-16" in str(error.message)


def test_a_workbook_we_write_keeps_text_that_looks_like_a_formula_as_text():
    from hiring.documents.spreadsheets import xlsx_bytes

    data = xlsx_bytes(["full_name", "phone"], [['=HYPERLINK("http://x.example","Anna")', "+7 900 123-45-67"]])
    book = openpyxl.load_workbook(io.BytesIO(data))
    assert [cell.data_type for cell in book.active[2]] == ["s", "s"]
    assert read_table(data).rows[0][1] == ['=HYPERLINK("http://x.example","Anna")', "+7 900 123-45-67"]

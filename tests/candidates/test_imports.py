"""hiring.services.imports: the CSV format of SPEC §7, all or nothing."""

import pytest
import sqlalchemy as sa

from hiring.errors import InvalidImport, InvalidInput
from hiring.extensions import db
from hiring.models import AuditEntry, Candidate
from hiring.services.imports import import_candidates, parse_candidates_csv
from tests.candidates.helpers import HEADER, csv_file

pytestmark = pytest.mark.usefixtures("english")


def count_candidates() -> int:
    return db.session.scalar(sa.select(sa.func.count()).select_from(Candidate))


def test_a_good_comma_file_is_imported(build):
    vacancy = build.vacancy()
    hr = build.user("hr")
    data = csv_file(
        "Anna Petrova,anna@example.com,+7 900 123-45-67,master,economics,4.5,112,en:B2|de:A2,Referred",
        'John Smith,john@example.com,,bachelor,"management, sales",2,130,en:native,',
    )
    assert import_candidates(vacancy, data, hr.id) == 2
    db.session.commit()
    anna = db.session.scalar(sa.select(Candidate).where(Candidate.email == "anna@example.com"))
    assert anna.experience_years == 4.5 and anna.plan_attainment_pct == 112
    assert {lang.language: lang.level for lang in anna.languages} == {"en": "B2", "de": "A2"}
    john = db.session.scalar(sa.select(Candidate).where(Candidate.email == "john@example.com"))
    assert john.education_field == "management, sales" and john.phone is None
    actions = db.session.scalars(sa.select(AuditEntry.action).where(AuditEntry.user_id == hr.id)).all()
    assert sorted(actions) == ["candidate.import", "candidate.import", "candidates.import"]


def test_a_semicolon_file_with_bom_decimal_commas_and_cyrillic(build):
    vacancy = build.vacancy()
    data = csv_file(
        "Иван Сидоров;ivan@example.com;;bachelor;экономика;2,5;99,5;en:B2|de:A2;Знает рынок",
        'Ольга Ким;olga@example.com;;master;;3;;"en:C1;de:B1";',
        "Пётр Ли;petr@example.com;;master;;3;;en:C1 fr:A2;",
        delimiter=";",
        bom=True,
    )
    parsed = parse_candidates_csv(data)
    assert parsed.errors == [] and parsed.delimiter == ";"
    ivan, olga, petr = parsed.rows
    assert ivan["full_name"] == "Иван Сидоров" and ivan["line"] == 2
    assert ivan["experience_years"] == 2.5 and ivan["plan_attainment_pct"] == 99.5
    assert ivan["languages"] == {"en": "B2", "de": "A2"}
    assert olga["languages"] == {"en": "C1", "de": "B1"}
    assert petr["languages"] == {"en": "C1", "fr": "A2"}
    assert import_candidates(vacancy, data, None) == 3
    db.session.commit()
    assert count_candidates() == 3


def test_columns_may_come_in_any_order():
    header = "email,full_name,languages,notes,phone,education_level,education_field,experience_years,plan_attainment_pct"
    data = (header + "\na@example.com,Anna,en:B2,,,master,,3,\n").encode()
    parsed = parse_candidates_csv(data)
    assert parsed.errors == []
    assert parsed.rows[0]["full_name"] == "Anna" and parsed.rows[0]["email"] == "a@example.com"


def test_three_bad_lines_are_all_reported_and_nothing_is_imported(build):
    vacancy = build.vacancy()
    data = csv_file(
        "Good One,good@example.com,,master,,5,,en:B2,",
        ",no-name@example.com,,master,,5,,,",
        "Bad Email,not-an-email,,master,,5,,,",
        "Good Two,two@example.com,,master,,5,,,",
        "Bad Level,level@example.com,,doctor,,5,,en:Z9,",
    )
    with pytest.raises(InvalidImport) as caught:
        import_candidates(vacancy, data, None)
    assert isinstance(caught.value, InvalidInput)
    found = {(e.line, e.field) for e in caught.value.errors}
    assert found == {(3, "full_name"), (4, "email"), (6, "education_level"), (6, "languages")}
    assert {line["line"] for line in caught.value.lines} == {3, 4, 6}
    db.session.rollback()
    assert count_candidates() == 0


def test_a_duplicate_email_within_the_file_is_an_error_on_its_second_line():
    data = csv_file(
        "Anna,anna@example.com,,master,,5,,,",
        "Boris,boris@example.com,,master,,5,,,",
        "Anna Again,ANNA@example.com,,master,,5,,,",
    )
    parsed = parse_candidates_csv(data)
    assert [(e.line, e.field) for e in parsed.errors] == [(4, "email")]
    assert "line 2" in parsed.errors[0].message


def test_an_email_already_in_the_vacancy_is_an_error(build):
    vacancy = build.vacancy()
    build.candidate(vacancy, email="anna@example.com")
    data = csv_file("Anna,Anna@Example.com,,master,,5,,,", "Boris,boris@example.com,,master,,5,,,")
    with pytest.raises(InvalidImport) as caught:
        import_candidates(vacancy, data, None)
    assert [(e.line, e.field) for e in caught.value.errors] == [(2, "email")]
    assert "already in this vacancy" in caught.value.errors[0].message
    db.session.rollback()
    assert count_candidates() == 1


@pytest.mark.parametrize("data", [b"", b"\xef\xbb\xbf", b"\r\n\r\n", HEADER.encode() + b"\r\n"])
def test_an_empty_file_is_an_error(data):
    parsed = parse_candidates_csv(data)
    assert parsed.rows == [] and len(parsed.errors) == 1
    assert "empty" in parsed.errors[0].message or "no candidates" in parsed.errors[0].message


def test_a_header_that_matches_no_field_is_named_and_a_missing_name_column_too():
    data = b"nom,email,phone,education_level,education_field,experience_years,plan_attainment_pct,langs,notes\nA,a@example.com,,,,,,,\n"
    parsed = parse_candidates_csv(data)
    assert not parsed.ok
    text = " ".join(str(e.message) for e in parsed.errors)
    assert all(e.line == 1 and e.field == "header" for e in parsed.errors)
    assert "full_name" in text  # missing
    assert "“nom”" in text and "“langs”" in text  # unmatched


def test_a_windows_1251_file_is_read_and_named():
    data = csv_file("Иван Петров,ivan@example.com,,master,,5,,,", encoding="cp1251")
    parsed = parse_candidates_csv(data)
    assert parsed.errors == []
    assert parsed.rows[0]["full_name"] == "Иван Петров"
    assert parsed.read_as == "Windows-1251, commas"


def test_a_line_with_too_many_values_says_to_quote():
    parsed = parse_candidates_csv(csv_file("Anna,anna@example.com,,master,,5,,en:B2,de:A2,"))
    [error] = parsed.errors
    assert error.line == 2 and error.field is None and "double quotes" in error.message


def test_a_language_not_understood_is_named():
    parsed = parse_candidates_csv(csv_file("Anna,anna@example.com,,master,,5,,klingon B2,"))
    [error] = parsed.errors
    assert error.field == "languages" and "klingon" in error.message


def test_a_quoted_multiline_note_keeps_line_numbers_right():
    data = csv_file('Anna,anna@example.com,,master,,5,,,"first\nsecond"', "Bad,bad,,master,,5,,,")
    parsed = parse_candidates_csv(data)
    assert parsed.rows[0]["notes"] == "first\nsecond"
    assert [(e.line, e.field) for e in parsed.errors] == [(4, "email")]


def test_blank_lines_are_skipped_but_counted():
    data = csv_file("Anna,anna@example.com,,master,,5,,,", "", "Bad,bad,,master,,5,,,")
    parsed = parse_candidates_csv(data)
    assert len(parsed.rows) == 1
    assert [(e.line, e.field) for e in parsed.errors] == [(4, "email")]

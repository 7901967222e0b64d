"""The CSV import pages: upload, preview with screening, confirm; bad files, big files, tampering."""

import io
import re
from html import unescape

import pytest
import sqlalchemy as sa

from hiring.extensions import db
from hiring.models import Candidate
from hiring.services.imports import parse_candidates_csv
from tests.candidates.helpers import HEADER, csv_file

GOOD = csv_file(
    "Анна Петрова;anna@example.com;;master;economics;4,5;112;en:B2|de:A2;",
    "Школьник Иван;ivan@example.com;;secondary;;1;;en:A2;",
    delimiter=";",
    bom=True,
)


@pytest.fixture
def hr(build, auth):
    user = build.user("hr", locale="en")
    auth.login(user.username)
    return user


def upload(client, vacancy, data: bytes, name: str = "candidates.csv"):
    return client.post(
        f"/vacancies/{vacancy.id}/candidates/import",
        data={"file": (io.BytesIO(data), name)},
        content_type="multipart/form-data",
    )


def payload_of(response) -> str:
    """The preview's single-use token, as the confirm form carries it."""
    match = re.search(r'name="token" type="hidden" value="([^"]*)"', response.get_data(as_text=True))
    assert match, "the preview carries a confirm form"
    return unescape(match.group(1))


def confirm(client, vacancy, payload: str):
    return client.post(f"/vacancies/{vacancy.id}/candidates/import/confirm", data={"token": payload})


def names_in(vacancy) -> list[str]:
    return sorted(
        db.session.scalars(sa.select(Candidate.full_name).where(Candidate.vacancy_id == vacancy.id))
    )


def test_the_import_page_explains_the_format(client, hr, build):
    vacancy = build.vacancy()
    body = client.get(f"/vacancies/{vacancy.id}/candidates/import").get_data(as_text=True)
    assert HEADER in body and "en:B2|de:A2" in body and "/candidates/import-template.csv" in body
    assert "/candidates/import-template.xlsx" in body and "Windows-1251" in body
    assert "(<code>высшее</code> alone counts" in body


def test_the_xlsx_template_imports_like_the_csv_one(client, hr, build):
    response = client.get("/candidates/import-template.xlsx")
    assert response.status_code == 200 and response.data.startswith(b"PK")
    assert response.mimetype == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    parsed = parse_candidates_csv(response.data)
    assert parsed.errors == [] and len(parsed.rows) == 2
    assert parsed.rows[0]["experience_years"] == 4.5 and parsed.rows[0]["languages"] == {
        "en": "B2",
        "de": "A2",
    }


def test_preview_shows_rows_with_their_screening_and_imports_nothing(client, hr, build):
    vacancy = build.vacancy(languages=(("en", "B2", True),))
    response = upload(client, vacancy, GOOD)
    body = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "Preview: 2 candidates" in body
    assert "Анна Петрова" in body and "Школьник Иван" in body
    assert "Eligible" in body and "Not eligible" in body  # Anna passes, Ivan fails EDU/EXP/LANG
    assert "or higher required; candidate has Secondary school" in body
    assert names_in(vacancy) == []


def test_confirm_imports_exactly_the_previewed_rows(client, hr, build):
    vacancy = build.vacancy()
    payload = payload_of(upload(client, vacancy, GOOD))
    response = confirm(client, vacancy, payload)
    assert response.status_code == 302
    assert names_in(vacancy) == ["Анна Петрова", "Школьник Иван"]
    anna = db.session.scalar(sa.select(Candidate).where(Candidate.email == "anna@example.com"))
    assert anna.experience_years == 4.5
    assert {lang.language: lang.level for lang in anna.languages} == {"en": "B2", "de": "A2"}
    # The same preview confirmed twice adds nothing the second time.
    again = confirm(client, vacancy, payload)
    assert again.status_code == 400 and "already imported" in again.get_data(as_text=True)
    assert len(names_in(vacancy)) == 2


def test_a_replayed_confirmation_imports_once_even_without_emails(client, hr, build):
    """Nothing else (no unique email) would stop a second import of these rows: the preview is single-use."""
    vacancy = build.vacancy()
    data = csv_file("Без Почты;;;master;;5;;;", "Тоже Без Почты;;;bachelor;;3;;;", delimiter=";")
    payload = payload_of(upload(client, vacancy, data))
    assert confirm(client, vacancy, payload).status_code == 302
    assert confirm(client, vacancy, payload).status_code == 400
    assert names_in(vacancy) == ["Без Почты", "Тоже Без Почты"]


def test_a_bad_file_lists_every_bad_line_and_imports_nothing(client, hr, build):
    vacancy = build.vacancy()
    data = csv_file(
        "Good,good@example.com,,master,,5,,en:B2,",
        ",noname@example.com,,master,,5,,,",
        "Bad Years,years@example.com,,master,,lots,,,",
        "Bad Lang,lang@example.com,,master,,5,,Klingon B2,",
    )
    response = upload(client, vacancy, data)
    body = response.get_data(as_text=True)
    assert response.status_code == 400
    assert "The file was not imported" in body
    rows = re.findall(r'<td class="num">(\d+)</td>\s*<td><code>(\w+)</code></td>', body)
    assert rows == [("3", "full_name"), ("4", "experience_years"), ("5", "languages")]
    assert 'name="token"' not in body
    assert names_in(vacancy) == []


@pytest.mark.parametrize(
    ("data", "words"),
    [
        (b"", "The file is empty"),
        (b"nom,mail\nAnna,anna@example.com\n", "“nom” matches no field"),
        (b"\xd0\xcf\x11\xe0" + bytes(600), "old Excel .xls workbook"),
    ],
)
def test_whole_file_problems_are_explained(client, hr, build, data, words):
    vacancy = build.vacancy()
    response = upload(client, vacancy, data)
    assert response.status_code == 400
    assert words in response.get_data(as_text=True)
    assert names_in(vacancy) == []


def test_a_duplicate_against_the_vacancy_is_shown_on_its_line(client, hr, build):
    vacancy = build.vacancy()
    build.candidate(vacancy, email="anna@example.com")
    body = upload(client, vacancy, GOOD).get_data(as_text=True)
    assert "A candidate with anna@example.com is already in this vacancy." in body


def test_upload_without_a_file_asks_for_one(client, hr, build):
    vacancy = build.vacancy()
    response = client.post(
        f"/vacancies/{vacancy.id}/candidates/import", data={}, content_type="multipart/form-data"
    )
    assert (
        response.status_code == 400
        and "Choose a CSV file or an Excel workbook (.xlsx) to upload." in response.get_data(as_text=True)
    )


def test_an_upload_over_2_mb_is_refused_with_a_clear_message(client, hr, build):
    vacancy = build.vacancy()
    big = csv_file(*["Name,a@example.com,,master,,5,,,"] * 80_000)
    assert len(big) > 2 * 1024 * 1024
    response = upload(client, vacancy, big)
    body = response.get_data(as_text=True)
    assert response.status_code == 413
    assert "larger than 2 MB" in body and "Upload a file" in body
    assert names_in(vacancy) == []


@pytest.mark.parametrize(
    "tamper",
    [
        lambda p: p[:-3] + ("AAA" if not p.endswith("AAA") else "BBB"),
        lambda p: "",
        lambda p: "not-a-token",
    ],
)
def test_a_tampered_confirmation_is_refused(client, hr, build, tamper):
    vacancy = build.vacancy()
    payload = payload_of(upload(client, vacancy, GOOD))
    response = confirm(client, vacancy, tamper(payload))
    assert response.status_code == 400
    assert "already imported, has expired" in response.get_data(as_text=True)
    assert names_in(vacancy) == []


def test_a_preview_of_one_vacancy_cannot_import_into_another(client, hr, build):
    first, second = build.vacancy(), build.vacancy()
    payload = payload_of(upload(client, first, GOOD))
    assert confirm(client, second, payload).status_code == 400
    assert names_in(second) == [] and names_in(first) == []


def test_another_users_preview_cannot_be_confirmed(client, hr, build, auth):
    vacancy = build.vacancy()
    payload = payload_of(upload(client, vacancy, GOOD))
    auth.logout()
    auth.login(build.user("hr", locale="en").username)
    assert confirm(client, vacancy, payload).status_code == 400
    assert names_in(vacancy) == []


def test_template_downloads_as_utf8_with_bom_and_imports_cleanly(client, hr, build):
    response = client.get("/candidates/import-template.csv")
    assert response.status_code == 200
    assert response.mimetype == "text/csv"
    assert "attachment" in response.headers["Content-Disposition"]
    assert response.data.startswith(b"\xef\xbb\xbf" + HEADER.encode())
    parsed = parse_candidates_csv(response.data)
    assert parsed.errors == [] and len(parsed.rows) == 2
    assert parsed.rows[0]["full_name"] == "Анна Петрова" and parsed.rows[0]["experience_years"] == 4.5


def test_template_uses_semicolons_for_russian_readers(client, build, auth):
    auth.login(build.user("hr", locale="ru").username)
    response = client.get("/candidates/import-template.csv")
    assert response.data.startswith(b"\xef\xbb\xbf" + HEADER.replace(",", ";").encode())
    assert parse_candidates_csv(response.data).rows[0]["experience_years"] == 4.5


class TestWithCsrf:
    """The size limit is hit before the view when CSRF protection reads the form first."""

    @pytest.fixture
    def app_config(self, app_config):
        return {**app_config, "WTF_CSRF_ENABLED": True}

    def test_an_upload_over_2_mb_is_refused_with_a_clear_message(self, client, build):
        vacancy = build.vacancy()
        user = build.user("hr", locale="en")
        with client.session_transaction() as session:
            session["_user_id"] = user.get_id()
            session["_fresh"] = True
        big = csv_file(*["Name,a@example.com,,master,,5,,,"] * 80_000)
        response = upload(client, vacancy, big)
        assert response.status_code == 413
        assert "larger than 2 MB" in response.get_data(as_text=True)


def test_a_russian_excel_file_goes_through_the_mapping_step(client, hr, build):
    """Windows-1251 with Russian headers: the preview names what it read, HR ignores the № column, imports."""
    from tests.candidates.test_import_formats import russian_excel_csv

    vacancy = build.vacancy()
    first = upload(client, vacancy, russian_excel_csv())
    body = first.get_data(as_text=True)
    assert first.status_code == 400  # the № column is not matched yet
    assert "Read as: Windows-1251, semicolons." in body
    assert "“№” matches no field" in body and 'name="token"' not in body
    assert '<option value="email" selected>' in body
    preview = re.search(r'name="preview" type="hidden" value="([^"]*)"', body).group(1)
    columns = ["ignore", "full_name", "email", "phone", "education_level", "education_field",
               "experience_years", "plan_attainment_pct", "languages", "notes"]  # fmt: skip
    second = client.post(
        f"/vacancies/{vacancy.id}/candidates/import", data={"preview": unescape(preview), "columns": columns}
    )
    assert second.status_code == 200
    assert "Семён Ёлкин" in second.get_data(as_text=True)
    assert confirm(client, vacancy, payload_of(second)).status_code == 302
    assert names_in(vacancy) == ["Алёна Щукина", "Семён Ёлкин"]

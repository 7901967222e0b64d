"""The candidate import API with files as HR has them (SPEC §7): workbooks, Russian headers, a mapping."""

import pytest

from tests.api.conftest import error_of, make_user
from tests.candidates.test_import_formats import russian_excel_csv, workbook

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@pytest.fixture
def hr(app):
    return make_user("hr", username="olga")


@pytest.fixture
def vacancy(build):
    return build.vacancy()


def names(api, vacancy) -> list[str]:
    lead = make_user("lead", username="andrey")
    return sorted(
        entry["full_name"] for entry in api.get(f"/vacancies/{vacancy.id}/ranking", lead).get_json()
    )


def test_an_unambiguous_russian_header_is_applied(api, hr, vacancy):
    header, *rows = russian_excel_csv().decode("cp1251").split("\r\n")
    data = "\r\n".join([header.split(";", 1)[1], *(row.split(";", 1)[1] for row in rows if row)]).encode(
        "cp1251"
    )
    response = api.post(f"/vacancies/{vacancy.id}/candidates/import", hr, data=data, content_type="text/csv")
    assert response.status_code == 201, response.get_json()
    assert response.get_json() == {"imported": 2}
    assert names(api, vacancy) == ["Алёна Щукина", "Семён Ёлкин"]


def test_unmatched_headers_get_400_naming_them(api, hr, vacancy):
    response = api.post(f"/vacancies/{vacancy.id}/candidates/import", hr, data=workbook(), content_type=XLSX)
    assert response.status_code == 400
    error = error_of(response)
    assert error["unmatched"] == ["№", "Дата отклика"]
    assert names(api, vacancy) == []


def test_a_workbook_imports_with_the_columns_given(api, hr, vacancy):
    columns = "ignore,full_name,email,phone,education_level,education_field,experience_years,plan_attainment_pct,languages,notes,ignore"
    response = api.post(
        f"/vacancies/{vacancy.id}/candidates/import?columns={columns}", hr, data=workbook(), content_type=XLSX
    )
    assert response.status_code == 201, response.get_json()
    assert names(api, vacancy) == ["Алёна Щукина", "Семён Ёлкин"]


def test_300_bad_lines_answer_200_lines_and_the_count_of_the_rest(api, hr, vacancy):
    body = "full_name,email\r\n" + "".join(f"P{i},not-an-email\r\n" for i in range(300))
    response = api.post(
        f"/vacancies/{vacancy.id}/candidates/import", hr, data=body.encode(), content_type="text/csv"
    )
    assert response.status_code == 400
    error = error_of(response)
    assert len(error["lines"]) == 200 and error["more"] == 100

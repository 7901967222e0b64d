"""Hostile input answers 400 or 404 and stores nothing, never a 500 (issue 18, findings 4, 5, 8 and 10)."""

import pytest
import sqlalchemy as sa

from hiring import create_app
from hiring.api.auth import issue_token
from hiring.extensions import db
from hiring.models import Candidate, Decision, User
from hiring.services.imports import parse_candidates_csv
from tests.builders import PASSWORD
from tests.candidates.helpers import candidate_form, csv_file

HUGE = "100000000000000000000"  # 1e20 written out: past every integer column and SQLite's 64 bits


@pytest.fixture
def server(app, app_config):
    """Requests through a second app, as a real server would see them (no `g` shared with the fixture)."""
    return create_app(app_config)


@pytest.fixture
def world(build):
    vacancy = build.vacancy()
    first, second = build.candidate(vacancy), build.candidate(vacancy)
    build.user("admin", username="root")
    build.user("lead", username="andrey")
    return vacancy, first, second


def bearer(username: str) -> dict[str, str]:
    user = db.session.scalar(sa.select(User).where(User.username == username))
    token, _expires = issue_token(user)
    db.session.commit()
    return {"Authorization": f"Bearer {token}"}


def logged_in(server, username: str):
    client = server.test_client()
    assert client.post("/login", data={"username": username, "password": PASSWORD}).status_code == 302
    return client


# --- finding 4: large numbers in the query string ------------------------------------------------------------


@pytest.mark.parametrize(
    "path",
    [
        "/audit?page={huge}",
        "/audit?entity_id={huge}",
        "/audit?entity_type=candidate&entity_id=-{huge}",
        "/my/candidates?page={huge}",
        "/vacancies/{vacancy}?page={huge}",
        "/vacancies/{vacancy}/dashboard?page={huge}",
        "/vacancies/{vacancy}/compare?ids={first}&ids={huge}",
        "/vacancies/{vacancy}/compare?ids={first}&ids=1e20",
        "/vacancies/{vacancy}/comparison.pdf?ids={first}&ids={huge}",
        "/vacancies/{vacancy}/comparison.pdf?ids={first}&ids=1e20",
    ],
)
def test_huge_numbers_in_the_query_string_answer_400_or_404(server, world, path):
    vacancy, first, _second = world
    client = logged_in(server, "root")
    response = client.get(path.format(huge=HUGE, vacancy=vacancy.id, first=first.id))
    assert response.status_code in (400, 404)


def test_ordinary_page_numbers_still_work(server, world):
    client = logged_in(server, "root")
    assert client.get("/audit?page=2").status_code == 200
    assert client.get("/audit?page=").status_code == 200


# --- finding 5: deeply nested JSON ----------------------------------------------------------------------


def test_deeply_nested_json_to_the_token_endpoint_answers_400(server):
    body = "[" * 100_000 + "]" * 100_000
    response = server.test_client().post(
        "/api/v1/tokens", data=body, headers={"Content-Type": "application/json"}
    )
    assert response.status_code == 400
    assert response.get_json()["error"]["code"] == "invalid_json"


def test_deeply_nested_json_inside_a_field_answers_400(server, world):
    vacancy, _first, _second = world
    depth = 5_000
    body = '{"full_name": ' + "[" * depth + "]" * depth + "}"
    response = server.test_client().post(
        f"/api/v1/vacancies/{vacancy.id}/candidates",
        data=body,
        headers={"Content-Type": "application/json", **bearer("root")},
    )
    assert response.status_code == 400
    assert set(response.get_json()["error"]) >= {"code", "message", "fields"}


# --- finding 8: control characters -------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["Ivan\x00Petrov", "Ivan\x1bPetrov"])
def test_a_form_refuses_control_characters_and_stores_nothing(server, world, name):
    vacancy, _first, _second = world
    client = logged_in(server, "root")
    response = client.post(f"/vacancies/{vacancy.id}/candidates/new", data=candidate_form(full_name=name))
    assert response.status_code == 400
    assert db.session.scalar(sa.select(Candidate).where(Candidate.full_name.contains("Petrov"))) is None


def test_tab_and_line_breaks_are_still_welcome_in_a_form(server, world):
    vacancy, _first, _second = world
    client = logged_in(server, "root")
    form = candidate_form(full_name="Ivan Petrov", notes="first line\r\n\tsecond line")
    assert client.post(f"/vacancies/{vacancy.id}/candidates/new", data=form).status_code == 302


def test_a_csv_import_row_with_a_nul_byte_is_an_error_on_its_line(world):
    vacancy, _first, _second = world
    parsed = parse_candidates_csv(csv_file("Ivan\x00Petrov,ivan@example.com,,master,,5,,,"), vacancy)
    assert [error.line for error in parsed.errors] == [2] and not parsed.rows
    assert "NUL" in str(parsed.errors[0].message)  # the reader refuses the line before columns are mapped


def test_the_api_refuses_control_characters_other_than_tab_and_newline(server, world):
    vacancy, _first, _second = world
    response = server.test_client().post(
        f"/api/v1/vacancies/{vacancy.id}/candidates",
        json={"full_name": "Ivan\x07Petrov"},
        headers=bearer("root"),
    )
    assert response.status_code == 400
    assert "full_name" in response.get_json()["error"]["fields"]


# --- finding 10: required text needs a visible character --------------------------------------------------


@pytest.mark.parametrize("name", ["\u200b\u200b", "\u3000\u200d", "\ufeff"])
def test_an_invisible_candidate_name_is_refused(server, world, name):
    vacancy, _first, _second = world
    response = server.test_client().post(
        f"/api/v1/vacancies/{vacancy.id}/candidates", json={"full_name": name}, headers=bearer("root")
    )
    assert response.status_code == 400
    assert "full_name" in response.get_json()["error"]["fields"]
    page = logged_in(server, "root").post(
        f"/vacancies/{vacancy.id}/candidates/new", data=candidate_form(full_name=name)
    )
    assert page.status_code == 400
    assert db.session.scalar(sa.select(sa.func.count()).select_from(Candidate)) == 2


def test_an_invisible_decision_rationale_is_refused(server, world):
    _vacancy, first, _second = world
    response = server.test_client().post(
        f"/api/v1/candidates/{first.id}/decision",
        json={"decision": "hire", "rationale": "\u200b"},
        headers=bearer("andrey"),
    )
    assert response.status_code == 400
    assert "rationale" in response.get_json()["error"]["fields"]
    page = logged_in(server, "andrey").post(
        f"/candidates/{first.id}/decision", data={"decision": "hire", "rationale": "\u200b"}
    )
    assert page.status_code == 400
    assert db.session.scalar(sa.select(sa.func.count()).select_from(Decision)) == 0


@pytest.mark.parametrize(
    "path",
    [
        "/api/v1/vacancies?limit=" + "9" * 5000,
        "/api/v1/vacancies?limit=\u00b2",
        "/api/v1/audit?entity_id=" + "9" * 5000,
        "/api/v1/audit?entity_id=\u00b2",
        "/api/v1/vacancies/{vacancy}/comparison.pdf?ids={first}&ids=\u00b2",
    ],
)
def test_the_api_parses_query_numbers_with_the_same_bounded_parser(server, world, path):
    """`isdigit()` says yes to `²` and to 5,000 digits, which int() then refuses: that was a 500."""
    vacancy, first, _second = world
    response = server.test_client().get(
        path.format(vacancy=vacancy.id, first=first.id), headers=bearer("root")
    )
    assert response.status_code == 400

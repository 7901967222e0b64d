"""Hostile text typed into the app stays text: on every page, in CSV exports and in PDFs."""

import csv
import io

import pytest
from pypdf import PdfReader

from hiring import create_app
from hiring.documents.spreadsheets import safe_cell

SCRIPT = "<script>alert(1)</script>"
NOTE = '<img src=x onerror="alert(2)"><b>bold</b>'


@pytest.fixture
def hostile(build):
    """A candidate named with a script tag, HTML in notes and evidence, and a formula for an email."""
    users = {role: build.user(role, username=role) for role in ("admin", "hr", "lead")}
    interviewer = build.user("interviewer", username="ivan")
    vacancy = build.vacancy(title="KAM <i>italic</i>")
    candidate = build.candidate(
        vacancy, full_name=SCRIPT, notes=NOTE, email="=cmd@example.com", phone="+7 900 1"
    )
    build.scorecard(candidate, interviewer, notes={"NEG": NOTE})
    return users, interviewer, vacancy, candidate


def pages(vacancy, candidate) -> list[tuple[str, str]]:
    return [
        ("hr", f"/vacancies/{vacancy.id}"),
        ("hr", f"/candidates/{candidate.id}"),
        ("hr", f"/candidates/{candidate.id}/edit"),
        ("hr", f"/interview/{candidate.id}/scorecard"),
        ("hr", "/audit"),
        ("lead", f"/vacancies/{vacancy.id}/dashboard"),
        ("lead", f"/candidates/{candidate.id}/evaluation"),
        ("lead", f"/vacancies/{vacancy.id}/compare?ids={candidate.id}&ids={candidate.id}"),
        ("ivan", "/"),
        ("ivan", f"/interview/{candidate.id}/kit"),
        ("ivan", f"/interview/{candidate.id}/scorecard"),
        ("ivan", "/my/candidates"),
    ]


def test_hostile_text_is_escaped_on_every_page(app_config, hostile):
    _, _, vacancy, candidate = hostile
    server = create_app(app_config)  # requests outside the fixture's app context, as on a real server
    for username, path in pages(vacancy, candidate):
        client = server.test_client()
        assert (
            client.post("/login", data={"username": username, "password": "password123"}).status_code == 302
        )
        response = client.get(path)
        assert response.status_code in (200, 400), (path, response.status_code)
        page = response.get_data(as_text=True)
        assert SCRIPT not in page, path
        assert "<img src=x" not in page and "<b>bold</b>" not in page and "<i>italic</i>" not in page, path
    # and it is there, as text, where it belongs
    client = server.test_client()
    client.post("/login", data={"username": "hr", "password": "password123"})
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in client.get(f"/candidates/{candidate.id}").get_data(
        as_text=True
    )


def test_csv_export_neutralises_formulas(client, auth, hostile):
    _, _, vacancy, _ = hostile
    auth.login("lead")
    response = client.get(f"/vacancies/{vacancy.id}/ranking.csv")
    assert response.status_code == 200
    text = response.get_data().decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text), delimiter=";"))
    assert rows[1][1] == SCRIPT  # text stays text in a CSV
    assert rows[1][2] == "'=cmd@example.com"


@pytest.mark.parametrize(
    "value, expected",
    [
        ("=SUM(A1:A9)", "'=SUM(A1:A9)"),
        ("+7 900 000-00-00", "'+7 900 000-00-00"),
        ("-2+3", "'-2+3"),
        ("@cmd", "'@cmd"),
        ("\t=1", "'\t=1"),
        ("Анна", "Анна"),
        (-5, "-5"),
        (None, ""),
    ],
)
def test_safe_cell(value, expected):
    assert safe_cell(value) == expected


def test_hostile_text_prints_as_text_in_the_evaluation_pdf(client, auth, hostile):
    _, _, _, candidate = hostile
    auth.login("lead")
    response = client.get(f"/candidates/{candidate.id}/evaluation.pdf")
    assert response.status_code == 200
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(response.data)).pages)
    assert "<script>alert(1)</script>" in text.replace("\n", "")

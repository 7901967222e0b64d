"""No personal data in any cache, and CSV exports that stay inert in any spreadsheet (issue 18, findings 7, 11)."""

import csv
import io

import pytest

from hiring.api.auth import issue_token
from hiring.extensions import db

HOSTILE = {"ru": "Ivan,=1+1,x", "en": "Ivan;=1+1;x"}
OTHER_DELIMITER = {"ru": ",", "en": ";"}


@pytest.fixture
def world(build):
    vacancy = build.vacancy()
    candidate = build.candidate(vacancy, full_name="Анна Петрова")
    lead = build.user("lead", username="andrey", locale="en")
    return vacancy, candidate, lead


def bearer(user) -> dict[str, str]:
    token, _expires = issue_token(user)
    db.session.commit()
    return {"Authorization": f"Bearer {token}"}


@pytest.mark.parametrize(
    "path",
    [
        "/vacancies/{vacancy}/ranking",
        "/candidates/{candidate}/evaluation",
        "/candidates/{candidate}/scorecards",
        "/candidates/{candidate}/evaluation.pdf",
        "/vacancies/{vacancy}/job-post.pdf",
    ],
)
def test_every_api_answer_is_no_store(client, world, path):
    vacancy, candidate, lead = world
    response = client.get(
        "/api/v1" + path.format(vacancy=vacancy.id, candidate=candidate.id), headers=bearer(lead)
    )
    assert response.status_code == 200
    assert response.headers["Cache-Control"] == "no-store"


def test_a_new_token_is_no_store(client, world):
    response = client.post("/api/v1/tokens", json={"username": "andrey", "password": "password123"})
    assert response.status_code == 201 and response.headers["Cache-Control"] == "no-store"


@pytest.mark.parametrize(
    "path",
    [
        "/candidates/{candidate}/evaluation.pdf",
        "/vacancies/{vacancy}/ranking.csv",
        "/candidates/{candidate}/evaluation",
    ],
)
def test_pages_pdfs_and_exports_are_no_store(client, auth, world, path):
    """`private, no-cache` would still let the browser keep the PDF on disk."""
    vacancy, candidate, _lead = world
    auth.login("andrey")
    response = client.get(path.format(vacancy=vacancy.id, candidate=candidate.id))
    assert response.status_code == 200
    assert response.headers["Cache-Control"] == "no-store"


@pytest.mark.parametrize("language", ["ru", "en"])
def test_csv_export_cells_stay_whole_when_opened_with_the_other_delimiter(client, auth, build, language):
    """Every cell quoted: no formula escapes a cell when a reader splits on the other delimiter."""
    vacancy = build.vacancy()
    build.candidate(vacancy, full_name=HOSTILE[language])
    build.user("lead", username="andrey", locale=language)
    auth.login("andrey")
    text = client.get(f"/vacancies/{vacancy.id}/ranking.csv").get_data().decode("utf-8-sig")
    for delimiter in (",", ";"):
        cells = [cell for row in csv.reader(io.StringIO(text), delimiter=delimiter) for cell in row]
        assert not [cell for cell in cells if cell.lstrip().startswith(("=", "+", "@"))], (delimiter, cells)

"""Who may open the hiring lead's pages: lead, HR and admin read; interviewers never; lead and admin decide."""

import pytest

from hiring.extensions import db
from hiring.models import Candidate

ROUTES = [
    ("GET", "/vacancies/{vacancy}/dashboard"),
    ("GET", "/candidates/{candidate}/evaluation"),
    ("GET", "/vacancies/{vacancy}/compare?ids={candidate}&ids={other}"),
    ("GET", "/vacancies/{vacancy}/calibration"),
    ("POST", "/candidates/{candidate}/decision"),
]


@pytest.fixture
def paths(build):
    vacancy = build.vacancy()
    candidate, other = build.candidate(vacancy), build.candidate(vacancy)
    return {"vacancy": vacancy.id, "candidate": candidate.id, "other": other.id}


def call(client, method, path, paths):
    url = path.format(**paths)
    if method == "POST":
        return client.post(url, data={"decision": "hold", "rationale": "Because"})
    return client.get(url)


@pytest.mark.parametrize(("method", "path"), ROUTES)
def test_interviewer_is_refused(client, login, build, paths, method, path):
    interviewer = login("interviewer")
    # even one assigned to the candidate, with a submitted scorecard
    build.scorecard(db.session.get(Candidate, paths["candidate"]), interviewer)
    assert call(client, method, path, paths).status_code == 403


def test_anonymous_is_sent_to_login(client, paths):
    for method, path in ROUTES:
        response = call(client, method, path, paths)
        assert response.status_code == 302, path
        assert "/login" in response.headers["Location"]


@pytest.mark.parametrize("role", ["lead", "hr", "admin"])
def test_readers_open_every_page(client, login, paths, role):
    login(role)
    for method, path in ROUTES:
        if method == "GET":
            assert call(client, method, path, paths).status_code == 200, path


@pytest.mark.parametrize(("role", "status"), [("lead", 302), ("admin", 302), ("hr", 403)])
def test_who_decides(client, login, paths, role, status):
    login(role)
    assert call(client, "POST", "/candidates/{candidate}/decision", paths).status_code == status


def test_every_review_view_declares_its_roles(app):
    views = {name: view for name, view in app.view_functions.items() if name.startswith("review.")}
    assert set(views) == {
        "review.dashboard",
        "review.evaluation",
        "review.compare",
        "review.calibration",
        "review.decide",
    }
    for view in views.values():
        assert "interviewer" not in view.required_roles

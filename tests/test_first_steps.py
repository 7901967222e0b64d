"""Small dead ends of a first-time user (issue 24, items 9 and 11)."""

import pytest
import sqlalchemy as sa

from hiring.extensions import db
from hiring.models import Candidate


def test_the_first_visit_to_the_start_page_shows_the_login_page_alone(client):
    response = client.get("/", follow_redirects=True, headers={"Accept-Language": "en"})
    assert response.request.path == "/login"
    assert "Please log in" not in response.text and 'class="flash' not in response.text


def test_another_protected_page_still_says_why_it_asks_to_log_in(client):
    response = client.get("/vacancies", follow_redirects=True, headers={"Accept-Language": "en"})
    assert "Please log in to open this page." in response.text


@pytest.mark.parametrize(("role", "button"), [("hr", True), ("admin", True), ("lead", False)])
def test_an_empty_home_page_says_what_to_do_next(client, auth, build, role, button):
    build.user(role, username="first")
    client.environ_base["HTTP_ACCEPT_LANGUAGE"] = "en"
    auth.login("first")
    page = client.get("/").text
    assert "No vacancies yet." in page
    assert ('href="/vacancies/new">Create vacancy</a>' in page) is button
    if role == "lead":
        assert "HR creates the vacancies" in page


@pytest.mark.parametrize(
    ("experience", "plan", "saved"),
    [("5 лет", "115%", (5.0, 115.0)), ("2,5 года", "90 %", (2.5, 90.0)), ("3 years", "100", (3.0, 100.0))],
)
def test_a_unit_word_after_the_number_is_accepted_alike(client, auth, build, experience, plan, saved):
    vacancy = build.vacancy()
    build.user("hr", username="olga")
    auth.login("olga")
    data = {"full_name": "Анна Смирнова", "experience_years": experience, "plan_attainment_pct": plan}
    response = client.post(f"/vacancies/{vacancy.id}/candidates/new", data=data)
    assert response.status_code == 302, response.text
    candidate = db.session.scalar(sa.select(Candidate).where(Candidate.full_name == "Анна Смирнова"))
    assert (candidate.experience_years, candidate.plan_attainment_pct) == saved


@pytest.mark.parametrize(("experience", "plan"), [("5%", ""), ("", "115 лет"), ("пять", "")])
def test_a_wrong_unit_is_refused_with_the_same_message(client, auth, build, experience, plan):
    vacancy = build.vacancy()
    build.user("hr", username="olga")
    client.environ_base["HTTP_ACCEPT_LANGUAGE"] = "en"
    auth.login("olga")
    data = {"full_name": "Анна Смирнова", "experience_years": experience, "plan_attainment_pct": plan}
    response = client.post(f"/vacancies/{vacancy.id}/candidates/new", data=data)
    assert response.status_code == 400
    assert "is not a number; write it like 2.5 or 2,5." in response.text

"""The main pages in Russian hold no untranslated English, and in English no stray Russian."""

import pytest

from tests.i18n.checker import assert_english, assert_russian, visible_text
from tests.i18n.world import build_world

LANGUAGES = ("ru", "en")


def check_page(html: str, language: str, data, where: str) -> None:
    text = visible_text(html, language)
    assert text, f"{where} is empty"
    if language == "ru":
        assert_russian(text, data, where)
    else:
        assert_english(text, data, where)


@pytest.mark.parametrize("language", LANGUAGES)
def test_login_page(client, language):
    response = client.get("/login", headers={"Accept-Language": language})
    assert response.status_code == 200
    check_page(response.get_data(as_text=True), language, (), "login page")


@pytest.mark.parametrize("language", LANGUAGES)
def test_failed_login_page(client, language):
    response = client.post(
        "/login", data={"username": "nobody", "password": ""}, headers={"Accept-Language": language}
    )
    html = response.get_data(as_text=True)
    check_page(html, language, ("nobody",), "failed login page")


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("role", ["hr", "lead", "admin", "interviewer"])
def test_home_page_of_each_role(client, auth, build, language, role):
    world = build_world(build, language)
    auth.login(world.users[role].username)
    response = client.get("/")
    assert response.status_code == 200
    check_page(response.get_data(as_text=True), language, world.data, f"home page of {role}")


@pytest.mark.parametrize(
    ("language", "salary"), [("ru", "150 000 ₽ – 200 000 ₽"), ("en", "RUB 150,000 – RUB 200,000")]
)
def test_vacancy_salary_is_money_of_the_locale(client, auth, build, language, salary):
    world = build_world(build, language)
    auth.login(world.users["hr"].username)
    html = client.get(f"/vacancies/{world.vacancy.id}").get_data(as_text=True)
    assert salary in " ".join(
        visible_text(html, language).replace("\u202f", " ").replace("\u00a0", " ").split()
    )


@pytest.mark.parametrize("language", LANGUAGES)
def test_login_page_after_a_protected_page(client, language):
    """Flask-Login's own "please log in" message speaks the reader's language too."""
    response = client.get("/vacancies", headers={"Accept-Language": language}, follow_redirects=True)
    html = response.get_data(as_text=True)
    assert 'class="flash' in html
    check_page(html, language, (), "login page after a protected page")

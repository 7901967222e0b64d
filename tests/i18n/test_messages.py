"""Messages people read: flashes, form errors, service errors and the command line, in the chosen language."""

import pytest

from hiring.extensions import db


def test_flash_message_in_russian(client, auth, build):
    build.user("hr", username="olga", locale="ru")
    auth.login("olga")
    response = client.post("/logout", follow_redirects=True)
    assert "Вы вышли из системы." in response.get_data(as_text=True)


def test_flash_message_follows_the_browser_when_nobody_chose(client):
    response = client.post(
        "/login",
        data={"username": "ghost", "password": "wrong-password"},
        headers={"Accept-Language": "en-GB,en;q=0.9"},
    )
    assert "Wrong username or password" in response.get_data(as_text=True)
    response = client.post(
        "/login", data={"username": "ghost", "password": "wrong-password"}, headers={"Accept-Language": "de"}
    )
    assert "Неверное имя пользователя или пароль" in response.get_data(as_text=True)


def test_validation_messages_in_russian(client, auth, build):
    """Our own validators and WTForms' built-in ones both speak Russian."""
    build.user("admin", username="boss", locale="ru")
    auth.login("boss")
    response = client.post(
        "/admin/users",
        data={"username": "плохое имя", "full_name": "Иван", "role": "hr", "password": "short"},
    )
    html = response.get_data(as_text=True)
    assert "Используйте латинские буквы, цифры, точки, дефисы или подчёркивания." in html
    assert "Пароль должен быть не короче 10 символов." in html
    response = client.post(
        "/admin/users", data={"username": "ivan", "full_name": "", "role": "hr", "password": "x"}
    )
    assert "Обязательное поле." in response.get_data(as_text=True)  # WTForms' own catalogue
    response = client.post(
        "/admin/users",
        data={"username": "boss", "full_name": "Второй", "role": "hr", "password": "long-enough-1"},
    )
    assert "Это имя пользователя уже занято." in response.get_data(as_text=True)


def test_the_saved_choice_beats_the_browser_and_the_switch_saves_it(client, auth, build):
    user = build.user("hr", username="anna", locale="en")
    auth.login("anna")
    assert "Log out" in client.get("/", headers={"Accept-Language": "ru"}).get_data(as_text=True)
    client.post("/language/ru", data={"next": "/"})
    db.session.refresh(user)
    assert user.locale == "ru"
    assert "Выйти" in client.get("/", headers={"Accept-Language": "en"}).get_data(as_text=True)


@pytest.mark.parametrize(("header", "word"), [("en-US,en;q=0.8", "Log in"), ("", "Войти"), ("fr", "Войти")])
def test_language_without_a_choice(client, header, word):
    headers = {"Accept-Language": header} if header else {}
    assert word in client.get("/login", headers=headers).get_data(as_text=True)


@pytest.mark.parametrize(
    ("language", "text"), [("en", "You have logged out."), ("ru", "Вы вышли из системы.")]
)
def test_logout_speaks_the_leaving_user_language(client, auth, build, language, text):
    """The message and the login page after it are in the user's language, not the browser's default."""
    build.user("hr", username="leaver", locale=language)
    auth.login("leaver")
    response = client.post("/logout", follow_redirects=True)
    html = response.get_data(as_text=True)
    assert text in html
    assert f'<html lang="{language}">' in html


@pytest.mark.parametrize(
    ("shell", "created", "too_short"),
    [
        (
            "ru_RU.UTF-8",
            "Пользователь maria (Интервьюер) создан.",
            "Пароль должен быть не короче 10 символов.",
        ),
        (
            "en_GB.UTF-8",
            "User maria (Interviewer) created.",
            "The password must have at least 10 characters.",
        ),
        ("C.UTF-8", "User maria (Interviewer) created.", "The password must have at least 10 characters."),
    ],
)
def test_command_line_speaks_the_shell_language(runner, monkeypatch, shell, created, too_short):
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", shell)
    result = runner.invoke(args=["create-user", "maria", "--role", "interviewer", "--password", "longenough"])
    assert result.exit_code == 0, result.output
    assert created in result.output
    result = runner.invoke(args=["create-user", "petr", "--role", "hr", "--password", "short"])
    assert result.exit_code != 0 and too_short in result.output

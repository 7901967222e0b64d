"""My account, a forgotten password and the users page (issue 24, items 1 and 5), as the people involved see them."""

import re

import pytest
import sqlalchemy as sa

from hiring import create_app
from hiring.extensions import db
from hiring.models import ApiToken, AuditEntry, User
from tests.builders import PASSWORD

NEW_PASSWORD = "green-harbour-42"


@pytest.fixture
def server(app, app_config):
    """A second app on the same database, so that `g` does not carry the user from one request to the next."""
    return create_app(app_config)


def browser(server, username, password=PASSWORD, language="en"):
    client = server.test_client()
    client.environ_base["HTTP_ACCEPT_LANGUAGE"] = language
    response = client.post("/login", data={"username": username, "password": password})
    assert response.status_code == 302, response.text
    return client


def token(server, username, password=PASSWORD) -> str:
    response = server.test_client().post("/api/v1/tokens", json={"username": username, "password": password})
    assert response.status_code == 201, response.text
    return response.get_json()["token"]


def api_status(server, bearer: str) -> int:
    return (
        server.test_client()
        .get("/api/v1/vacancies", headers={"Authorization": f"Bearer {bearer}"})
        .status_code
    )


def fresh(user_id: int) -> User:
    db.session.expire_all()
    return db.session.get(User, user_id)


# --- My account: name, e-mail, language --------------------------------------------------------------------


@pytest.mark.parametrize("role", ["admin", "hr", "interviewer", "lead"])
def test_every_role_reaches_my_account_from_the_top_bar(server, build, role):
    build.user(role, username="olga")
    client = browser(server, "olga")
    home = client.get("/", follow_redirects=True).text
    assert 'href="/account"' in home
    page = client.get("/account")
    assert page.status_code == 200
    assert "My account" in page.text and "Change password" in page.text and "Interface language" in page.text


def test_my_account_saves_name_email_and_language(server, build):
    olga = build.user("hr", username="olga", full_name="Olga")
    client = browser(server, "olga")
    response = client.post(
        "/account", data={"full_name": "Olga Petrova", "email": "olga@example.com", "locale": "ru"}
    )
    assert response.status_code == 302
    user = fresh(olga.id)
    assert (user.full_name, user.email, user.locale) == ("Olga Petrova", "olga@example.com", "ru")
    page = client.get("/account").text
    assert "Мой профиль" in page or "Моя учётная запись" in page  # the interface follows the saved language
    assert 'value="olga@example.com"' in page


def test_my_account_refuses_an_e_mail_another_user_has_and_keeps_the_input(server, build):
    build.user("hr", username="anna", email="Shared@Example.com")
    olga = build.user("hr", username="olga")
    client = browser(server, "olga")
    response = client.post(
        "/account", data={"full_name": "Olga P", "email": "shared@example.com", "locale": "en"}
    )
    assert response.status_code == 400
    assert "Another user has this e-mail address." in response.text
    assert 'value="Olga P"' in response.text
    assert fresh(olga.id).email is None


# --- changing one's own password ---------------------------------------------------------------------------


def change(client, current=PASSWORD, new=NEW_PASSWORD, again=None):
    data = {"current_password": current, "new_password": new, "confirm_password": again or new}
    return client.post("/account/password", data=data)


def test_a_wrong_current_password_changes_nothing(server, build):
    olga = build.user("hr", username="olga")
    client = browser(server, "olga")
    before = fresh(olga.id).password_hash
    response = change(client, current="not-my-password")
    assert response.status_code == 400 and "The current password is wrong." in response.text
    assert fresh(olga.id).password_hash == before


@pytest.mark.parametrize(
    ("new", "again", "message"),
    [
        ("short", None, "at least 10 characters"),
        ("olga", None, "at least 10 characters"),
        ("password123", None, "Choose a password other than the current one."),
        ("qwertyuiop", None, "too easy to guess"),
        (NEW_PASSWORD, "something-else-1", "The two new passwords differ."),
    ],
)
def test_a_weak_or_mistyped_new_password_is_refused_beside_its_field(server, build, new, again, message):
    build.user("hr", username="olga")
    response = change(browser(server, "olga"), new=new, again=again)
    assert response.status_code == 400 and message in response.text


def test_changing_the_password_ends_the_other_sessions_and_the_api_tokens_but_not_this_one(server, build):
    olga = build.user("hr", username="olga")
    client, laptop = browser(server, "olga"), browser(server, "olga")
    bearer = token(server, "olga")
    assert api_status(server, bearer) == 200

    response = change(client)
    assert response.status_code == 302
    assert "Your password is changed" in client.get("/account").text  # this browser stays signed in
    assert laptop.get("/").status_code == 302  # the other device is sent to the login page
    assert api_status(server, bearer) == 401
    assert db.session.scalar(sa.select(sa.func.count(ApiToken.id)).where(ApiToken.user_id == olga.id)) == 0

    fresh_login = server.test_client().post("/login", data={"username": "olga", "password": PASSWORD})
    assert fresh_login.status_code == 200  # the old password no longer works
    browser(server, "olga", NEW_PASSWORD)
    assert (
        db.session.scalar(sa.select(AuditEntry).where(AuditEntry.action == "user.password")).user_id
        == olga.id
    )


# --- an administrator resets a password ---------------------------------------------------------------------


def temporary_password(html: str) -> str:
    return re.search(r'<code id="temporary-password">([^<]+)</code>', html).group(1)


def test_an_admin_resets_a_password_the_user_must_change_at_the_next_login(server, build):
    build.user("admin", username="boss")
    maria = build.user("interviewer", username="maria")
    her_browser, her_token = browser(server, "maria"), token(server, "maria")
    admin = browser(server, "boss")

    users_page = admin.get("/admin/users").text
    assert f'action="/admin/users/{maria.id}/password"' in users_page
    response = admin.post(f"/admin/users/{maria.id}/password")
    assert response.status_code == 200
    assert "shown only once" in response.text
    temporary = temporary_password(response.text)
    assert fresh(maria.id).must_change_password

    # everything she had ends
    assert her_browser.get("/").status_code == 302
    assert api_status(server, her_token) == 401
    # the temporary password opens only the password change
    client = browser(server, "maria", temporary)
    landing = client.get("/vacancies", follow_redirects=True)
    assert landing.request.path == "/account"
    assert "Choose a new password of your own before you go on." in landing.text
    refused = server.test_client().post("/api/v1/tokens", json={"username": "maria", "password": temporary})
    assert refused.status_code == 403 and refused.get_json()["error"]["code"] == "password_change_required"

    assert change(client, current=temporary).status_code == 302
    assert not fresh(maria.id).must_change_password
    assert client.get("/").status_code == 200
    assert "user.password_reset" in db.session.scalars(sa.select(AuditEntry.action)).all()


def test_the_admin_reset_page_in_russian(server, build):
    build.user("admin", username="boss")
    maria = build.user("interviewer", username="maria")
    response = browser(server, "boss", language="ru").post(f"/admin/users/{maria.id}/password")
    assert "Временный пароль" in response.text and "показан только один раз" in response.text


def test_nobody_resets_their_own_password_from_the_users_page(server, build):
    boss = build.user("admin", username="boss")
    before = fresh(boss.id).password_hash
    response = browser(server, "boss").post(f"/admin/users/{boss.id}/password")
    assert response.status_code == 302 and response.headers["Location"].endswith("/account")
    assert fresh(boss.id).password_hash == before


def test_flask_reset_password_prints_a_temporary_password(server, build):
    maria = build.user("interviewer", username="maria")
    bearer = token(server, "maria")
    result = server.test_cli_runner().invoke(args=["reset-password", "Maria"])
    assert result.exit_code == 0, result.output
    temporary = re.search(r"Temporary password of maria: (\S+)", result.output).group(1)
    assert fresh(maria.id).must_change_password and api_status(server, bearer) == 401
    client = browser(server, "maria", temporary)
    assert client.get("/", follow_redirects=True).request.path == "/account"


def test_flask_reset_password_names_an_unknown_user(server, build):
    result = server.test_cli_runner().invoke(args=["reset-password", "ghost"])
    assert result.exit_code != 0 and "There is no user ghost." in result.output


def test_flask_reset_password_takes_a_chosen_password_under_the_same_rules(server, build):
    maria = build.user("interviewer", username="maria")
    weak = server.test_cli_runner().invoke(args=["reset-password", "maria", "--password", "short"])
    assert weak.exit_code != 0 and "at least 10 characters" in weak.output
    chosen = server.test_cli_runner().invoke(args=["reset-password", "maria", "--password", NEW_PASSWORD])
    assert chosen.exit_code == 0
    browser(server, "maria", NEW_PASSWORD)
    assert fresh(maria.id).must_change_password


# --- the users page ----------------------------------------------------------------------------------------


def selected_role(html: str) -> str:
    """The role chosen in the new-user form's drop-down."""
    select = html[html.index('<select id="role"') :]
    return re.search(r'<option selected value="(\w+)"', select[: select.index("</select>")]).group(1)


def test_a_new_user_defaults_to_interviewer_also_after_a_save(server, build):
    build.user("admin", username="boss")
    admin = browser(server, "boss")
    assert selected_role(admin.get("/admin/users").text) == "interviewer"
    data = {"username": "anna", "full_name": "Anna", "role": "hr", "password": NEW_PASSWORD}
    after = admin.post("/admin/users", data=data, follow_redirects=True)
    assert "User anna created." in after.text
    assert selected_role(after.text) == "interviewer"


def test_the_status_is_a_status_and_deactivating_asks_first(server, build):
    build.user("admin", username="boss")
    maria = build.user("interviewer", username="maria")
    admin = browser(server, "boss")
    page = admin.get("/admin/users").text
    assert 'class="status status-active">Active<' in page
    assert f'action="/admin/users/{maria.id}/active"' not in page  # no one-click deactivation
    confirm = admin.get(f"/admin/users/{maria.id}/deactivate")
    assert confirm.status_code == 200 and "They can no longer log in" in confirm.text
    assert fresh(maria.id).active
    admin.post(f"/admin/users/{maria.id}/active")
    assert not fresh(maria.id).active
    assert 'class="status status-inactive">Deactivated<' in admin.get("/admin/users").text


def test_the_users_page_in_russian_names_roles_whole(server, build):
    build.user("admin", username="boss")
    build.user("interviewer", username="maria")
    page = browser(server, "boss", language="ru").get("/admin/users").text
    assert "Администратор" in page and "Активен" in page and "Сбросить пароль" in page

"""Sessions, remember cookies and API tokens end when they should (issue 18, findings 1, 3 and 11).

Each test plays the attacker of the finding: a cookie signed with a known key, a cookie captured before
logout, a token of a deactivated user, a token its owner revoked.
"""

from datetime import UTC, datetime, timedelta
from email.utils import parsedate_to_datetime
from pathlib import Path

import pytest

from hiring import create_app
from hiring.extensions import db
from hiring.secret_key import DEVELOPMENT_KEY, write_key_file
from hiring.services import users
from tests.builders import PASSWORD

# --- finding 1: no forgeable sessions --------------------------------------------------------------------


@pytest.fixture
def no_key_in_environment(monkeypatch):
    monkeypatch.delenv("SECRET_KEY", raising=False)
    monkeypatch.delenv("FLASK_SECRET_KEY", raising=False)


@pytest.mark.parametrize("key", [None, DEVELOPMENT_KEY])
def test_production_refuses_to_start_without_a_secret_key_of_its_own(
    no_key_in_environment, database_url, tmp_path, key
):
    config = {"SQLALCHEMY_DATABASE_URI": database_url, **({"SECRET_KEY": key} if key else {})}
    with pytest.raises(RuntimeError, match="export SECRET_KEY="):
        create_app(config, instance_path=str(tmp_path))


def test_production_takes_the_key_from_the_environment(
    no_key_in_environment, monkeypatch, database_url, tmp_path
):
    monkeypatch.setenv("FLASK_SECRET_KEY", "k" * 64)
    app = create_app({"SQLALCHEMY_DATABASE_URI": database_url}, instance_path=str(tmp_path))
    assert app.config["SECRET_KEY"] == "k" * 64


def test_make_run_gets_a_key_generated_once_into_the_instance_folder(
    no_key_in_environment, database_url, tmp_path
):
    path = write_key_file(str(tmp_path))
    first = create_app({"SQLALCHEMY_DATABASE_URI": database_url}, instance_path=str(tmp_path))
    write_key_file(str(tmp_path))  # a second `make run` keeps the key: sessions survive a restart
    second = create_app({"SQLALCHEMY_DATABASE_URI": database_url}, instance_path=str(tmp_path))
    assert first.config["SECRET_KEY"] == second.config["SECRET_KEY"] == Path(path).read_text().strip()
    assert len(first.config["SECRET_KEY"]) == 64 and first.config["SECRET_KEY"] != DEVELOPMENT_KEY


def test_debug_and_tests_may_run_with_the_development_key(no_key_in_environment, database_url, tmp_path):
    app = create_app({"SQLALCHEMY_DATABASE_URI": database_url, "DEBUG": True}, instance_path=str(tmp_path))
    assert app.config["SECRET_KEY"]


# --- finding 3: logging out, a password change and deactivation end every session -------------------------


@pytest.fixture
def server(app, app_config):
    """A second app on the same database: the fixture's app context would keep `g` (and the logged-in user)
    from one request to the next, which a real server never does."""
    return create_app(app_config)


@pytest.fixture
def client(server):
    return server.test_client()


def login(client, username, remember=False):
    data = {"username": username, "password": PASSWORD, **({"remember": "y"} if remember else {})}
    response = client.post("/login", data=data)
    assert response.status_code == 302
    return response


def test_a_session_cookie_captured_before_logout_is_dead_after_it(server, client, build):
    build.user("hr", username="olga")
    login(client, "olga")
    captured = client.get_cookie("session").value
    assert client.get("/").status_code == 200
    client.post("/logout")

    thief = server.test_client()
    thief.set_cookie("session", captured)
    response = thief.get("/")
    assert response.status_code == 302 and "/login" in response.headers["Location"]


def test_a_remember_cookie_captured_before_logout_is_dead_after_it(server, client, build):
    build.user("hr", username="olga")
    login(client, "olga", remember=True)
    captured = client.get_cookie("remember_token").value
    client.post("/logout")

    thief = server.test_client()
    thief.set_cookie("remember_token", captured)
    response = thief.get("/")
    assert response.status_code == 302 and "/login" in response.headers["Location"]


def test_logging_out_on_one_device_ends_the_session_on_the_others(server, client, build):
    build.user("hr", username="olga")
    other_device = server.test_client()
    login(client, "olga")
    login(other_device, "olga")
    client.post("/logout")
    assert other_device.get("/").status_code == 302


@pytest.fixture
def app_config(app_config):
    return {**app_config, "SESSION_COOKIE_SECURE": True}


def test_remember_cookie_is_secure_httponly_samesite_and_lasts_two_weeks(client, build):
    build.user("hr", username="olga")
    response = login(client, "olga", remember=True)
    cookie = next(h for h in response.headers.getlist("Set-Cookie") if h.startswith("remember_token="))
    assert "Secure" in cookie and "HttpOnly" in cookie and "SameSite=Lax" in cookie
    expires = parsedate_to_datetime(cookie.split("Expires=")[1].split(";")[0])
    assert timedelta(days=13) < expires - datetime.now(UTC) <= timedelta(days=14, minutes=1)


def test_hsts_is_sent_when_cookies_are_secure(client):
    assert client.get("/login").headers["Strict-Transport-Security"].startswith("max-age=")


def _api_status(client, token: str) -> int:
    return client.get("/api/v1/profiles", headers={"Authorization": f"Bearer {token}"}).status_code


def _token(client, username: str) -> str:
    response = client.post("/api/v1/tokens", json={"username": username, "password": PASSWORD})
    return response.get_json()["token"]


def test_a_password_change_ends_every_session_and_token_of_the_user(server, client, build):
    olga = build.user("hr", username="olga")
    login(client, "olga")
    token = _token(server.test_client(), "olga")
    assert _api_status(server.test_client(), token) == 200

    users.change_password(olga, "a-new-long-secret", by_user_id=olga.id)
    db.session.commit()
    assert client.get("/").status_code == 302
    assert _api_status(server.test_client(), token) == 401
    assert (
        client.post("/login", data={"username": "olga", "password": "a-new-long-secret"}).status_code == 302
    )


def test_deactivation_ends_sessions_and_tokens_for_good(server, client, build):
    """Reactivating the account later must not bring the old cookie or token back to life."""
    admin = build.user("admin", username="root")
    olga = build.user("hr", username="olga")
    login(client, "olga", remember=True)
    token = _token(server.test_client(), "olga")

    users.set_active(olga, False, admin)
    db.session.commit()
    users.set_active(olga, True, admin)
    db.session.commit()
    assert client.get("/").status_code == 302
    assert _api_status(server.test_client(), token) == 401


# --- finding 11: API tokens can be revoked ------------------------------------------------------------------


def test_delete_tokens_current_revokes_only_that_token(server, build):
    build.user("hr", username="olga")
    api = server.test_client()
    token, other = _token(api, "olga"), _token(api, "olga")
    response = api.delete("/api/v1/tokens/current", headers={"Authorization": f"Bearer {token}"})
    assert response.status_code == 204
    assert _api_status(api, token) == 401
    assert _api_status(api, other) == 200
    again = api.delete("/api/v1/tokens/current", headers={"Authorization": f"Bearer {token}"})
    assert again.status_code == 401

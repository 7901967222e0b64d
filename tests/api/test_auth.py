"""Bearer tokens: issued for good credentials, stored hashed, expiring, dead with a deactivated user."""

import hashlib
from datetime import UTC, datetime, timedelta

import pytest
import sqlalchemy as sa

from hiring.extensions import db
from hiring.models import ApiToken
from tests.api.conftest import error_of


def test_token_for_good_credentials_is_stored_hashed(api, build):
    user = build.user("hr")
    response = api.post("/tokens", json={"username": user.username, "password": "password123"})
    assert response.status_code == 201
    token = response.get_json()["token"]
    assert len(token) >= 40
    row = db.session.scalar(sa.select(ApiToken).where(ApiToken.user_id == user.id))
    assert row.token_hash == hashlib.sha256(token.encode()).hexdigest()
    assert token not in row.token_hash
    expires = row.expires_at if row.expires_at.tzinfo else row.expires_at.replace(tzinfo=UTC)
    assert timedelta(hours=11) < expires - datetime.now(UTC) <= timedelta(hours=12)


@pytest.mark.parametrize(
    "body",
    [
        {"username": "hr-x", "password": "wrong-password"},
        {"username": "nobody", "password": "password123"},
    ],
)
def test_wrong_credentials_get_401(api, build, body):
    build.user("hr", username="hr-x")
    response = api.post("/tokens", json=body)
    assert response.status_code == 401
    assert error_of(response)["code"] == "unauthorized"
    assert response.headers["WWW-Authenticate"].startswith("Bearer")


def test_deactivated_user_gets_no_token_and_old_tokens_stop(api, build):
    user = build.user("lead")
    vacancy = build.vacancy()
    token = api.login(user.username)
    headers = {"Authorization": f"Bearer {token}"}
    assert api.get(f"/vacancies/{vacancy.id}/ranking", headers=headers).status_code == 200
    user.active = False
    db.session.commit()
    assert api.get(f"/vacancies/{vacancy.id}/ranking", headers=headers).status_code == 401
    response = api.post("/tokens", json={"username": user.username, "password": "password123"})
    assert response.status_code == 401


def test_expired_token_gets_401(api, build, app):
    user = build.user("lead")
    vacancy = build.vacancy()
    app.config["API_TOKEN_TTL"] = timedelta(seconds=-1)
    response = api.get(f"/vacancies/{vacancy.id}/ranking", user)
    assert response.status_code == 401
    assert "expired" in error_of(response)["message"]


def test_token_lifetime_is_configurable(api, build, app):
    app.config["API_TOKEN_TTL"] = timedelta(minutes=5)
    user = build.user("hr")
    api.login(user.username)
    row = db.session.scalar(sa.select(ApiToken).where(ApiToken.user_id == user.id))
    expires = row.expires_at if row.expires_at.tzinfo else row.expires_at.replace(tzinfo=UTC)
    assert expires - datetime.now(UTC) <= timedelta(minutes=5)


@pytest.mark.parametrize(
    "authorization",
    [None, "", "Bearer", "Bearer ", "Basic aHI6cGFzc3dvcmQxMjM=", "Bearer not-a-token", "Token abc"],
)
def test_missing_or_unknown_token_gets_401(api, build, authorization):
    vacancy = build.vacancy()
    headers = {"Authorization": authorization} if authorization is not None else {}
    response = api.get(f"/vacancies/{vacancy.id}/ranking", headers=headers)
    assert response.status_code == 401
    assert error_of(response) == {
        "code": "unauthorized",
        "message": error_of(response)["message"],
        "fields": {},
    }


def test_a_browser_session_does_not_authenticate_the_api(api, auth, build):
    lead = build.user("lead")
    vacancy = build.vacancy()
    auth.login(lead.username)
    assert api.client.get(f"/vacancies/{vacancy.id}/dashboard").status_code == 200
    assert api.get(f"/vacancies/{vacancy.id}/ranking").status_code == 401


def test_api_is_exempt_from_csrf_and_sets_no_session_cookie(app, api, build):
    app.config["WTF_CSRF_ENABLED"] = True
    user = build.user("hr")
    response = api.post("/tokens", json={"username": user.username, "password": "password123"})
    assert response.status_code == 201
    assert "Set-Cookie" not in response.headers


def test_failed_token_requests_are_throttled_with_the_login_page(api, auth, app, build):
    app.config["LOGIN_ATTEMPTS_LIMIT"] = "3 per 15 minutes"
    user = build.user("hr")
    auth.login(user.username, "wrong-password")
    auth.login(user.username, "wrong-password")
    wrong = {"username": user.username, "password": "wrong-password"}
    assert api.post("/tokens", json=wrong).status_code == 401
    response = api.post("/tokens", json={"username": user.username, "password": "password123"})
    assert response.status_code == 429
    assert error_of(response)["code"] == "too_many_requests"


def test_successful_token_requests_are_not_counted(api, app, build):
    app.config["LOGIN_ATTEMPTS_LIMIT"] = "2 per 15 minutes"
    user = build.user("hr")
    for _attempt in range(3):
        assert (
            api.post("/tokens", json={"username": user.username, "password": "password123"}).status_code
            == 201
        )


def test_messages_are_english_unless_the_client_asks_for_russian(api, build):
    vacancy = build.vacancy()
    english = api.get(f"/vacancies/{vacancy.id}/ranking")
    assert error_of(english)["message"].startswith("Send a token")
    russian = api.get(f"/vacancies/{vacancy.id}/ranking", headers={"Accept-Language": "ru"})
    assert error_of(russian)["message"].startswith("Передайте токен")

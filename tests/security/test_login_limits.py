"""Login throttling that stops a guesser without locking everybody else out, and logins that take the same time
whether the user exists or not (issue 18, findings 2 and 6)."""

import hashlib

import pytest
from limits import parse

from hiring import create_app
from tests.builders import PASSWORD


def fail(client, username, **kwargs):
    response = client.post("/login", data={"username": username, "password": "wrong-guess"}, **kwargs)
    assert response.status_code == 200
    return response


def test_one_attacker_behind_the_proxy_does_not_lock_out_the_office(client, build):
    """Every user shares the proxy's address: a guesser's failures must not make their logins answer 429."""
    build.user("hr", username="olga")
    build.user("hr", username="victim")
    for _ in range(12):
        client.post("/login", data={"username": "victim", "password": "wrong-guess"})
    assert client.post("/login", data={"username": "victim", "password": PASSWORD}).status_code == 429
    assert client.post("/login", data={"username": "olga", "password": PASSWORD}).status_code == 302
    token = client.post("/api/v1/tokens", json={"username": "olga", "password": PASSWORD})
    assert token.status_code == 201


def test_the_per_address_allowance_is_much_larger_than_the_per_account_one(app):
    per_account = parse(app.config["LOGIN_ATTEMPTS_LIMIT"])
    per_address = parse(app.config["LOGIN_ADDRESS_ATTEMPTS_LIMIT"])
    assert (
        per_address.GRANULARITY == per_account.GRANULARITY and per_address.multiples == per_account.multiples
    )
    assert per_address.amount >= 5 * per_account.amount


class TestBehindATrustedProxy:
    """TRUSTED_PROXIES=1: the address is the one the proxy puts in X-Forwarded-For, not the proxy's own."""

    @pytest.fixture
    def app_config(self, app_config):
        return {
            **app_config,
            "TRUSTED_PROXIES": 1,
            "LOGIN_ATTEMPTS_LIMIT": "3 per 15 minutes",
            "LOGIN_ADDRESS_ATTEMPTS_LIMIT": "3 per 15 minutes",
        }

    def test_each_client_address_has_its_own_allowance(self, app_config, build):
        build.user("hr", username="olga")
        client = create_app(app_config).test_client()
        attacker, colleague = {"X-Forwarded-For": "203.0.113.5"}, {"X-Forwarded-For": "198.51.100.7"}
        for n in range(3):  # three accounts guessed once each: the address, not an account, is used up
            fail(client, f"guess{n}", headers=attacker)
        olga = {"username": "olga", "password": PASSWORD}
        assert client.post("/login", data=olga, headers=attacker).status_code == 429
        assert client.post("/login", data=olga, headers=colleague).status_code == 302


@pytest.fixture
def scrypt_calls(monkeypatch):
    """How many times a password hash was computed (werkzeug's scrypt hashes go through hashlib.scrypt)."""
    calls = []
    real = hashlib.scrypt

    def counting(*args, **kwargs):
        calls.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(hashlib, "scrypt", counting)
    return calls


@pytest.mark.parametrize("username", ["nobody-here", "olga"])
def test_the_login_page_hashes_the_password_for_unknown_users_too(client, build, scrypt_calls, username):
    """An unknown username costs the same hash as a wrong password, so timing does not tell who exists."""
    build.user("hr", username="olga")
    scrypt_calls.clear()
    fail(client, username)
    assert len(scrypt_calls) == 1


@pytest.mark.parametrize("username", ["nobody-here", "olga"])
def test_the_api_hashes_the_password_for_unknown_users_too(client, build, scrypt_calls, username):
    build.user("hr", username="olga")
    scrypt_calls.clear()
    response = client.post("/api/v1/tokens", json={"username": username, "password": "wrong-guess"})
    assert response.status_code == 401
    assert len(scrypt_calls) == 1


def test_the_app_starts_and_answers_with_rate_limiting_switched_off(tmp_path):
    app = create_app(
        {
            "TESTING": True,
            "RATELIMIT_ENABLED": False,
            "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path}/limits-off.sqlite",
        }
    )
    assert app.test_client().get("/healthz").status_code == 200


def test_an_app_with_rate_limiting_off_leaves_the_next_app_limited(app_config, tmp_path):
    create_app({**app_config, "RATELIMIT_ENABLED": False})
    assert create_app(app_config).config["RATELIMIT_ENABLED"] is True

"""Fixtures of the hiring lead's page tests."""

import pytest
from werkzeug.security import generate_password_hash

import hiring.models.users


@pytest.fixture(autouse=True)
def quick_password_hashes(monkeypatch):
    """Scrypt costs ~0.2 s a user; these tests make many users and test no password."""
    monkeypatch.setattr(
        hiring.models.users,
        "generate_password_hash",
        lambda password, method=None: generate_password_hash(password, method="pbkdf2:sha256:1"),
    )


@pytest.fixture
def english(client):
    """Pages in English (the app defaults to Russian), so assertions read the source strings."""
    client.environ_base["HTTP_ACCEPT_LANGUAGE"] = "en"
    return client


@pytest.fixture
def login(english, auth, build):
    """login(role) makes a user of that role, logs them in (pages in English) and returns them."""

    def login_as(role: str = "lead", **fields):
        user = build.user(role, **fields)
        response = auth.login(user.username)
        assert response.status_code == 302, "login failed"
        return user

    return login_as

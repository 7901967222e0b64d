"""Fixtures of the HR pages' tests: people logged in cheaply, pages in English."""

import itertools

import pytest
from werkzeug.security import generate_password_hash

from hiring.extensions import db
from hiring.models import User

PASSWORD = "password123"
# Scrypt costs a quarter of a second per hash; these tests are about pages, not password storage.
CHEAP_HASH = generate_password_hash(PASSWORD, method="pbkdf2:sha256:1")
_numbers = itertools.count(1)


@pytest.fixture
def person(app):
    """Make a user of the role (not logged in)."""

    def make(role: str) -> User:
        user = User(username=f"{role}-{next(_numbers)}", role=role, password_hash=CHEAP_HASH)
        db.session.add(user)
        db.session.commit()
        return user

    return make


@pytest.fixture
def login_as(client, auth, person):
    """Make a user of the role and log them in (through the login form); pages answer in English."""
    client.environ_base["HTTP_ACCEPT_LANGUAGE"] = "en"

    def login(role: str) -> User:
        user = person(role)
        response = auth.login(user.username, PASSWORD)
        assert response.status_code == 302
        return user

    return login


@pytest.fixture
def hr(login_as) -> User:
    """An HR manager, logged in."""
    return login_as("hr")

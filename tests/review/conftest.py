"""Fixtures of the hiring lead's page tests."""

import pytest


@pytest.fixture
def login(auth, build):
    """login(role) makes a user of that role, logs them in and returns them."""

    def login_as(role: str = "lead", **fields):
        user = build.user(role, **fields)
        response = auth.login(user.username)
        assert response.status_code == 302, "login failed"
        return user

    return login_as

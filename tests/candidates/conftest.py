"""Fixtures of the candidate tests."""

import functools

import pytest
from werkzeug.security import generate_password_hash


@functools.cache
def _cheap_hash(password: str) -> str:
    return generate_password_hash(password, method="pbkdf2:sha256:1")


@pytest.fixture(autouse=True)
def fast_passwords(monkeypatch):
    """These tests are about candidates, not passwords: a one-round hash keeps the role matrix fast."""
    monkeypatch.setattr(
        "hiring.models.users.generate_password_hash", lambda password, method=None: _cheap_hash(password)
    )


@pytest.fixture
def english(app):
    """Messages in English, also outside a request (where the app speaks its default, Russian)."""
    from flask import g
    from flask_babel import refresh

    g.locale_override = "en"
    refresh()
    yield
    g.pop("locale_override", None)
    refresh()

"""Fixtures of the candidate tests."""

import functools

import pytest
from werkzeug.security import generate_password_hash

from tests.builders import PASSWORD


@functools.cache
def _cheap_hash(password: str) -> str:
    return generate_password_hash(password, method="pbkdf2:sha256:1")


@pytest.fixture(autouse=True)
def fast_passwords(monkeypatch):
    """These tests are about candidates, not passwords: a one-round hash keeps logging in fast."""
    monkeypatch.setattr("tests.builders.password_hash", lambda: _cheap_hash(PASSWORD))


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

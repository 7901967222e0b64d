"""Fixtures of the i18n tests."""

import pytest
from werkzeug.security import generate_password_hash


@pytest.fixture(autouse=True)
def quick_password_hashing(monkeypatch):
    """These tests build many users; scrypt's deliberate slowness buys nothing here."""
    monkeypatch.setattr(
        "hiring.models.users.generate_password_hash",
        lambda password, method=None: generate_password_hash(password, method="pbkdf2:sha256:1"),
    )

"""Passwords an attacker would try first, and usernames that look alike, are refused (issue 18, finding 9)."""

import pytest
import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError

from hiring.api.auth import issue_token
from hiring.errors import InvalidInput, UsernameTaken
from hiring.extensions import db
from hiring.models import User
from hiring.services import users

WEAK = [
    "password",  # short and common
    "12345678",
    " " * 8,
    " " * 12,  # long enough, but one character
    "aaaaaaaaaaaa",
    "abcdefgh9",  # nine characters: under the minimum of ten
    "password123",  # common
    "1234567890",
    "qwertyuiop",
    "Password1234",  # common, whatever the case
    "maria.ivanova",  # the username itself
    "MARIA.IVANOVA",
]


@pytest.mark.parametrize("password", WEAK)
def test_weak_passwords_are_refused_by_the_service(app, password):
    with pytest.raises(InvalidInput) as refused:
        users.create_user("maria.ivanova", "Maria", "hr", password, by_user_id=None)
    assert "password" in refused.value.fields
    assert db.session.scalar(sa.select(User).where(User.username == "maria.ivanova")) is None


def test_a_good_password_is_accepted(app):
    assert users.create_user("maria.ivanova", "Maria", "hr", "violet-harbour-42", by_user_id=None).id


def test_the_admin_page_and_the_api_refuse_a_weak_password(client, auth, build):
    root = build.user("admin", username="root")
    token, _expires = issue_token(root)
    db.session.commit()
    body = {"username": "maria", "full_name": "Maria", "role": "hr", "password": "1234567890"}
    api = client.post("/api/v1/users", json=body, headers={"Authorization": f"Bearer {token}"})
    assert api.status_code == 400 and "password" in api.get_json()["error"]["fields"]
    auth.login("root")
    assert client.post("/admin/users", data=body).status_code == 400
    assert db.session.scalar(sa.select(User).where(User.username == "maria")) is None


def test_a_password_change_follows_the_same_rules(app, build):
    olga = build.user("hr", username="olga")
    with pytest.raises(InvalidInput):
        users.change_password(olga, "olga", by_user_id=None)
    with pytest.raises(InvalidInput):
        users.change_password(olga, "password123", by_user_id=None)


@pytest.mark.parametrize("lookalike", ["Admin", "ADMIN", "aDmIn"])
def test_usernames_are_unique_ignoring_case(app, build, lookalike):
    build.user("admin", username="admin")
    with pytest.raises(UsernameTaken):
        users.create_user(lookalike, "Impostor", "admin", "violet-harbour-42", by_user_id=None)


def test_the_database_itself_refuses_a_username_differing_only_in_case(app, build):
    """Two requests passing the service's check at once still cannot both win."""
    build.user("admin", username="admin")
    db.session.add(User(username="Admin", full_name="Impostor", role="admin", password_hash="x"))
    with pytest.raises(IntegrityError):
        db.session.flush()
    db.session.rollback()

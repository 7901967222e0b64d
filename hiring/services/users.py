"""People who use the app: creating one, changing its role, deactivating it; shared by the admin page, the API and
the CLI."""

import re
import secrets
from functools import cache
from pathlib import Path

import sqlalchemy as sa
from werkzeug.security import check_password_hash

from hiring.domain.text import has_visible_character
from hiring.errors import Duplicate, InvalidInput, UsernameTaken, VersionConflict
from hiring.errors import lazy_gettext as _l
from hiring.extensions import db
from hiring.models import ROLES, ApiToken, User
from hiring.services import audit

USER_FIELDS = ("username", "full_name", "role", "active")
USERNAME = re.compile(r"[A-Za-z0-9_.-]{2,64}")
EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")
EMAIL_MAX = 254
EDITABLE = ("role", "full_name", "email", "active")
PASSWORD_MIN, PASSWORD_MAX = 10, 200
COMMON_PASSWORDS_FILE = Path(__file__).resolve().parent.parent / "data" / "common_passwords.txt"
# Checked against when the username is unknown, so that a wrong name and a wrong password take the same time
# (the parameters of User.set_password's scrypt).
_DUMMY_HASH = "scrypt:32768:8:1$dummy$" + "0" * 128


@cache
def common_passwords() -> frozenset[str]:
    """The passwords attackers try first (hiring/data/common_passwords.txt), lower case."""
    lines = COMMON_PASSWORDS_FILE.read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip().lower() for line in lines if line.strip() and not line.startswith("#"))


def password_problem(password: str, username: str):
    """Why the password is refused (a message id), or None when it is good enough."""
    if not PASSWORD_MIN <= len(password or "") <= PASSWORD_MAX:
        return _l("The password must have at least 10 characters.")
    folded = password.strip().casefold()
    if folded == (username or "").strip().casefold() or folded in common_passwords() or len(set(folded)) < 3:
        return _l("This password is too easy to guess: avoid the username and common passwords.")
    return None


def authenticate(username: str, password: str) -> User | None:
    """The active user with this username and password, else None; the same work whether the user exists or not."""
    user = db.session.scalar(sa.select(User).where(User.username == (username or "").strip()))
    if user is None:
        check_password_hash(_DUMMY_HASH, password or "")
        return None
    return user if user.check_password(password or "") and user.active else None


def find_user(username: str) -> User | None:
    """The user with this username, letter case ignored (usernames are unique that way)."""
    name = (username or "").strip().lower()
    return db.session.scalar(sa.select(User).where(sa.func.lower(User.username) == name))


def username_taken(username: str) -> bool:
    """Usernames are unique ignoring case: `Admin` cannot stand next to `admin`."""
    query = sa.select(User.id).where(sa.func.lower(User.username) == username.lower())
    return db.session.scalar(query) is not None


def check_user_data(username: str, full_name: str, role: str, password: str) -> dict[str, str]:
    """Per-field messages for what is wrong; empty when all is well."""
    errors = {}
    if not USERNAME.fullmatch(username or ""):
        errors["username"] = _l("Use Latin letters, digits, dots, dashes or underscores.")
    if not has_visible_character(full_name) or len(full_name) > 200:
        errors["full_name"] = _l("Give the person's name (up to 200 characters).")
    if role not in ROLES:
        errors["role"] = _l("Choose one of the roles.")
    problem = password_problem(password, username)
    if problem is not None:
        errors["password"] = problem
    return errors


def create_user(username: str, full_name: str, role: str, password: str, by_user_id: int | None) -> User:
    """Validate and add a user (flushed, audited, not committed)."""
    username, full_name = (username or "").strip(), (full_name or "").strip()
    errors = check_user_data(username, full_name, role, password)
    if errors:
        raise InvalidInput(_l("Some fields are wrong."), errors)
    if username_taken(username):
        raise UsernameTaken(_l("This username is taken."))
    user = User(username=username, full_name=full_name, role=role)
    user.set_password(password)
    db.session.add(user)
    db.session.flush()
    audit.record("user.create", "user", user.id, after=audit.snapshot(user, USER_FIELDS), user_id=by_user_id)
    return user


def change_role(user: User, role: str, by_user: User) -> None:
    """Give the user another role (flushed, audited); nobody takes the administrator role from themselves."""
    if role not in ROLES:
        message = _l("Choose one of the roles.")
        raise InvalidInput(message, {"role": message})
    if user.id == by_user.id and role != "admin":
        message = _l("You cannot take the administrator role from yourself.")
        raise InvalidInput(message, {"role": message})
    _change(user, "role", role, by_user)


def set_active(user: User, active: bool, by_user: User) -> None:
    """Deactivate the user (every session, remember cookie and API token ends) or activate them again; never
    oneself (audited)."""
    if user.id == by_user.id:
        raise InvalidInput(_l("You cannot deactivate your own account."))
    _change(user, "active", active, by_user)
    if not active:
        end_sessions(user)


def change_password(user: User, password: str, by_user_id: int | None) -> None:
    """Give the user a new password (the rules of create_user) and end every session and token they had (audited)."""
    problem = password_problem(password, user.username)
    if problem is not None:
        raise InvalidInput(problem, {"password": problem})
    user.set_password(password)
    end_sessions(user)
    audit.record("user.password", "user", user.id, user_id=by_user_id)


LOCALES = ("ru", "en")


def update_account(user: User, full_name: str, email: str | None, locale: str | None) -> None:
    """The user's own name, e-mail and interface language (flushed, each change audited as done by themselves)."""
    full_name = (full_name or "").strip()
    if not has_visible_character(full_name) or len(full_name) > 200:
        message = _l("Give the person's name (up to 200 characters).")
        raise InvalidInput(message, {"full_name": message})
    if locale not in LOCALES:
        message = _l("Choose one of the languages.")
        raise InvalidInput(message, {"locale": message})
    email = _checked_email(email, user.id)
    for field, value in (("full_name", full_name), ("email", email), ("locale", locale)):
        if getattr(user, field) != value:
            _change(user, field, value, user)


def change_own_password(user: User, current: str, new: str) -> None:
    """The user changes their password, proving they know the current one; every session and API token of
    theirs ends (the page then signs the current browser in again)."""
    if not user.check_password(current or ""):
        message = _l("The current password is wrong.")
        raise InvalidInput(message, {"current_password": message})
    if new == current:
        message = _l("Choose a password other than the current one.")
        raise InvalidInput(message, {"new_password": message})
    problem = password_problem(new, user.username)
    if problem is not None:
        raise InvalidInput(problem, {"new_password": problem})
    change_password(user, new, user.id)
    user.must_change_password = False
    db.session.flush()


def reset_password(user: User, by_user_id: int | None, password: str | None = None) -> str:
    """Give the user a temporary password (generated unless given) that they must change at their next login;
    every session and API token of theirs ends. Returns the password, to be handed over once."""
    password = password or secrets.token_urlsafe(12)
    change_password(user, password, by_user_id)
    user.must_change_password = True
    db.session.flush()
    audit.record("user.password_reset", "user", user.id, user_id=by_user_id)
    return password


def end_sessions(user: User, api_tokens: bool = True) -> None:
    """End every page session and remember cookie of the user (on every device), and with `api_tokens` revoke
    their API tokens too (flushed, not committed).

    Logging out ends the sessions only; a password change, a reset and deactivation end the tokens as well.
    """
    user.session_version = (user.session_version or 0) + 1
    if api_tokens:
        db.session.execute(sa.delete(ApiToken).where(ApiToken.user_id == user.id))
    db.session.flush()


def _change(user: User, field: str, value, by_user: User) -> None:
    """Set one field, flush, and audit it as `user.<field>` by `by_user`."""
    fields = (*USER_FIELDS, field) if field not in USER_FIELDS else USER_FIELDS
    before = audit.snapshot(user, fields)
    setattr(user, field, value)
    db.session.flush()
    after = audit.snapshot(user, fields)
    audit.record(f"user.{field}", "user", user.id, before=before, after=after, user_id=by_user.id)


def update_user(user: User, changes: dict, expected_version: int | None, by_user: User) -> User:
    """Change role, full name, e-mail and/or active (keys left out keep their values), each audited.

    A missing or stale `expected_version` raises VersionConflict; the same rules as the admin page apply
    (nobody demotes or deactivates themselves). E-mail addresses are unique, letter case ignored.
    """
    if expected_version is None or expected_version != user.version:
        raise VersionConflict(_l("Someone else changed this user meanwhile; reload and try again."))
    unknown = set(changes) - set(EDITABLE)
    if unknown:
        raise InvalidInput(_l("Some fields are wrong."), dict.fromkeys(sorted(unknown), _l("unknown field")))
    if "full_name" in changes:
        full_name = (changes["full_name"] or "").strip()
        if not full_name or len(full_name) > 200:
            message = _l("Give the person's name (up to 200 characters).")
            raise InvalidInput(message, {"full_name": message})
        if full_name != user.full_name:
            _change(user, "full_name", full_name, by_user)
    if "email" in changes:
        email = _checked_email(changes["email"], user.id)
        if email != user.email:
            _change(user, "email", email, by_user)
    if "role" in changes and changes["role"] != user.role:
        change_role(user, changes["role"], by_user)
    if "active" in changes and changes["active"] != user.active:
        set_active(user, bool(changes["active"]), by_user)
    return user


def _checked_email(value, user_id: int) -> str | None:
    """The address (None clears it), or InvalidInput / Duplicate."""
    email = (value or "").strip()
    if not email:
        return None
    if len(email) > EMAIL_MAX or not EMAIL.fullmatch(email):
        message = _l("Enter an e-mail address such as name@example.com.")
        raise InvalidInput(message, {"email": message})
    taken = sa.select(User.id).where(sa.func.lower(User.email) == email.lower(), User.id != user_id)
    if db.session.scalar(taken.limit(1)) is not None:
        message = _l("Another user has this e-mail address.")
        raise Duplicate(message, {"email": message})
    return email

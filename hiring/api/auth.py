"""Bearer tokens: issued for a username and password, stored hashed, expiring, dead with their user."""

import hashlib
import json
import secrets
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from functools import wraps
from typing import Any

import sqlalchemy as sa
from flask import current_app, g, request
from flask_babel import gettext as _

from hiring.api.blueprint import bp
from hiring.api.bodies import json_body
from hiring.api.errors import ApiError, forbidden
from hiring.extensions import db, limiter
from hiring.models import ApiToken, User
from hiring.services import users


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def token_lifetime() -> timedelta:
    ttl = current_app.config.get("API_TOKEN_TTL", timedelta(hours=12))
    return ttl if isinstance(ttl, timedelta) else timedelta(seconds=float(ttl))


def issue_token(user: User) -> tuple[str, datetime]:
    """A new random token for the user; only its hash is kept."""
    token = secrets.token_urlsafe(32)
    expires_at = datetime.now(UTC) + token_lifetime()
    db.session.add(ApiToken(user_id=user.id, token_hash=hash_token(token), expires_at=expires_at))
    return token, expires_at


def user_for_token(token: str) -> User | None:
    """The active user the token belongs to, if it is known and not expired."""
    row = db.session.scalar(sa.select(ApiToken).where(ApiToken.token_hash == hash_token(token)))
    if row is None or _aware(row.expires_at) <= datetime.now(UTC):
        return None
    user = row.user
    return user if user.active else None


def _aware(moment: datetime) -> datetime:
    """SQLite gives back naive datetimes; they were written in UTC."""
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _unauthorized(message: str) -> ApiError:
    return ApiError(401, "unauthorized", message)


def authenticate() -> User:
    """The caller named by `Authorization: Bearer <token>`, or a 401."""
    scheme, _space, token = request.headers.get("Authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise _unauthorized(_("Send a token: Authorization: Bearer <token> (POST /api/v1/tokens gives one)."))
    user = user_for_token(token.strip())
    if user is None:
        raise _unauthorized(_("The token is unknown, expired or its user is deactivated."))
    g._login_user = user  # the audit log and the services see the API caller as the current user
    g.api_token_hash = hash_token(token.strip())
    return user


def api_user() -> User:
    return g._login_user


def roles_required(*roles: str) -> Callable:
    """A valid token whose user has one of `roles` (admin always passes); no roles: any signed-in user."""

    def decorator(view: Callable) -> Callable:
        @wraps(view)
        def wrapped(*args: Any, **kwargs: Any) -> Any:
            user = authenticate()
            if roles and not user.has_role(*roles):
                raise forbidden()
            return view(*args, **kwargs)

        wrapped.required_roles = roles  # read by the access-matrix test
        return wrapped

    return decorator


def _attempted_username() -> str:
    """The same key as the login page's, so failed attempts on the page and here add up."""
    try:
        body = json.loads(request.get_data(cache=True))
    except (ValueError, RecursionError):  # not JSON, or nested too deeply to read: json_body answers 400
        body = None
    name = body.get("username") if isinstance(body, dict) else None
    return "login-user:" + (name.strip().lower() if isinstance(name, str) else "")


def _token_refused(response) -> bool:
    return response.status_code == 401


def _login_limit() -> str:
    return current_app.config["LOGIN_ATTEMPTS_LIMIT"]


def _address_limit() -> str:
    return current_app.config["LOGIN_ADDRESS_ATTEMPTS_LIMIT"]


@bp.post("/tokens")
# The login page's own buckets (its endpoint and scopes), so that the page and the API share one allowance.
@limiter.shared_limit(_address_limit, scope="auth.login:login-address", deduct_when=_token_refused)
@limiter.shared_limit(
    _login_limit, scope="auth.login:login-user", deduct_when=_token_refused, key_func=_attempted_username
)
def create_token():
    """Exchange a username and password for a Bearer token."""
    body = json_body("TokenRequest")
    user = users.authenticate(body["username"], body["password"])
    if user is None:
        raise _unauthorized(_("Wrong username or password, or the account is deactivated."))
    if user.must_change_password:
        message = _(
            "This password is temporary: log in to the app and choose your own before asking for a token."
        )
        raise ApiError(403, "password_change_required", message)
    token, expires_at = issue_token(user)
    db.session.commit()
    return {"token": token, "expires_at": expires_at.isoformat()}, 201


@bp.delete("/tokens/current")
@roles_required()
def revoke_token():
    """Revoke the token this call is made with; it gets 401 from then on."""
    db.session.execute(sa.delete(ApiToken).where(ApiToken.token_hash == g.api_token_hash))
    db.session.commit()
    return "", 204

"""Logging in and out, and the interface language."""

from urllib.parse import urlsplit

from flask import Blueprint, current_app, flash, redirect, render_template, request, session, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user, login_required, login_user, logout_user
from flask_wtf import FlaskForm
from wtforms import BooleanField, PasswordField, StringField
from wtforms.validators import DataRequired, Length

from hiring.extensions import db, limiter
from hiring.services import users

bp = Blueprint("auth", __name__)


class LoginForm(FlaskForm):
    username = StringField(_l("Username"), validators=[DataRequired(), Length(max=64)])
    password = PasswordField(_l("Password"), validators=[DataRequired(), Length(max=200)])
    remember = BooleanField(_l("Remember me"))


def safe_next(target: str | None) -> str | None:
    """Only a local path: never another host, never a scheme-relative `//host`."""
    if not target:
        return None
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or not target.startswith("/") or target.startswith("//"):
        return None
    if "\\" in target:
        return None
    return target


def _attempted_username() -> str:
    return "login-user:" + (request.form.get("username") or "").strip().lower()


def _login_failed(response) -> bool:
    """Only failed attempts count: a failure re-renders the form (200), a success redirects."""
    return response.status_code == 200


def _login_limit() -> str:
    return current_app.config["LOGIN_ATTEMPTS_LIMIT"]


def _address_limit() -> str:
    return current_app.config["LOGIN_ADDRESS_ATTEMPTS_LIMIT"]


@bp.route("/login", methods=["GET", "POST"])
@limiter.limit(_address_limit, methods=["POST"], deduct_when=_login_failed, scope="login-address")
@limiter.limit(
    _login_limit,
    methods=["POST"],
    deduct_when=_login_failed,
    key_func=_attempted_username,
    scope="login-user",
)
def login():
    """Show the login form and sign the user in."""
    if current_user.is_authenticated:
        return redirect(url_for("home.index"))
    form = LoginForm()
    if form.validate_on_submit():
        user = users.authenticate(form.username.data, form.password.data)
        if user is None:
            flash(_("Wrong username or password, or the account is deactivated."), "error")
        else:
            login_user(user, remember=form.remember.data)
            return redirect(safe_next(request.args.get("next")) or url_for("home.index"))
    return render_template("auth/login.html", form=form)


@bp.route("/logout", methods=["POST"])
@login_required
def logout():
    """Sign the user out everywhere: every session and remember cookie of theirs ends (API tokens stay).

    The login page that follows keeps speaking the user's language."""
    if current_user.locale in ("ru", "en"):
        session["locale"] = current_user.locale
    users.end_sessions(current_user, api_tokens=False)
    db.session.commit()
    flash(_("You have logged out."), "info")
    logout_user()
    return redirect(url_for("auth.login"))


@bp.route("/language/<code>", methods=["POST"])
def set_language(code: str):
    """Switch the interface language and remember it for the user."""
    if code in ("ru", "en"):
        session["locale"] = code
        if current_user.is_authenticated:
            current_user.locale = code
            db.session.commit()
    return redirect(safe_next(request.form.get("next")) or url_for("home.index"))

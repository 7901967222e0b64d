"""KAM Hiring: structured hiring of key account managers."""

import os
from typing import Any

from flask import Flask, g, has_request_context, request, session
from flask_login import current_user
from sqlalchemy import event
from werkzeug.routing import IntegerConverter

from hiring.config import Config
from hiring.secret_key import configure_secret_key


def create_app(test_config: dict[str, Any] | None = None, instance_path: str | None = None) -> Flask:
    app = Flask(
        __name__,
        instance_path=instance_path,
        instance_relative_config=True,
        template_folder="../templates",
        static_folder="../static",
    )
    app.config.from_object(Config)
    app.config.from_prefixed_env()
    if test_config:
        app.config.update(test_config)
    os.makedirs(app.instance_path, exist_ok=True)
    configure_secret_key(app)
    configure_proxies_and_cookies(app)
    if not app.config.get("SQLALCHEMY_DATABASE_URI"):
        app.config["SQLALCHEMY_DATABASE_URI"] = "sqlite:///" + os.path.join(
            app.instance_path, "hiring.sqlite"
        )
    app.config["SQLALCHEMY_DATABASE_URI"] = normalise_database_url(app.config["SQLALCHEMY_DATABASE_URI"])

    register_extensions(app)
    app.url_map.converters["int"] = RecordIdConverter
    register_blueprints(app)
    register_errorhandlers(app)
    register_commands(app)
    register_template_helpers(app)
    return app


def configure_proxies_and_cookies(app: Flask) -> None:
    """Trust `TRUSTED_PROXIES` reverse proxies' X-Forwarded-For/-Proto; the remember cookie as safe as the session's."""
    proxies = int(app.config.get("TRUSTED_PROXIES") or 0)
    if proxies > 0:
        from werkzeug.middleware.proxy_fix import ProxyFix

        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=proxies, x_proto=proxies)
    app.config.setdefault("REMEMBER_COOKIE_SECURE", bool(app.config.get("SESSION_COOKIE_SECURE")))


class RecordIdConverter(IntegerConverter):
    """`<int:...>` in a URL: a record id that fits the INTEGER columns, else the route does not match (404).

    PostgreSQL refuses to compare an INTEGER column with a larger number, so without the bound a URL with a huge
    id would be a server error instead of "not found".
    """

    # Only 1..2147483647 matches at all: werkzeug checks the method before the converter's range, so a bound
    # checked in to_python alone made PATCH /vacancies/2147483648 a 405 (the GET rule's path had matched).
    regex = (
        r"(?:[1-9]\d{0,8}|1\d{9}|20\d{8}|21[0-3]\d{7}|214[0-6]\d{6}|2147[0-3]\d{5}|21474[0-7]\d{4}"
        r"|214748[0-2]\d{3}|2147483[0-5]\d{2}|21474836[0-3]\d|214748364[0-7])"
    )

    def __init__(self, map, *args, **kwargs) -> None:  # noqa: A002 (werkzeug's name)
        kwargs.setdefault("min", 1)
        kwargs.setdefault("max", 2**31 - 1)
        super().__init__(map, *args, **kwargs)


def normalise_database_url(url: str) -> str:
    """Let `postgresql://` mean psycopg 3, the driver we ship."""
    if url.startswith("postgres://"):
        url = "postgresql://" + url.removeprefix("postgres://")
    if url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url.removeprefix("postgresql://")
    return url


def register_extensions(app: Flask) -> None:
    from flask_babel import gettext

    from hiring import models  # noqa: F401  the tables must be known to Migrate
    from hiring.domain.levels import N_
    from hiring.extensions import babel, csrf, db, limiter, login_manager, migrate
    from hiring.services.evaluations import keep_stored_evaluations_fresh
    from hiring.services.revisions import keep_revisions
    from hiring.services.webhook_events import send_webhooks

    db.init_app(app)
    migrate.init_app(app, db, render_as_batch=True)
    csrf.init_app(app)
    limiter.init_app(app)
    skip_limiter_middleware(app, limiter)
    babel.init_app(app, locale_selector=select_locale)
    app.before_request(forget_previous_locale)
    login_manager.init_app(app)
    login_manager.login_view = "auth.login"
    login_manager.login_message_category = "info"
    login_manager.login_message = N_("Please log in to open this page.")
    login_manager.localize_callback = gettext  # flashed in the reader's language

    @login_manager.user_loader
    def load_user(session_id: str):
        """The user of a session or remember cookie, unless their sessions were ended since (`12.3`, see get_id)."""
        user_id, _dot, version = session_id.partition(".")
        if not (user_id.isdigit() and version.isdigit()) or int(user_id) > 2**31 - 1:
            return None
        user = db.session.get(models.User, int(user_id))
        return user if user is not None and user.session_version == int(version) else None

    keep_stored_evaluations_fresh()
    send_webhooks()  # after: its before-commit hook must see the evaluations just refreshed
    keep_revisions()  # after: it bumps the revisions of the stored evaluations just refreshed
    with app.app_context():
        if db.engine.dialect.name == "sqlite":
            event.listen(
                db.engine, "connect", configure_sqlite_connection(app.config["SQLITE_BUSY_TIMEOUT_MS"])
            )


def skip_limiter_middleware(app: Flask, limiter: Any) -> None:
    """Check app-wide limits on each request only while there are any.

    Only the login routes are limited, by their decorators, which check their own limits; the limiter's
    per-request hook looked every other request up to find nothing, and cost a fifth of `/healthz`
    (bench/hotspots.py). Flask-Limiter (pinned) keeps its limits in these private lists.
    """
    check = limiter._check_request_limit
    manager = limiter.limit_manager

    def check_app_wide_limits() -> None:
        if manager._default_limits or manager._application_limits or manager._blueprint_limits:
            check()

    hooks = app.before_request_funcs.get(None, [])
    if check in hooks:  # absent when RATELIMIT_ENABLED is false: nothing to replace
        hooks[hooks.index(check)] = check_app_wide_limits


def configure_sqlite_connection(busy_timeout_ms: int):
    """WAL lets readers work beside a writer; the busy timeout makes a second writer wait, not fail."""

    def on_connect(dbapi_connection: Any, _record: Any) -> None:
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute(f"PRAGMA busy_timeout={int(busy_timeout_ms)}")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()

    return on_connect


def select_locale() -> str:
    """The user's saved choice, else the session's, else the browser's, else Russian."""
    languages = ("ru", "en")
    if "locale_override" in g:
        return g.locale_override
    if not has_request_context():  # CLI commands and services called outside a request
        return "ru"
    if current_user and current_user.is_authenticated and current_user.locale in languages:
        return current_user.locale
    if session.get("locale") in languages:
        return session["locale"]
    return request.accept_languages.best_match(languages) or "ru"


def forget_previous_locale() -> None:
    """Each request picks its own locale, even when `g` outlives a request (an app context held by a test)."""
    from flask_babel import refresh

    g.pop("locale_override", None)
    refresh()


def register_blueprints(app: Flask) -> None:
    from hiring import api
    from hiring.web import (
        account,
        admin,
        audit_log,
        auth,
        candidates,
        documents,
        exports,
        health,
        home,
        interviews,
        notification_settings,
        outcomes,
        packs,
        profiles,
        review,
        vacancies,
        webhooks,
    )

    for module in (
        auth,
        account,
        home,
        health,
        admin,
        audit_log,
        profiles,
        vacancies,
        candidates,
        interviews,
        review,
        documents,
        exports,
        outcomes,
        webhooks,
        notification_settings,
        packs,
    ):
        app.register_blueprint(module.bp)
    app.register_blueprint(api.bp)


def register_errorhandlers(app: Flask) -> None:
    from hiring.web import errors, security

    errors.register(app)
    security.register(app)


def register_commands(app: Flask) -> None:
    from hiring import jobs
    from hiring.cli import register

    register(app)
    jobs.install(app)  # background jobs: hand-over after commit, `flask worker`


def register_template_helpers(app: Flask) -> None:
    from hiring.web.templating import register

    register(app)

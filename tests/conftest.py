"""Test fixtures: an app on a clean database (SQLite file, or PostgreSQL via TEST_DATABASE_URL)."""

import os
from contextlib import ExitStack, contextmanager

import pytest
import sqlalchemy as sa

from hiring import create_app
from hiring.extensions import db
from tests.browser.reporting import pytest_terminal_summary  # noqa: F401  (where browser screenshots went)
from tests.builders import Builder
from tests.mailbox import mailbox  # noqa: F401  (a real SMTP server for the tests that send mail)

POSTGRES_URL = os.environ.get("TEST_DATABASE_URL")

# `flask` commands speak the shell's language; the suite reads their English (tests/i18n sets Russian itself).
for _variable in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
    os.environ.pop(_variable, None)
os.environ["LANG"] = "C.UTF-8"


def pytest_collection_modifyitems(config, items):
    skip_pg = pytest.mark.skip(reason="needs PostgreSQL: set TEST_DATABASE_URL")
    for item in items:
        if "postgres" in item.keywords and not POSTGRES_URL:
            item.add_marker(skip_pg)


@contextmanager
def postgres_schema(base: str):
    """A schema of its own for this test process (each xdist worker too), dropped at the end.

    Parallel workers, and anyone else testing against the same server, never see each other's rows.
    """
    schema = f"test_{os.getpid()}"
    engine = sa.create_engine(base.replace("postgresql://", "postgresql+psycopg://", 1))
    with engine.begin() as connection:
        connection.execute(sa.text(f"DROP SCHEMA IF EXISTS {schema} CASCADE"))
        connection.execute(sa.text(f"CREATE SCHEMA {schema}"))
    separator = "&" if "?" in base else "?"
    try:
        yield f"{base}{separator}options=-csearch_path%3D{schema}"
    finally:
        with engine.begin() as connection:
            connection.execute(sa.text(f"DROP SCHEMA IF EXISTS {schema} CASCADE"))
        engine.dispose()


@pytest.fixture(scope="session")
def database_url(tmp_path_factory):
    """The database every test of the session uses; its schema is built once from the models."""
    with ExitStack() as stack:
        if POSTGRES_URL:
            url = stack.enter_context(postgres_schema(POSTGRES_URL))
        else:
            url = "sqlite:///" + str(tmp_path_factory.mktemp("db") / "test.sqlite")
        app = create_app({"TESTING": True, "SQLALCHEMY_DATABASE_URI": url})
        with app.app_context():
            db.drop_all()
            db.create_all()
            db.engine.dispose()
        yield url


def base_config(database_url: str, tmp_path) -> dict:
    return {
        "TESTING": True,
        "SECRET_KEY": "test",
        "SQLALCHEMY_DATABASE_URI": database_url,
        "WTF_CSRF_ENABLED": False,
        "RATELIMIT_STORAGE_URI": "memory://",
        "SERVER_NAME": "localhost",
        "JOBS_MODE": "sync",  # background jobs run right after the commit (tests/jobs runs them on RQ too)
        "REDIS_URL": None,
        "MAIL_SERVER": None,
        "MAIL_FOLDER": str(tmp_path / "mail") if tmp_path else None,
        "NAV_COUNT_SECONDS": 0,  # the menu count counted afresh on every page (tests/home tests remembering it)
    }


@pytest.fixture
def app_config(database_url, tmp_path) -> dict:
    """Override in a test module (or update the dict) to change the app's config."""
    return base_config(database_url, tmp_path)


@pytest.fixture
def app(app_config):
    app = create_app(app_config)
    with app.app_context():
        yield app
        db.session.rollback()
        db.session.remove()
        clean_database()
        db.engine.dispose()


def clean_database() -> None:
    tables = db.metadata.sorted_tables
    with db.engine.begin() as connection:
        if connection.dialect.name == "postgresql":
            names = ", ".join(f'"{t.name}"' for t in tables)
            connection.execute(sa.text(f"TRUNCATE {names} RESTART IDENTITY CASCADE"))
        else:
            for table in reversed(tables):
                connection.execute(table.delete())


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def runner(app):
    return app.test_cli_runner()


@pytest.fixture
def build(app) -> Builder:
    """Small builders for users, vacancies, candidates and scorecards (see tests/builders.py)."""
    return Builder()


class AuthActions:
    def __init__(self, client):
        self._client = client

    def login(self, username: str, password: str = "password123"):
        return self._client.post("/login", data={"username": username, "password": password})

    def logout(self):
        return self._client.post("/logout")


@pytest.fixture
def auth(client) -> AuthActions:
    return AuthActions(client)

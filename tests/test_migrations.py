"""The migrations build the same schema as the models, on SQLite and on PostgreSQL."""

import os
import uuid

import pytest
import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from flask_migrate import upgrade

from hiring import create_app
from hiring.extensions import db

MIGRATIONS = os.path.join(os.path.dirname(__file__), "..", "migrations")


def assert_migrations_match_models(url: str) -> None:
    app = create_app({"TESTING": True, "SQLALCHEMY_DATABASE_URI": url})
    with app.app_context():
        upgrade(directory=MIGRATIONS)
        with db.engine.connect() as connection:
            diff = compare_metadata(MigrationContext.configure(connection), db.metadata)
        db.engine.dispose()
    assert diff == [], f"models and migrations differ: {diff}"


def test_migrations_match_models_on_sqlite(tmp_path):
    assert_migrations_match_models("sqlite:///" + str(tmp_path / "migrated.sqlite"))


@pytest.mark.postgres
def test_migrations_match_models_on_postgresql():
    base = os.environ["TEST_DATABASE_URL"]
    schema = "migcheck_" + uuid.uuid4().hex[:8]
    engine = sa.create_engine(base.replace("postgresql://", "postgresql+psycopg://", 1))
    with engine.begin() as connection:
        connection.execute(sa.text(f"CREATE SCHEMA {schema}"))
    try:
        separator = "&" if "?" in base else "?"
        assert_migrations_match_models(f"{base}{separator}options=-csearch_path%3D{schema}")
    finally:
        with engine.begin() as connection:
            connection.execute(sa.text(f"DROP SCHEMA {schema} CASCADE"))
        engine.dispose()

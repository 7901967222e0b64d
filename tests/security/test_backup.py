"""`flask backup` and `flask restore` on the SQLite database."""

import sqlite3

import pytest
from flask_migrate import upgrade

from hiring import create_app
from hiring.extensions import db
from tests.test_migrations import MIGRATIONS


def table_contents(path) -> dict[str, list]:
    with sqlite3.connect(path) as connection:
        names = [
            r[0]
            for r in connection.execute("SELECT name FROM sqlite_master WHERE type='table' ORDER BY name")
        ]
        return {
            name: sorted(connection.execute(f'SELECT * FROM "{name}"').fetchall(), key=repr) for name in names
        }


@pytest.fixture
def live_app(tmp_path):
    path = tmp_path / "live.sqlite"
    app = create_app({"TESTING": True, "SQLALCHEMY_DATABASE_URI": f"sqlite:///{path}"})
    with app.app_context():
        upgrade(directory=MIGRATIONS)
        yield app, path
        db.session.remove()
        db.engine.dispose()


def test_backup_and_restore_round_trip_every_table(live_app, tmp_path):
    app, path = live_app
    runner = app.test_cli_runner()
    assert runner.invoke(args=["seed", "--demo"]).exit_code == 0
    original = table_contents(path)
    copy = tmp_path / "backups" / "hiring.sqlite"
    result = runner.invoke(args=["backup", str(copy)])
    assert result.exit_code == 0, result.output
    assert table_contents(copy) == original

    with db.engine.begin() as connection:  # the data changes after the backup
        connection.exec_driver_sql("DELETE FROM rating")
        connection.exec_driver_sql("UPDATE candidate SET full_name = 'changed'")
    assert table_contents(path) != original

    result = runner.invoke(args=["restore", str(copy), "--yes"])
    assert result.exit_code == 0, result.output
    assert table_contents(path) == original


def test_backup_while_a_connection_holds_a_write_transaction(live_app, tmp_path):
    app, path = live_app
    app.test_cli_runner().invoke(args=["seed"])
    writer = sqlite3.connect(path)
    writer.execute("BEGIN IMMEDIATE")
    writer.execute("UPDATE user SET full_name = 'uncommitted'")
    result = app.test_cli_runner().invoke(args=["backup", str(tmp_path / "b.sqlite")])
    writer.rollback()
    writer.close()
    assert result.exit_code == 0, result.output
    names = [r[0] for r in sqlite3.connect(tmp_path / "b.sqlite").execute("SELECT full_name FROM user")]
    assert "uncommitted" not in names


def test_restore_refuses_a_file_that_is_not_a_backup(live_app, tmp_path):
    app, _ = live_app
    bogus = tmp_path / "bogus.sqlite"
    sqlite3.connect(bogus).execute("CREATE TABLE x (y)")
    result = app.test_cli_runner().invoke(args=["restore", str(bogus), "--yes"])
    assert result.exit_code != 0
    assert "not a KAM Hiring database" in result.output


def test_backup_explains_itself_on_postgresql(app):
    if db.engine.dialect.name != "postgresql":
        pytest.skip("PostgreSQL only")
    result = app.test_cli_runner().invoke(args=["backup", "/tmp/never.sqlite"])
    assert result.exit_code != 0 and "pg_dump" in result.output

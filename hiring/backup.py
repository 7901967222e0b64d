"""Consistent copies of the SQLite database, taken and put back while the app runs."""

import sqlite3
from pathlib import Path

from flask_babel import gettext as _
from sqlalchemy.engine import make_url


class BackupError(Exception):
    pass


def sqlite_path(database_uri: str) -> Path:
    """The file behind a SQLite URL; other databases have their own tools (pg_dump)."""
    url = make_url(database_uri)
    if url.get_backend_name() != "sqlite" or not url.database or url.database == ":memory:":
        raise BackupError(
            _(
                "flask backup works on the embedded SQLite database; for PostgreSQL use pg_dump and pg_restore."
            )
        )
    return Path(url.database)


def backup(database_uri: str, target: Path) -> int:
    """Copy the live database to `target` with SQLite's online backup API; returns the copy's size in bytes."""
    source_path = sqlite_path(database_uri)
    if not source_path.exists():
        raise BackupError(_("No database at %(path)s.", path=source_path))
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".partial")
    with sqlite3.connect(source_path, timeout=30) as source, sqlite3.connect(partial) as copy:
        source.backup(copy)
        copy.execute("PRAGMA journal_mode=DELETE")  # one self-contained file
    source.close()
    copy.close()
    partial.replace(target)  # a half-written copy never carries the final name
    return target.stat().st_size


def restore(database_uri: str, source: Path) -> None:
    """Put a backup back into the live database, page by page under SQLite's locks."""
    target_path = sqlite_path(database_uri)
    if not source.exists():
        raise BackupError(_("No backup at %(path)s.", path=source))
    with sqlite3.connect(source) as backup_file:
        check = backup_file.execute("PRAGMA integrity_check").fetchone()[0]
        if check != "ok":
            raise BackupError(_("The backup is damaged: %(detail)s", detail=check))
        if not backup_file.execute(
            "SELECT name FROM sqlite_master WHERE name = 'alembic_version'"
        ).fetchone():
            raise BackupError(_("This file is not a KAM Hiring database."))
        with sqlite3.connect(target_path, timeout=30) as live:
            backup_file.backup(live)
    backup_file.close()
    live.close()

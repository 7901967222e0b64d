"""Previewed imports waiting for HR's confirmation: kept in `pending_import`, consumed once (SPEC §7).

Confirming deletes the row in the import's own transaction: a second confirmation of the same preview (a
double click, a replayed request, a second worker) finds nothing to delete and imports nothing, and a rolled
back import leaves the preview as it was.
"""

import hashlib
import secrets
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta

import sqlalchemy as sa

from hiring.errors import NotFound
from hiring.errors import lazy_gettext as _l
from hiring.extensions import db
from hiring.models import PendingImport
from hiring.services.imports import import_candidates

MAX_AGE = timedelta(hours=2)  # a preview may wait this long for its confirmation
GONE = _l(
    "This preview was already imported, has expired (after two hours), or belongs to someone else. "
    "Nothing more was imported; upload the file again if it is still needed."
)


def hold(vacancy, user_id: int, data: bytes, filename: str) -> PendingImport:
    """Keep an uploaded file for its preview and confirmation; drops previews older than MAX_AGE. Flushes."""
    db.session.execute(sa.delete(PendingImport).where(PendingImport.created_at < datetime.now(UTC) - MAX_AGE))
    pending = PendingImport(
        token=secrets.token_urlsafe(32),
        vacancy_id=vacancy.id,
        user_id=user_id,
        filename=(filename or "")[:255],
        sha256=hashlib.sha256(data).hexdigest(),
        content=data,
    )
    db.session.add(pending)
    db.session.flush()
    return pending


def find(token: str, vacancy, user_id: int) -> PendingImport:
    """The caller's own, still fresh preview of this vacancy; NotFound otherwise."""
    pending = db.session.scalar(
        sa.select(PendingImport).where(
            PendingImport.token == (token or ""),
            PendingImport.vacancy_id == vacancy.id,
            PendingImport.user_id == user_id,
            PendingImport.created_at >= datetime.now(UTC) - MAX_AGE,
        )
    )
    if pending is None:
        raise NotFound(GONE)
    return pending


def choose_columns(pending: PendingImport, columns: Sequence[str | None]) -> None:
    """Remember the mapping HR chose for this preview (the confirmation imports under it)."""
    pending.columns = [name or "ignore" for name in columns]


def confirm(pending: PendingImport, vacancy, user_id: int) -> int:
    """Import the previewed file once: the preview is consumed in the same transaction. Does not commit."""
    data, columns = pending.content, pending.columns
    consumed = db.session.execute(
        sa.delete(PendingImport).where(PendingImport.id == pending.id),
        execution_options={"synchronize_session": False},
    ).rowcount
    if consumed != 1:
        raise NotFound(GONE)
    return import_candidates(vacancy, data, user_id, columns=columns)

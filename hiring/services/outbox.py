"""Recording background work in the caller's transaction (the outbox; design in hiring/jobs.py).

No request, no commit: `enqueue` adds a row beside the change it belongs to, so a refused or rolled-back change
records nothing and a committed change always has its job. The app's session hands the new rows to the workers
after the commit (hiring.jobs.install).
"""

from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite

from hiring.extensions import db
from hiring.models import OutboxJob
from hiring.models._base import utcnow

NEW_JOBS = "outbox_new_job_ids"  # session.info key: ids created in the open transaction


def enqueue(
    kind: str,
    payload: dict[str, Any],
    *,
    key: str | None = None,
    run_after: datetime | None = None,
    max_attempts: int = 8,
) -> OutboxJob:
    """Record a job; a `key` already recorded returns that job instead (a job is never doubled)."""
    if key is not None:
        existing = db.session.scalar(sa.select(OutboxJob).where(OutboxJob.key == key))
        if existing is not None:
            return existing
    values = {
        "kind": kind,
        "payload": payload,
        "key": key,
        "state": "pending",
        "attempts": 0,
        "max_attempts": max_attempts,
        "run_after": run_after or utcnow(),
        "created_at": utcnow(),
    }
    if key is None:
        job = OutboxJob(**values)
        db.session.add(job)
        db.session.flush()
    else:  # another transaction may record the same key at the same moment: the database decides, no error
        insert = postgresql.insert if db.session.get_bind().dialect.name == "postgresql" else sqlite.insert
        statement = insert(OutboxJob).values(**values).on_conflict_do_nothing(index_elements=["key"])
        job_id = db.session.scalar(statement.returning(OutboxJob.id))
        if job_id is None:
            return db.session.scalar(sa.select(OutboxJob).where(OutboxJob.key == key))
        job = db.session.get(OutboxJob, job_id)
    db.session.info.setdefault(NEW_JOBS, []).append(job.id)
    return job


def job_by_id(job_id: int) -> OutboxJob | None:
    return db.session.get(OutboxJob, job_id)


def failed_jobs(limit: int = 100) -> list[OutboxJob]:
    """Jobs that used up their attempts, newest first (for an admin to look at)."""
    query = sa.select(OutboxJob).where(OutboxJob.state == "failed").order_by(OutboxJob.id.desc()).limit(limit)
    return list(db.session.scalars(query))

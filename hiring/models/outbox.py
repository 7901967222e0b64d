"""Background work recorded in the transaction of the change (the outbox), and the mails it has sent."""

from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from hiring.extensions import db
from hiring.models._base import utcnow

JOB_STATES = ("pending", "running", "done", "failed")


class OutboxJob(db.Model):
    """One piece of background work; the row is the truth, a queue only carries its id (see hiring/jobs.py)."""

    __tablename__ = "outbox_job"

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(sa.String(32))
    payload: Mapped[dict[str, Any]] = mapped_column(sa.JSON, default=dict)
    key: Mapped[str | None] = mapped_column(sa.String(200), unique=True)  # idempotency key
    state: Mapped[str] = mapped_column(sa.String(16), default="pending")
    attempts: Mapped[int] = mapped_column(default=0)
    max_attempts: Mapped[int] = mapped_column(default=8)
    run_after: Mapped[datetime] = mapped_column(sa.DateTime(timezone=True), default=utcnow)
    locked_until: Mapped[datetime | None] = mapped_column(sa.DateTime(timezone=True))
    last_error: Mapped[str] = mapped_column(sa.String(500), default="")
    created_at: Mapped[datetime] = mapped_column(sa.DateTime(timezone=True), default=utcnow)
    finished_at: Mapped[datetime | None] = mapped_column(sa.DateTime(timezone=True))

    __table_args__ = (
        sa.CheckConstraint(sa.column("state").in_(JOB_STATES), name="state"),
        sa.Index("ix_outbox_job_due", "state", "run_after"),
    )

    def __repr__(self) -> str:
        return f"<OutboxJob {self.id} {self.kind} {self.state}>"


class SentMessage(db.Model):
    """A mail handed to the mail server, keyed so that a retried or repeated job never sends it twice."""

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(sa.String(200), unique=True)
    recipient: Mapped[str] = mapped_column(sa.String(254))
    subject: Mapped[str] = mapped_column(sa.String(300))
    sent_at: Mapped[datetime] = mapped_column(sa.DateTime(timezone=True), default=utcnow)

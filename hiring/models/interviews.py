"""Structured interviews: who interviews whom, and the scorecards they fill."""

from datetime import datetime
from uuid import uuid4

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from hiring.extensions import db
from hiring.models._base import utcnow

SCORECARD_STATUSES = ("draft", "submitted")


class Assignment(db.Model):
    id: Mapped[int] = mapped_column(primary_key=True)
    candidate_id: Mapped[int] = mapped_column(sa.ForeignKey("candidate.id", ondelete="CASCADE"), index=True)
    interviewer_id: Mapped[int] = mapped_column(sa.ForeignKey("user.id", ondelete="CASCADE"), index=True)
    assigned_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("user.id", ondelete="SET NULL"))
    assigned_at: Mapped[datetime] = mapped_column(sa.DateTime(timezone=True), default=utcnow)
    # The interview (issue 20): its start in UTC, shown in `time_zone` (IANA name); none until HR schedules it.
    starts_at: Mapped[datetime | None] = mapped_column(sa.DateTime(timezone=True))
    duration_minutes: Mapped[int | None]
    time_zone: Mapped[str] = mapped_column(sa.String(64), default="", server_default="")
    location: Mapped[str] = mapped_column(sa.String(500), default="", server_default="")
    # The calendar invitation's SEQUENCE (RFC 5545): raised on every move and on the cancellation.
    sequence: Mapped[int] = mapped_column(default=0, server_default="0")
    # The invitation's UID and the key of its mails: never reused, even when an id is (SQLite reuses the last one).
    calendar_uid: Mapped[str | None] = mapped_column(sa.String(64), unique=True, default=lambda: uuid4().hex)

    candidate: Mapped["Candidate"] = relationship(back_populates="assignments")  # noqa: F821
    interviewer: Mapped["User"] = relationship(foreign_keys=[interviewer_id])  # noqa: F821

    __table_args__ = (sa.UniqueConstraint("candidate_id", "interviewer_id"),)


class Scorecard(db.Model):
    id: Mapped[int] = mapped_column(primary_key=True)
    candidate_id: Mapped[int] = mapped_column(sa.ForeignKey("candidate.id", ondelete="CASCADE"), index=True)
    interviewer_id: Mapped[int] = mapped_column(sa.ForeignKey("user.id", ondelete="CASCADE"), index=True)
    status: Mapped[str] = mapped_column(sa.String(16), default="draft")
    recommendation: Mapped[str | None] = mapped_column(sa.String(16))
    # The sales plan attainment (%) the interviewer verified in the interview; the EXP exception reads it.
    verified_plan_attainment_pct: Mapped[float | None]
    submitted_at: Mapped[datetime | None] = mapped_column(sa.DateTime(timezone=True))
    created_at: Mapped[datetime] = mapped_column(sa.DateTime(timezone=True), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(sa.DateTime(timezone=True), default=utcnow, onupdate=utcnow)
    version: Mapped[int] = mapped_column(default=1)

    candidate: Mapped["Candidate"] = relationship(back_populates="scorecards")  # noqa: F821
    interviewer: Mapped["User"] = relationship()  # noqa: F821
    ratings: Mapped[list["Rating"]] = relationship(
        back_populates="scorecard", cascade="all, delete-orphan", passive_deletes=True
    )
    verified_languages: Mapped[list["VerifiedLanguage"]] = relationship(
        back_populates="scorecard", cascade="all, delete-orphan", passive_deletes=True
    )

    __table_args__ = (
        sa.UniqueConstraint("candidate_id", "interviewer_id"),
        sa.CheckConstraint(sa.column("status").in_(SCORECARD_STATUSES), name="status"),
    )
    __mapper_args__ = {"version_id_col": version}

    @property
    def is_submitted(self) -> bool:
        return self.status == "submitted"


class Rating(db.Model):
    """One competency on one scorecard; value None means "not assessed" (explicitly)."""

    id: Mapped[int] = mapped_column(primary_key=True)
    scorecard_id: Mapped[int] = mapped_column(sa.ForeignKey("scorecard.id", ondelete="CASCADE"), index=True)
    competency_code: Mapped[str] = mapped_column(sa.String(16))
    value: Mapped[int | None]
    note: Mapped[str] = mapped_column(sa.Text, default="")

    scorecard: Mapped[Scorecard] = relationship(back_populates="ratings")

    __table_args__ = (
        sa.UniqueConstraint("scorecard_id", "competency_code"),
        sa.CheckConstraint("value IS NULL OR (value >= 1 AND value <= 5)", name="value_range"),
    )


class VerifiedLanguage(db.Model):
    id: Mapped[int] = mapped_column(primary_key=True)
    scorecard_id: Mapped[int] = mapped_column(sa.ForeignKey("scorecard.id", ondelete="CASCADE"), index=True)
    language: Mapped[str] = mapped_column(sa.String(2))
    level: Mapped[str] = mapped_column(sa.String(8))

    scorecard: Mapped[Scorecard] = relationship(back_populates="verified_languages")

    __table_args__ = (sa.UniqueConstraint("scorecard_id", "language"),)

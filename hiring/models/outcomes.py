"""Outcomes of hires (SPEC §9): how a hired KAM did at 6 and 12 months, by the article's own KPIs."""

from datetime import date, datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from hiring.extensions import db
from hiring.models._base import utcnow

REVIEW_MONTHS = (6, 12)


class HireOutcome(db.Model):
    """One per hired candidate: the start date, free-text notes, and the reviews at 6 and 12 months."""

    id: Mapped[int] = mapped_column(primary_key=True)
    candidate_id: Mapped[int] = mapped_column(
        sa.ForeignKey("candidate.id", ondelete="CASCADE"), unique=True, index=True
    )
    started_on: Mapped[date] = mapped_column(sa.Date)
    notes: Mapped[str] = mapped_column(sa.Text, default="")
    updated_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("user.id", ondelete="SET NULL"))
    updated_at: Mapped[datetime] = mapped_column(sa.DateTime(timezone=True), default=utcnow, onupdate=utcnow)
    version: Mapped[int] = mapped_column(default=1)

    candidate: Mapped["Candidate"] = relationship()  # noqa: F821
    reviews: Mapped[list["OutcomeReview"]] = relationship(
        back_populates="outcome", cascade="all, delete-orphan", order_by="OutcomeReview.month"
    )

    __mapper_args__ = {"version_id_col": version}

    def review(self, month: int) -> "OutcomeReview | None":
        return next((r for r in self.reviews if r.month == month), None)


class OutcomeReview(db.Model):
    """The KPIs at `month` 6 or 12 after the start; any of them may be unknown (None)."""

    id: Mapped[int] = mapped_column(primary_key=True)
    outcome_id: Mapped[int] = mapped_column(sa.ForeignKey("hire_outcome.id", ondelete="CASCADE"), index=True)
    month: Mapped[int]
    retention_pct: Mapped[float | None]
    revenue_growth_pct: Mapped[float | None]
    plan_attainment_pct: Mapped[float | None]
    manager_rating: Mapped[int | None]
    still_employed: Mapped[bool | None]
    left_on: Mapped[date | None] = mapped_column(sa.Date)

    outcome: Mapped[HireOutcome] = relationship(back_populates="reviews")

    __table_args__ = (
        sa.UniqueConstraint("outcome_id", "month"),
        sa.CheckConstraint("month IN (6, 12)", name="month"),
        sa.CheckConstraint(
            "manager_rating IS NULL OR (manager_rating >= 1 AND manager_rating <= 5)", name="manager_rating"
        ),
    )

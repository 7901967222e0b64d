"""Candidates of a vacancy: their data, languages, answers to custom checks and the stored evaluation."""

from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from hiring.extensions import db
from hiring.models._base import utcnow


class Candidate(db.Model):
    id: Mapped[int] = mapped_column(primary_key=True)
    vacancy_id: Mapped[int] = mapped_column(sa.ForeignKey("vacancy.id", ondelete="CASCADE"), index=True)
    full_name: Mapped[str] = mapped_column(sa.String(200))
    email: Mapped[str | None] = mapped_column(sa.String(254))
    phone: Mapped[str | None] = mapped_column(sa.String(64))
    education_level: Mapped[str | None] = mapped_column(sa.String(32))
    education_field: Mapped[str | None] = mapped_column(sa.String(100))
    experience_years: Mapped[float | None]
    plan_attainment_pct: Mapped[float | None]
    notes: Mapped[str] = mapped_column(sa.Text, default="")
    anonymized_at: Mapped[datetime | None] = mapped_column(sa.DateTime(timezone=True))
    created_at: Mapped[datetime] = mapped_column(sa.DateTime(timezone=True), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(sa.DateTime(timezone=True), default=utcnow, onupdate=utcnow)
    version: Mapped[int] = mapped_column(default=1)

    vacancy: Mapped["Vacancy"] = relationship(back_populates="candidates")  # noqa: F821
    languages: Mapped[list["CandidateLanguage"]] = relationship(
        back_populates="candidate", cascade="all, delete-orphan", passive_deletes=True
    )
    check_answers: Mapped[list["CheckAnswer"]] = relationship(
        back_populates="candidate", cascade="all, delete-orphan", passive_deletes=True
    )
    assignments: Mapped[list["Assignment"]] = relationship(  # noqa: F821
        back_populates="candidate", cascade="all, delete-orphan", passive_deletes=True
    )
    scorecards: Mapped[list["Scorecard"]] = relationship(  # noqa: F821
        back_populates="candidate", cascade="all, delete-orphan", passive_deletes=True
    )
    decisions: Mapped[list["Decision"]] = relationship(  # noqa: F821
        back_populates="candidate", cascade="all, delete-orphan", passive_deletes=True, order_by="Decision.id"
    )
    evaluation: Mapped["StoredEvaluation | None"] = relationship(
        back_populates="candidate", cascade="all, delete-orphan", passive_deletes=True
    )

    # The email is unique within a vacancy; NULL (anonymised) does not collide.
    __table_args__ = (sa.UniqueConstraint("vacancy_id", "email"),)
    __mapper_args__ = {"version_id_col": version}

    @property
    def current_decision(self) -> "Decision | None":  # noqa: F821
        return self.decisions[-1] if self.decisions else None


class CandidateLanguage(db.Model):
    id: Mapped[int] = mapped_column(primary_key=True)
    candidate_id: Mapped[int] = mapped_column(sa.ForeignKey("candidate.id", ondelete="CASCADE"), index=True)
    language: Mapped[str] = mapped_column(sa.String(2))
    level: Mapped[str] = mapped_column(sa.String(8))

    candidate: Mapped[Candidate] = relationship(back_populates="languages")

    __table_args__ = (sa.UniqueConstraint("candidate_id", "language"),)


class CheckAnswer(db.Model):
    id: Mapped[int] = mapped_column(primary_key=True)
    candidate_id: Mapped[int] = mapped_column(sa.ForeignKey("candidate.id", ondelete="CASCADE"), index=True)
    check_id: Mapped[int] = mapped_column(sa.ForeignKey("custom_check.id", ondelete="CASCADE"), index=True)
    met: Mapped[bool]
    answered_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("user.id", ondelete="SET NULL"))
    answered_at: Mapped[datetime] = mapped_column(sa.DateTime(timezone=True), default=utcnow)

    candidate: Mapped[Candidate] = relationship(back_populates="check_answers")
    check: Mapped["CustomCheck"] = relationship(back_populates="answers")  # noqa: F821

    __table_args__ = (sa.UniqueConstraint("candidate_id", "check_id"),)


class StoredEvaluation(db.Model):
    """The scoring engine's last answer for a candidate, refreshed whenever one of its inputs changes.

    It lets a vacancy of thousands of candidates be ranked and paginated in SQL; the engine stays the
    only place where the numbers are computed.
    """

    candidate_id: Mapped[int] = mapped_column(
        sa.ForeignKey("candidate.id", ondelete="CASCADE"), primary_key=True
    )
    vacancy_id: Mapped[int] = mapped_column(sa.ForeignKey("vacancy.id", ondelete="CASCADE"), index=True)
    rank_group: Mapped[int]
    score: Mapped[float | None]
    coverage: Mapped[float] = mapped_column(default=0.0)
    band: Mapped[str] = mapped_column(sa.String(32))
    eligibility: Mapped[str] = mapped_column(sa.String(32))
    confidence: Mapped[str] = mapped_column(sa.String(16))
    flags: Mapped[list[str]] = mapped_column(sa.JSON, default=list)
    # The screening results that decide a not eligible, pending or risky candidate ({rule, result, message,
    # params}), so the ranking names the rule in words without evaluating the page again.
    deciding: Mapped[list[dict]] = mapped_column(sa.JSON, default=list)
    computed_at: Mapped[datetime] = mapped_column(sa.DateTime(timezone=True), default=utcnow, onupdate=utcnow)
    # Raised by every commit that changes what the candidate's documents show (hiring.services.revisions).
    revision: Mapped[int] = mapped_column(default=0, server_default="0")

    candidate: Mapped[Candidate] = relationship(back_populates="evaluation")


def ranking_key() -> tuple:
    """StoredEvaluation's ranking key (group, -score with a missing score last, -coverage, id), all ascending.

    A score is 0–100, so a missing one taken as -1 (coalesce(-score, 1.0)) sorts after every number, as the
    domain's ranking_key_from() has it.
    The constants are literal SQL, not parameters, so that a query's ORDER BY and row comparison match the
    expressions of ix_stored_evaluation_ranking and the database seeks the index (see services/ranking.py).
    No CASE: PostgreSQL reads a CASE back over several lines, which the migration check cannot compare.
    """
    se = StoredEvaluation
    return (
        se.rank_group,
        sa.func.coalesce(-se.score, sa.literal_column("1.0")),
        -se.coverage,
        se.candidate_id,
    )


sa.Index("ix_stored_evaluation_ranking", StoredEvaluation.vacancy_id, *ranking_key())


class RankingRevision(db.Model):
    """How many times the vacancy's candidates changed: raised with the revision of any of their evaluations.

    The ranking's pages derive their cache key from it (hiring.web.page_cache), so one small query tells
    whether a page rendered before is still what the ranking shows (hiring.services.revisions). A table of its
    own, not a column of the vacancy: every transaction takes this row last, so raising it never waits in a
    circle with an edit that holds the vacancy row (PostgreSQL would end one of them as a deadlock).
    """

    vacancy_id: Mapped[int] = mapped_column(sa.ForeignKey("vacancy.id", ondelete="CASCADE"), primary_key=True)
    revision: Mapped[int] = mapped_column(default=0)

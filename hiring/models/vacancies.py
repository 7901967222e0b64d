"""Vacancies made from a profile, with their own copy of the screening requirements."""

from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from hiring.extensions import db
from hiring.models._base import utcnow

VACANCY_STATUSES = ("open", "closed")


class Vacancy(db.Model):
    id: Mapped[int] = mapped_column(primary_key=True)
    profile_id: Mapped[int] = mapped_column(sa.ForeignKey("profile.id"), index=True)
    title: Mapped[str] = mapped_column(sa.String(200))
    language: Mapped[str] = mapped_column(sa.String(2), default="ru")
    status: Mapped[str] = mapped_column(sa.String(16), default="open")
    company: Mapped[str] = mapped_column(sa.String(200), default="")
    location: Mapped[str] = mapped_column(sa.String(200), default="")
    employment_terms: Mapped[str] = mapped_column(sa.String(200), default="")
    salary_from: Mapped[int | None]
    salary_to: Mapped[int | None]
    salary_currency: Mapped[str] = mapped_column(sa.String(3), default="RUB")
    salary_period: Mapped[str] = mapped_column(sa.String(8), default="month")  # month or year
    salary_basis: Mapped[str] = mapped_column(sa.String(8), default="gross")  # gross (before tax) or net
    travel_required: Mapped[bool] = mapped_column(default=False)
    intro: Mapped[str] = mapped_column(sa.Text, default="")
    # One item per line; prefilled from the seed's duties.
    responsibilities: Mapped[str] = mapped_column(sa.Text, default="")
    conditions: Mapped[str] = mapped_column(sa.Text, default="")
    contacts: Mapped[str] = mapped_column(sa.Text, default="")
    about_company: Mapped[str] = mapped_column(sa.Text, default="")
    how_to_apply: Mapped[str] = mapped_column(sa.Text, default="")
    # The EXP exception (fewer years with a strong sales plan) is internal screening unless HR publishes it.
    publish_exp_exception: Mapped[bool] = mapped_column(default=False)
    # Screening requirements (SPEC §2), copied from the profile when the vacancy is made.
    edu_min_level: Mapped[str] = mapped_column(sa.String(32), default="bachelor")
    edu_mandatory: Mapped[bool] = mapped_column(default=True)
    edu_preferred_fields: Mapped[list[str]] = mapped_column(sa.JSON, default=list)
    exp_min_years: Mapped[float] = mapped_column(default=3.0)
    exp_mandatory: Mapped[bool] = mapped_column(default=True)
    exp_exception_min_years: Mapped[float | None]
    exp_exception_min_plan_pct: Mapped[float | None]
    created_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("user.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(sa.DateTime(timezone=True), default=utcnow)
    version: Mapped[int] = mapped_column(default=1)
    # Raised by every commit that changes what the vacancy's documents show (hiring.services.revisions).
    revision: Mapped[int] = mapped_column(default=0, server_default="0")

    profile: Mapped["Profile"] = relationship(back_populates="vacancies")  # noqa: F821
    language_requirements: Mapped[list["LanguageRequirement"]] = relationship(
        back_populates="vacancy", cascade="all, delete-orphan", order_by="LanguageRequirement.position"
    )
    custom_checks: Mapped[list["CustomCheck"]] = relationship(
        back_populates="vacancy", cascade="all, delete-orphan", order_by="CustomCheck.position"
    )
    # Read with the vacancy (joinedload) where a page's cache key needs it; raised by hiring.services.revisions.
    ranking_revision: Mapped["RankingRevision | None"] = relationship(  # noqa: F821
        viewonly=True, uselist=False
    )
    candidates: Mapped[list["Candidate"]] = relationship(  # noqa: F821
        back_populates="vacancy", cascade="all, delete-orphan", passive_deletes=True
    )

    __table_args__ = (
        sa.CheckConstraint(sa.column("language").in_(("ru", "en")), name="language"),
        sa.CheckConstraint(sa.column("status").in_(VACANCY_STATUSES), name="status"),
    )
    __mapper_args__ = {"version_id_col": version}

    @property
    def is_open(self) -> bool:
        return self.status == "open"

    def responsibility_lines(self) -> list[str]:
        return [line.strip() for line in self.responsibilities.splitlines() if line.strip()]

    def condition_lines(self) -> list[str]:
        return [line.strip() for line in self.conditions.splitlines() if line.strip()]


class LanguageRequirement(db.Model):
    id: Mapped[int] = mapped_column(primary_key=True)
    vacancy_id: Mapped[int] = mapped_column(sa.ForeignKey("vacancy.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(default=0)
    language: Mapped[str] = mapped_column(sa.String(2))  # ISO 639-1
    min_level: Mapped[str] = mapped_column(sa.String(8))  # CEFR A1..C2 or native
    mandatory: Mapped[bool] = mapped_column(default=True)

    vacancy: Mapped[Vacancy] = relationship(back_populates="language_requirements")

    __table_args__ = (sa.UniqueConstraint("vacancy_id", "language"),)


class CustomCheck(db.Model):
    """A company-specific yes/no requirement (travel, licence, niche knowledge) answered by HR."""

    id: Mapped[int] = mapped_column(primary_key=True)
    vacancy_id: Mapped[int] = mapped_column(sa.ForeignKey("vacancy.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(default=0)  # the "index" of SPEC §6
    text: Mapped[str] = mapped_column(sa.String(500))
    mandatory: Mapped[bool] = mapped_column(default=True)

    vacancy: Mapped[Vacancy] = relationship(back_populates="custom_checks")
    answers: Mapped[list["CheckAnswer"]] = relationship(  # noqa: F821
        back_populates="check", cascade="all, delete-orphan", passive_deletes=True
    )

    __table_args__ = (sa.UniqueConstraint("vacancy_id", "position"),)

"""Competency profiles: screening defaults and weighted, behaviourally anchored competencies."""

from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from hiring.extensions import db
from hiring.models._base import utcnow


class Profile(db.Model):
    id: Mapped[int] = mapped_column(primary_key=True)
    name_ru: Mapped[str] = mapped_column(sa.String(200))
    name_en: Mapped[str] = mapped_column(sa.String(200))
    description_ru: Mapped[str] = mapped_column(sa.Text, default="")
    description_en: Mapped[str] = mapped_column(sa.Text, default="")
    is_default: Mapped[bool] = mapped_column(default=False)
    cloned_from_id: Mapped[int | None] = mapped_column(sa.ForeignKey("profile.id", ondelete="SET NULL"))
    # Screening defaults (SPEC §2); a vacancy copies them and may change them.
    edu_min_level: Mapped[str] = mapped_column(sa.String(32), default="bachelor")
    edu_mandatory: Mapped[bool] = mapped_column(default=True)
    edu_preferred_fields: Mapped[list[str]] = mapped_column(sa.JSON, default=list)
    exp_min_years: Mapped[float] = mapped_column(default=3.0)
    exp_mandatory: Mapped[bool] = mapped_column(default=True)
    exp_exception_min_years: Mapped[float | None] = mapped_column(default=1.0)
    exp_exception_min_plan_pct: Mapped[float | None] = mapped_column(default=100.0)
    created_at: Mapped[datetime] = mapped_column(sa.DateTime(timezone=True), default=utcnow)
    version: Mapped[int] = mapped_column(default=1)

    competencies: Mapped[list["Competency"]] = relationship(
        back_populates="profile", cascade="all, delete-orphan", order_by="Competency.position"
    )
    vacancies: Mapped[list["Vacancy"]] = relationship(back_populates="profile")  # noqa: F821

    __mapper_args__ = {"version_id_col": version}

    def name(self, language: str) -> str:
        return self.name_ru if language == "ru" else self.name_en

    @property
    def total_weight(self) -> float:
        return sum(c.weight for c in self.competencies)


class Competency(db.Model):
    id: Mapped[int] = mapped_column(primary_key=True)
    profile_id: Mapped[int] = mapped_column(sa.ForeignKey("profile.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(default=0)
    code: Mapped[str] = mapped_column(sa.String(16))
    name_ru: Mapped[str] = mapped_column(sa.String(200))
    name_en: Mapped[str] = mapped_column(sa.String(200))
    covers_ru: Mapped[str] = mapped_column(sa.Text, default="")
    covers_en: Mapped[str] = mapped_column(sa.Text, default="")
    weight: Mapped[float] = mapped_column(default=0.0)
    critical_min: Mapped[float | None]
    anchor1_ru: Mapped[str] = mapped_column(sa.Text, default="")
    anchor1_en: Mapped[str] = mapped_column(sa.Text, default="")
    anchor3_ru: Mapped[str] = mapped_column(sa.Text, default="")
    anchor3_en: Mapped[str] = mapped_column(sa.Text, default="")
    anchor5_ru: Mapped[str] = mapped_column(sa.Text, default="")
    anchor5_en: Mapped[str] = mapped_column(sa.Text, default="")
    # [{"ru": "...", "en": "...", "probes": [{"ru": "...", "en": "..."}, ...]}, ...]: 2-3 behavioural (STAR)
    # questions, each with follow-up probes asking for facts and figures ("probes" may be missing: none).
    questions: Mapped[list[dict]] = mapped_column(sa.JSON, default=list)

    profile: Mapped[Profile] = relationship(back_populates="competencies")

    __table_args__ = (sa.UniqueConstraint("profile_id", "code"),)

    def name(self, language: str) -> str:
        return self.name_ru if language == "ru" else self.name_en

    def covers(self, language: str) -> str:
        return self.covers_ru if language == "ru" else self.covers_en

    def anchors(self, language: str) -> dict[int, str]:
        return {level: getattr(self, f"anchor{level}_{language}") for level in (1, 3, 5)}

    def question_texts(self, language: str) -> list[str]:
        return [q.get(language, "") for q in self.questions]

    def questions_with_probes(self, language: str) -> list[tuple[str, list[str]]]:
        """(question, its follow-up probes) in the language, leaving out empty texts."""
        return [
            (q.get(language, ""), [t for p in q.get("probes") or [] if (t := p.get(language, "").strip())])
            for q in self.questions
            if q.get(language, "").strip()
        ]

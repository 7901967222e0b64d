"""Evaluation packs: one PDF of a vacancy's chosen candidates, rendered by a background job (issue 20)."""

from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from hiring.extensions import db
from hiring.models._base import utcnow

PACK_STATES = ("queued", "running", "done", "failed")


class EvaluationPack(db.Model):
    __tablename__ = "evaluation_pack"

    id: Mapped[int] = mapped_column(primary_key=True)
    vacancy_id: Mapped[int] = mapped_column(sa.ForeignKey("vacancy.id", ondelete="CASCADE"), index=True)
    requested_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("user.id", ondelete="SET NULL"))
    candidate_ids: Mapped[list[int]] = mapped_column(sa.JSON, default=list)
    # The revisions of every input (hiring.services.document_cache): an identical request reuses a done pack.
    revision_key: Mapped[str] = mapped_column(sa.String(64), index=True)
    state: Mapped[str] = mapped_column(sa.String(16), default="queued")
    done: Mapped[int] = mapped_column(default=0)
    total: Mapped[int] = mapped_column(default=0)
    content: Mapped[bytes | None] = mapped_column(sa.LargeBinary)
    error: Mapped[str] = mapped_column(sa.String(500), default="")
    created_at: Mapped[datetime] = mapped_column(sa.DateTime(timezone=True), default=utcnow)
    finished_at: Mapped[datetime | None] = mapped_column(sa.DateTime(timezone=True))

    __table_args__ = (sa.CheckConstraint(sa.column("state").in_(PACK_STATES), name="state"),)

"""Which e-mail notifications each user has turned off (every kind is on unless a row says otherwise)."""

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from hiring.extensions import db

NOTIFICATION_KINDS = ("assignment", "reminder", "panel_complete")


class NotificationOptOut(db.Model):
    __tablename__ = "notification_opt_out"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(sa.ForeignKey("user.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(sa.String(32))

    __table_args__ = (sa.UniqueConstraint("user_id", "kind"),)

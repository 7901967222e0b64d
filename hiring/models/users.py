"""People who use the app, and their API tokens."""

from datetime import datetime

import sqlalchemy as sa
from flask_login import UserMixin
from sqlalchemy.orm import Mapped, mapped_column, relationship
from werkzeug.security import check_password_hash, generate_password_hash

from hiring.extensions import db
from hiring.models._base import utcnow

ROLES = ("admin", "hr", "interviewer", "lead")


class User(UserMixin, db.Model):
    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(sa.String(64), unique=True)
    full_name: Mapped[str] = mapped_column(sa.String(200), default="")
    email: Mapped[str | None] = mapped_column(sa.String(254))
    password_hash: Mapped[str] = mapped_column(sa.String(256))
    role: Mapped[str] = mapped_column(sa.String(16))
    active: Mapped[bool] = mapped_column(default=True)
    locale: Mapped[str | None] = mapped_column(sa.String(8))
    created_at: Mapped[datetime] = mapped_column(sa.DateTime(timezone=True), default=utcnow)
    # Bumped on every change, so an API PATCH with a stale `version` is refused (SPEC §6).
    version: Mapped[int] = mapped_column(default=1, server_default="1")
    # Part of every session and remember cookie (get_id); raising it ends them all (services.users.end_sessions).
    session_version: Mapped[int] = mapped_column(default=0, server_default="0")
    # Set with a temporary password an administrator gave; the user changes it before anything else.
    must_change_password: Mapped[bool] = mapped_column(default=False, server_default=sa.false())

    tokens: Mapped[list["ApiToken"]] = relationship(back_populates="user", cascade="all, delete-orphan")

    __table_args__ = (sa.CheckConstraint(sa.column("role").in_(ROLES), name="role"),)
    __mapper_args__ = {"version_id_col": version}

    def set_password(self, password: str) -> None:
        self.password_hash = generate_password_hash(password, method="scrypt")

    def check_password(self, password: str) -> bool:
        return check_password_hash(self.password_hash, password)

    def get_id(self) -> str:
        """What the session and the remember cookie keep: the id and the session version, e.g. `12.3`."""
        return f"{self.id}.{self.session_version or 0}"

    @property
    def is_active(self) -> bool:  # Flask-Login refuses inactive users
        return self.active

    def has_role(self, *roles: str) -> bool:
        """Admin may do everything; others only what their role names."""
        return self.role == "admin" or self.role in roles

    @property
    def display_name(self) -> str:
        return self.full_name or self.username

    def __repr__(self) -> str:
        return f"<User {self.username} {self.role}>"


# Usernames are unique ignoring case (`Admin` next to `admin` would fool people); the service checks first, this
# index settles two concurrent requests.
sa.Index("uq_user_username_lower", sa.func.lower(User.username), unique=True)


class ApiToken(db.Model):
    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(sa.ForeignKey("user.id", ondelete="CASCADE"), index=True)
    token_hash: Mapped[str] = mapped_column(sa.String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(sa.DateTime(timezone=True), default=utcnow)
    expires_at: Mapped[datetime] = mapped_column(sa.DateTime(timezone=True))

    user: Mapped[User] = relationship(back_populates="tokens")

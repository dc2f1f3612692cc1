"""What the admin area stores of its own: the council's settings, and the single-use links
that let a new colleague in (an invitation) or an existing one back in (a password reset).

Topics, service areas and the promise keep their own models (voice/themes, voice/areas,
voice/promises); the admin area only changes them."""

from datetime import datetime

from sqlalchemy import JSON, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from voice.auth.models import User
from voice.clock import utcnow
from voice.extensions import db


class CouncilSettings(db.Model):
    """One row: the settings an admin changed on the settings page, as {CONFIG_KEY: value}.

    `version` goes up with every change an admin makes to what young people see (settings,
    topics), so each server notices a change by reading one small number (voice/admin/council.py)."""

    id: Mapped[int] = mapped_column(primary_key=True)
    version: Mapped[int] = mapped_column(default=1)
    values: Mapped[dict] = mapped_column(JSON, default=dict)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"))


class StaffLink(db.Model):
    """A single-use link sent by e-mail: "invite" (set a first password) or "reset" (forgot
    password). Only a SHA-256 of the token is kept, so a copy of the database lets no one in."""

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user.id", ondelete="CASCADE"), index=True)
    purpose: Mapped[str] = mapped_column(String(10))
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    expires_at: Mapped[datetime]
    used_at: Mapped[datetime | None]
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"))

    user: Mapped[User] = relationship(foreign_keys=[user_id])

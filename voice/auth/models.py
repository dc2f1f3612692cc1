import enum
import secrets
from datetime import datetime

from flask_login import UserMixin
from sqlalchemy import Enum, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from voice.clock import utcnow
from voice.extensions import db


def new_session_token():
    return secrets.token_urlsafe(32)


class Role(str, enum.Enum):
    WORKER = "worker"
    OFFICER = "officer"
    SAFEGUARDING = "safeguarding"
    BOARD = "board"
    # An elected member who champions care-experienced young people: reads the board's pages
    # and asks members' questions exactly as a board member does, and nothing more.
    CHAMPION = "champion"
    ADMIN = "admin"

    @property
    def label(self):
        return ROLE_LABELS[self]


ROLE_LABELS = {
    Role.WORKER: "Participation worker",
    Role.OFFICER: "Officer",
    Role.SAFEGUARDING: "Safeguarding lead",
    Role.BOARD: "Board member",
    Role.CHAMPION: "Corporate parenting champion",
    Role.ADMIN: "Admin",
}
# Those who read the board's figures and ask members' questions as members of the board.
MEMBERS = (Role.BOARD, Role.CHAMPION)


class User(UserMixin, db.Model):
    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(254), unique=True)
    name: Mapped[str] = mapped_column(String(120), default="")
    role: Mapped[Role] = mapped_column(
        Enum(Role, native_enum=False, length=20, values_callable=lambda e: [m.value for m in e])
    )
    password_hash: Mapped[str] = mapped_column(String(255))
    # The login id kept in the session cookie. Rotating it signs out every session at once,
    # which an id that never changes (the primary key) could not do.
    session_token: Mapped[str] = mapped_column(String(64), unique=True, default=new_session_token)
    active: Mapped[bool] = mapped_column(default=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    last_sign_in_at: Mapped[datetime | None]
    # Throttling lives on the row, not in a worker's memory, so every gunicorn worker and
    # server sees the same count and the same lock.
    failed_attempts: Mapped[int] = mapped_column(default=0, server_default="0")
    locked_until: Mapped[datetime | None]
    # Two-step sign-in (TOTP). The secret is made at the first password sign-in and only
    # counts once the person has typed a code from it (mfa_enrolled_at). mfa_last_step is the
    # newest time-step used, so a code (or an older one) cannot be used a second time.
    mfa_secret: Mapped[str | None] = mapped_column(String(64))
    mfa_enrolled_at: Mapped[datetime | None]
    mfa_last_step: Mapped[int | None]
    recovery_codes: Mapped[list["RecoveryCode"]] = relationship(
        back_populates="user", cascade="all, delete-orphan", passive_deletes=True
    )

    @property
    def is_active(self):
        return self.active

    def get_id(self):
        return self.session_token

    def rotate_session_token(self):
        self.session_token = new_session_token()

    @property
    def mfa_enrolled(self):
        return self.mfa_enrolled_at is not None

    @property
    def is_member(self):
        """A board member or corporate parenting champion (the pages show them the same)."""
        return self.role in MEMBERS

    @property
    def display_name(self):
        return self.name or self.email

    def __repr__(self):
        return f"<User {self.email} {self.role.value}>"


class RecoveryCode(db.Model):
    """One of the ten codes shown once at enrolment, for signing in without the phone.
    Stored only as an argon2 hash, like a password; used_at set marks it spent."""

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user.id", ondelete="CASCADE"), index=True)
    code_hash: Mapped[str] = mapped_column(String(255))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    used_at: Mapped[datetime | None]
    user: Mapped[User] = relationship(back_populates="recovery_codes")


class SignInAddress(db.Model):
    """Wrong sign-in tries from one network address, for the per-address pause. The address
    is kept only as a keyed hash: the count is all the throttle needs."""

    address_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    failed_attempts: Mapped[int] = mapped_column(default=0, server_default="0")
    locked_until: Mapped[datetime | None]
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, index=True)

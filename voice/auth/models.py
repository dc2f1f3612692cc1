import enum
import secrets
from datetime import datetime

from flask_login import UserMixin
from sqlalchemy import Enum, String
from sqlalchemy.orm import Mapped, mapped_column

from voice.clock import utcnow
from voice.extensions import db


def new_session_token():
    return secrets.token_urlsafe(32)


class Role(str, enum.Enum):
    WORKER = "worker"
    OFFICER = "officer"
    SAFEGUARDING = "safeguarding"
    BOARD = "board"
    ADMIN = "admin"

    @property
    def label(self):
        return ROLE_LABELS[self]


ROLE_LABELS = {
    Role.WORKER: "Participation worker",
    Role.OFFICER: "Officer",
    Role.SAFEGUARDING: "Safeguarding lead",
    Role.BOARD: "Board member",
    Role.ADMIN: "Admin",
}


class User(UserMixin, db.Model):
    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(254), unique=True)
    name: Mapped[str] = mapped_column(String(120), default="")
    role: Mapped[Role] = mapped_column(Enum(Role, native_enum=False, length=20,
                                            values_callable=lambda e: [m.value for m in e]))
    password_hash: Mapped[str] = mapped_column(String(255))
    # The login id kept in the session cookie. Rotating it signs out every session at once,
    # which an id that never changes (the primary key) could not do.
    session_token: Mapped[str] = mapped_column(String(64), unique=True, default=new_session_token)
    active: Mapped[bool] = mapped_column(default=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    last_sign_in_at: Mapped[datetime | None]

    @property
    def is_active(self):
        return self.active

    def get_id(self):
        return self.session_token

    def rotate_session_token(self):
        self.session_token = new_session_token()

    @property
    def display_name(self):
        return self.name or self.email

    def __repr__(self):
        return f"<User {self.email} {self.role.value}>"

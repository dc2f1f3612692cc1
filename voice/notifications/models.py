import enum
from datetime import datetime

from sqlalchemy import JSON, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from voice.clock import utcnow
from voice.extensions import db, enum_column


class Urgency(str, enum.Enum):
    NORMAL = "normal"
    URGENT = "urgent"


class Notification(db.Model):
    id: Mapped[int] = mapped_column(primary_key=True)
    # What happened, e.g. "safeguarding_alert"; the sender turns it into words per backend.
    kind: Mapped[str] = mapped_column(String(40))
    # Who it is for: "role:safeguarding", "user:12" or "submission:34" (the young person's
    # own contact detail, looked up when sending so it is never copied here).
    recipient: Mapped[str] = mapped_column(String(60))
    urgency: Mapped[Urgency] = mapped_column(enum_column(Urgency), default=Urgency.NORMAL)
    # Ids and links only, never a young person's words.
    payload: Mapped[dict] = mapped_column(JSON, default=dict)
    created_at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
    sent_at: Mapped[datetime | None] = mapped_column(index=True)
    attempts: Mapped[int] = mapped_column(default=0)
    last_error: Mapped[str | None] = mapped_column(Text)

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
    # own contact detail, looked up when sending so it is never copied here); "erased" for a
    # sent one whose case was erased or purged. Indexed: erasure and every `flask purge`
    # look up each case's rows by it.
    recipient: Mapped[str] = mapped_column(String(60), index=True)
    urgency: Mapped[Urgency] = mapped_column(enum_column(Urgency), default=Urgency.NORMAL)
    # Ids and links only, never a young person's words.
    payload: Mapped[dict] = mapped_column(JSON, default=dict)
    created_at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
    sent_at: Mapped[datetime | None] = mapped_column(index=True)
    # Times a worker has taken it to send (counted when taken, so a message that crashes the
    # worker every time still reaches the limit and stops).
    attempts: Mapped[int] = mapped_column(default=0)
    # Why the last try failed (or why it was not needed), in words safe for a log: never an
    # address or anything a young person wrote.
    last_error: Mapped[str | None] = mapped_column(Text)
    # When a worker should next try. None once nothing is left to do (sent, not needed or
    # given up), so the worker's query only ever reads rows that are still waiting.
    next_attempt_at: Mapped[datetime | None] = mapped_column(default=utcnow, index=True)
    # A worker's claim: until claimed_until no other worker takes the row. A worker that dies
    # holding it simply lets the claim run out; the token says whose claim it is.
    claimed_until: Mapped[datetime | None]
    claim_token: Mapped[str | None] = mapped_column(String(32))
    failed_at: Mapped[datetime | None]  # given up after OUTBOX_MAX_ATTEMPTS
    skipped_at: Mapped[datetime | None]  # no longer needed: nobody left to tell

    @property
    def state(self):
        """One of "sent", "failed", "skipped" or "waiting" (which includes between retries)."""
        if self.sent_at:
            return "sent"
        if self.failed_at:
            return "failed"
        return "skipped" if self.skipped_at else "waiting"

from datetime import date, datetime

from sqlalchemy import String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from voice.clock import utcnow
from voice.extensions import db


class Reminder(db.Model):
    """A reminder or escalation `tick` has queued. Its unique key is what makes each one go
    once however often cron runs tick, even two ticks at once; a new due date (a follow-up,
    an interim reply) is a new key, so it is reminded afresh."""

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(40))  # the notification kind it queued
    subject: Mapped[str] = mapped_column(String(40))  # "submission:12" or "action:7"
    due_on: Mapped[date]
    at: Mapped[datetime] = mapped_column(default=utcnow)

    __table_args__ = (UniqueConstraint("kind", "subject", "due_on", name="uq_reminder_once"),)

"""One progress update on an action. The Action itself lives with its response
(voice/responses/models.py); its `updates` are these, oldest first."""

from datetime import date, datetime

from sqlalchemy import ForeignKey, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from voice.auth.models import User
from voice.clock import utcnow
from voice.extensions import db, enum_column
from voice.responses.models import ActionStatus


class ActionUpdate(db.Model):
    """Appended, never changed: the young person and the board read the whole history."""

    id: Mapped[int] = mapped_column(primary_key=True)
    action_id: Mapped[int] = mapped_column(ForeignKey("action.id", ondelete="CASCADE"), index=True)
    # The status it was set to (the same as before when the officer only added a note).
    status: Mapped[ActionStatus] = mapped_column(enum_column(ActionStatus))
    # Written for the young person to read; for "not going ahead" it is the reason.
    note: Mapped[str | None] = mapped_column(Text)
    by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"))
    at: Mapped[datetime] = mapped_column(default=utcnow)

    action: Mapped["Action"] = relationship(back_populates="updates")  # noqa: F821
    by: Mapped[User | None] = relationship()


class ActionCheck(db.Model):
    """What an officer wrote to a young person about an action (and any new date), waiting for
    a participation worker's check, as an answer does. Nothing of it reaches the action, or the
    young person, until a worker releases it: then the action moves (services.move, the one
    place its status changes) and the words join its history."""

    __tablename__ = "action_check"
    id: Mapped[int] = mapped_column(primary_key=True)
    action_id: Mapped[int] = mapped_column(ForeignKey("action.id", ondelete="CASCADE"), index=True)
    status: Mapped[ActionStatus] = mapped_column(enum_column(ActionStatus))
    note: Mapped[str] = mapped_column(Text)
    # A late action's new date; `note` then says why, for the young person.
    new_due_on: Mapped[date | None]
    by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id", ondelete="SET NULL"))
    at: Mapped[datetime] = mapped_column(default=utcnow)
    # Set by the worker: released, or sent back with a comment for the officer.
    checked_at: Mapped[datetime | None]
    checked_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id", ondelete="SET NULL"))
    released: Mapped[bool] = mapped_column(default=False)
    comment: Mapped[str | None] = mapped_column(Text)

    action: Mapped["Action"] = relationship()  # noqa: F821
    by: Mapped[User | None] = relationship(foreign_keys=[by_id])

    @property
    def waiting(self):
        return self.checked_at is None

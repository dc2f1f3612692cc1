"""One progress update on an action. The Action itself lives with its response
(voice/responses/models.py); its `updates` are these, oldest first."""

from datetime import datetime

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

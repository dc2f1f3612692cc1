"""A meeting of the Children in Care Council (or the care leavers' forum, or the board) and
what is on its agenda."""

import enum
from datetime import date, datetime

from sqlalchemy import CheckConstraint, ForeignKey, String, Text, UniqueConstraint, false
from sqlalchemy.orm import Mapped, mapped_column, relationship

from voice.clock import utcnow
from voice.extensions import db, enum_column


class Body(str, enum.Enum):
    CICC = "cicc"
    CARE_LEAVERS_FORUM = "care_leavers_forum"
    BOARD = "board"


# How a young person and a worker say each one.
BODY_NAMES = {
    Body.CICC: "the Children in Care Council",
    Body.CARE_LEAVERS_FORUM: "the Care Leavers' Forum",
    Body.BOARD: "the Corporate Parenting Board",
}


class Meeting(db.Model):
    id: Mapped[int] = mapped_column(primary_key=True)
    body: Mapped[Body] = mapped_column(enum_column(Body))
    held_on: Mapped[date] = mapped_column(index=True)
    title: Mapped[str | None] = mapped_column(String(120))
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    items: Mapped[list["AgendaItem"]] = relationship(
        back_populates="meeting",
        cascade="all, delete-orphan",
        order_by="AgendaItem.position, AgendaItem.id",
    )

    @property
    def body_name(self):
        return BODY_NAMES[self.body]

    @property
    def name(self):
        return self.title or self.body_name[4].upper() + self.body_name[5:]

    def has_happened(self, today=None):
        return self.held_on <= (today or utcnow().date())


class AgendaItem(db.Model):
    """One message, a group of messages saying the same, or one theme, to talk about; after the meeting, what was decided."""

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("meeting.id", ondelete="CASCADE"), index=True
    )
    submission_id: Mapped[int | None] = mapped_column(
        ForeignKey("submission.id", ondelete="CASCADE"), index=True
    )
    theme_id: Mapped[int | None] = mapped_column(ForeignKey("theme.id"))
    position: Mapped[int] = mapped_column(default=0)
    # The submission and every message linked with it as saying the same thing ("says the
    # same as", Submission.same_as_id), talked about as one item (issue 18). The group is
    # worked out when shown, so a message linked later joins it.
    whole_group: Mapped[bool] = mapped_column(default=False, server_default=false())
    # Written by a worker for the young person to read: what the meeting decided.
    outcome: Mapped[str | None] = mapped_column(Text)
    outcome_at: Mapped[datetime | None]
    outcome_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"))

    meeting: Mapped[Meeting] = relationship(back_populates="items")
    submission = relationship("Submission")
    theme = relationship("Theme")

    __table_args__ = (
        CheckConstraint("(submission_id IS NULL) != (theme_id IS NULL)", name="one_subject"),
        UniqueConstraint("meeting_id", "submission_id", name="uq_agenda_item_submission"),
        UniqueConstraint("meeting_id", "theme_id", name="uq_agenda_item_theme"),
    )

"""What is on "You said, we did", and the "me too"s young people add to it."""

from datetime import datetime

from sqlalchemy import ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from voice.clock import utcnow
from voice.extensions import db
from voice.submissions.models import Submission


class Publication(db.Model):
    """A worker's public summary of one answered submission. Unpublishing keeps the row (and
    the worker's words) so it can go back up; erasing or purging the submission deletes it."""

    id: Mapped[int] = mapped_column(primary_key=True)
    submission_id: Mapped[int] = mapped_column(
        ForeignKey("submission.id", ondelete="CASCADE"), unique=True
    )
    summary: Mapped[str] = mapped_column(Text)
    published_at: Mapped[datetime] = mapped_column(default=utcnow)
    published_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"))
    unpublished_at: Mapped[datetime | None]

    submission: Mapped[Submission] = relationship()

    __table_args__ = (
        # The public page lists the live ones, newest first.
        Index("ix_publication_unpublished_at_published_at", "unpublished_at", "published_at"),
    )

    @property
    def live(self):
        return self.unpublished_at is None


class MeToo(db.Model):
    """One browser said "me too" to one published item. The browser is known only by the
    hash of a random number in its cookie: nothing here says who anyone is. Dated, so the
    board can count them by period; kept when a publication goes, so past counts stay true."""

    id: Mapped[int] = mapped_column(primary_key=True)
    submission_id: Mapped[int] = mapped_column(ForeignKey("submission.id", ondelete="CASCADE"))
    browser_hash: Mapped[str] = mapped_column(String(64))
    at: Mapped[datetime] = mapped_column(default=utcnow, index=True)

    __table_args__ = (
        # Once per browser per item, even when two taps race each other.
        UniqueConstraint(
            "submission_id", "browser_hash", name="uq_me_too_submission_id_browser_hash"
        ),
    )

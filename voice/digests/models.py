"""Every version of every drafted account, kept: nothing here is updated but the approval."""

import enum
from datetime import date, datetime

from sqlalchemy import ForeignKey, Index, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from voice.clock import utcnow
from voice.extensions import db, enum_column


class Kind(str, enum.Enum):
    BOARD = "board"  # the board's plain-English account, on /board and in the pack
    # Young people's words, on "You said, we did": one digest for each group
    # (voice.digests.groups). DIGEST: one for everyone, as they were written before.
    CICC = "cicc"  # the Children in Care Council's
    FORUM = "forum"  # the Care Leavers' Forum's
    DIGEST = "digest"


DIGESTS = (Kind.CICC, Kind.FORUM)  # a group's digest, in the order the page shows them


class StoryVersion(db.Model):
    """One version of the account of one period. Version 1 may be Voice's own draft, saved
    as it stood (written_by_id None); each save by a worker adds the next. Approving marks
    one version; the board and young people read the newest approved one."""

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[Kind] = mapped_column(enum_column(Kind))
    period_start: Mapped[date]
    period_end: Mapped[date]
    period_label: Mapped[str] = mapped_column(Text)
    number: Mapped[int]
    text: Mapped[str] = mapped_column(Text)
    text_ur: Mapped[str] = mapped_column(Text, default="")  # the digest's Urdu; "" for the board
    written_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"))
    written_at: Mapped[datetime] = mapped_column(default=utcnow)
    approved_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"))
    approved_at: Mapped[datetime | None]

    __table_args__ = (
        UniqueConstraint(
            "kind", "period_start", "period_end", "number", name="uq_story_version_number"
        ),
        # "You said, we did" reads the newest approved digest.
        Index("ix_story_version_kind_approved_at", "kind", "approved_at"),
    )

    @property
    def approved(self):
        return self.approved_at is not None

    def blocks(self, urdu=False):
        """[(is a heading, words)] of the text in the reader's language."""
        return blocks(self.text_ur if urdu and self.text_ur else self.text)


def paragraphs(text):
    """The text's paragraphs (a blank line between), each with its lines joined."""
    found = [" ".join(block.split()) for block in text.replace("\r\n", "\n").split("\n\n")]
    return [block for block in found if block]


ENDINGS = (".", "!", "?", ":", "۔", "؟")  # the last two: Urdu's full stop and "?"
HEADING = 80  # characters: longer is a paragraph that forgot its full stop


def blocks(text):
    """A worker writes headings as short lines of their own, without a full stop."""
    return [
        (len(block) <= HEADING and not block.endswith(ENDINGS), block) for block in paragraphs(text)
    ]

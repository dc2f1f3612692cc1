"""Did anything change because of what the young person said? (Lundy's "influence", asked
from the young person's side.) One question per case, asked once by `tick`; the answer may be
changed until the case closes, and every answer given is kept."""

import enum
from datetime import datetime

from flask_babel import lazy_gettext as _l
from sqlalchemy import ForeignKey, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from voice.clock import utcnow
from voice.extensions import db, enum_column


class Changed(str, enum.Enum):
    YES = "yes"
    A_BIT = "a_bit"
    NOT_YET = "not_yet"
    DONT_KNOW = "dont_know"


CHANGED_WORDS = {
    Changed.YES: _l("Yes"),
    Changed.A_BIT: _l("A bit"),
    Changed.NOT_YET: _l("Not yet"),
    Changed.DONT_KNOW: _l("I don't know"),
}


class InfluenceAsk(db.Model):
    """The question, asked of one case. `answer` and `words` are the young person's latest;
    `answered_at` is when they first answered (the board counts it in that period)."""

    id: Mapped[int] = mapped_column(primary_key=True)
    # Unique: the question is asked once per case, however often tick runs.
    submission_id: Mapped[int] = mapped_column(
        ForeignKey("submission.id", ondelete="CASCADE"), unique=True
    )
    # The answer it asks about (its actions all settled, or none promised).
    response_id: Mapped[int | None] = mapped_column(ForeignKey("response.id", ondelete="SET NULL"))
    asked_at: Mapped[datetime] = mapped_column(default=utcnow)
    answer: Mapped[Changed | None] = mapped_column(enum_column(Changed))
    # The young person's own words: workers may read them (never officers or the board).
    words: Mapped[str | None] = mapped_column(Text)
    answered_at: Mapped[datetime | None] = mapped_column(index=True)
    changed_at: Mapped[datetime | None]

    history: Mapped[list["InfluenceAnswer"]] = relationship(
        back_populates="ask", cascade="all, delete-orphan", order_by="InfluenceAnswer.id"
    )

    @property
    def answer_words(self):
        return str(CHANGED_WORDS[self.answer]) if self.answer else None


class InfluenceAnswer(db.Model):
    """Every answer given, oldest first: a change never rewrites what was said before."""

    id: Mapped[int] = mapped_column(primary_key=True)
    ask_id: Mapped[int] = mapped_column(
        ForeignKey("influence_ask.id", ondelete="CASCADE"), index=True
    )
    answer: Mapped[Changed] = mapped_column(enum_column(Changed))
    words: Mapped[str | None] = mapped_column(Text)
    at: Mapped[datetime] = mapped_column(default=utcnow)

    ask: Mapped[InfluenceAsk] = relationship(back_populates="history")

"""What moderation keeps beside a submission."""

from datetime import datetime

from sqlalchemy import ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from voice.auth.models import User
from voice.clock import utcnow
from voice.extensions import db


class SimilarityTerm(db.Model):
    """One term of a submission's shared version (voice.moderation.similar). Derived from
    words a worker has already redacted, and cleared whenever those words are."""

    __tablename__ = "similarity_term"
    submission_id: Mapped[int] = mapped_column(
        ForeignKey("submission.id", ondelete="CASCADE"), primary_key=True
    )
    term: Mapped[str] = mapped_column(String(40), primary_key=True)

    # Term first, then the message: finding the messages that share a term reads this index
    # alone (a covering index), never the table's rows.
    __table_args__ = (Index("ix_similarity_term_term_submission", "term", "submission_id"),)


class SimilarityTermCount(db.Model):
    """How many shared versions hold a term, kept with similarity_term, so a term's rarity is
    one look-up instead of counting its rows."""

    __tablename__ = "similarity_term_count"
    term: Mapped[str] = mapped_column(String(40), primary_key=True)
    messages: Mapped[int] = mapped_column(default=0)


class OpenBy(db.Model):
    """A worker has this message's page open: set when they open it, cleared when they save.
    Short-lived on purpose (moderation.open_by.FRESH_MINUTES): it tells a colleague in the
    queue "someone is on this", and a tab left open over lunch stops saying so by itself."""

    __tablename__ = "open_by"
    submission_id: Mapped[int] = mapped_column(
        ForeignKey("submission.id", ondelete="CASCADE"), primary_key=True
    )
    user_id: Mapped[int] = mapped_column(
        ForeignKey("user.id", ondelete="CASCADE"), primary_key=True
    )
    opened_at: Mapped[datetime] = mapped_column(default=utcnow)

    user: Mapped[User] = relationship()

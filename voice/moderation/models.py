"""What moderation keeps beside a submission."""

from sqlalchemy import ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from voice.extensions import db


class SimilarityTerm(db.Model):
    """One term of a submission's shared version (voice.moderation.similar). Derived from
    words a worker has already redacted, and cleared whenever those words are."""

    __tablename__ = "similarity_term"
    submission_id: Mapped[int] = mapped_column(
        ForeignKey("submission.id", ondelete="CASCADE"), primary_key=True
    )
    term: Mapped[str] = mapped_column(String(40), primary_key=True)

    __table_args__ = (Index("ix_similarity_term_term", "term"),)


class SimilarityTermCount(db.Model):
    """How many shared versions hold a term, kept with similarity_term, so a term's rarity is
    one look-up instead of counting its rows."""

    __tablename__ = "similarity_term_count"
    term: Mapped[str] = mapped_column(String(40), primary_key=True)
    messages: Mapped[int] = mapped_column(default=0)

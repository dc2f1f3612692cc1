"""A worker's choice of which young people's words the board reads."""

from datetime import datetime

from sqlalchemy import ForeignKey
from sqlalchemy.orm import Mapped, mapped_column

from voice.clock import utcnow
from voice.extensions import db


class BoardQuote(db.Model):
    """This submission's redacted words are representative and may be quoted to the board.
    Only ever shown while the young person's yes to being quoted still stands (checked when
    the board page is built, not here), so taking consent back needs no clean-up."""

    submission_id: Mapped[int] = mapped_column(
        ForeignKey("submission.id", ondelete="CASCADE"), primary_key=True
    )
    chosen_by_id: Mapped[int] = mapped_column(ForeignKey("user.id"))
    chosen_at: Mapped[datetime] = mapped_column(default=utcnow)

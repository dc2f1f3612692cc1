"""A worker's choice of which young people's words the board reads."""

from datetime import date, datetime

from sqlalchemy import ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from voice.clock import utcnow
from voice.extensions import db
from voice.responses.models import Action


class BoardQuote(db.Model):
    """This submission's redacted words are representative and may be quoted to the board.
    Only ever shown while the young person's yes to being quoted still stands (checked when
    the board page is built, not here), so taking consent back needs no clean-up."""

    submission_id: Mapped[int] = mapped_column(
        ForeignKey("submission.id", ondelete="CASCADE"), primary_key=True
    )
    chosen_by_id: Mapped[int] = mapped_column(ForeignKey("user.id"))
    chosen_at: Mapped[datetime] = mapped_column(default=utcnow)


class BoardCount(db.Model):
    """How many of one thing the board counts, in one month: the running totals the board's
    page adds up, so it reads a few thousand rows, not every message of a year. `figure`
    names what is counted (voice.board.rollup), `theme` is 0 for all messages or a theme's
    id for that theme's page, k1–k3 the breakdown ('' when not used: a key column is never
    NULL, so each row has one unique key to add to)."""

    figure: Mapped[str] = mapped_column(String(20), primary_key=True)
    theme: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    month: Mapped[date] = mapped_column(primary_key=True)  # its first day
    k1: Mapped[str] = mapped_column(String(40), primary_key=True, default="")
    k2: Mapped[str] = mapped_column(String(40), primary_key=True, default="")
    k3: Mapped[str] = mapped_column(String(40), primary_key=True, default="")
    n: Mapped[int] = mapped_column(default=0)

    __table_args__ = (
        # Due dates are k1 of the "..._due_day" figures: today's month of them is read by range.
        Index("ix_board_count_figure_theme_k1", "figure", "theme", "k1"),
    )


# The board's list of the most overdue actions reads a narrow window of due dates (found
# from the totals) through this index, instead of every action of the period.
Index("ix_action_due_on", Action.due_on)

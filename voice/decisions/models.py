from datetime import date, datetime

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from voice.clock import utcnow
from voice.extensions import db


class CouncilDecision(db.Model):
    """A decision the council made that affects young people in care. (Named so, because
    voice.responses already has Decision: an officer's answer to one young person.)"""

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(150))
    decided_on: Mapped[date] = mapped_column(index=True)
    what_was_decided: Mapped[str] = mapped_column(Text)
    what_it_means: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"))
    updated_at: Mapped[datetime | None]
    updated_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"))

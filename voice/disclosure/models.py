import enum
from datetime import datetime

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from voice.auth.models import User
from voice.clock import utcnow
from voice.extensions import db, enum_column


class Verdict(str, enum.Enum):
    MISSED = "missed"
    NO_CONCERN = "no_concern"


VERDICT_LABELS = {
    Verdict.MISSED: "A disclosure the check missed",
    Verdict.NO_CONCERN: "No concern: the check was wrong to flag it",
}


class DisclosureFeedback(db.Model):
    """One reader's verdict on what the check said about one message. Never the message's
    words: only the kind, the verdict and what the check had said, so it can be reported and
    kept after the message is erased."""

    id: Mapped[int] = mapped_column(primary_key=True)
    # Kept (as null) when the message is erased: the count still says what the check missed.
    submission_id: Mapped[int | None] = mapped_column(
        ForeignKey("submission.id", ondelete="SET NULL"), index=True
    )
    verdict: Mapped[Verdict] = mapped_column(enum_column(Verdict))
    # For "missed", the kind the reader chose; for "no concern", the kind the check named.
    kind: Mapped[str | None] = mapped_column(String(40))
    # What the check had said: "none", "weak" or "strong".
    check_said: Mapped[str] = mapped_column(String(10))
    at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
    by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"))
    by: Mapped[User | None] = relationship()

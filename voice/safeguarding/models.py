import enum
from datetime import datetime

from sqlalchemy import ForeignKey, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from voice.auth.models import User
from voice.clock import utcnow
from voice.extensions import db, enum_column


class SafeguardingAction(str, enum.Enum):
    SOCIAL_WORKER = "social_worker"
    DUTY_TEAM = "duty_team"
    MASH_REFERRAL = "mash_referral"
    NO_CONCERN = "no_concern"


ACTION_LABELS = {
    SafeguardingAction.SOCIAL_WORKER: "Contacted the young person's social worker",
    SafeguardingAction.DUTY_TEAM: "Passed to the duty team",
    SafeguardingAction.MASH_REFERRAL: "Made a MASH referral",
    SafeguardingAction.NO_CONCERN: "Looked into it: no safeguarding concern",
}


class SafeguardingRecord(db.Model):
    """What the safeguarding lead did about one message. Appended to, never changed."""

    id: Mapped[int] = mapped_column(primary_key=True)
    submission_id: Mapped[int] = mapped_column(
        ForeignKey("submission.id", ondelete="CASCADE"), index=True
    )
    by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"))
    at: Mapped[datetime] = mapped_column(default=utcnow)
    action: Mapped[SafeguardingAction] = mapped_column(enum_column(SafeguardingAction))
    note: Mapped[str] = mapped_column(Text, default="")
    by: Mapped[User | None] = relationship()

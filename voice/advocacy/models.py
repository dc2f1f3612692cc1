import enum
from datetime import date, datetime

from sqlalchemy import ForeignKey
from sqlalchemy.orm import Mapped, mapped_column, relationship

from voice.clock import local_time, utcnow
from voice.extensions import db, enum_column


class ReferralStatus(str, enum.Enum):
    ASKED = "asked"
    PASSED_ON = "passed_on"
    IN_TOUCH = "in_touch"


# A worker moves a referral on one step at a time.
NEXT = {
    ReferralStatus.ASKED: ReferralStatus.PASSED_ON,
    ReferralStatus.PASSED_ON: ReferralStatus.IN_TOUCH,
}


class AdvocacyReferral(db.Model):
    """One per case: asking again shows the same referral. Holds no words, only times."""

    id: Mapped[int] = mapped_column(primary_key=True)
    submission_id: Mapped[int] = mapped_column(
        ForeignKey("submission.id", ondelete="CASCADE"), unique=True
    )
    status: Mapped[ReferralStatus] = mapped_column(
        enum_column(ReferralStatus), default=ReferralStatus.ASKED
    )
    asked_at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
    # One working day: the standard the national advocacy helpline keeps.
    due_on: Mapped[date]
    passed_on_at: Mapped[datetime | None]
    passed_on_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"))
    in_touch_at: Mapped[datetime | None]
    in_touch_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"))

    submission: Mapped["Submission"] = relationship()

    @property
    def reference(self):
        return f"V{self.submission_id:05d}"

    def passed_on_in_time(self):
        return self.passed_on_at is not None and local_time(self.passed_on_at).date() <= self.due_on


from voice.submissions.models import Submission  # noqa: E402,F401  (resolves the relationship)

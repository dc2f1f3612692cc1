import enum
from datetime import date, datetime

from sqlalchemy import ForeignKey, Index
from sqlalchemy.orm import Mapped, mapped_column, relationship

from voice.clock import local_time, utcnow
from voice.extensions import db, enum_column


class TaskKind(str, enum.Enum):
    # The young person hears back through their worker: someone must tell that worker.
    PASS_ON = "pass_on"
    # They said "talk to me first" before anyone is told it came from them.
    TALK_FIRST = "talk_first"


class WorkerTask(db.Model):
    """Something a participation worker must do by hand for one young person, shown in the
    queue until a worker marks it done. Holds no words, only who, what kind and when."""

    id: Mapped[int] = mapped_column(primary_key=True)
    submission_id: Mapped[int] = mapped_column(
        ForeignKey("submission.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[TaskKind] = mapped_column(enum_column(TaskKind))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    # One working day, as for an advocacy referral; `tick` chases a pass-on left after it.
    due_on: Mapped[date]
    done_at: Mapped[datetime | None]
    done_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"))

    submission: Mapped["Submission"] = relationship()

    # The queue asks for the open ones on every load.
    __table_args__ = (Index("ix_worker_task_open", "done_at", "due_on"),)

    @property
    def reference(self):
        return f"V{self.submission_id:05d}"

    @property
    def late(self):
        """Not done, and its working day is over (in the council's time)."""
        return self.done_at is None and local_time(utcnow()).date() > self.due_on


from voice.submissions.models import Submission  # noqa: E402,F401  (resolves the relationship)

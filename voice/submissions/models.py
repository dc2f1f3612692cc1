import enum
from datetime import date, datetime

from sqlalchemy import Column, ForeignKey, Index, String, Table, Text, false
from sqlalchemy.orm import Mapped, mapped_column, relationship

from voice.auth.models import User
from voice.clock import utcnow
from voice.extensions import db, enum_column
from voice.promises.models import Promise
from voice.themes.models import Theme


class Kind(str, enum.Enum):
    VIEW = "view"
    QUESTION = "question"
    IDEA = "idea"


class Audience(str, enum.Enum):
    CICC = "cicc"
    CARE_LEAVERS_FORUM = "care_leavers_forum"
    BOARD = "board"
    NOT_SURE = "not_sure"


class AgeBand(str, enum.Enum):
    UNDER_14 = "11-13"
    FROM_14 = "14-15"
    FROM_16 = "16-17"
    FROM_18 = "18-21"
    FROM_22 = "22-25"


class CareStatus(str, enum.Enum):
    IN_CARE = "in_care"
    CARE_LEAVER = "care_leaver"


class ReplyBy(str, enum.Enum):
    CODE = "code"
    WORKER = "worker"
    TEXT = "text"
    EMAIL = "email"


class Source(str, enum.Enum):
    """Where a message came from: the share form, or a worker typing in a view a young
    person gave somewhere else (voice/gathered)."""

    ONLINE = "online"
    CICC_MEETING = "cicc_meeting"
    CARE_LEAVERS_FORUM = "care_leavers_forum"
    EVENT = "event"
    PAPER_FORM = "paper_form"
    PHONE_CALL = "phone_call"
    ADVOCATE = "advocate"
    ANOTHER_APP = "another_app"


class Status(str, enum.Enum):
    NEW = "new"
    MODERATED = "moderated"
    DECLINED = "declined"
    WITH_OFFICER = "with_officer"
    RESPONSE_READY = "response_ready"
    ANSWERED = "answered"
    FOLLOW_UP = "follow_up"
    CLOSED = "closed"
    WITHDRAWN = "withdrawn"
    SAFEGUARDING = "safeguarding"


# While a case is in one of these the council owes the young person a reply: the clock runs
# (voice.deadlines) and staff see it as work to do (voice.auth.work).
WAITING_ON_US = (
    Status.NEW,
    Status.MODERATED,
    Status.WITH_OFFICER,
    Status.RESPONSE_READY,
    Status.FOLLOW_UP,
)


# The life cycle in DESIGN.md, as data. A young person may take a message back while it is
# still open (not only while new): changing your mind after a worker has read it is fine.
# Nothing leaves safeguarding except through the safeguarding lead (back to NEW, or CLOSED).
OPEN_FOR_WITHDRAWAL = {
    Status.NEW,
    Status.MODERATED,
    Status.WITH_OFFICER,
    Status.RESPONSE_READY,
    Status.FOLLOW_UP,
}
TRANSITIONS = {
    Status.NEW: {Status.MODERATED, Status.DECLINED, Status.SAFEGUARDING, Status.WITHDRAWN},
    Status.MODERATED: {Status.WITH_OFFICER, Status.DECLINED, Status.SAFEGUARDING, Status.WITHDRAWN},
    Status.WITH_OFFICER: {Status.RESPONSE_READY, Status.SAFEGUARDING, Status.WITHDRAWN},
    Status.RESPONSE_READY: {Status.ANSWERED, Status.WITH_OFFICER, Status.WITHDRAWN},
    Status.ANSWERED: {Status.FOLLOW_UP, Status.CLOSED},
    Status.FOLLOW_UP: {Status.WITH_OFFICER, Status.SAFEGUARDING, Status.WITHDRAWN},
    Status.CLOSED: {Status.FOLLOW_UP},
    # A held follow-up goes back to the follow-up step, not to NEW: the case is already
    # moderated and routed, and only the new question needs a worker.
    Status.SAFEGUARDING: {Status.NEW, Status.FOLLOW_UP, Status.CLOSED},
    Status.DECLINED: set(),
    Status.WITHDRAWN: set(),
}


class SafeNow(str, enum.Enum):
    """The young person's own answer to "Are you safe right now?" on the share form."""

    YES = "yes"
    NO = "no"
    NOT_SAY = "not_say"


class SayItsThem(str, enum.Enum):
    """The young person's answer to "If it helps sort it out, can we say it came from you?".
    A realistic answer ("your carers' support worker will talk to them") can tell the person
    complained about who complained, so staff see this before acting and releasing."""

    YES = "yes"
    TALK_FIRST = "talk_first"
    NO = "no"


class Feeling(str, enum.Enum):
    """The face a young person picked on the short form for "How do you feel about it?":
    kept apart from their words, which stay as they wrote them (or empty)."""

    HAPPY = "happy"
    OK = "ok"
    WORRIED = "worried"
    SAD = "sad"
    CROSS = "cross"


class DeclineReason(str, enum.Enum):
    DUPLICATE = "duplicate"
    COMPLAINT = "complaint"
    CANNOT_ACT = "cannot_act"
    OTHER = "other"


def link_table(other):
    """The many-to-many link from a submission to a theme or a promise (table submission_theme,
    columns submission_id and theme_id): it goes with the submission."""
    return Table(
        f"submission_{other}",
        db.metadata,
        Column("submission_id", ForeignKey("submission.id", ondelete="CASCADE"), primary_key=True),
        Column(f"{other}_id", ForeignKey(f"{other}.id"), primary_key=True, index=True),
    )


submission_promise = link_table("promise")
submission_theme = link_table("theme")


class Submission(db.Model):
    id: Mapped[int] = mapped_column(primary_key=True)
    # Only a keyed hash of the reference code is kept, so a copy of the database does not
    # let anyone open a young person's case.
    code_hash: Mapped[str] = mapped_column(String(64), unique=True)
    # The one-time token of the form that sent it: a double tap sends it twice, the unique
    # constraint keeps one row.
    form_token: Mapped[str] = mapped_column(String(64), unique=True)
    kind: Mapped[Kind] = mapped_column(enum_column(Kind))
    message: Mapped[str] = mapped_column(Text)
    audience: Mapped[Audience] = mapped_column(enum_column(Audience))
    name: Mapped[str | None] = mapped_column(String(40))
    age_band: Mapped[AgeBand | None] = mapped_column(enum_column(AgeBand))
    care_status: Mapped[CareStatus | None] = mapped_column(enum_column(CareStatus))
    reply_by: Mapped[ReplyBy] = mapped_column(enum_column(ReplyBy), default=ReplyBy.CODE)
    # Who passes the answer on, when they hear back through their worker (a name or a team).
    worker_name: Mapped[str | None] = mapped_column(String(80))
    consent_publish: Mapped[bool] = mapped_column(default=False)
    consent_quote: Mapped[bool] = mapped_column(default=False)
    wants_advocate: Mapped[bool] = mapped_column(default=False)
    status: Mapped[Status] = mapped_column(enum_column(Status), default=Status.NEW)
    safeguarding: Mapped[bool] = mapped_column(default=False)
    # The safety net (README "Two strengths of sign"). What the young person said when asked
    # if they are safe right now (None: not asked, or skipped); whether it came through the
    # "I don't feel safe" link; whether a weaker sign of harm puts it first in the workers'
    # queue, marked "read today"; and when a worker or the lead first opened it, the clock
    # behind "read by a person within one working day".
    safe_now: Mapped[SafeNow | None] = mapped_column(enum_column(SafeNow))
    safety_link: Mapped[bool] = mapped_column(default=False, server_default=false())
    # None: skipped (or sent before the question was asked); staff then ask before naming them.
    say_its_them: Mapped[SayItsThem | None] = mapped_column(enum_column(SayItsThem))
    # The short form's face (None: the long form, or sent before faces were kept on their own).
    feeling: Mapped[Feeling | None] = mapped_column(enum_column(Feeling))
    read_today: Mapped[bool] = mapped_column(default=False, server_default=false())
    first_read_at: Mapped[datetime | None]
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    due_on: Mapped[date]
    # Gathered by a worker: where, at which meeting, on what day the young person gave it
    # (the clock starts then), and who typed it in (told of news if they hear back that way).
    source: Mapped[Source] = mapped_column(
        enum_column(Source), default=Source.ONLINE, server_default=Source.ONLINE.value
    )
    meeting: Mapped[str | None] = mapped_column(String(120))
    given_on: Mapped[date | None]
    entered_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"))

    # Moderation: the shared version is what officers and the board see, with names and
    # other identifying details taken out; the young person's own words stay in `message`.
    shared_text: Mapped[str | None] = mapped_column(Text)
    moderated_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"))
    moderated_at: Mapped[datetime | None]
    service_area_id: Mapped[int | None] = mapped_column(ForeignKey("service_area.id"), index=True)
    officer_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"), index=True)
    routed_at: Mapped[datetime | None]
    decline_reason: Mapped[DeclineReason | None] = mapped_column(enum_column(DeclineReason))
    decline_note: Mapped[str | None] = mapped_column(Text)
    duplicate_of_id: Mapped[int | None] = mapped_column(ForeignKey("submission.id"))
    # "Says the same as": submissions that raise one thing point at the first of them.
    same_as_id: Mapped[int | None] = mapped_column(ForeignKey("submission.id"), index=True)
    # A question asked from a council decision's page ("Ask a question about this").
    council_decision_id: Mapped[int | None] = mapped_column(
        ForeignKey("council_decision.id", ondelete="SET NULL"), index=True
    )
    # Bumped on every change, so two workers acting on one item at once cannot both win.
    version: Mapped[int] = mapped_column(default=1, server_default="1")

    themes: Mapped[list[Theme]] = relationship(secondary=submission_theme, order_by=Theme.position)
    promises: Mapped[list[Promise]] = relationship(
        secondary=submission_promise, order_by=Promise.position
    )
    officer: Mapped[User | None] = relationship(foreign_keys=[officer_id])
    moderated_by: Mapped[User | None] = relationship(foreign_keys=[moderated_by_id])
    entered_by: Mapped[User | None] = relationship(foreign_keys=[entered_by_id])
    service_area: Mapped["ServiceArea | None"] = relationship()
    council_decision: Mapped["CouncilDecision | None"] = relationship()
    redactions: Mapped[list["Redaction"]] = relationship(
        back_populates="submission", cascade="all, delete-orphan", order_by="Redaction.id"
    )
    contact: Mapped["Contact | None"] = relationship(
        back_populates="submission", cascade="all, delete-orphan"
    )
    changes: Mapped[list["StatusChange"]] = relationship(
        back_populates="submission", cascade="all, delete-orphan", order_by="StatusChange.id"
    )

    __mapper_args__ = {"version_id_col": version}
    __table_args__ = (
        # The moderation queue and the board read by status and age; keep both fast.
        Index("ix_submission_status_created_at", "status", "created_at"),
        Index("ix_submission_created_at", "created_at"),
    )

    @property
    def reference(self):
        """How staff name a submission aloud: never the young person's code."""
        return f"V{self.id:05d}"

    @property
    def can_be_withdrawn(self):
        return self.status in OPEN_FOR_WITHDRAWAL

    @property
    def to_read_today(self):
        """A weaker sign of harm in it (or its new follow-up) that nobody has opened yet:
        first in the workers' queue (moderation.queue.read_first says the same in SQL)."""
        return self.read_today and (self.first_read_at is None or self.status == Status.FOLLOW_UP)

    def changed_to(self, status):
        """When it first reached `status`, or None."""
        return next((c.at for c in self.changes if c.to_status == status), None)


class Contact(db.Model):
    """How to reach a young person who asked for a text or an e-mail. Kept apart from the
    message, shown to workers only, and deleted when the case closes."""

    submission_id: Mapped[int] = mapped_column(
        ForeignKey("submission.id", ondelete="CASCADE"), primary_key=True
    )
    channel: Mapped[ReplyBy] = mapped_column(enum_column(ReplyBy))
    value: Mapped[str] = mapped_column(String(254))
    submission: Mapped[Submission] = relationship(back_populates="contact")


class StatusChange(db.Model):
    """Every move through the life cycle: who (None for the young person or the system),
    when, and from what to what. Appended to, never changed."""

    id: Mapped[int] = mapped_column(primary_key=True)
    submission_id: Mapped[int] = mapped_column(
        ForeignKey("submission.id", ondelete="CASCADE"), index=True
    )
    from_status: Mapped[Status | None] = mapped_column(enum_column(Status))
    to_status: Mapped[Status] = mapped_column(enum_column(Status))
    at: Mapped[datetime] = mapped_column(default=utcnow)
    by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"))
    note: Mapped[str] = mapped_column(String(500), default="")
    submission: Mapped[Submission] = relationship(back_populates="changes")


class Redaction(db.Model):
    """One edit of the shared version: who, when, before and after. Kept so a worker can
    always see what was taken out, and why the board's text differs from the original."""

    id: Mapped[int] = mapped_column(primary_key=True)
    submission_id: Mapped[int] = mapped_column(
        ForeignKey("submission.id", ondelete="CASCADE"), index=True
    )
    by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"))
    at: Mapped[datetime] = mapped_column(default=utcnow)
    before: Mapped[str] = mapped_column(Text)
    after: Mapped[str] = mapped_column(Text)
    submission: Mapped[Submission] = relationship(back_populates="redactions")
    by: Mapped[User | None] = relationship()


from voice.areas.models import ServiceArea  # noqa: E402,F401  (resolves the relationship)
from voice.decisions.models import CouncilDecision  # noqa: E402,F401  (likewise)
from voice.submissions.task_models import WorkerTask  # noqa: E402,F401  (a table of this feature)

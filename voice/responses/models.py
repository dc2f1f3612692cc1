"""An officer's reasoned response to a submission, and the actions it promises."""

import enum
from datetime import date, datetime

from flask_babel import lazy_gettext as _l
from sqlalchemy import ForeignKey, String, Text, and_
from sqlalchemy.orm import Mapped, mapped_column, relationship

from voice import clock
from voice.clock import utcnow
from voice.extensions import db, enum_column


class Decision(str, enum.Enum):
    DO = "do"
    PART = "part"
    CANNOT = "cannot"
    ANSWER = "answer"
    LOOKING_INTO = "looking_into"


# What the young person reads, in plain words.
DECISION_WORDS = {
    Decision.DO: _l("We'll do it."),
    Decision.PART: _l("We'll do part of it."),
    Decision.CANNOT: _l("We can't do this. Here is why."),
    Decision.ANSWER: _l("Here is our answer."),  # for a view or an idea as well as a question
    Decision.LOOKING_INTO: _l("We're looking into it."),
}
NEEDS_A_REASON = {Decision.CANNOT, Decision.PART}
MIN_REASON = 40  # characters: "a reason" is a sentence, not "no"


class ResponseStatus(str, enum.Enum):
    DRAFT = "draft"
    SUBMITTED = "submitted"
    SENT_BACK = "sent_back"
    RELEASED = "released"


# A response's life, as data (the shape of submissions.models.TRANSITIONS): the officer sends
# a draft for a worker's check; the worker releases it or sends it back to be revised and
# sent again. A released response never changes: a later answer is a new response.
RESPONSE_MOVES = {
    ResponseStatus.DRAFT: {ResponseStatus.SUBMITTED},
    ResponseStatus.SENT_BACK: {ResponseStatus.SUBMITTED},
    ResponseStatus.SUBMITTED: {ResponseStatus.RELEASED, ResponseStatus.SENT_BACK},
    ResponseStatus.RELEASED: set(),
}


class ActionStatus(str, enum.Enum):
    PLANNED = "planned"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    NOT_GOING_AHEAD = "not_going_ahead"


# An action's life, as data. Done is done: the young person and the board were told, and
# anything still wrong is a follow-up. "Not going ahead" can still go ahead after all. A note
# with no change of status is an update, not a move.
ACTION_MOVES = {
    ActionStatus.PLANNED: {
        ActionStatus.IN_PROGRESS,
        ActionStatus.DONE,
        ActionStatus.NOT_GOING_AHEAD,
    },
    ActionStatus.IN_PROGRESS: {ActionStatus.DONE, ActionStatus.NOT_GOING_AHEAD},
    ActionStatus.NOT_GOING_AHEAD: {ActionStatus.IN_PROGRESS},
    ActionStatus.DONE: set(),
}


# Staff and the young person read the same plain words for an action's state.
ACTION_STATUS_WORDS = {
    ActionStatus.PLANNED: _l("Planned"),
    ActionStatus.IN_PROGRESS: _l("In progress"),
    ActionStatus.DONE: _l("Done"),
    ActionStatus.NOT_GOING_AHEAD: _l("Not going ahead"),
}
# Still to happen: only these can be overdue.
OPEN_ACTIONS = (ActionStatus.PLANNED, ActionStatus.IN_PROGRESS)


class Response(db.Model):
    id: Mapped[int] = mapped_column(primary_key=True)
    submission_id: Mapped[int] = mapped_column(
        ForeignKey("submission.id", ondelete="CASCADE"), index=True
    )
    officer_id: Mapped[int] = mapped_column(ForeignKey("user.id"))
    decision: Mapped[Decision] = mapped_column(enum_column(Decision))
    full_answer_by: Mapped[date | None]
    explanation: Mapped[str] = mapped_column(Text)
    checklist: Mapped[str | None] = mapped_column(Text)
    team_name: Mapped[str] = mapped_column(String(120))
    show_officer_name: Mapped[bool] = mapped_column(default=False)
    status: Mapped[ResponseStatus] = mapped_column(
        enum_column(ResponseStatus), default=ResponseStatus.DRAFT
    )
    worker_comment: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    submitted_at: Mapped[datetime | None]
    released_at: Mapped[datetime | None]
    released_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"))

    officer = relationship("User", foreign_keys=[officer_id])
    actions: Mapped[list["Action"]] = relationship(
        back_populates="response", cascade="all, delete-orphan", order_by="Action.id"
    )

    @property
    def decision_words(self):
        return str(DECISION_WORDS[self.decision])

    @property
    def signed_by(self):
        """The team, or the officer's name as well if they chose to show it."""
        if self.show_officer_name and self.officer and self.officer.display_name:
            return f"{self.officer.display_name}, {self.team_name}"
        return self.team_name


class Action(db.Model):
    id: Mapped[int] = mapped_column(primary_key=True)
    response_id: Mapped[int] = mapped_column(
        ForeignKey("response.id", ondelete="CASCADE"), index=True
    )
    what: Mapped[str] = mapped_column(Text)
    team: Mapped[str] = mapped_column(String(120))
    due_on: Mapped[date]
    status: Mapped[ActionStatus] = mapped_column(
        enum_column(ActionStatus), default=ActionStatus.PLANNED
    )

    response: Mapped[Response] = relationship(back_populates="actions")

    # Every progress update, oldest first: voice/actions/models.py (imported by create_app
    # with the actions blueprint, before any query configures the mappers).
    updates: Mapped[list["ActionUpdate"]] = relationship(  # noqa: F821
        back_populates="action", cascade="all, delete-orphan", order_by="ActionUpdate.id"
    )

    @property
    def status_words(self):
        return str(ACTION_STATUS_WORDS[self.status])

    @property
    def latest_update(self):
        return self.updates[-1] if self.updates else None

    @property
    def latest_note(self):
        """What the officer last said about its progress, or None."""
        latest = self.latest_update
        return latest.note if latest and latest.note else None

    @property
    def is_overdue(self):
        """Promised to the young person (released), past its date and still to happen."""
        return (
            self.status in OPEN_ACTIONS
            and self.due_on < clock.utcnow().date()
            and self.response.status == ResponseStatus.RELEASED
        )

    @classmethod
    def overdue_on(cls, today):
        """The same rule as is_overdue, as a WHERE clause (the overdue page and the board)."""
        return and_(
            cls.due_on < today,
            cls.status.in_(OPEN_ACTIONS),
            cls.response.has(Response.status == ResponseStatus.RELEASED),
        )


class RatingAnswer(str, enum.Enum):
    YES = "yes"
    PARTLY = "partly"
    NOT_REALLY = "not_really"


RATING_WORDS = {
    RatingAnswer.YES: _l("Yes, that answers it"),
    RatingAnswer.PARTLY: _l("Partly"),
    RatingAnswer.NOT_REALLY: _l("Not really"),
}


class Rating(db.Model):
    """What the young person thought of one released answer. One per answer: the first one
    stands, so the board's figures never shift under it (more to say is a follow-up)."""

    id: Mapped[int] = mapped_column(primary_key=True)
    submission_id: Mapped[int] = mapped_column(
        ForeignKey("submission.id", ondelete="CASCADE"), index=True
    )
    response_id: Mapped[int] = mapped_column(
        ForeignKey("response.id", ondelete="CASCADE"), unique=True
    )
    answer: Mapped[RatingAnswer] = mapped_column(enum_column(RatingAnswer))
    # The young person's own words: shown to workers, never to officers or the board.
    comment: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    response: Mapped[Response] = relationship()

    @property
    def answer_words(self):
        return str(RATING_WORDS[self.answer])


class FollowUp(db.Model):
    """A follow-up or supplementary question on an answered or closed case. `message` is what
    the young person wrote; officers only ever read `shared_text`, the worker's version."""

    id: Mapped[int] = mapped_column(primary_key=True)
    submission_id: Mapped[int] = mapped_column(
        ForeignKey("submission.id", ondelete="CASCADE"), index=True
    )
    # The released answer it follows (None if the case was closed without one).
    after_response_id: Mapped[int | None] = mapped_column(
        ForeignKey("response.id", ondelete="SET NULL")
    )
    message: Mapped[str] = mapped_column(Text)
    shared_text: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    # When a worker passed it to the officer: the board measures the clock from created_at.
    passed_at: Mapped[datetime | None]
    passed_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"))

    after_response: Mapped[Response | None] = relationship()


class RatingChange(db.Model):
    """What a rating said before the young person changed it (they may, until the case
    closes). Appended to, never changed: the history of what they thought stays. Their
    words are not kept here: a new comment replaces the old, so erasing the rating's comment
    erases them all."""

    id: Mapped[int] = mapped_column(primary_key=True)
    rating_id: Mapped[int] = mapped_column(ForeignKey("rating.id", ondelete="CASCADE"), index=True)
    answer: Mapped[RatingAnswer] = mapped_column(enum_column(RatingAnswer))
    changed_at: Mapped[datetime] = mapped_column(default=utcnow)


class AnswerTemplate(db.Model):
    """A starting point for an officer's answer, kept by the participation team for one team.
    The team's name is written here once: using the template fills "the team answering"."""

    __tablename__ = "answer_template"
    id: Mapped[int] = mapped_column(primary_key=True)
    team: Mapped[str] = mapped_column(String(120), index=True)
    title: Mapped[str] = mapped_column(String(120))
    text: Mapped[str] = mapped_column(Text)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id", ondelete="SET NULL"))

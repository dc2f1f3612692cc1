"""A board member's question about a topic or a figure, routed by a participation worker to
an officer of the chosen service area, answered, and followed by one supplementary question."""

import enum
from datetime import datetime

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from voice.auth.models import User
from voice.clock import utcnow
from voice.extensions import db, enum_column


class QuestionState(str, enum.Enum):
    ASKED = "asked"  # waiting for a worker to route it
    WITH_OFFICER = "with_officer"
    ANSWERED = "answered"
    SUPPLEMENTARY = "supplementary"  # the one follow-on question, with the same officer
    DONE = "done"


# A question's life, as data (the shape of responses.models.RESPONSE_MOVES): nothing else is
# a move, so a second supplementary question or an answer before routing is refused.
QUESTION_MOVES = {
    QuestionState.ASKED: {QuestionState.WITH_OFFICER},
    QuestionState.WITH_OFFICER: {QuestionState.ANSWERED},
    QuestionState.ANSWERED: {QuestionState.SUPPLEMENTARY},
    QuestionState.SUPPLEMENTARY: {QuestionState.DONE},
    QuestionState.DONE: set(),
}

STATE_WORDS = {
    QuestionState.ASKED: "Waiting to be passed to an officer",
    QuestionState.WITH_OFFICER: "With an officer",
    QuestionState.ANSWERED: "Answered",
    QuestionState.SUPPLEMENTARY: "Supplementary question with the officer",
    QuestionState.DONE: "Answered, with a supplementary",
}


class MemberQuestion(db.Model):
    id: Mapped[int] = mapped_column(primary_key=True)
    asked_by_id: Mapped[int] = mapped_column(ForeignKey("user.id"))
    asked_at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
    # What it is about: a topic, a figure on the board page, or both (one at least).
    theme_id: Mapped[int | None] = mapped_column(ForeignKey("theme.id", ondelete="SET NULL"))
    figure: Mapped[str | None] = mapped_column(String(40))
    question: Mapped[str] = mapped_column(Text)
    state: Mapped[QuestionState] = mapped_column(
        enum_column(QuestionState), default=QuestionState.ASKED
    )
    service_area_id: Mapped[int | None] = mapped_column(ForeignKey("service_area.id"))
    officer_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"), index=True)
    routed_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"))
    routed_at: Mapped[datetime | None]
    answer: Mapped[str | None] = mapped_column(Text)
    answered_at: Mapped[datetime | None]
    supplementary: Mapped[str | None] = mapped_column(Text)
    supplementary_at: Mapped[datetime | None]
    supplementary_answer: Mapped[str | None] = mapped_column(Text)
    supplementary_answered_at: Mapped[datetime | None]
    # Bumped on every change, so two people acting at once cannot both win.
    version: Mapped[int] = mapped_column(default=1, server_default="1")

    asked_by: Mapped[User] = relationship(foreign_keys=[asked_by_id])
    officer: Mapped[User | None] = relationship(foreign_keys=[officer_id])
    theme = relationship("Theme")
    service_area = relationship("ServiceArea")

    __mapper_args__ = {"version_id_col": version}

    @property
    def reference(self):
        return f"Q{self.id:04d}"

    @property
    def state_words(self):
        return STATE_WORDS[self.state]

"""A board member's question, from asking to the supplementary answer. Every change of state
is `move()`, which refuses a move QUESTION_MOVES does not have; each service takes `by=`,
audits, and tells the next person through the outbox in words that carry nothing of the
question. The route commits."""

from datetime import datetime, time

from sqlalchemy import select

from voice import errors
from voice.areas.models import ServiceArea
from voice.audit.services import record as audit
from voice.auth.models import MEMBERS, Role, User
from voice.board.periods import add_months
from voice.clock import utcnow
from voice.errors import Refused
from voice.extensions import db
from voice.notifications import outbox
from voice.questions.models import QUESTION_MOVES, STATE_WORDS, MemberQuestion, QuestionState
from voice.themes.models import Theme

# What on the board's page a question can be about, as the page names its sections.
FIGURES = {
    "raised": "What young people raised",
    "time": "Time to answer",
    "outcomes": "Outcomes",
    "ratings": "Did we answer properly?",
    "changed": "Has anything changed?",
    "actions": "Actions",
    "promise": "The Promise",
    "me_too": "“Me too”",
}
ASKERS = MEMBERS
ROUTERS = (Role.WORKER, Role.ADMIN)
MAX_WORDS = 2000
S = QuestionState


class QuestionRefused(Refused):
    """The change cannot be made; the message is safe to show the person who tried."""


def move(question, to, by):
    """The one place a question's state changes."""
    to = QuestionState(to)
    if to not in QUESTION_MOVES[question.state]:
        raise QuestionRefused(
            f"This question is “{STATE_WORDS[question.state]}”, so that can't be done now."
        )
    before, question.state = question.state, to
    audit("member_question", by=by, detail=f"{question.reference}: {before.value} → {to.value}")


def _text(text, what):
    text = (text or "").strip()
    if not text:
        raise QuestionRefused(f"Write the {what}.")
    if len(text) > MAX_WORDS:
        raise QuestionRefused(f"Keep the {what} under {MAX_WORDS:,} characters.")
    return text


def _flush():
    errors.flush_or_refuse(
        QuestionRefused("Someone else acted on this question at the same moment. Look at it again.")
    )


def ask(by, question, theme_id=None, figure=None):
    """A board member asks; the participation workers are told one is waiting."""
    if by.role not in ASKERS:
        raise QuestionRefused("Only board members and champions ask questions here.")
    if figure is not None and figure not in FIGURES:
        raise QuestionRefused("Choose a part of the board's page from the list.")
    if theme_id is not None and db.session.get(Theme, theme_id) is None:
        raise QuestionRefused("Choose a topic from the list.")
    if theme_id is None and figure is None:
        raise QuestionRefused("Say what it is about: a topic, a part of the board's page, or both.")
    found = MemberQuestion(
        asked_by_id=by.id,
        asked_at=utcnow(),
        question=_text(question, "question"),
        theme_id=theme_id,
        figure=figure,
        state=S.ASKED,
    )
    db.session.add(found)
    db.session.flush()
    audit("member_question", by=by, detail=f"{found.reference}: asked")
    outbox.queue("member_question_waiting", "role:worker", {"path": f"/board/questions/{found.id}"})
    return found


def route(question, by, area_id, officer_id):
    """A worker passes it to an officer who answers for the chosen area, and only such."""
    if by.role not in ROUTERS:
        raise QuestionRefused("Only participation workers pass questions on.")
    area = db.session.get(ServiceArea, area_id) if area_id else None
    officer = db.session.get(User, officer_id) if officer_id else None
    if area is None or not area.active or officer is None or officer not in area.officers:
        raise QuestionRefused("Choose an officer of that service area.")
    if not officer.active or officer.role != Role.OFFICER:
        raise QuestionRefused("That officer's account is switched off. Choose another.")
    move(question, S.WITH_OFFICER, by)
    question.service_area_id, question.officer_id = area.id, officer.id
    question.routed_by_id, question.routed_at = by.id, utcnow()
    return _told(question, "member_question_routed", f"user:{officer.id}")


def answer(question, by, text):
    """The officer it was routed to answers the question, or the supplementary one."""
    if by.id != question.officer_id:
        raise QuestionRefused("Only the officer it was passed to can answer it.")
    text = _text(text, "answer")
    if question.state == S.SUPPLEMENTARY:
        move(question, S.DONE, by)
        question.supplementary_answer, question.supplementary_answered_at = text, utcnow()
    else:
        move(question, S.ANSWERED, by)
        question.answer, question.answered_at = text, utcnow()
    return _told(question, "member_question_answered", f"user:{question.asked_by_id}")


def supplement(question, by, text):
    """The member who asked may ask one supplementary question, to the same officer."""
    if by.id != question.asked_by_id:
        raise QuestionRefused("Only the member who asked can ask a supplementary question.")
    move(question, S.SUPPLEMENTARY, by)
    question.supplementary, question.supplementary_at = _text(text, "question"), utcnow()
    return _told(question, "member_question_routed", f"user:{question.officer_id}")


def _told(question, kind, recipient):
    """The end of every change: tell the next person (the words carry nothing of the question),
    flush, and give the question back."""
    outbox.queue(kind, recipient, {"path": f"/board/questions/{question.id}"})
    _flush()
    return question


# --- reading ------------------------------------------------------------------------------


def visible_to(user):
    """Board members, workers and admins see every question; an officer only theirs."""
    query = select(MemberQuestion).order_by(MemberQuestion.asked_at.desc(), MemberQuestion.id)
    if user.role == Role.OFFICER:
        query = query.where(MemberQuestion.officer_id == user.id)
    return query


def listed(user):
    return db.session.scalars(visible_to(user)).all()


def get_for(user, question_id):
    return db.session.scalar(visible_to(user).where(MemberQuestion.id == question_id))


def in_period(period, theme_id=None):
    """The questions asked in the board's period or the quarter after it (for its page and
    pack), oldest first: the board's periods are whole quarters that have ended, so members
    ask about a quarter's figures in the quarter after it."""
    after = add_months(period.end.replace(day=1), 4)  # the first day after the next quarter
    query = (
        select(MemberQuestion)
        .where(
            MemberQuestion.asked_at >= period.starts_at,
            MemberQuestion.asked_at < datetime.combine(after, time.min),
        )
        .order_by(MemberQuestion.asked_at, MemberQuestion.id)
    )
    if theme_id is not None:
        query = query.where(MemberQuestion.theme_id == theme_id)
    return db.session.scalars(query).all()


def officer_choices():
    """(value "area:officer", label) for every active area's active officers."""
    areas = db.session.scalars(
        select(ServiceArea).where(ServiceArea.active.is_(True)).order_by(ServiceArea.name)
    ).all()
    return [
        (f"{area.id}:{officer.id}", f"{officer.display_name}, {area.name}")
        for area in areas
        for officer in area.officers
        if officer.active and officer.role == Role.OFFICER
    ]

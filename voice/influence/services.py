"""When to ask "Has anything changed because of what you said?", asking it once, and the young
person's answer. Plain functions; `tick` and the routes commit."""

from datetime import datetime, timedelta

from flask import current_app
from flask_babel import lazy_gettext as _l
from sqlalchemy import select

from voice import clock
from voice.audit.services import record as audit
from voice.clock import add_working_days
from voice.errors import Refused
from voice.extensions import db, insert_once
from voice.influence.models import Changed, InfluenceAnswer, InfluenceAsk
from voice.responses import follow_ups
from voice.responses import services as answering
from voice.responses.models import ActionStatus, Decision
from voice.submissions import life_cycle
from voice.submissions.models import Status, StatusChange, Submission
from voice.submissions.words_rule import reads_original, sees_nothing

SETTLED = (ActionStatus.DONE, ActionStatus.NOT_GOING_AHEAD)
# A case closed long ago (before this question existed, or while tick was not run) is not
# asked out of the blue: only cases closed within this many days are caught up with.
CATCH_UP_DAYS = 90
CANNOT_ANSWER = _l("You can't answer this question just now.")
CLOSED_NOW = _l(
    "You have already told us, and your message is finished now, so your answer can't change."
)


class InfluenceRefused(Refused):
    """The answer cannot be saved; the message is safe to show the young person."""


def answer_asked_about(submission):
    """The newest released full answer (an interim "we're looking into it" promises one)."""
    response = answering.released(submission)
    if response is None or response.decision == Decision.LOOKING_INTO:
        return None
    return response


def settled_at(response):
    """When the answer's promises were all kept or given up: the answer itself when it
    promised none, the last action's final update otherwise; None while one is still open."""
    if any(action.status not in SETTLED for action in response.actions):
        return None
    moments = [response.released_at]
    for action in response.actions:
        final = [u.at for u in action.updates if u.status == action.status]
        moments.append(final[-1] if final else response.released_at)
    return max(moments)


def ask_on(response):
    """The day the question is due, or None while an action is still to happen."""
    settled = settled_at(response)
    if settled is None:
        return None
    return add_working_days(settled.date(), int(current_app.config["INFLUENCE_ASK_DAYS"]))


def ask_for(submission):
    return db.session.scalar(
        select(InfluenceAsk).where(InfluenceAsk.submission_id == submission.id)
    )


def _candidates(today):
    """Answered cases not yet asked, and cases closed in the last CATCH_UP_DAYS."""
    not_asked = ~select(InfluenceAsk.id).where(InfluenceAsk.submission_id == Submission.id).exists()
    since = datetime.combine(today - timedelta(days=CATCH_UP_DAYS), datetime.min.time())
    recently_closed = (
        select(StatusChange.id)
        .where(
            StatusChange.submission_id == Submission.id,
            StatusChange.to_status == Status.CLOSED,
            StatusChange.at >= since,
        )
        .exists()
    )
    return db.session.scalars(
        select(Submission)
        .where(not_asked)
        .where(
            (Submission.status == Status.ANSWERED)
            | ((Submission.status == Status.CLOSED) & recently_closed)
        )
        .order_by(Submission.id)
    ).all()


def ask_due(today):
    """`tick`'s step: ask every case whose day has come, once. Yields a line per case."""
    for submission in _candidates(today):
        response = answer_asked_about(submission)
        when = ask_on(response) if response is not None else None
        if when is not None and when <= today and ask(submission, response):
            yield f"Asked {submission.reference} whether anything changed."


def ask(submission, response):
    """Record the question and send the content-free "there is news". A second tick racing
    this one meets the unique key and sends nothing. True if asked now."""
    added = db.session.scalar(
        insert_once(InfluenceAsk)
        .values(submission_id=submission.id, response_id=response.id, asked_at=clock.utcnow())
        .returning(InfluenceAsk.id)
    )
    if added is None:
        return False
    life_cycle.tell_of_news(submission)
    return True


def waits_for_question(submission):
    """An answered case stays open until the question has been asked, so a young person who
    hears back by text or e-mail can still be told (closing deletes their contact detail)."""
    return ask_for(submission) is None and answer_asked_about(submission) is not None


def counts_from(submission, released_at):
    """When the quiet time before an answered case closes starts: the answer or the question,
    whichever came later; None while the question is still to come."""
    if waits_for_question(submission):
        return None
    asked = ask_for(submission)
    return max(released_at, asked.asked_at) if asked is not None else released_at


# --- the young person -------------------------------------------------------------------


def answerable(ask, submission):
    """The first answer while the case is answered or closed; a change until it closes."""
    if ask is None or submission.status not in follow_ups.ASKABLE:
        return False
    return ask.answer is None or submission.status != Status.CLOSED


def answer(submission, choice, words=""):
    """Keep the answer (every one, oldest first); words with a sign of harm reach a person
    exactly as a rating comment's do: they become a follow-up, held or read today."""
    ask = ask_for(submission)
    if not answerable(ask, submission):
        closed = ask is not None and ask.answer is not None
        raise InfluenceRefused(str(CLOSED_NOW if closed else CANNOT_ANSWER))
    choice, words, now = Changed(choice), (words or "").strip() or None, clock.utcnow()
    changed = ask.answer is not None
    ask.history.append(InfluenceAnswer(answer=choice, words=words, at=now))
    ask.answer, ask.words = choice, words
    ask.answered_at = ask.answered_at or now
    ask.changed_at = now if changed else None
    audit(
        "influence", submission=submission, detail=("changed to " if changed else "") + choice.value
    )
    if words and follow_ups.sign_in(words) is not None:
        follow_ups.ask(submission, words)
    db.session.flush()
    return ask


def words_for(ask, submission, user):
    """The young person's words, only for a reader of the original words (the rating comment
    rule: never officers or the board, nobody but the lead while the message is held)."""
    if ask is None or sees_nothing(submission, user) or not reads_original(submission, user):
        return None
    return ask.words


# --- privacy: erasure and purging clear the words, keep the answer the board counts -------


def holds_words(submission):
    ask = ask_for(submission)
    return ask is not None and any(a.words for a in [ask, *ask.history])


def forget_words(submission):
    """The young person's words go (now and in every earlier answer); what they chose stays,
    so the board's counts do not move."""
    ask = ask_for(submission)
    if ask is None:
        return
    ask.words = None
    for earlier in ask.history:
        earlier.words = None


def copy_of(submission):
    """For the young person's copy of what Voice holds: every answer they gave, with words."""
    ask = ask_for(submission)
    if ask is None:
        return []
    return [
        {"on": a.at.date().isoformat(), "answer": a.answer.value, "words": a.words}
        for a in ask.history
    ]

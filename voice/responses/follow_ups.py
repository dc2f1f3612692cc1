"""What the young person does with an answer (rate it, ask a follow-up, close the case) and
how a worker passes a follow-up back to the officer. Plain functions; the route commits."""

from flask_babel import gettext
from flask_babel import lazy_gettext as _l
from sqlalchemy import select

from voice.audit.services import record as audit
from voice.clock import utcnow
from voice.extensions import db, insert_once
from voice.notifications import outbox

# The module, not its names: voice.submissions' case pages import this while
# voice.responses.services may still be loading (the import order of create_app).
from voice.responses import services as answering
from voice.responses.models import Decision, FollowUp, Rating, RatingAnswer, RatingChange
from voice.submissions import disclosure, life_cycle
from voice.submissions.models import Status

# The young person's refusals are in their language (lazy here: defined at import time); the
# ones only a worker meets, further down, stay in English like the rest of the staff pages.
ALREADY_RATED = _l(
    "You have already told us what you thought of this answer. If you want to "
    "say more, ask a follow-up question."
)
# A follow-up needs an answer to follow; a case closed by safeguarding never had one.
ASKABLE = (Status.ANSWERED, Status.CLOSED)


def newest_answer(submission):
    """(the newest released answer, its rating), either None: what the functions below read.
    A page that asks several of them reads it once and passes it as `newest`."""
    response = answering.released(submission)
    return response, rating_for(response) if response is not None else None


def rateable(submission, newest=None):
    """The answer the young person can rate now: the newest released full answer, not yet
    rated. An interim "we're looking into it" is not rated: the full answer will be."""
    response, rating = newest or newest_answer(submission)
    if response is None or response.decision == Decision.LOOKING_INTO:
        return None
    return None if rating else response


def said_anything(submission):
    """Whether the newest answer has a rating already."""
    response = answering.released(submission)
    return response is not None and rating_for(response) is not None


def rating_for(response):
    return db.session.scalar(select(Rating).where(Rating.response_id == response.id))


def rate(submission, response_id, answer, comment=""):
    """One rating per answer; a second is refused, kindly (it may be a double tap)."""
    if said_anything(submission):
        raise answering.ResponseRefused(ALREADY_RATED)
    # Only the answer the page offered: compared as text, so whatever a changed form sends
    # (another case's answer, a huge number) is never looked up.
    response = rateable(submission)
    if response is None or str(response.id) != str(response_id or "").strip():
        raise answering.ResponseRefused(
            gettext("That answer can't be rated. Open your message again and try.")
        )
    rating = db.session.scalars(
        insert_once(Rating)
        .values(
            submission_id=submission.id,
            response_id=response.id,
            answer=RatingAnswer(answer),
            comment=(comment or "").strip() or None,
            created_at=utcnow(),
        )
        .returning(Rating)
    ).one_or_none()
    if rating is None:  # two taps at once: the unique response_id keeps the first
        raise answering.ResponseRefused(
            gettext("You have already told us what you thought of this answer.")
        )
    audit("rating", submission=submission, detail=rating.answer.value)
    if rating.comment and submission.status in ASKABLE and sign_in(rating.comment) is not None:
        # Words that show a risk of harm must reach a person wherever they are typed: the
        # comment becomes a follow-up, held for the lead or read today like any other.
        ask(submission, rating.comment)
    return rating


def changeable_rating(submission, newest=None):
    """The newest answer's rating, which the young person may change until the case closes."""
    response, rating = newest or newest_answer(submission)
    if response is None or submission.status in (Status.CLOSED, Status.WITHDRAWN):
        return None
    return rating


def change_rating(submission, response_id, answer, comment=""):
    """A changed mind: the rating says the new answer, and what it said before is kept."""
    rating = changeable_rating(submission)
    if rating is None or str(rating.response_id) != str(response_id or "").strip():
        raise answering.ResponseRefused(
            gettext("What you said can't be changed now. Open your message again and try.")
        )
    db.session.add(RatingChange(rating_id=rating.id, answer=rating.answer, changed_at=utcnow()))
    before = rating.answer.value
    rating.answer = RatingAnswer(answer)
    rating.comment = (comment or "").strip() or None
    audit("rating_changed", submission=submission, detail=f"{before} → {rating.answer.value}")
    if rating.comment and submission.status in ASKABLE and sign_in(rating.comment) is not None:
        ask(submission, rating.comment)  # as for a first rating: words of harm reach a person
    db.session.flush()
    return rating


def said_yes(submission, newest=None):
    """Offer "close my case" only to someone who said the newest answer answers it."""
    _response, rating = newest or newest_answer(submission)
    return (
        submission.status == Status.ANSWERED
        and rating is not None
        and rating.answer == RatingAnswer.YES
    )


def finish(submission):
    """The young person says the answer is enough: the case closes, and their contact detail
    goes, as for any closed case. A follow-up can still reopen it."""
    if submission.status != Status.ANSWERED:
        raise answering.ResponseRefused(gettext("This message can't be marked as finished now."))
    life_cycle.transition(
        submission, Status.CLOSED, note="The young person said it answers their message."
    )
    submission.contact = None
    db.session.flush()


def ask(submission, message):
    """Reopen the case with a new question. It is checked for signs of harm exactly as a new
    message is: a disclosure goes to the safeguarding lead, never to the officer."""
    text = (message or "").strip()
    answer = answering.released(submission)
    if submission.status not in ASKABLE or answer is None:
        raise answering.ResponseRefused(
            gettext("You can ask a follow-up question once you have an answer.")
        )
    if not text:
        raise answering.ResponseRefused(gettext("Write your question."))
    now = utcnow()
    follow_up = FollowUp(
        submission_id=submission.id, after_response_id=answer.id, message=text, created_at=now
    )
    db.session.add(follow_up)
    # The clock restarts when the question arrives: the time the young person took to reply
    # never counts against the council.
    submission.due_on = life_cycle.due_date(now.date())
    life_cycle.transition(submission, Status.FOLLOW_UP, note="Follow-up from the young person.")
    audit("follow_up", submission=submission)
    strength = sign_in(text)
    # A weaker sign puts the case first in the workers' queue, marked "read today"; the
    # flag is about this follow-up, so a later one without a sign clears it.
    submission.read_today = strength == disclosure.Strength.WEAK
    if strength == disclosure.Strength.STRONG:
        life_cycle.hold_for_safeguarding(
            submission, note="Signs of possible harm found in a follow-up question."
        )
    else:
        outbox.queue("follow_up_waiting", "role:worker", {"submission_id": submission.id})
    db.session.flush()
    return follow_up


def held(submission):
    return submission.status == Status.SAFEGUARDING


def shows_help_now(submission):
    """Whether what the young person just sent showed a sign of harm, strong or weaker."""
    return held(submission) or submission.read_today


def sign_in(text):
    """The strength of any sign of harm in what the young person typed, or None."""
    strength = disclosure.assess(text).strength
    return None if strength == disclosure.Strength.NONE else strength


def pending(submission):
    """The follow-up a worker has not passed on yet, or None."""
    return db.session.scalar(
        select(FollowUp)
        .where(FollowUp.submission_id == submission.id, FollowUp.passed_at.is_(None))
        .order_by(FollowUp.id.desc())
        .limit(1)
    )


def follow_ups(submission):
    return db.session.scalars(
        select(FollowUp).where(FollowUp.submission_id == submission.id).order_by(FollowUp.id)
    ).all()


def answering_officer(submission):
    """The officer who answered before; their area's lead if that account is switched off."""
    officer = submission.officer
    if officer is not None and officer.active:
        return officer
    lead = submission.service_area.lead if submission.service_area else None
    if lead is not None and lead.active:
        return lead
    raise answering.ResponseRefused(
        "The officer who answered this is no longer active, and the "
        "service area has no active lead. Ask an admin to set one."
    )


def pass_on(submission, by, shared_text, seen_version=None):
    """The worker has read the follow-up and redacted it: back to the same officer, due
    RESPONSE_TARGET_DAYS working days after the question arrived."""
    if seen_version is not None and submission.version != seen_version:
        raise answering.ResponseRefused(
            "This case changed while you had it open. Look at it again."
        )
    follow_up = pending(submission)
    if submission.status != Status.FOLLOW_UP or follow_up is None:
        raise answering.ResponseRefused(
            "There is no follow-up waiting: it may already have been passed on."
        )
    text = (shared_text or "").strip()
    if not text:
        raise answering.ResponseRefused("The shared version can't be empty.")
    officer = answering_officer(submission)
    follow_up.shared_text, follow_up.passed_at, follow_up.passed_by_id = text, utcnow(), by.id
    if text != follow_up.message:
        audit("redaction", by=by, submission=submission, detail="follow-up")
    submission.officer_id = officer.id
    submission.due_on = life_cycle.due_date(follow_up.created_at.date())
    life_cycle.transition(
        submission, Status.WITH_OFFICER, by=by, note=f"Follow-up to {officer.display_name}"
    )
    audit("follow_up_passed", by=by, submission=submission, detail=officer.email)
    outbox.queue("submission_routed", f"user:{officer.id}", {"submission_id": submission.id})
    answering.flush_or_refuse("Someone else changed this at the same moment. Look at it again.")
    return follow_up

from sqlalchemy import case, func, or_, select

from voice import errors
from voice.areas.models import ServiceArea
from voice.clock import utcnow
from voice.errors import Refused
from voice.extensions import db
from voice.notifications import outbox
from voice.responses.models import (
    MIN_REASON,
    NEEDS_A_REASON,
    RESPONSE_MOVES,
    Action,
    Decision,
    Response,
    ResponseStatus,
)
from voice.submissions import life_cycle
from voice.submissions.models import SayItsThem, Status, Submission, submission_theme

# What an officer can see: routed to them or to an area they lead, and never a safeguarding
# item (a routed item flagged later leaves the officer's list at once).
OFFICER_STATUSES = (
    Status.WITH_OFFICER,
    Status.RESPONSE_READY,
    Status.ANSWERED,
    Status.FOLLOW_UP,
    Status.CLOSED,
)


def visible_to(officer):
    led = select(ServiceArea.id).where(ServiceArea.lead_id == officer.id)
    return (
        select(Submission)
        .where(Submission.status.in_(OFFICER_STATUSES))
        .where(or_(Submission.officer_id == officer.id, Submission.service_area_id.in_(led)))
    )


def officer_order():
    done = case((Submission.status.in_((Status.ANSWERED, Status.CLOSED)), 1), else_=0)
    return done, case((done == 0, Submission.due_on)), Submission.due_on.desc(), Submission.id


def for_officer(officer):
    """What still needs them first, due soonest first (the overdue ones lead); then what is
    answered or closed, newest due date first."""
    return db.session.scalars(visible_to(officer).order_by(*officer_order())).all()


OFFICER_PAGE = 25


def page_for_officer(officer, page):
    """One page of for_officer's list, and how many pages there are."""
    query = visible_to(officer)
    total = db.session.scalar(select(func.count()).select_from(query.subquery()))
    rows = db.session.scalars(
        query.order_by(*officer_order()).limit(OFFICER_PAGE).offset((page - 1) * OFFICER_PAGE)
    ).all()
    return rows, max((total + OFFICER_PAGE - 1) // OFFICER_PAGE, 1)


def last_team_name(officer):
    """The team this officer last answered for: typed once, then filled in for them."""
    return (
        db.session.scalar(
            select(Response.team_name)
            .where(Response.officer_id == officer.id)
            .order_by(Response.id.desc())
            .limit(1)
        )
        or ""
    )


def answered_alongside(submission, limit=3):
    """[(response, submission)]: released answers to other messages on the same themes,
    newest first, for the officer
    writing this one. Never a message that was ever held for safeguarding: its words stay
    with the lead, and an officer reads only shared versions anyway (words_rule)."""
    themes = [t.id for t in submission.themes]
    if not themes:
        return []
    on_theme = select(submission_theme.c.submission_id).where(
        submission_theme.c.theme_id.in_(themes)
    )
    return db.session.execute(
        select(Response, Submission)
        .join(Submission, Submission.id == Response.submission_id)
        .where(
            Response.status == ResponseStatus.RELEASED,
            Submission.id != submission.id,
            Submission.id.in_(on_theme),
            Submission.safeguarding.is_(False),
            Submission.shared_text.is_not(None),
        )
        .order_by(Response.released_at.desc(), Response.id.desc())
        .limit(limit)
    ).all()


def get_for_officer(officer, submission_id):
    """The one get-or-None an officer's pages use: another officer's case is not found."""
    return db.session.scalar(visible_to(officer).where(Submission.id == submission_id))


# --- Writing, checking and releasing a response (issue 5) ---------------------------------


class ResponseRefused(Refused):
    """The action cannot be done; the message is safe to show the person."""


def move(response, to, by, at=None):
    """The one place a response's status changes: refuses a move RESPONSE_MOVES does not have
    and stamps when (and, for a release, by whom). Who did it and why is in the audited
    transition of its submission, which every move here goes with."""
    to = ResponseStatus(to)
    if to not in RESPONSE_MOVES[response.status]:
        raise ResponseRefused(
            f"This response can't go from “{response.status.value}” to “{to.value}”."
        )
    response.status = to
    at = at or utcnow()
    if to == ResponseStatus.SUBMITTED:
        response.submitted_at = at
    elif to == ResponseStatus.RELEASED:
        response.released_at, response.released_by_id = at, by.id


def reading_age(text):
    """'About N': the Flesch-Kincaid grade plus five, or None for too little text."""
    if not text or len(text.split()) < 3:
        return None
    import textstat  # only an officer's answer is measured; most processes never need it

    try:
        grade = textstat.flesch_kincaid_grade(text)
    except Exception:  # a missing word list must never stop an officer saving
        return None
    return max(round(grade) + 5, 5)


def current(submission):
    """The response being written or checked for this submission (the newest one)."""
    return db.session.scalar(
        select(Response)
        .where(Response.submission_id == submission.id)
        .order_by(Response.id.desc())
        .limit(1)
    )


def answered_cases():
    """A query for (case, when its latest answer was released) of every answered case: when
    the quiet days before a case closes itself count from."""
    released_at = (
        select(Response.submission_id, func.max(Response.released_at).label("at"))
        .where(Response.status == ResponseStatus.RELEASED)
        .group_by(Response.submission_id)
        .subquery()
    )
    return (
        select(Submission, released_at.c.at)
        .join(released_at, released_at.c.submission_id == Submission.id)
        .where(Submission.status == Status.ANSWERED)
    )


def released(submission):
    """What the young person may read: only a released response, never a draft."""
    return db.session.scalar(
        select(Response)
        .where(Response.submission_id == submission.id, Response.status == ResponseStatus.RELEASED)
        .order_by(Response.id.desc())
        .limit(1)
    )


def check_content(decision, explanation, full_answer_by):
    explanation = (explanation or "").strip()
    if not explanation:
        raise ResponseRefused("Write an explanation.")
    if decision in NEEDS_A_REASON and len(explanation) < MIN_REASON:
        raise ResponseRefused("Say why: a young person needs the reason, in a sentence or two.")
    if decision == Decision.LOOKING_INTO and full_answer_by is None:
        raise ResponseRefused("Give the date by which you will send the full answer.")
    return explanation


def save(
    submission,
    by,
    *,
    decision,
    explanation,
    team_name,
    actions=(),
    checklist="",
    show_officer_name=False,
    full_answer_by=None,
    submit=False,
):
    """Save the officer's draft (or revision); submit=True sends it for a worker's check."""
    if submission.status != Status.WITH_OFFICER:
        raise ResponseRefused("This response can't be changed now.")
    decision = Decision(decision)
    explanation = check_content(decision, explanation, full_answer_by)
    response = current(submission)
    if response is None or response.status == ResponseStatus.RELEASED:
        response = Response(
            submission_id=submission.id, officer_id=by.id, status=ResponseStatus.DRAFT
        )
        db.session.add(response)
    response.decision, response.explanation = decision, explanation
    response.full_answer_by = full_answer_by if decision == Decision.LOOKING_INTO else None
    response.team_name, response.checklist = team_name.strip(), (checklist or "").strip() or None
    response.show_officer_name = bool(show_officer_name)
    response.actions = [Action(what=what, team=team, due_on=due) for what, team, due in actions]
    if submit:  # a draft, or one sent back, stays as it is until it is sent
        move(response, ResponseStatus.SUBMITTED, by)
        life_cycle.transition(submission, Status.RESPONSE_READY, by=by)
        outbox.queue("response_waiting", "role:worker", {"submission_id": submission.id})
    db.session.flush()
    return response


def waiting_response(submission):
    response = current(submission)
    if (
        submission.status != Status.RESPONSE_READY
        or response is None
        or response.status != ResponseStatus.SUBMITTED
    ):
        raise ResponseRefused(
            "There is no response waiting for a check: it may already "
            "have been released or sent back."
        )
    return response


def check_unchanged(submission, seen_version):
    """The worker acts on the page they saw: a second tab or a colleague may have moved it."""
    if seen_version is not None and submission.version != seen_version:
        raise ResponseRefused(
            "This case changed while you had the page open, so nothing was "
            "done. Look at it again before you act."
        )


def release(submission, by, seen_version=None, not_given_away=False):
    """A worker's check passed: the young person can read it now. "We're looking into it" is
    an interim reply: the case goes back to the officer, due on the date they gave.
    A young person who said no to "can we say it came from you?" is released to only once the
    worker has confirmed the answer does not give them away."""
    check_unchanged(submission, seen_version)
    if submission.say_its_them == SayItsThem.NO and not not_given_away:
        raise ResponseRefused(
            "This young person asked us not to say it came from them. Read the answer again, "
            "then tick the box to confirm it does not give them away before you release it."
        )
    response = waiting_response(submission)
    move(response, ResponseStatus.RELEASED, by)
    if response.decision == Decision.LOOKING_INTO:
        submission.due_on = response.full_answer_by
        life_cycle.transition(submission, Status.WITH_OFFICER, by=by, note="Interim reply released")
    else:
        life_cycle.transition(submission, Status.ANSWERED, by=by)
    tell_young_person(submission)
    flush_or_refuse()
    return response


def tell_young_person(submission):
    """'There is news', for a young person who asked for a text or an e-mail: never the
    answer itself, which a lock screen would show to whoever holds the phone."""
    life_cycle.tell_of_news(submission)


def flush_or_refuse(
    message=(
        "Someone else acted on this at the same moment, so nothing was done. Look at it again."
    ),
):
    errors.flush_or_refuse(ResponseRefused(message))


def send_back(submission, by, comment, seen_version=None):
    """Back to the officer with what needs changing; they see the comment."""
    check_unchanged(submission, seen_version)
    if not (comment or "").strip():
        raise ResponseRefused("Say what the officer should change.")
    response = waiting_response(submission)
    move(response, ResponseStatus.SENT_BACK, by)
    response.worker_comment = comment.strip()
    life_cycle.transition(submission, Status.WITH_OFFICER, by=by, note="Sent back")
    flush_or_refuse()
    return response

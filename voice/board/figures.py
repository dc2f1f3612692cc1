"""The board's counts, each one SQL aggregation (GROUP BY with filtered counts).

Every query covers the chosen period and the equal period before it in one pass: the WHERE
takes both, and `count(CASE ...)` splits them, so the comparison costs no second query. A
query returns plain numbers; voice.board.summary decides what may be shown.
"""

from sqlalchemy import Date, and_, case, func, literal, select

from voice.board import timing
from voice.board.raw_actions import (  # noqa: F401  (the same names as voice.board.counted's)
    PROMISE_ACTIONS,
    actions,
    actions_by_promise,
    by_link,
    by_promise,
    by_wording,
    me_too,
    overdue_actions,
    overdue_window,
    ratings,
    ratings_by,
    ratings_by_area,
    ratings_by_theme,
    theme_names_for,
)
from voice.board.scope import Scope, run
from voice.responses.models import (
    Decision,
    Rating,
    Response,
    ResponseStatus,
)
from voice.submissions.models import Status, Submission, submission_theme

# Still waiting for an answer: these are the cases "overdue now" counts.
WAITING = (
    Status.NEW,
    Status.MODERATED,
    Status.WITH_OFFICER,
    Status.RESPONSE_READY,
    Status.FOLLOW_UP,
)


def total(scope):
    return tuple(run(scope, _total).one())


def _total(scope):
    return select(*scope.counts()).where(*scope.where())


def by_column(scope, column):
    """{value: (now, before)} for one column of Submission (kind, audience, ...); None is
    'not given'."""
    return {key: (now, before) for key, now, before in run(scope, _by_column, column)}


def _by_column(scope, column):
    return select(column, *scope.counts()).where(*scope.where()).group_by(column)


def by_theme(scope):
    rows = run(scope, by_link, submission_theme.c.theme_id)
    return {key: (now, before) for key, now, before in rows}


def safeguarding(period):
    """Held for safeguarding in the period and the one before: the number and nothing else."""
    return tuple(run(Scope(period), _safeguarding).one())


def _safeguarding(scope):
    held = (Submission.safeguarding.is_(True)) | (Submission.status == Status.SAFEGUARDING)
    return select(*scope.counts()).where(scope.in_either(), held)


def overdue_now(scope, today):
    return tuple(run(scope, _overdue_now, today=today).one())


def _overdue_now(scope, today):
    late = and_(Submission.status.in_(WAITING), Submission.due_on < today)
    return select(*scope.counts(late)).where(*scope.where())


def first_released_at():
    """When the submission was first answered: its first released response that is an answer
    (a "we're looking into it" holding reply is not: the young person is still waiting), as a
    correlated subquery: one index lookup per row (response.submission_id)."""
    return (
        select(func.min(Response.released_at))
        .where(
            Response.submission_id == Submission.id,
            Response.status == ResponseStatus.RELEASED,
            Response.decision != Decision.LOOKING_INTO,
        )
        .correlate(Submission)
        .scalar_subquery()
    )


def latest_decision():
    """The decision of the submission's newest released response: its outcome."""
    return (
        select(Response.decision)
        .where(Response.submission_id == Submission.id, Response.status == ResponseStatus.RELEASED)
        .order_by(Response.id.desc())
        .limit(1)
        .correlate(Submission)
        .scalar_subquery()
    )


def latest_rating():
    """The answer of the submission's newest rating."""
    return (
        select(Rating.answer)
        .where(Rating.submission_id == Submission.id)
        .order_by(Rating.id.desc())
        .limit(1)
        .correlate(Submission)
        .scalar_subquery()
    )


# Where each clock starts and stops: answered counts from when the young person sent it
# (the clock they live by); its two parts are the time before it reached the officer
# (moderation) and the time with the officer.
CLOCKS = {
    "answer": ("created_at", "at"),
    "in_moderation": ("created_at", "routed_at"),
    "with_officer": ("routed_at", "at"),
}


def answer_days(scope, group=None, part="answer"):
    """How many answered cases started on day A and stopped on day B, per group and period:
    rows of (group, is_now, started_on, stopped_on, cases).

    Working days skip bank holidays, which SQL cannot know, so the database does the heavy
    part (one row per distinct pair of days) and voice.board.timing turns each pair into
    working days and takes the median of the counted histogram."""
    return list(run(scope, _answer_days, group, part))


def _answer_days(scope, group, part):
    key = group if group is not None else literal(0)
    cases = (
        select(
            key.label("key"),
            case((scope.in_now(), 1), else_=0).label("is_now"),
            Submission.created_at.label("created_at"),
            Submission.routed_at.label("routed_at"),
            first_released_at().label("at"),
        )
        .where(*scope.where(), Submission.routed_at.is_not(None))
        .subquery()
    )
    start, stop = (getattr(cases.c, name) for name in CLOCKS[part])
    started_on, stopped_on = func.date(start, type_=Date), func.date(stop, type_=Date)
    query = (
        select(cases.c.key, cases.c.is_now, started_on, stopped_on, func.count())
        .where(cases.c.at.is_not(None))
        .group_by(cases.c.key, cases.c.is_now, started_on, stopped_on)
    )
    return query


def answer_histograms(scope, by_area=False, part="answer"):
    """{(area or 0, is_now): Histogram of working days}, as voice.board.counted gives."""
    group = Submission.service_area_id if by_area else None
    return timing.histograms(answer_days(scope, group, part))


def by_decision(scope):
    return {key: (now, before) for key, now, before in run(scope, _by_decision)}


def _by_decision(scope):
    cases = (
        select(Submission.created_at.label("created_at"), latest_decision().label("decision"))
        .where(*scope.where())
        .subquery()
    )
    return select(
        cases.c.decision,
        func.count(case((scope.in_now(cases.c.created_at), 1))),
        func.count(case((scope.in_before(cases.c.created_at), 1))),
    ).group_by(cases.c.decision)


def first_read(period, today):
    """The safety net's histograms from the raw tables, as voice.board.counted gives."""
    from voice.board import first_read as raw  # it imports this module's Scope

    return raw.histograms(period, today)

"""The board's counts, each one SQL aggregation (GROUP BY with filtered counts).

Every query covers the chosen period and the equal period before it in one pass: the WHERE
takes both, and `count(CASE ...)` splits them, so the comparison costs no second query. A
query returns plain numbers; voice.board.summary decides what may be shown.
"""

from datetime import date

from sqlalchemy import Date, and_, case, func, literal, or_, select

from voice.board import timing
from voice.extensions import db
from voice.published.models import MeToo
from voice.responses.models import (
    Action,
    ActionStatus,
    Decision,
    Rating,
    Response,
    ResponseStatus,
)
from voice.submissions.models import Status, Submission, submission_promise, submission_theme
from voice.themes.models import Theme

# Still waiting for an answer: these are the cases "overdue now" counts.
WAITING = (
    Status.NEW,
    Status.MODERATED,
    Status.WITH_OFFICER,
    Status.RESPONSE_READY,
    Status.FOLLOW_UP,
)


class Scope:
    """Which submissions a figure is about: sent in the period (or the one before), not held
    for safeguarding (those are a count, nothing else), not taken back by the young person;
    optionally only one theme's."""

    def __init__(self, period, theme_id=None):
        self.now, self.before = period, period.previous()
        self.theme_id = theme_id

    def in_now(self, column=Submission.created_at):
        return and_(column >= self.now.starts_at, column < self.now.ends_before)

    def in_before(self, column=Submission.created_at):
        return and_(column >= self.before.starts_at, column < self.before.ends_before)

    def in_either(self, column=Submission.created_at):
        """Sent in the period or the one before, which a period "so far" is not next to."""
        if self.before.ends_before == self.now.starts_at:
            return and_(column >= self.before.starts_at, column < self.now.ends_before)
        return or_(self.in_now(column), self.in_before(column))

    def counts(self, condition=None):
        """(count in the period, count in the period before), optionally of rows meeting
        `condition` only."""

        def count_when(period_test):
            test = period_test if condition is None else and_(period_test, condition)
            return func.count(case((test, 1)))

        return count_when(self.in_now()), count_when(self.in_before())

    def where(self):
        clauses = [
            self.in_either(),
            Submission.safeguarding.is_(False),
            Submission.status.notin_((Status.SAFEGUARDING, Status.WITHDRAWN)),
        ]
        if self.theme_id is not None:
            clauses.append(Submission.themes.any(Theme.id == self.theme_id))
        return clauses


def total(scope):
    return tuple(db.session.execute(select(*scope.counts()).where(*scope.where())).one())


def by_column(scope, column):
    """{value: (now, before)} for one column of Submission (kind, audience, ...); None is
    'not given'."""
    query = select(column, *scope.counts()).where(*scope.where()).group_by(column)
    return {key: (now, before) for key, now, before in db.session.execute(query)}


def by_theme(scope):
    query = (
        select(submission_theme.c.theme_id, *scope.counts())
        .join(Submission, Submission.id == submission_theme.c.submission_id)
        .where(*scope.where())
        .group_by(submission_theme.c.theme_id)
    )
    return {key: (now, before) for key, now, before in db.session.execute(query)}


def safeguarding(period):
    """Held for safeguarding in the period and the one before: the number and nothing else."""
    scope = Scope(period)
    held = (Submission.safeguarding.is_(True)) | (Submission.status == Status.SAFEGUARDING)
    query = select(*scope.counts()).where(scope.in_either(), held)
    return tuple(db.session.execute(query).one())


def overdue_now(scope, today):
    late = and_(Submission.status.in_(WAITING), Submission.due_on < today)
    return tuple(db.session.execute(select(*scope.counts(late)).where(*scope.where())).one())


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
    return list(db.session.execute(query))


def answer_histograms(scope, by_area=False, part="answer"):
    """{(area or 0, is_now): Histogram of working days}, as voice.board.counted gives."""
    group = Submission.service_area_id if by_area else None
    return timing.histograms(answer_days(scope, group, part))


def by_decision(scope):
    cases = (
        select(Submission.created_at.label("created_at"), latest_decision().label("decision"))
        .where(*scope.where())
        .subquery()
    )
    query = select(
        cases.c.decision,
        func.count(case((scope.in_now(cases.c.created_at), 1))),
        func.count(case((scope.in_before(cases.c.created_at), 1))),
    ).group_by(cases.c.decision)
    return {key: (now, before) for key, now, before in db.session.execute(query)}


def actions(scope, today):
    """Actions promised in released responses to the scope's submissions, by progress."""
    late = Action.overdue_on(today)  # the overdue page's rule, so the two always agree
    columns = {
        "promised": None,
        **{s.value: Action.status == s for s in ActionStatus},
        "overdue": late,
    }
    selected = [c for condition in columns.values() for c in scope.counts(condition)]
    query = (
        select(*selected)
        .select_from(Action)
        .join(Response, Response.id == Action.response_id)
        .join(Submission, Submission.id == Response.submission_id)
        .where(*scope.where(), Response.status == ResponseStatus.RELEASED)
    )
    row = db.session.execute(query).one()
    return {name: (row[2 * i], row[2 * i + 1]) for i, name in enumerate(columns)}


def overdue_actions(scope, today, limit=100, window=None):
    """The overdue actions themselves (what, team, due date, submission id): staff-written,
    never a young person's words. window: (first, last) due dates (ISO) they are due
    between, where the totals know it (voice.board.counted.overdue_window)."""
    query = (
        select(Action.what, Action.team, Action.due_on, Submission.id)
        .join(Response, Response.id == Action.response_id)
        .join(Submission, Submission.id == Response.submission_id)
        .where(*scope.where(), scope.in_now(), Action.overdue_on(today))
        .order_by(Action.due_on, Action.id)
        .limit(limit)
    )
    if window is not None:
        first, last = (date.fromisoformat(day) for day in window)
        query = query.where(Action.due_on >= first, Action.due_on <= last)
    return list(db.session.execute(query))


def overdue_window(scope, today, limit):
    """The raw tables know no window of due dates without reading every action: None, so
    overdue_actions reads them all (voice.board.counted knows it from the totals)."""
    return None


def theme_names_for(submission_ids):
    query = (
        select(submission_theme.c.submission_id, Theme.name)
        .join(Theme, Theme.id == submission_theme.c.theme_id)
        .where(submission_theme.c.submission_id.in_(submission_ids))
        .order_by(Theme.position)
    )
    names = {}
    for submission_id, name in db.session.execute(query):
        names.setdefault(submission_id, []).append(name)
    return names


def by_wording(scope):
    """For each promise whose words an admin has changed: {promise id: {words: (now,
    before)}}, each message counted under the words in force when it was sent. No query at
    all while no promise has been reworded, which is most of the time."""
    from voice.promises.models import PromiseWording

    reworded = select(PromiseWording.promise_id).group_by(PromiseWording.promise_id)
    reworded = reworded.having(func.count() > 1)
    ids = db.session.scalars(reworded).all()
    if not ids:
        return {}
    in_force = (
        select(PromiseWording.text)
        .where(
            PromiseWording.promise_id == submission_promise.c.promise_id,
            PromiseWording.from_at <= Submission.created_at,
        )
        .order_by(PromiseWording.from_at.desc(), PromiseWording.id.desc())
        .limit(1)
        .scalar_subquery()
    )
    rows = db.session.execute(
        select(submission_promise.c.promise_id, in_force.label("words"), *scope.counts())
        .join(Submission, Submission.id == submission_promise.c.submission_id)
        .where(*scope.where(), submission_promise.c.promise_id.in_(ids))
        .group_by(submission_promise.c.promise_id, "words")
    )
    table = {}
    for pid, words, now, before in rows:
        table.setdefault(pid, {})[words] = (now, before)
    return table


def by_promise(scope):
    """Per promise: raised (now, before), and outcomes by decision (None: no answer yet),
    {decision: (now, before)}."""
    raised = (
        select(submission_promise.c.promise_id, *scope.counts())
        .join(Submission, Submission.id == submission_promise.c.submission_id)
        .where(*scope.where())
        .group_by(submission_promise.c.promise_id)
    )
    cases = (
        select(
            submission_promise.c.promise_id.label("promise_id"),
            Submission.created_at.label("created_at"),
            latest_decision().label("decision"),
        )
        .join(Submission, Submission.id == submission_promise.c.submission_id)
        .where(*scope.where())
        .subquery()
    )
    is_now = scope.in_now(cases.c.created_at)
    outcomes = select(
        cases.c.promise_id,
        cases.c.decision,
        func.count(case((is_now, 1))),
        func.count(case((~is_now, 1))),
    ).group_by(cases.c.promise_id, cases.c.decision)
    table = {
        pid: {"raised": (now, before), "outcomes": {}}
        for pid, now, before in db.session.execute(raised)
    }
    for pid, decision, now, before in db.session.execute(outcomes):
        table[pid]["outcomes"][decision] = (now, before)
    return table


PROMISE_ACTIONS = ("promised", "done", "overdue")


def actions_by_promise(scope, today):
    """{promise id: {"promised" | "done" | "overdue": (now, before)}} for released answers."""
    conditions = (None, Action.status == ActionStatus.DONE, Action.overdue_on(today))
    query = (
        select(
            submission_promise.c.promise_id,
            *(c for condition in conditions for c in scope.counts(condition)),
        )
        .join(Submission, Submission.id == submission_promise.c.submission_id)
        .join(Response, Response.submission_id == Submission.id)
        .join(Action, Action.response_id == Response.id)
        .where(*scope.where(), Response.status == ResponseStatus.RELEASED)
        .group_by(submission_promise.c.promise_id)
    )
    return {
        row[0]: {name: (row[1 + 2 * i], row[2 + 2 * i]) for i, name in enumerate(PROMISE_ACTIONS)}
        for row in db.session.execute(query)
    }


def ratings(scope):
    """Young people's ratings of released answers to the scope's submissions: {answer: (now,
    before)}. One rating per answer, so an interim reply and the full one count once each."""
    query = (
        select(Rating.answer, *scope.counts())
        .join(Submission, Submission.id == Rating.submission_id)
        .where(*scope.where())
        .group_by(Rating.answer)
    )
    return {answer: (now, before) for answer, now, before in db.session.execute(query)}


def ratings_by(scope, key, join_themes=False):
    """Ratings per theme (join_themes) or per service area: {key: {answer: (now, before)}}."""
    query = select(key, Rating.answer, *scope.counts()).join(
        Submission, Submission.id == Rating.submission_id
    )
    if join_themes:
        query = query.join(submission_theme, submission_theme.c.submission_id == Submission.id)
        if scope.theme_id is not None:  # a theme's page: its own row, not the themes beside it
            query = query.where(submission_theme.c.theme_id == scope.theme_id)
    query = query.where(*scope.where()).group_by(key, Rating.answer)
    table = {}
    for row_key, answer, now, before in db.session.execute(query):
        table.setdefault(row_key, {})[answer] = (now, before)
    return table


def ratings_by_theme(scope):
    return ratings_by(scope, submission_theme.c.theme_id, join_themes=True)


def ratings_by_area(scope):
    return ratings_by(scope, Submission.service_area_id)


def me_too(scope, by_theme=False):
    """ "Me too" taps made in the period and the one before (counted by when they were made,
    whenever the item was sent): {theme id or None: (now, before)}."""

    def tapped(start, end):
        return func.count(case((and_(MeToo.at >= start, MeToo.at < end), 1)))

    key = submission_theme.c.theme_id if by_theme else literal(None)
    query = (
        select(
            key,
            tapped(scope.now.starts_at, scope.now.ends_before),
            tapped(scope.before.starts_at, scope.before.ends_before),
        )
        .select_from(MeToo)
        .join(Submission, Submission.id == MeToo.submission_id)
        .where(
            scope.in_either(MeToo.at),
            Submission.safeguarding.is_(False),
        )
    )
    if by_theme:
        query = query.join(
            submission_theme, submission_theme.c.submission_id == Submission.id
        ).group_by(submission_theme.c.theme_id)
    if scope.theme_id is not None:
        query = query.where(Submission.themes.any(Theme.id == scope.theme_id))
    return {row[0]: (row[1], row[2]) for row in db.session.execute(query)}


def first_read(period, today):
    """The safety net's histograms from the raw tables, as voice.board.counted gives."""
    from voice.board import first_read as raw  # it imports this module's Scope

    return raw.histograms(period, today)

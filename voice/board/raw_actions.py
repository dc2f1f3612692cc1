"""The board's counts of actions, promises, ratings and "me too" taps, from the raw tables:
each one SQL aggregation over the period and the period before, as voice.board.figures
does for the messages themselves (and exported by it, under the same names as
voice.board.counted's). Only the overdue list and a promise's wordings are read from here
on the board's page; the rest is what the running totals are checked against."""

from datetime import date

from sqlalchemy import and_, case, func, literal, select

from voice.board.scope import run
from voice.extensions import db
from voice.published.models import MeToo
from voice.responses.models import Action, ActionStatus, Rating, Response, ResponseStatus
from voice.submissions.models import Submission, submission_promise, submission_theme
from voice.themes.models import Theme

ACTION_COUNTS = ("promised", *(s.value for s in ActionStatus), "overdue")


def actions(scope, today):
    """Actions promised in released responses to the scope's submissions, by progress."""
    row = run(scope, _actions, today=today).one()
    return {name: (row[2 * i], row[2 * i + 1]) for i, name in enumerate(ACTION_COUNTS)}


def _actions(scope, today):
    late = Action.overdue_on(today)  # the overdue page's rule, so the two always agree
    columns = {
        "promised": None,
        **{s.value: Action.status == s for s in ActionStatus},
        "overdue": late,
    }
    selected = [c for name in ACTION_COUNTS for c in scope.counts(columns[name])]
    return (
        select(*selected)
        .select_from(Action)
        .join(Response, Response.id == Action.response_id)
        .join(Submission, Submission.id == Response.submission_id)
        .where(*scope.where(), Response.status == ResponseStatus.RELEASED)
    )


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
    table = {
        pid: {"raised": (now, before), "outcomes": {}}
        for pid, now, before in run(scope, by_link, submission_promise.c.promise_id)
    }
    for pid, decision, now, before in run(scope, _promise_outcomes):
        table[pid]["outcomes"][decision] = (now, before)
    return table


def by_link(scope, column):
    """Counts per theme or per promise: `column` is the other side of a submission's link
    table (submission_theme.c.theme_id, submission_promise.c.promise_id)."""
    link = column.table
    return (
        select(column, *scope.counts())
        .join(Submission, Submission.id == link.c.submission_id)
        .where(*scope.where())
        .group_by(column)
    )


def _promise_outcomes(scope):
    from voice.board.figures import latest_decision  # it imports this module

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
    return select(
        cases.c.promise_id,
        cases.c.decision,
        func.count(case((is_now, 1))),
        func.count(case((~is_now, 1))),
    ).group_by(cases.c.promise_id, cases.c.decision)


PROMISE_ACTIONS = ("promised", "done", "overdue")


def actions_by_promise(scope, today):
    """{promise id: {"promised" | "done" | "overdue": (now, before)}} for released answers."""
    return {
        row[0]: {name: (row[1 + 2 * i], row[2 + 2 * i]) for i, name in enumerate(PROMISE_ACTIONS)}
        for row in run(scope, _actions_by_promise, today=today)
    }


def _actions_by_promise(scope, today):
    conditions = (None, Action.status == ActionStatus.DONE, Action.overdue_on(today))
    return (
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


def ratings(scope):
    """Young people's ratings of released answers to the scope's submissions: {answer: (now,
    before)}. One rating per answer, so an interim reply and the full one count once each."""
    return {answer: (now, before) for answer, now, before in run(scope, _ratings)}


def _ratings(scope):
    return (
        select(Rating.answer, *scope.counts())
        .join(Submission, Submission.id == Rating.submission_id)
        .where(*scope.where())
        .group_by(Rating.answer)
    )


def ratings_by(scope, key, join_themes=False):
    """Ratings per theme (join_themes) or per service area: {key: {answer: (now, before)}}."""
    table = {}
    for row_key, answer, now, before in run(scope, _ratings_by, key, join_themes):
        table.setdefault(row_key, {})[answer] = (now, before)
    return table


def _ratings_by(scope, key, join_themes):
    query = select(key, Rating.answer, *scope.counts()).join(
        Submission, Submission.id == Rating.submission_id
    )
    if join_themes:
        query = query.join(submission_theme, submission_theme.c.submission_id == Submission.id)
        if scope.theme_id is not None:  # a theme's page: its own row, not the themes beside it
            query = query.where(submission_theme.c.theme_id == scope.theme_id)
    return query.where(*scope.where()).group_by(key, Rating.answer)


def ratings_by_theme(scope):
    return ratings_by(scope, submission_theme.c.theme_id, join_themes=True)


def ratings_by_area(scope):
    return ratings_by(scope, Submission.service_area_id)


def me_too(scope, by_theme=False):
    """ "Me too" taps made in the period and the one before (counted by when they were made,
    whenever the item was sent): {theme id or None: (now, before)}."""
    return {row[0]: (row[1], row[2]) for row in run(scope, _me_too, by_theme)}


def _me_too(scope, by_theme):
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
    return query

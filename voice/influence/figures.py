"""What the board sees of the influence question: how many young people said something
changed, by topic, service area and promise clause, in a period and the one before.

Counted by when the young person first answered (their latest answer is the one counted).
Ready for suppression like the board's other figures about young people: plain counts, but
over a period longer than a quarter a count is a suppress.Pooled one wherever one of its
quarters is 1 to threshold-1, so comparing periods never gives a small number away
(voice.board.periods). Held and withdrawn messages are not counted, as in voice.board.
"""

from flask import current_app
from sqlalchemy import bindparam, select

from voice.board.scope import built_once
from voice.board.suppress import Pooled
from voice.extensions import db
from voice.influence.models import Changed, InfluenceAsk
from voice.submissions.models import Status, Submission, submission_promise, submission_theme

NOT_COUNTED = (Status.SAFEGUARDING, Status.WITHDRAWN)
KEYS = {
    "theme": submission_theme.c.theme_id,
    "area": Submission.service_area_id,
    "promise": submission_promise.c.promise_id,
}


def _rows(period, key=None, theme_id=None, condition=None):
    """(key or None, answer, answered_at) of every answer first given in `period`, about
    messages meeting `condition` (one group's: voice.digests.groups) if given. The statement
    is built once for each key and theme or not (building costs more than running it), and
    every time for a condition."""
    values = {"starts_at": period.starts_at, "ends_before": period.ends_before}
    if theme_id is not None:
        values["theme_id"] = theme_id
    shape = (key, theme_id is not None)
    if condition is not None:
        return db.session.execute(_statement(*shape, condition), values).all()
    return db.session.execute(built_once(_statement, *shape), values).all()


def _statement(key, themed, condition=None):
    column = KEYS[key] if key else None
    query = (
        select(
            column if column is not None else None, InfluenceAsk.answer, InfluenceAsk.answered_at
        )
        .join(Submission, Submission.id == InfluenceAsk.submission_id)
        .where(
            InfluenceAsk.answered_at >= bindparam("starts_at"),
            InfluenceAsk.answered_at < bindparam("ends_before"),
            Submission.safeguarding.is_(False),
            Submission.status.notin_(NOT_COUNTED),
        )
    )
    if key == "theme" or themed:
        query = query.join(submission_theme, submission_theme.c.submission_id == Submission.id)
    if key == "promise":
        query = query.join(submission_promise, submission_promise.c.submission_id == Submission.id)
    if themed:
        query = query.where(submission_theme.c.theme_id == bindparam("theme_id"))
    if condition is not None:
        query = query.where(condition)
    return query


def _pooled(by_quarter, long_period):
    """{quarter: n} to one count, Pooled where a quarter of a longer period is small."""
    total = sum(by_quarter.values())
    limit = int(current_app.config["BOARD_SUPPRESS_BELOW"])
    if long_period and any(0 < n < limit for n in by_quarter.values()):
        return Pooled(total)
    return total


def _tally(rows, period):
    """{key: {Changed: count}} from _rows."""
    cells = {}
    for key, answer, at in rows:
        quarter = (at.year, (at.month - 1) // 3)
        per = cells.setdefault(key, {}).setdefault(answer, {})
        per[quarter] = per.get(quarter, 0) + 1
    long_period = period.days > 92
    return {
        key: {answer: _pooled(quarters, long_period) for answer, quarters in answers.items()}
        for key, answers in cells.items()
    }


def counts(period, theme_id=None, condition=None):
    """{Changed: n} for answers first given in `period` (every answer present, 0 if none)."""
    found = _tally(_rows(period, theme_id=theme_id, condition=condition), period).get(None, {})
    return {answer: found.get(answer, 0) for answer in Changed}


def counts_before(period, theme_id=None, condition=None):
    """The same for the period before (voice.board.periods.Period.previous)."""
    return counts(period.previous(), theme_id, condition)


def by(period, key):
    """{theme, area or promise id: {Changed: n}} for `period`; key is "theme", "area" or
    "promise". A case with two topics counts once under each."""
    return _tally(_rows(period, key), period)


def pairs(period, key=None):
    """{row key: {Changed: (now, before)}}: `by` (or, without key, `counts` under None) for
    the period and the one before, side by side, the shape voice.board.summary reads."""
    now = by(period, key) if key else {None: counts(period)}
    before = by(period.previous(), key) if key else {None: counts_before(period)}
    return {
        row: {
            answer: (now.get(row, {}).get(answer, 0), before.get(row, {}).get(answer, 0))
            for answer in Changed
        }
        for row in {*now, *before}
    }

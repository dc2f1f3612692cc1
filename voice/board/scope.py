"""Which submissions a board figure is about (Scope), and the figures' statements built once
for each shape of scope and run again with each scope's dates bound (run).

Building a statement (SQLAlchemy's coercions and its cache key) costs far more than running
one of these small GROUP BYs, and the board's page and its tests ask for the same few dozen
shapes again and again, for one period after another: so a statement is built once, from a
Shape (a Scope whose dates and theme are bound parameters), and kept for the process.
"""

from sqlalchemy import and_, bindparam, case, func, or_

from voice.extensions import db
from voice.submissions.models import Status, Submission
from voice.themes.models import Theme


class Scope:
    """Which submissions a figure is about: sent in the period (or the one before), not held
    for safeguarding (those are a count, nothing else), not taken back by the young person;
    optionally only one theme's."""

    def __init__(self, period, theme_id=None):
        self.now, self.before = period, period.previous()
        self.theme_id = theme_id

    @property
    def next_to(self):
        """The period before ends where the period starts (a period "so far" is not next to
        the one it is compared with)."""
        return self.before.ends_before == self.now.starts_at

    def in_now(self, column=Submission.created_at):
        return and_(column >= self.now.starts_at, column < self.now.ends_before)

    def in_before(self, column=Submission.created_at):
        return and_(column >= self.before.starts_at, column < self.before.ends_before)

    def in_either(self, column=Submission.created_at):
        """Sent in the period or the one before."""
        if self.next_to:
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

    def values(self):
        """The bound values of a Shape's parameters for this scope."""
        found = {} if self.theme_id is None else {"theme_id": self.theme_id}
        for name, period in (("now", self.now), ("before", self.before)):
            found[f"{name}_starts_at"] = period.starts_at
            found[f"{name}_ends_before"] = period.ends_before
        return found


class _Bound:
    """A period whose first moment and the moment after it are bound parameters."""

    def __init__(self, name):
        self.starts_at = bindparam(f"{name}_starts_at")
        self.ends_before = bindparam(f"{name}_ends_before")


class Shape(Scope):
    """A Scope with its dates and theme as bound parameters, to build a statement once for
    every scope of the same shape (next to the period before or not, one theme or all)."""

    def __init__(self, next_to, themed):  # no super().__init__: it takes a real period
        self.now, self.before = _Bound("now"), _Bound("before")
        self.theme_id = bindparam("theme_id") if themed else None
        self._next_to = next_to

    @property
    def next_to(self):
        return self._next_to


_BUILT = {}


def built_once(build, *shape):
    """build(*shape), made once per process for each `build` and `shape` and kept: only SQL
    shapes are kept (their values are bound parameters), never data, so nothing goes stale."""
    key = (build, *shape)
    statement = _BUILT.get(key)
    if statement is None:
        statement = _BUILT[key] = build(*shape)
    return statement


def run(scope, build, *shape, **values):
    """db.session.execute(build(scope, *shape, **values)) with the statement built once for
    each shape of scope and each `shape` (hashable arguments that change the statement);
    `values` (a day, ...) are bound parameters of the same names. A narrowed scope (a
    subclass, voice.digests.groups) builds its statement every time."""
    bound = {name: bindparam(name) for name in values}
    if type(scope) is not Scope:
        return read(build(scope, *shape, **bound), values)
    themed = scope.theme_id is not None
    statement = built_once(_shaped, build, scope.next_to, themed, tuple(values), *shape)
    return read(statement, {**scope.values(), **values})


def _shaped(build, next_to, themed, names, *shape):
    return build(Shape(next_to, themed), *shape, **{name: bindparam(name) for name in names})


def read(statement, values):
    """The rows of a statement of plain columns, through the session's connection: the ORM's
    layer adds nothing to rows of numbers and costs more than these small queries. Pending
    changes are flushed first, as session.execute does."""
    session = db.session()
    if session.autoflush:
        session.flush()
    return session.connection().execute(statement, values)

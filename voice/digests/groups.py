"""Whose messages each young people's digest draws on: the Children in Care Council's on young
people in care, the Care Leavers' Forum's on care leavers. Every message counted by the board
is in exactly one of the two, so the two digests add up to the board's figures and nothing
can be worked out by taking one from the other.

A message is the forum's when the young person said they are a care leaver, or gave an age
of 18 or over (nobody over 18 is in care), or said nothing of either and wrote to the forum.
Every other message is the council's: in care, under 18, or nothing said about it.

A group's figures are counted from the raw tables (the board's running totals are not kept by
group), suppressed as the board's are. Over a period of several quarters, a count about young
people is hidden wherever one of its quarters is small (suppress.Pooled), as the running
totals do for the board (voice.board.sums): a digest for a year beside the digests for its
quarters must not give a small quarter away by subtraction.
"""

from datetime import timedelta

from flask import current_app
from sqlalchemy import and_, not_, or_

from voice.board import figures
from voice.board.periods import Period, add_months
from voice.board.suppress import Pooled
from voice.digests.models import Kind
from voice.submissions.models import AgeBand, Audience, CareStatus, Submission

ADULT = (AgeBand.FROM_18, AgeBand.FROM_22)
# The counts about young people a digest is drafted from, each {key: (now, before)} or
# (now, before): over several quarters each is pooled (see above).
POOLED_READS = ("total", "by_theme", "by_decision", "by_column", "ratings")


def forum_messages():
    return or_(
        Submission.care_status == CareStatus.CARE_LEAVER,
        Submission.age_band.in_(ADULT),
        and_(
            Submission.care_status.is_(None),
            Submission.audience == Audience.CARE_LEAVERS_FORUM,
        ),
    )


def cicc_messages():
    """Not the forum's, written so that a blank age or care status (NULL in SQL, which
    NOT would leave out of both) counts here."""
    return and_(
        or_(Submission.care_status.is_(None), Submission.care_status != CareStatus.CARE_LEAVER),
        or_(Submission.age_band.is_(None), not_(Submission.age_band.in_(ADULT))),
        or_(
            Submission.care_status.is_not(None),
            Submission.audience != Audience.CARE_LEAVERS_FORUM,
        ),
    )


MESSAGES = {Kind.CICC: cicc_messages, Kind.FORUM: forum_messages}


def condition(kind):
    """The SQL condition on Submission that picks the group's messages."""
    return MESSAGES[Kind(kind)]()


def quarters(period):
    """The whole quarters of a period (every period offered is whole quarters)."""
    found, start = [], period.start
    while start <= period.end:
        after = add_months(start, 3)
        found.append(Period(start, after - timedelta(days=1)))
        start = after
    return found


class GroupScope(figures.Scope):
    """The board's Scope, narrowed to one group's messages; counted.* reads it through
    read() (the raw tables), not the running totals."""

    def __init__(self, period, kind):
        super().__init__(period)
        self.kind = Kind(kind)

    def where(self):
        return [*super().where(), condition(self.kind)]

    def read(self, name, *args, **kwargs):
        found = getattr(figures, name)(self, *args, **kwargs)
        if name not in POOLED_READS or max(self.now.days, self.before.days) <= 92:
            return found
        small = [self._small(quarters(p), name, args, kwargs) for p in (self.now, self.before)]
        if isinstance(found, tuple):
            return _pooled(found, small[0].get(None), small[1].get(None))
        return {key: _pooled(pair, key in small[0], key in small[1]) for key, pair in found.items()}

    def _small(self, periods, name, args, kwargs):
        """{key (None for a single count): True} where any of the quarters is 1 to t-1."""
        limit, small = int(current_app.config["BOARD_SUPPRESS_BELOW"]), {}
        for quarter in periods:
            found = getattr(figures, name)(GroupScope(quarter, self.kind), *args, **kwargs)
            pairs = {None: found} if isinstance(found, tuple) else found
            small.update({key: True for key, pair in pairs.items() if 0 < pair[0] < limit})
        return small


def _pooled(pair, now_small, before_small):
    now, before = pair
    return (Pooled(now) if now_small else now, Pooled(before) if before_small else before)

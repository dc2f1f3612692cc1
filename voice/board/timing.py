"""Time to answer, in working days, from the counted pairs of days voice.board.figures
returns. The median comes from a histogram ({working days: cases}), never from a list of
every case, so the memory it needs is the number of distinct day counts (tens), not cases."""

from dataclasses import dataclass
from functools import lru_cache

from voice.clock import working_days_between


@lru_cache(maxsize=8192)
def _working_days(routed_on, answered_on):
    return working_days_between(routed_on, answered_on)


@dataclass
class Histogram:
    days: dict

    @property
    def cases(self):
        return sum(self.days.values())

    def median(self):
        """The middle case's working days (the mean of the two middle ones for an even
        count), or None with no cases."""
        cases = self.cases
        if not cases:
            return None
        middle = [(cases - 1) // 2, cases // 2]  # 0-based positions of the middle case(s)
        values, seen = [], 0
        for days in sorted(self.days):
            seen_before, seen = seen, seen + self.days[days]
            values += [days for position in middle if seen_before <= position < seen]
        return sum(values) / 2

    def within(self, target):
        return sum(n for days, n in self.days.items() if days <= target)


def histograms(rows):
    """rows of (group, is_now, routed_on, answered_on, cases) -> {(group, is_now): Histogram}"""
    result = {}
    for group, is_now, routed_on, answered_on, cases in rows:
        days = _working_days(routed_on, answered_on)
        histogram = result.setdefault((group, bool(is_now)), Histogram({}))
        histogram.days[days] = histogram.days.get(days, 0) + cases
    return result

"""Time to answer, as the board reads it: how many were answered, the median working days
and the share within the target, its two parts (before the officer had it, with the
officer), the slowest service areas. The council's own performance: shown whatever the
count (suppression protects children, not the council)."""

from dataclasses import dataclass, field

from flask import current_app
from sqlalchemy import select

from voice.areas.models import ServiceArea
from voice.board import counted
from voice.board.lines import Line, council
from voice.extensions import db

SLOWEST_AREAS = 5


@dataclass
class Timing:
    answered: Line
    median: tuple  # (now, before): working days, or None when too few answers to say
    within: tuple  # (now, before): a whole percentage, or None when it could give a count away
    overdue: Line
    areas: list = field(default_factory=list)
    # The medians of its two parts, (now, before): before it reached the officer (moderation,
    # routing) and with the officer, each counted in working days like the whole.
    parts: dict = field(default_factory=dict)


def share_within(histogram, target):
    """The % answered within the target (the council's own performance: shown whatever the
    count), or None with no answers."""
    if histogram is None or not histogram.cases:
        return None
    return round(100 * histogram.within(target) / histogram.cases)


def median_or_none(histogram):
    return histogram.median() if histogram is not None else None


def time_to_answer(scope, today):
    target = int(current_app.config["RESPONSE_TARGET_DAYS"])
    overall = counted.answer_histograms(scope)
    now, before = overall.get((0, True)), overall.get((0, False))
    cases = tuple(h.cases if h else 0 for h in (now, before))
    result = Timing(
        council("Answered", cases),
        (median_or_none(now), median_or_none(before)),
        (share_within(now, target), share_within(before, target)),
        council("Overdue now", counted.overdue_now(scope, today)),
    )
    result.areas = slowest_areas(scope, target, result.answered)
    for part in ("in_moderation", "with_officer"):
        found = counted.answer_histograms(scope, part=part)
        result.parts[part] = tuple(median_or_none(found.get((0, when))) for when in (True, False))
    return result


def slowest_areas(scope, target, answered):
    """The slowest areas this period (by median), each beside its own period before: the
    council's own performance, shown whatever the count."""
    per_area = counted.answer_histograms(scope, by_area=True)
    names = dict(db.session.execute(select(ServiceArea.id, ServiceArea.name)).all())
    shown = [
        (area_id, h)
        for (area_id, is_now), h in per_area.items()
        if is_now and area_id is not None and h.cases
    ]
    shown.sort(key=lambda item: (-item[1].median(), names.get(item[0], "")))
    rows = []
    for area_id, h in shown[:SLOWEST_AREAS]:
        before = per_area.get((area_id, False))
        rows.append(
            {
                "name": names.get(area_id, "?"),
                "answered": council("Answered", (h.cases, before.cases if before else 0)),
                "median": (h.median(), median_or_none(before)),
                "within": (share_within(h, target), share_within(before, target)),
            }
        )
    return rows

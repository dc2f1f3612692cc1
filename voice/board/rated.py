"""Did we answer properly? Young people's ratings of the answers, overall, by theme and by
service area, each beside the period before and suppressed like any young people's figure."""

from sqlalchemy import select

from voice.areas.models import ServiceArea
from voice.board import counted, suppress, words
from voice.board.lines import Line, breakdown, pooled_sum, threshold
from voice.extensions import db
from voice.themes.models import Theme


def ratings(scope):
    """Did we answer properly? Overall, by theme and by service area, each beside the period
    before. Areas partition the ratings (one area per case), so that table is checked by its
    columns too; themes overlap, so only by rows."""
    counts = counted.ratings(scope)
    total = tuple(pooled_sum(pair[i] for pair in counts.values()) for i in (0, 1))
    overall = breakdown("ratings", "Ratings", counts, words.RATINGS, total)
    theme_names = dict(db.session.execute(select(Theme.id, Theme.name)).all())
    area_names = dict(db.session.execute(select(ServiceArea.id, ServiceArea.name)).all())
    area_names[None] = "No service area"
    by_theme = counted.ratings_by_theme(scope)
    by_area = counted.ratings_by_area(scope)
    return {
        "overall": overall,
        "themes": rating_rows(by_theme, theme_names),
        "areas": rating_rows(by_area, area_names, counts),
    }


def rating_rows(found, names, column_totals=None):
    """found: {key: {answer: (now, before)}}. Each period is suppressed on its own, over the
    rows rated in it; a row rated only in the other period reads "fewer than N" there."""
    periods = []
    for i in (0, 1):
        rows = {
            key: {a: cells.get(a, (0, 0))[i] for a in words.RATINGS}
            for key, cells in found.items()
            if any(pair[i] for pair in cells.values())
        }
        columns = (
            {a: column_totals.get(a, (0, 0))[i] for a in words.RATINGS}
            if column_totals is not None
            else None
        )
        periods.append(
            suppress.table_of(
                rows, threshold(), {k: pooled_sum(r.values()) for k, r in rows.items()}, columns
            )
        )
    absent = suppress.hide_small(0, threshold())

    def line(label, key, answer=None):
        return Line(
            label,
            *(
                periods[i][0].get(key, {}).get(answer, absent)
                if answer is not None
                else periods[i][1].get(key, absent)
                for i in (0, 1)
            ),
        )

    return sorted(
        (
            {
                "label": names.get(key, "?"),
                "cells": [line(label, key, a) for a, label in words.RATINGS.items()],
                "total": line("All ratings", key),
            }
            for key in found
        ),
        key=lambda row: row["label"],
    )

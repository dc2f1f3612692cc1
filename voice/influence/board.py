"""The board's section "Has anything changed?": the young people's answers overall and by
topic, service area and promise clause, each beside the period before, suppressed like the
board's other figures about young people (voice.board.suppress)."""

from dataclasses import dataclass

from flask import current_app
from sqlalchemy import select

from voice.areas.models import ServiceArea
from voice.board import suppress
from voice.extensions import db
from voice.influence import figures
from voice.influence.models import Changed
from voice.promises.models import Promise
from voice.themes.models import Theme

# Short, for a councillor reading a printed pack.
LABELS = {
    Changed.YES: "Yes",
    Changed.A_BIT: "A bit",
    Changed.NOT_YET: "Not yet",
    Changed.DONT_KNOW: "Don't know",
}
WHEN = ("now", "before")


@dataclass
class Row:
    label: str
    cells: list  # [{"now": Count, "before": Count}] in LABELS' order
    total: dict  # {"now": Count, "before": Count}


def threshold():
    return int(current_app.config["BOARD_SUPPRESS_BELOW"])


def pooled_sum(values):
    values = list(values)
    total = sum(values)
    return suppress.Pooled(total) if any(isinstance(v, suppress.Pooled) for v in values) else total


def _suppressed(found, column_totals=None):
    """found: {key: {Changed: (now, before)}}. Each period is checked on its own, over the
    rows answered in it; columns too where the rows partition the answers (service areas)."""
    periods = []
    for i in (0, 1):
        rows = {
            key: {a: cells[a][i] for a in LABELS}
            for key, cells in found.items()
            if any(pair[i] for pair in cells.values())
        }
        columns = {a: column_totals[a][i] for a in LABELS} if column_totals else None
        totals = {key: pooled_sum(row.values()) for key, row in rows.items()}
        periods.append(suppress.table_of(rows, threshold(), totals, columns))
    return periods


def _rows(found, names, column_totals=None):
    periods = _suppressed(found, column_totals)
    absent = suppress.hide_small(0, threshold())

    def cell(key, answer=None):
        return {
            when: periods[i][0].get(key, {}).get(answer, absent)
            if answer is not None
            else periods[i][1].get(key, absent)
            for i, when in enumerate(WHEN)
        }

    rows = [Row(names.get(key, "?"), [cell(key, a) for a in LABELS], cell(key)) for key in found]
    return sorted(rows, key=lambda row: row.label)


def _names(model, label):
    return dict(db.session.execute(select(model.id, label)).all())


def section(period, theme=None):
    """What the board's page and pack show. On a topic's page, only its overall row."""
    overall = figures.pairs(period) if theme is None else _for_theme(period, theme.id)
    result = {"labels": list(LABELS.values()), "overall": _rows(overall, {None: "All answers"})}
    if theme is not None:
        return result
    areas = _names(ServiceArea, ServiceArea.name)
    areas[None] = "No service area"
    result["themes"] = _rows(figures.pairs(period, "theme"), _names(Theme, Theme.name))
    result["areas"] = _rows(figures.pairs(period, "area"), areas, overall.get(None))
    result["promises"] = _rows(figures.pairs(period, "promise"), _names(Promise, Promise.text))
    return result


def _for_theme(period, theme_id):
    now = figures.counts(period, theme_id)
    before = figures.counts_before(period, theme_id)
    return {None: {a: (now[a], before[a]) for a in Changed}}

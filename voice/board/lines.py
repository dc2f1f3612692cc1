"""The shapes the board's figures are shown in: a Line (this period and the one before,
each a suppress.Count) and a Table of them, made from plain counts with suppression applied:
a young people's figure hidden when small, the council's own shown whatever its size."""

from dataclasses import dataclass

from flask import current_app

from voice.board import suppress, words


@dataclass
class Line:
    label: str
    now: suppress.Count
    before: suppress.Count
    slug: str | None = None


@dataclass
class Table:
    title: str
    lines: list
    total: Line | None = None
    name: str = ""
    head: str = ""  # what the first column of its table is called


def threshold():
    return int(current_app.config["BOARD_SUPPRESS_BELOW"])


def breakdown(name, title, counts, named, total, partition=True):
    """A Table of `counts` ({key: (now, before)}) in the order of `named` ({key: label});
    with partition, the lines add up to `total` and secondary suppression applies."""
    limit = threshold()
    columns = []
    for index in (0, 1):
        cells = {key: counts.get(key, (0, 0))[index] for key in named}
        columns.append(suppress.group(cells, total[index] if partition else None, limit))
    lines = [
        Line(label, columns[0][0][key], columns[1][0][key], getattr(key, "slug", None))
        for key, label in named.items()
    ]
    totals = Line("All", *(columns[i][1] or suppress.hide_small(total[i], limit) for i in (0, 1)))
    return Table(title, lines, totals, name, words.HEADS.get(name, title))


def single(label, pair):
    return Line(label, *(suppress.hide_small(n, threshold()) for n in pair))


def council(label, pair):
    """A figure about the council's own work (answered, on time, overdue, actions): shown
    whatever its size. Suppression protects children, not the council."""
    return Line(label, *(suppress.Count(n) for n in pair))


def pooled_sum(values):
    """A sum of counts, hidden like them when any is a Pooled one (a small quarter)."""
    values = list(values)
    total = sum(values)
    return suppress.Pooled(total) if any(isinstance(v, suppress.Pooled) for v in values) else total

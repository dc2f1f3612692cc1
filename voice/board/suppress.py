"""Small-number suppression for everything the board sees.

Primary: a count below the threshold reads "fewer than N".

Secondary: where a line of cells adds up to a total that is shown, the hidden cells add up to
the total minus the shown ones. A reader knows each "fewer than N" cell is 0..N-1 and each
"not shown" cell is N or more; if those bounds and that sum pin any hidden cell to one value
(one hidden cell alone always is; two hidden cells summing to 0 are too), a cell still shown
is hidden as well ("not shown"), and again until no hidden cell can be worked out.
Tables are checked row by row and column by column until nothing changes, because hiding a
cell for its row can pin another in its column. The cell hidden is the smallest one
that unpins the line (hiding a 5 beside a hidden 0 would only say "exactly 5 and 0").

When every cell of a line is hidden and one can still be worked out (4 and 4 adding up to a
shown 8), the total is hidden too (SECONDARY). A caller showing the same total elsewhere
(all submissions, in several tables) must then hide it everywhere: see voice.board.summary.
"""

from dataclasses import dataclass

SMALL, SECONDARY, POOLED = "small", "secondary", "pooled"


class Pooled(int):
    """A count over several quarters of which at least one quarter's own count is 1 to
    threshold-1 (voice.board.counted). Every period the board can ask for is whole
    quarters, so showing it beside that quarter's page or the period's other quarters would
    give the small one away by subtraction: it is hidden ("not shown") whatever its size, or
    "fewer than N" when the whole of it is that small anyway."""


@dataclass(frozen=True)
class Count:
    value: int
    why: str | None = None  # None: shown; SMALL or SECONDARY: hidden

    @property
    def hidden(self):
        return self.why is not None

    def shown(self, threshold):
        if self.why == SMALL:
            return f"fewer than {threshold}"
        if self.why in (SECONDARY, POOLED):
            return "not shown"
        return f"{self.value:,}"


def _why(value, threshold):
    if isinstance(value, Pooled) and value >= threshold:
        return POOLED
    return SMALL if value < threshold else None


def hide_small(value, threshold):
    return Count(value, _why(value, threshold))


def group(cells, total=None, threshold=5):
    """cells: {label: int}; total: the shown total they add up to, or None when they do not
    add up to anything shown. Returns ({label: Count}, Count of the total or None)."""
    table, totals = table_of(
        {"row": cells}, threshold, row_totals={"row": total} if total is not None else None
    )
    return table["row"], totals.get("row")


def table_of(rows, threshold=5, row_totals=None, column_totals=None):
    """rows: {row: {column: int}}; each row adds up to its row total and each column to its
    column total, where given. Returns ({row: {column: Count}}, {row or ("column", c): Count})."""
    cells = {(r, c): value for r, line in rows.items() for c, value in line.items()}
    why = {key: _why(value, threshold) for key, value in cells.items()}
    totals = {("row", r): v for r, v in (row_totals or {}).items() if v is not None}
    totals.update({("column", c): v for c, v in (column_totals or {}).items() if v is not None})
    why.update({key: _why(value, threshold) for key, value in totals.items()})
    why = {key: reason for key, reason in why.items() if reason is not None}
    changed = True
    while changed:
        changed = False
        for total_key, members in _lines(rows, totals):
            total = totals[total_key]
            if total_key in why or not _pinned(members, total, cells, why, threshold):
                continue
            choice = _next_to_hide(members, total, cells, why, threshold)
            why[choice if choice is not None else total_key] = SECONDARY
            changed = True
    table = {r: {c: Count(v, why.get((r, c))) for c, v in line.items()} for r, line in rows.items()}
    return table, {
        (key[1] if key[0] == "row" else key): Count(v, why.get(key)) for key, v in totals.items()
    }


def _lines(rows, totals):
    """(total key, the cells that add up to it) for every line whose total is given."""
    columns = dict.fromkeys(c for line in rows.values() for c in line)
    lines = [(("row", r), [(r, c) for c in line]) for r, line in rows.items()]
    lines += [(("column", c), [(r, c) for r, line in rows.items() if c in line]) for c in columns]
    return [(key, members) for key, members in lines if key in totals]


def _next_to_hide(members, total, cells, why, threshold):
    """The smallest shown cell whose hiding leaves nothing in the line pinned (the least
    information lost); if no single one does, the smallest, and the loop goes on. Ties go to
    the first in the line, so the same figures always hide the same cells."""
    shown = sorted((m for m in members if m not in why), key=lambda m: cells[m])
    for m in shown:
        if not _pinned(members, total, cells, {**why, m: SECONDARY}, threshold):
            return m
    return shown[0] if shown else None


def _bounds(key, why, threshold):
    if why[key] == POOLED:
        return (0, float("inf"))
    return (0, threshold - 1) if why[key] == SMALL else (threshold, float("inf"))


def _pinned(members, total, cells, why, threshold):
    """Whether a reader could work out one hidden cell of this line exactly."""
    hidden = [m for m in members if m in why]
    if not hidden:
        return False
    rest = total - sum(cells[m] for m in members if m not in why)
    bounds = {m: _bounds(m, why, threshold) for m in hidden}
    for m in hidden:
        low = sum(bounds[o][0] for o in hidden if o != m)
        high = sum(bounds[o][1] for o in hidden if o != m)
        if max(bounds[m][0], rest - high) == min(bounds[m][1], rest - low):
            return True
    return False

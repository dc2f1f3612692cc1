"""Whether a figure, a table's row or a whole table has anything to show: a shown count above
zero, now or in the period before. The pack folds away what has nothing (a row of "fewer than
5"s says no more than the one line that replaces it), so it prints in a few pages."""

from voice.board import bp


def _counts(item):
    if hasattr(item, "now") and hasattr(item, "before"):  # a Line
        return [item.now, item.before]
    if hasattr(item, "lines"):  # a Table
        return [c for line in item.lines for c in _counts(line)]
    if isinstance(item, dict):  # a row of ratings or of the Promise
        lines = [*item.get("cells", []), *item.get("outcomes", []), *item.get("actions", [])]
        lines += [item[k] for k in ("total", "raised") if k in item]
        return [c for line in lines for c in _counts(line)]
    return []


@bp.app_template_test("showing")
def showing(item):
    return any(not count.hidden and count.value for count in _counts(item))

"""Small-number suppression (voice/board/suppress.py): nothing under the threshold shows, and
no hidden number can be worked out by subtraction from a shown total."""

import itertools

import pytest

from voice.board.suppress import SECONDARY, SMALL, Count, group, hide_small, table_of

pytestmark = pytest.mark.db  # run again on PostgreSQL (tests/suite.sh)

T = 5


def shown(cells):
    return {key: count.shown(T) for key, count in cells.items()}


def worked_out(counts, total):
    """Every hidden cell a reader could pin to one value from the shown cells, the total and
    what the words say ("fewer than 5": 0..4, "not shown": 5 or more), by trying every
    possible value of the hidden cells (each capped at the total)."""
    hidden = [k for k, c in counts.items() if c.hidden]
    rest = total - sum(c.value for c in counts.values() if not c.hidden)
    ranges = [range(0, T) if counts[k].why == SMALL else range(T, total + 1) for k in hidden]
    possible = [combo for combo in itertools.product(*ranges) if sum(combo) == rest]
    return [k for i, k in enumerate(hidden) if len({combo[i] for combo in possible}) == 1]


def test_small_counts_read_fewer_than_and_others_show_their_number():
    assert hide_small(4, T).shown(T) == "fewer than 5"
    assert hide_small(0, T).shown(T) == "fewer than 5"
    assert hide_small(5, T).shown(T) == "5"
    assert hide_small(1234, T).shown(T) == "1,234"
    assert Count(12, SECONDARY).shown(T) == "not shown"


def test_one_hidden_cell_beside_a_total_hides_the_next_smallest():
    cells, total = group({"views": 12, "questions": 6, "ideas": 2}, 20, T)
    assert shown(cells) == {"views": "12", "questions": "not shown", "ideas": "fewer than 5"}
    assert total.shown(T) == "20"


def test_hidden_zeros_that_add_up_to_nothing_hide_a_shown_cell():
    cells, _ = group({"views": 9, "questions": 0, "ideas": 0}, 9, T)
    assert shown(cells) == {
        "views": "not shown",
        "questions": "fewer than 5",
        "ideas": "fewer than 5",
    }


def test_the_cell_hidden_is_one_that_leaves_nothing_to_work_out():
    # Hiding a 5 beside a hidden 0 would say "exactly 5 and 0"; the 10 goes instead.
    cells, _ = group({"a": 10, "b": 5, "c": 5, "d": 0}, 20, T)
    assert shown(cells) == {"a": "not shown", "b": "5", "c": "5", "d": "fewer than 5"}


def test_without_a_shown_total_only_small_cells_are_hidden():
    cells, total = group({"a": 10, "b": 5, "c": 5, "d": 0}, None, T)
    assert shown(cells) == {"a": "10", "b": "5", "c": "5", "d": "fewer than 5"}
    assert total is None


def test_two_or_more_small_cells_need_no_second_one():
    cells, _ = group({"a": 10, "b": 3, "c": 2}, 15, T)
    assert shown(cells) == {"a": "10", "b": "fewer than 5", "c": "fewer than 5"}


def test_a_small_total_is_hidden_with_its_cells():
    cells, total = group({"a": 3, "b": 1}, 4, T)
    assert total.shown(T) == "fewer than 5" and all(c.hidden for c in cells.values())


@pytest.mark.parametrize("size", [1, 2, 3, 4])
def test_exhaustively_no_hidden_cell_can_be_worked_out(size):
    """Every line of 1 to 4 cells drawn from values around the threshold: all small cells
    hidden, every shown cell at least the threshold, and no hidden cell can be worked out
    from the total; where that cannot be avoided, the total is hidden too."""
    for values in itertools.product([0, 1, 4, 5, 6, 12], repeat=size):
        cells = dict(enumerate(values))
        total = sum(values)
        counts, total_count = group(cells, total, T)
        assert all(counts[k].hidden for k, v in cells.items() if v < T), values
        assert all(c.value >= T for c in counts.values() if not c.hidden), values
        if total_count.hidden:
            assert total < T or all(c.hidden for c in counts.values()), values
        else:
            assert worked_out(counts, total) == [], values


def test_when_every_cell_is_hidden_and_still_adds_up_the_total_goes():
    cells, total = group({"views": 4, "questions": 4}, 8, T)
    assert shown(cells) == {"views": "fewer than 5", "questions": "fewer than 5"}
    assert total.why == SECONDARY and total.shown(T) == "not shown"


def test_a_table_is_checked_by_rows_and_by_columns():
    rows = {"r1": {"a": 20, "b": 3, "c": 9}, "r2": {"a": 7, "b": 8, "c": 10}}
    table, totals = table_of(
        rows, T, row_totals={"r1": 32, "r2": 25}, column_totals={"a": 27, "b": 11, "c": 19}
    )
    # r1 hides b (3), so r1 hides c (9); column b then has one hidden cell, so r2's b (8)
    # goes; column c has r1's c hidden alone, so r2's c (10) goes too; row r2 then has two.
    assert {k: v.shown(T) for k, v in table["r1"].items()} == {
        "a": "20",
        "b": "fewer than 5",
        "c": "not shown",
    }
    assert table["r2"]["b"].hidden and table["r2"]["c"].hidden
    for line, total in [(table["r1"], 32), (table["r2"], 25)]:
        assert worked_out(line, total) == []
    for column, total in [("a", 27), ("b", 11), ("c", 19)]:
        assert worked_out({r: table[r][column] for r in table}, total) == []
    assert totals["r1"].shown(T) == "32" and totals[("column", "b")].shown(T) == "11"

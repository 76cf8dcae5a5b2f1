import random

import pytest

from tests.werkgroep.audit import leaked, leaked_by_search, possible_values
from werkgroep.suppression import SECRET, SMALL, Mark, derivable_cells, suppress

# A table built to leak through its totals: with only the "3" hidden, row total 35 minus
# 12 and 20 gives it back, and so does column total 21 minus 10 and 8.
LEAKY = [[3, 12, 20], [10, 11, 30], [8, 9, 40]]


def _table(counts, rows_are_sums=True):
    return suppress(
        row_labels=[f"groep {i}" for i in range(len(counts))],
        column_labels=[f"keuze {j}" for j in range(len(counts[0]))],
        counts=counts,
        rows_are_sums=rows_are_sums,
    )


def test_the_leaky_table_does_leak_when_only_small_cells_are_hidden():
    naive = [
        ["", "x", "y", "z", "Totaal"],
        ["a", SMALL, 12, 20, 35],
        ["b", 10, 11, 30, 51],
        ["c", 8, 9, 40, 57],
        ["Totaal", 21, 32, 90, 143],
    ]
    assert leaked(naive) == [(0, 0)]


def test_the_leaky_table_no_longer_leaks_after_suppression():
    table = _table(LEAKY)
    matrix = table.as_matrix()
    assert matrix[1][1] == SMALL
    assert table.secondary_count >= 1
    assert possible_values(matrix, cell=(0, 0)) == {0, 1, 2, 3, 4}
    assert leaked(matrix) == []


def test_every_cell_under_five_is_shown_as_small_and_nothing_else_is():
    table = _table([[0, 4, 5], [30, 6, 7], [1, 25, 40]])
    for row in table.cells:
        for cell in row:
            if cell.value < 5:
                assert cell.display == SMALL
            else:
                assert cell.display in (str(cell.value), SECRET)


def test_zero_is_suppressed_like_any_small_cell():
    table = _table([[0, 20], [10, 30]])
    assert table.cells[0][0].display == SMALL
    assert leaked(table.as_matrix()) == []


def test_a_table_without_small_cells_is_shown_in_full():
    table = _table([[10, 20], [30, 40]])
    assert not table.has_suppression()
    assert table.as_matrix()[-1] == ["Totaal", 40, 60, 100]


def test_two_small_cells_that_add_up_to_eight_cannot_hide_each_other():
    # 4 + 4 = 8: a reader knows both are at most 4, so both must be 4. The row total goes.
    table = _table([[4, 4], [20, 30]])
    assert table.row_totals[0].display != "8"
    assert leaked(table.as_matrix()) == []


def test_a_group_with_fewer_than_five_answers_has_its_total_suppressed():
    table = _table([[1, 2], [20, 30], [6, 7]])
    assert table.row_totals[0].display == SMALL
    assert leaked(table.as_matrix()) == []


def test_row_totals_cannot_be_computed_back_from_the_grand_total():
    table = _table([[1, 2], [20, 30], [6, 7]])
    # grand total minus the other row totals must not give the small total back
    assert leaked(table.as_matrix()) == []
    assert sum(1 for cell in table.row_totals if not cell.shown) >= 2


def test_multiple_choice_columns_are_protected_without_row_totals():
    table = _table([[1, 2], [20, 30], [6, 7]], rows_are_sums=False)
    assert table.row_totals is None
    assert leaked(table.as_matrix(), rows_are_sums=False) == []


def test_the_check_finds_the_leak_in_the_leaky_table():
    marks = [[Mark.SMALL, Mark.SHOWN, Mark.SHOWN], [Mark.SHOWN] * 3, [Mark.SHOWN] * 3]
    assert derivable_cells(LEAKY, marks, [Mark.SHOWN] * 3) == [(0, 0)]


def test_export_values_are_signs_for_hidden_cells_and_numbers_for_shown_ones():
    matrix = _table(LEAKY).as_matrix()
    flat = [v for row in matrix[1:] for v in row[1:]]
    assert 3 not in flat  # the small value itself never appears
    assert all(isinstance(v, int) or v in (SMALL, SECRET) for v in flat)


def _all_hidden(matrix):
    """The same table with every cell and row total hidden; only column totals shown."""
    out = [list(matrix[0])]
    for row in matrix[1:-1]:
        out.append(
            [
                row[0],
                *(v if v in (SMALL, SECRET) else (SMALL if v < 5 else SECRET) for v in row[1:]),
            ]
        )
    out.append(list(matrix[-1]))
    return out


def test_a_choice_nobody_picked_is_noted_as_given_away_by_the_overall_results():
    table = _table([[0, 9, 0], [2, 3, 0]])
    assert table.notes == ["derivable-from-overall-results"]
    assert all(not c.shown for row in table.cells for c in row if c.value < 5)


@pytest.mark.parametrize("seed", range(150))
def test_random_small_tables_never_leak(seed):
    rng = random.Random(seed)
    n_rows, n_cols = rng.choice(
        [(2, 2), (2, 3), (3, 2), (3, 3), (4, 2), (2, 4), (4, 3), (3, 4), (5, 3)]
    )
    counts = [
        [rng.choice([0, 1, 2, 3, 4, 5, 6, 7, 9, 12]) for _ in range(n_cols)] for _ in range(n_rows)
    ]
    rows_are_sums = rng.random() < 0.75
    table = _table(counts, rows_are_sums=rows_are_sums)
    matrix = table.as_matrix()
    leaks = leaked(matrix, rows_are_sums=rows_are_sums)
    if table.notes:
        # Only what the overall results (the column totals) already give away may remain,
        # e.g. a choice nobody picked: every group has 0 for it.
        assert set(leaks) <= set(leaked(_all_hidden(matrix), rows_are_sums=rows_are_sums))
    else:
        assert leaks == []
    for row in table.cells:
        for cell in row:
            assert (cell.display == SMALL) == (cell.value < 5)


@pytest.mark.parametrize("seed", range(60))
def test_the_two_attackers_agree(seed):
    """The flow attacker (used on whole pages) finds exactly what exhaustive search finds."""
    rng = random.Random(1000 + seed)
    n_rows, n_cols = rng.choice([(2, 2), (2, 3), (3, 2), (3, 3)])
    counts = [[rng.choice([0, 1, 2, 3, 4, 5, 6, 9]) for _ in range(n_cols)] for _ in range(n_rows)]
    rows_are_sums = rng.random() < 0.75
    table = _table(counts, rows_are_sums=rows_are_sums).as_matrix()
    # and the naive version that hides only the small cells: the attackers must agree there too
    header = table[0]
    naive = [list(header)]
    for i, row in enumerate(counts):
        line = [f"groep {i}", *(SMALL if v < 5 else v for v in row)]
        if rows_are_sums:
            line.append(SMALL if sum(row) < 5 else sum(row))
        naive.append(line)
    naive.append(list(table[-1]))
    for matrix in (table, naive):
        assert sorted(leaked(matrix, rows_are_sums)) == sorted(
            leaked_by_search(matrix, rows_are_sums)
        )

"""Small-cell suppression for breakdown tables, so no small group of caregivers can be singled out.

Rules (the same for every page and every export):

1. **Primary suppression.** Every cell with fewer than 5 people is shown as "<5". That
   includes 0: a 0 says "nobody in this wijk chose X", which is itself a disclosure about
   a small group, and if zeros were shown a reader could tell 0 apart from 1-4. So a "<5"
   cell may hold 0, 1, 2, 3 or 4.
2. **Complementary (secondary) suppression.** The totals of a table are published (the
   column totals are the overall poll results, which the results page shows anyway, and a
   group's row total is its number of answers). A suppressed cell must not be computable
   from what is shown, e.g. row total minus the shown cells. So while some suppressed cell
   can still be derived, we hide one more cell in its row or column: the smallest shown
   cell there (interior cells before row totals), and repeat until nothing can be derived.
   Such a cell is shown as "×" (the CBS sign for "secret"); a reader may know it is at
   least 5, and the check below accounts for that.
3. **Row totals follow the same rules.** A group with fewer than 5 answers gets "<5" as its
   total; a row total may also be hidden as a complementary cell.

The check is exact, not a rule of thumb. A published table leaves every hidden cell inside
an interval ("<5" → 0..4, "×" → 5 or more, a row total of a multiple-choice question, which
is not a sum, is unbounded) with every row and column adding up. A hidden cell can be
computed back exactly when no other table that fits everything shown gives it a different
value. Written as the (rows+1)×(columns+1) table whose margins hold minus the totals, every
line sums to zero, and any two fitting tables differ by a sum of alternating cycles through
hidden cells. So a cell is protected exactly when some cycle through it can move every cell
on it by one step (+1, -1, +1, ...) without leaving its interval. `_protected` searches for
that cycle (a shortest path in a small directed graph), so the whole procedure is a few
milliseconds for the tables we show (≤ 10 groups × ≤ 10 choices).
"""

from __future__ import annotations

from collections import deque
from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import TypedDict

THRESHOLD = 5
SMALL = "<5"
SECRET = "×"


class Mark(StrEnum):
    SHOWN = "shown"
    SMALL = "small"  # primary: fewer than THRESHOLD
    SECRET = "secret"  # complementary: hidden so a small cell cannot be computed back
    FREE = "free"  # not a published number at all (row sum of a multiple-choice question)


@dataclass(frozen=True)
class Cell:
    value: int
    mark: Mark

    @property
    def shown(self) -> bool:
        return self.mark == Mark.SHOWN

    @property
    def display(self) -> str:
        if self.mark == Mark.SHOWN:
            return str(self.value)
        if self.mark == Mark.SMALL:
            return SMALL
        if self.mark == Mark.SECRET:
            return SECRET
        return ""

    def export_value(self) -> int | str:
        """What a spreadsheet cell gets: the number when shown, otherwise the sign."""
        return self.value if self.shown else self.display


class SuppressedRow(TypedDict):
    label: str
    cells: list[Cell]
    total: Cell | None  # None when rows are not sums (multiple choice)


@dataclass
class SuppressedTable:
    """A breakdown after suppression. Only `display`/`export_value` of a cell may be shown."""

    row_labels: list[str]
    column_labels: list[str]
    cells: list[list[Cell]]
    row_totals: list[Cell] | None  # None when rows are not sums (multiple choice)
    column_totals: list[Cell]
    grand_total: Cell
    secondary_count: int = 0
    notes: list[str] = field(default_factory=list)

    @property
    def rows(self) -> list[SuppressedRow]:
        return [
            {
                "label": label,
                "cells": cells,
                "total": self.row_totals[i] if self.row_totals is not None else None,
            }
            for i, (label, cells) in enumerate(zip(self.row_labels, self.cells, strict=True))
        ]

    def as_matrix(self) -> list[list[int | str]]:
        """Header + rows + totals row: labels, and for each cell its export_value (the number
        when shown, otherwise the sign); what exports write."""
        has_totals = self.row_totals is not None
        header: list[int | str] = ["", *self.column_labels, *(["Totaal"] if has_totals else [])]
        out = [header]
        for row in self.rows:
            line: list[int | str] = [row["label"], *(c.export_value() for c in row["cells"])]
            if row["total"] is not None:
                line.append(row["total"].export_value())
            out.append(line)
        last: list[int | str] = ["Totaal", *(c.export_value() for c in self.column_totals)]
        if has_totals:
            last.append(self.grand_total.export_value())
        out.append(last)
        return out

    def has_suppression(self) -> bool:
        cells = [c for row in self.cells for c in row] + list(self.row_totals or [])
        return any(c.mark in (Mark.SMALL, Mark.SECRET) for c in cells)


# ---- the exact check ------------------------------------------------------------------------

_INF = 10**12


def _bounds(value: int, mark: Mark, negated: bool) -> tuple[int, int]:
    """Interval a reader knows for a hidden augmented cell (margins hold minus the total)."""
    if mark == Mark.FREE:
        return (-_INF, _INF)
    lo, hi = (0, THRESHOLD - 1) if mark == Mark.SMALL else (THRESHOLD, _INF)
    return (-hi, -lo) if negated else (lo, hi)


def _protected(
    aug: list[list[int]], marks: list[list[Mark]], negated: list[list[bool]], r0: int, c0: int
) -> bool:
    """Is there an alternating cycle through hidden cell (r0, c0) that stays in bounds?

    Nodes are rows ("r", i) and columns ("c", j). A hidden cell (i, j) is an edge; moving
    from a row to a column means +1 on that cell, from a column to a row means -1.
    """
    n_rows, n_cols = len(aug), len(aug[0])

    def can_move(i: int, j: int, step: int) -> bool:
        if marks[i][j] == Mark.SHOWN:
            return False
        lo, hi = _bounds(abs(aug[i][j]), marks[i][j], negated[i][j])
        return lo <= aug[i][j] + step <= hi

    for sign in (1, -1):
        if not can_move(r0, c0, sign):
            continue
        # sign +1: edge r0 -> c0 is "+", so walk from column c0 back to row r0.
        # sign -1: the cell is traversed column -> row; walk from row r0 back to column c0.
        start = ("c", c0) if sign == 1 else ("r", r0)
        goal = ("r", r0) if sign == 1 else ("c", c0)
        seen = {start}
        queue = deque([start])
        while queue:
            kind, idx = queue.popleft()
            if kind == "c":  # column -> row: -1 on the cell
                nexts = [
                    ("r", i) for i in range(n_rows) if (i, idx) != (r0, c0) and can_move(i, idx, -1)
                ]
            else:  # row -> column: +1 on the cell
                nexts = [
                    ("c", j) for j in range(n_cols) if (idx, j) != (r0, c0) and can_move(idx, j, +1)
                ]
            for node in nexts:
                if node == goal:
                    return True
                if node not in seen:
                    seen.add(node)
                    queue.append(node)
    return False


def _augmented(
    counts: Sequence[Sequence[int]],
    row_totals: Sequence[int],
    column_totals: Sequence[int],
    grand: int,
) -> list[list[int]]:
    aug = [list(row) + [-row_totals[i]] for i, row in enumerate(counts)]
    aug.append([-t for t in column_totals] + [grand])
    return aug


def derivable_cells(
    counts: Sequence[Sequence[int]], marks: Sequence[Sequence[Mark]], row_marks: Sequence[Mark]
) -> list[tuple[int, int]]:
    """Hidden cells (row, column; column == len(columns) means the row total) that a reader
    could compute back exactly. Column totals and the grand total count as shown."""
    n_rows = len(counts)
    n_cols = len(counts[0]) if n_rows else 0
    row_totals = [sum(row) for row in counts]
    column_totals = [sum(counts[i][j] for i in range(n_rows)) for j in range(n_cols)]
    aug = _augmented(counts, row_totals, column_totals, sum(row_totals))
    aug_marks = [list(marks[i]) + [row_marks[i]] for i in range(n_rows)]
    aug_marks.append([Mark.SHOWN] * (n_cols + 1))
    negated = [[False] * n_cols + [True] for _ in range(n_rows)] + [[True] * n_cols + [False]]
    return [
        (i, j)
        for i in range(n_rows)
        for j in range(n_cols + 1)
        if aug_marks[i][j] in (Mark.SMALL, Mark.SECRET)
        and not _protected(aug, aug_marks, negated, i, j)
    ]


def _primary(value: int) -> Mark:
    return Mark.SMALL if value < THRESHOLD else Mark.SHOWN


def suppress(
    *,
    row_labels: Sequence[str],
    column_labels: Sequence[str],
    counts: Sequence[Sequence[int]],
    rows_are_sums: bool = True,
) -> SuppressedTable:
    """Suppress a breakdown table (rows = groups, columns = answer options).

    `rows_are_sums`: True when each person is counted once per row (single choice, scale),
    so the row total is the group's number of answers and is shown (and suppressed by the
    same rules). False for multiple choice: no row totals are shown.
    """
    table = [[int(v) for v in row] for row in counts]
    n_rows, n_cols = len(table), len(column_labels)
    if any(len(row) != n_cols for row in table) or len(row_labels) != n_rows:
        raise ValueError("counts must be rows × columns")
    marks = [[_primary(v) for v in row] for row in table]
    row_totals = [sum(row) for row in table]
    row_marks = [_primary(t) if rows_are_sums else Mark.FREE for t in row_totals]
    notes: list[str] = []
    if n_rows and n_cols:
        while leaks := derivable_cells(table, marks, row_marks):
            if not _hide_one_more(table, marks, row_marks, row_totals, leaks):
                # Nothing left to hide in that row or column: the value follows from the
                # column totals alone, i.e. from the overall results, which are public anyway
                # (e.g. a breakdown with a single group).
                notes.append("derivable-from-overall-results")
                break
        if not notes:
            _unhide_what_is_not_needed(table, marks, row_marks, row_totals)
    cells = [
        [Cell(v, m) for v, m in zip(row, mrow, strict=True)]
        for row, mrow in zip(table, marks, strict=True)
    ]
    column_totals = [
        Cell(sum(table[i][j] for i in range(n_rows)), Mark.SHOWN) for j in range(n_cols)
    ]
    return SuppressedTable(
        row_labels=list(row_labels),
        column_labels=list(column_labels),
        cells=cells,
        row_totals=[Cell(t, m) for t, m in zip(row_totals, row_marks, strict=True)]
        if rows_are_sums
        else None,
        column_totals=column_totals,
        grand_total=Cell(sum(row_totals), Mark.SHOWN),
        secondary_count=sum(m == Mark.SECRET for row in marks for m in row)
        + sum(m == Mark.SECRET for m in row_marks),
        notes=notes,
    )


def _hide_one_more(
    counts: list[list[int]],
    marks: list[list[Mark]],
    row_marks: list[Mark],
    row_totals: list[int],
    leaks: list[tuple[int, int]],
) -> bool:
    """Hide one more cell next to a leaking cell.

    Every hidden cell lies on two lines: its row (cells + row total) and its column (or,
    for a row total, the column of row totals). Take the line with the fewest hidden cells
    among all leaking cells (a line with one hidden cell is the classic leak: total minus
    the rest), and hide its smallest shown cell, interior cells before row totals.
    """
    n_rows, n_cols = len(counts), len(counts[0])

    def mark(ii: int, jj: int) -> Mark:
        return row_marks[ii] if jj == n_cols else marks[ii][jj]

    def value(ii: int, jj: int) -> int:
        return row_totals[ii] if jj == n_cols else counts[ii][jj]

    best: tuple[int, bool, int, tuple[int, int]] | None = None
    for i, j in leaks:
        for line in ([(i, jj) for jj in range(n_cols + 1)], [(ii, j) for ii in range(n_rows)]):
            hidden = sum(mark(*cell) != Mark.SHOWN for cell in line)
            shown = [
                ((cell[1] == n_cols), value(*cell), cell)
                for cell in line
                if mark(*cell) == Mark.SHOWN
            ]
            if not shown:
                continue
            is_total, smallest, cell = min(shown)
            key = (hidden, is_total, smallest, cell)
            if best is None or key < best:
                best = key
    if best is None:
        return False
    ii, jj = best[3]
    if jj == n_cols:
        row_marks[ii] = Mark.SECRET
    else:
        marks[ii][jj] = Mark.SECRET
    return True


def _unhide_what_is_not_needed(
    counts: list[list[int]], marks: list[list[Mark]], row_marks: list[Mark], row_totals: list[int]
) -> None:
    """The greedy step can hide more than needed; show again every complementary cell
    (largest first) whose showing keeps every hidden cell underivable."""
    n_cols = len(counts[0])
    secret = [(row_totals[i], i, n_cols) for i, m in enumerate(row_marks) if m == Mark.SECRET]
    secret += [
        (v, i, j)
        for i, row in enumerate(counts)
        for j, v in enumerate(row)
        if marks[i][j] == Mark.SECRET
    ]
    for _, i, j in sorted(secret, reverse=True):
        target = row_marks if j == n_cols else marks[i]
        index = i if j == n_cols else j
        target[index] = Mark.SHOWN
        if derivable_cells(counts, marks, row_marks):
            target[index] = Mark.SECRET

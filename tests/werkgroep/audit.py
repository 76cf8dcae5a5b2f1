"""An independent attacker for suppressed tables: search for integer tables that fit what
is published, to see which hidden cells have only one possible value. Written without any
code from werkgroep.suppression except the two signs, so the tests do not check the module
with itself."""

from werkgroep.suppression import SECRET, SMALL

INF = 10**9


class _Found(Exception):
    pass


class Table:
    def __init__(self, published: list[list[str | int]], rows_are_sums: bool):
        body = [row[1:] for row in published[1:-1]]
        totals = published[-1][1:]
        self.n_rows = len(body)
        self.n_cols = len(totals) - (1 if rows_are_sums else 0)
        self.rows_are_sums = rows_are_sums
        self.col_totals = totals[: self.n_cols]
        self.grand = totals[self.n_cols] if rows_are_sums else None
        width = self.n_cols + (1 if rows_are_sums else 0)
        self.signs = body
        self.hidden = [
            (i, j)
            for i in range(self.n_rows)
            for j in range(width)
            if body[i][j] in (SMALL, SECRET)
        ]
        self.grid = [[None if v in (SMALL, SECRET) else v for v in row] for row in body]

    def bounds(self, i, j):
        return (0, 4) if self.signs[i][j] == SMALL else (5, INF)

    def _line_ok(self, cells, total) -> bool:
        known = lo = hi = 0
        for i, j in cells:
            v = self.grid[i][j]
            if v is None:
                b = self.bounds(i, j)
                lo += b[0]
                hi += b[1]
            else:
                known += v
        return known + lo <= total <= known + hi

    def lines(self):
        for j in range(self.n_cols):
            yield [(i, j) for i in range(self.n_rows)], self.col_totals[j]
        if self.rows_are_sums:
            for i in range(self.n_rows):
                total = self.grid[i][self.n_cols]
                cells = [(i, j) for j in range(self.n_cols)]
                if total is None:
                    # unknown row total: treat "row cells - total = 0" as a line over both
                    yield cells, ("row", i)
                else:
                    yield cells, total
            yield [(i, self.n_cols) for i in range(self.n_rows)], self.grand

    def consistent(self) -> bool:
        for cells, total in self.lines():
            if isinstance(total, tuple):
                i = total[1]
                t = self.grid[i][self.n_cols]
                lo_t, hi_t = (t, t) if t is not None else self.bounds(i, self.n_cols)
                known = lo = hi = 0
                for a, b in cells:
                    v = self.grid[a][b]
                    if v is None:
                        lo += self.bounds(a, b)[0]
                        hi += self.bounds(a, b)[1]
                    else:
                        known += v
                if known + lo > hi_t or known + hi < lo_t:
                    return False
            elif not self._line_ok(cells, total):
                return False
        return True

    def find(self, exclude=None):
        """One fitting assignment of the hidden cells (dict), or None."""
        cap = sum(self.col_totals)

        def search(k):
            if k == len(self.hidden):
                raise _Found
            i, j = self.hidden[k]
            lo, hi = self.bounds(i, j)
            for v in range(lo, min(hi, cap) + 1):
                if exclude is not None and exclude == ((i, j), v):
                    continue
                self.grid[i][j] = v
                if self.consistent():
                    search(k + 1)
                self.grid[i][j] = None

        try:
            search(0)
        except _Found:
            solution = {cell: self.grid[cell[0]][cell[1]] for cell in self.hidden}
            for i, j in self.hidden:
                self.grid[i][j] = None
            return solution
        return None


def leaked_by_search(published, rows_are_sums: bool = True) -> list[tuple[int, int]]:
    """Hidden cells (row, col; col == number of choices for a row total) that have exactly
    one possible value: computable back from what is shown."""
    table = Table(published, rows_are_sums)
    first = table.find()
    assert first is not None, "the published table fits no data at all"
    return [cell for cell in table.hidden if table.find(exclude=(cell, first[cell])) is None]


def possible_values(published, rows_are_sums: bool = True, cell=None) -> set[int]:
    """Every value one hidden cell can take (small tables only)."""
    table = Table(published, rows_are_sums)
    values = set()
    solution = table.find()
    while solution is not None:
        values.add(solution[cell])
        solution = _find_excluding(table, cell, values)
    return values


def _find_excluding(table: Table, cell, values: set[int]):
    i, j = cell
    lo, hi = table.bounds(i, j)
    for v in range(lo, min(hi, sum(table.col_totals)) + 1):
        if v in values:
            continue
        table.grid[i][j] = v
        sign = table.signs[i][j]
        table.signs[i][j] = v  # treat as shown
        saved = list(table.hidden)
        table.hidden = [c for c in table.hidden if c != cell]
        found = table.find() if table.consistent() else None
        table.hidden = saved
        table.signs[i][j] = sign
        table.grid[i][j] = None
        if found is not None:
            found[cell] = v
            return found
    return None


# A second, scalable attacker: bounded flows. Rows and columns of a table with known (or
# bounded) totals form a transportation network; a published table is consistent exactly
# when a flow with these lower and upper bounds exists (integral flows, so integer tables).
# A hidden cell with value v leaks when neither "cell <= v-1" nor "cell >= v+1" is feasible.


def _max_flow(n: int, edges: list[list[int]], s: int, t: int) -> int:
    graph: list[list[int]] = [[] for _ in range(n)]
    cap: list[list[int]] = []  # [to, capacity, index of reverse]
    for u, v, c in edges:
        graph[u].append(len(cap))
        cap.append([v, c, len(cap) + 1])
        graph[v].append(len(cap))
        cap.append([u, 0, len(cap) - 1])
    flow = 0
    while True:
        parent = [-1] * n
        parent[s] = -2
        queue = [s]
        for u in queue:
            for e in graph[u]:
                v, c, _ = cap[e]
                if c > 0 and parent[v] == -1:
                    parent[v] = e
                    queue.append(v)
        if parent[t] == -1:
            return flow
        push, v = INF, t
        while v != s:
            e = parent[v]
            push = min(push, cap[e][1])
            v = cap[cap[e][2]][0]
        v = t
        while v != s:
            e = parent[v]
            cap[e][1] -= push
            cap[cap[e][2]][1] += push
            v = cap[cap[e][2]][0]
        flow += push


def _feasible(n_rows, n_cols, cell_bounds, row_bounds, col_totals) -> bool:
    """cell_bounds[i][j] = (lo, hi); row_bounds[i] = (lo, hi) for the row sum."""
    s, t = 0, 1 + n_rows + n_cols
    ss, tt = t + 1, t + 2
    excess = [0] * (t + 3)
    edges = []

    def add(u, v, lo, hi):
        if hi < lo:
            return False
        edges.append([u, v, hi - lo])
        excess[v] += lo
        excess[u] -= lo
        return True

    for i in range(n_rows):
        if not add(s, 1 + i, *row_bounds[i]):
            return False
        for j in range(n_cols):
            if not add(1 + i, 1 + n_rows + j, *cell_bounds[i][j]):
                return False
    for j in range(n_cols):
        add(1 + n_rows + j, t, col_totals[j], col_totals[j])
    edges.append([t, s, INF])
    need = 0
    for v, e in enumerate(excess):
        if e > 0:
            edges.append([ss, v, e])
            need += e
        elif e < 0:
            edges.append([v, tt, -e])
    return _max_flow(t + 3, edges, ss, tt) == need


def leaked(published, rows_are_sums: bool = True) -> list[tuple[int, int]]:
    """Hidden cells (row, col; col == number of choices for a row total) that have exactly
    one possible value, found with bounded flows (fast enough for whole pages)."""
    body = [row[1:] for row in published[1:-1]]
    totals = published[-1][1:]
    n_rows = len(body)
    n_cols = len(totals) - (1 if rows_are_sums else 0)
    col_totals = list(totals[:n_cols])
    grand = sum(col_totals)

    def bounds(value):
        if value == SMALL:
            return (0, 4)
        if value == SECRET:
            return (5, grand)
        return (value, value)

    cells = [[bounds(body[i][j]) for j in range(n_cols)] for i in range(n_rows)]
    rows = [bounds(body[i][n_cols]) if rows_are_sums else (0, INF) for i in range(n_rows)]
    assert _feasible(n_rows, n_cols, cells, rows, col_totals), (
        "the published table fits no data at all"
    )
    out = []
    hidden = [
        (i, j)
        for i in range(n_rows)
        for j in range(n_cols + (1 if rows_are_sums else 0))
        if body[i][j] in (SMALL, SECRET)
    ]
    for i, j in hidden:
        lo, hi = rows[i] if j == n_cols else cells[i][j]
        # find one value this cell can take, then ask for any other
        values = []
        for target in range(lo, hi + 1):
            trial = [list(r) for r in cells]
            trial_rows = list(rows)
            if j == n_cols:
                trial_rows[i] = (target, target)
            else:
                trial[i][j] = (target, target)
            if _feasible(n_rows, n_cols, trial, trial_rows, col_totals):
                values.append(target)
                break
        v = values[0]
        other = False
        for lo2, hi2 in ((lo, v - 1), (v + 1, hi)):
            if lo2 > hi2:
                continue
            trial = [list(r) for r in cells]
            trial_rows = list(rows)
            if j == n_cols:
                trial_rows[i] = (lo2, hi2)
            else:
                trial[i][j] = (lo2, hi2)
            if _feasible(n_rows, n_cols, trial, trial_rows, col_totals):
                other = True
                break
        if not other:
            out.append((i, j))
    return out

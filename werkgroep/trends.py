"""Trends per question across repeated polls (Poll.repeat_of links a repeat to the poll it
copies; a series is a poll with every repeat of it, oldest first).

Small cells: the overall result of each round is public (the results page shows it). A trend
broken down by a group (wijk, age, ...) shows, per round, only what that round's suppressed
breakdown table shows (werkgroep.results.suppressed_breakdown, the very table of the
results page): a cell that table hides is hidden in the trend too, and a share is shown only
when both its count and the group's total are shown (a share and a total give the count). So
the series plus the totals tell nothing that the single tables do not.

Questions are matched across rounds by their place in the poll, choices by their place in the
question (a repeat copies both); a question whose kind or number of choices differs between
rounds is marked as not comparable.

A note warns when the make-up of the respondents shifted a lot between two rounds (the share
of some dimension's groups moved by 20 percentage points or more in total), or when the
number of respondents halved or doubled.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from django.utils import timezone
from django.utils.translation import gettext as _

from panel import breakdown
from panel import indicators as panel_indicators
from panel import selectors as panel_selectors
from panel.records import PollResults, QuestionResult
from werkgroep import results as poll_results
from werkgroep.periods import Period
from werkgroep.suppression import Cell, SuppressedTable

SHIFT_THRESHOLD = 0.2  # total variation distance between the groups' shares of two rounds
CHOICE_KINDS = ("single", "multiple", "scale")


@dataclass(frozen=True)
class Round:
    poll_id: int
    title: str
    day: date
    respondents: int

    @property
    def label(self) -> str:
        return self.day.strftime("%d-%m-%Y")


@dataclass(frozen=True)
class Series:
    """A poll with its repeats: what the trends list shows."""

    root_id: int
    title: str
    rounds: list[panel_indicators.PollRound]


@dataclass
class TrendChoice:
    text: str
    counts: list[int]
    shares: list[float | None]  # percent of that round's respondents to the question


@dataclass(frozen=True)
class GroupCell:
    """One group's result for one choice in one round, as the round's table shows it."""

    count: str  # the number, "<5" or "×"
    share: float | None  # percent of the group's answers, only when count and total are shown
    shown: bool


@dataclass
class GroupTrend:
    label: str
    totals: list[str]  # the group's answers per round as shown ("<5", "×" or the number)
    cells: list[list[GroupCell]]  # [choice][round]


@dataclass
class QuestionTrend:
    order: int
    text: str
    kind: str
    totals: list[int]
    choices: list[TrendChoice]
    comparable: bool = True
    groups: list[GroupTrend] = field(default_factory=list)
    tables: list[SuppressedTable] = field(default_factory=list)  # per round, for tests


@dataclass(frozen=True)
class Note:
    text: str


@dataclass
class Trend:
    root_id: int
    title: str
    rounds: list[Round]
    questions: list[QuestionTrend]
    notes: list[Note]
    dimension: str | None = None
    dimension_label: str = ""


def _roots(rounds: list[panel_indicators.PollRound]) -> dict[int, int]:
    """Every poll's original (follows repeat_of to the first of these rounds, so a poll that
    repeats a concept starts its own series; safe against loops)."""
    parent = {r.id: r.repeat_of_id for r in rounds}
    roots: dict[int, int] = {}
    for r in rounds:
        seen: set[int] = set()
        current = r.id
        while (up := parent.get(current)) is not None and up in parent and current not in seen:
            seen.add(current)
            current = up
        roots[r.id] = current
    return roots


def _in_period(r: panel_indicators.PollRound, period: Period | None) -> bool:
    return period is None or timezone.localdate(r.opens_at) in period


def repeated_series(*, period: Period | None = None) -> list[Series]:
    """Polls that were repeated, with their rounds (only rounds in the period, if given),
    when at least two rounds remain. One query."""
    rounds = panel_indicators.poll_rounds()
    roots = _roots(rounds)
    by_root: dict[int, list[panel_indicators.PollRound]] = {}
    for r in rounds:
        if _in_period(r, period):
            by_root.setdefault(roots[r.id], []).append(r)
    titles = {r.id: r.title for r in rounds}
    out = [
        Series(root_id=root, title=titles[root], rounds=items)
        for root, items in by_root.items()
        if len(items) >= 2
    ]
    return sorted(out, key=lambda s: s.rounds[-1].opens_at, reverse=True)


def series_rounds(*, root_id: int, period: Period | None = None) -> Series | None:
    return next((s for s in repeated_series(period=period) if s.root_id == root_id), None)


def _share(count: int, total: int) -> float | None:
    return round(100 * count / total, 1) if total else None


def _group_cell(cell: Cell, total: Cell | None) -> GroupCell:
    share = None
    if cell.shown and (total is None or total.shown):
        share = _share(cell.value, total.value) if total is not None else None
    return GroupCell(count=cell.display, share=share, shown=cell.shown)


def _shift(a: dict[str, int], b: dict[str, int]) -> float:
    """Total variation distance between two groupings' shares (0 = same make-up, 1 = none shared)."""
    total_a, total_b = sum(a.values()), sum(b.values())
    if not total_a or not total_b:
        return 0.0
    return 0.5 * sum(abs(a.get(k, 0) / total_a - b.get(k, 0) / total_b) for k in {*a, *b})


def _group_sizes(question: QuestionResult, dimension: str) -> dict:
    """Respondents per group for a single-choice or scale question (one answer per person)."""
    raw = panel_selectors.breakdown_counts(question_id=question.id, dimension=dimension)
    sizes: dict = {}
    for (key, _choice), n in raw.items():
        sizes[key] = sizes.get(key, 0) + n
    return sizes


def _composition_notes(rounds: list[Round], results: list[PollResults]) -> list[Note]:
    notes = []
    for i in range(1, len(rounds)):
        before, after = rounds[i - 1], rounds[i]
        if before.respondents and after.respondents:
            ratio = after.respondents / before.respondents
            if ratio >= 2 or ratio <= 0.5:
                notes.append(
                    Note(
                        _(
                            "Tussen {a} en {b} veranderde het aantal mensen dat antwoordde "
                            "sterk: van {n} naar {m}."
                        ).format(
                            a=before.label, b=after.label, n=before.respondents, m=after.respondents
                        )
                    )
                )
        anchor_before, anchor_after = (
            next((q for q in results[j].questions if q.kind in ("single", "scale")), None)
            for j in (i - 1, i)
        )
        if anchor_before is None or anchor_after is None:
            continue
        shifted = [
            dimension.label
            for dimension in breakdown.DIMENSIONS.values()
            if _shift(
                _group_sizes(anchor_before, dimension.key),
                _group_sizes(anchor_after, dimension.key),
            )
            >= SHIFT_THRESHOLD
        ]
        if shifted:
            notes.append(
                Note(
                    _(
                        "De groep die antwoordde was in {b} anders samengesteld dan in {a} "
                        "({what}: 20 procentpunten of meer verschoven). Vergelijk de uitkomsten "
                        "daarom voorzichtig."
                    ).format(
                        a=before.label, b=after.label, what=", ".join(s.lower() for s in shifted)
                    )
                )
            )
    return notes


def trend(
    *, root_id: int, period: Period | None = None, dimension: str | None = None
) -> Trend | None:
    """Each question's result over the rounds of one series; per group when a dimension is
    given. None when the poll has fewer than two rounds (in the period)."""
    series = series_rounds(root_id=root_id, period=period)
    if series is None:
        return None
    results = [panel_selectors.poll_results(poll_id=r.id) for r in series.rounds]
    rounds = [
        Round(
            poll_id=r.id,
            title=r.title,
            day=timezone.localdate(r.opens_at),
            respondents=res.respondents,
        )
        for r, res in zip(series.rounds, results, strict=True)
    ]
    groups = breakdown.groups(dimension) if dimension else None
    first = [q for q in results[-1].questions if q.kind in CHOICE_KINDS]
    questions = []
    for latest in first:
        per_round = [
            next((q for q in res.questions if q.order == latest.order), None) for res in results
        ]
        found = [q for q in per_round if q is not None]
        comparable = len(found) == len(per_round) and all(
            q.kind == latest.kind and len(q.choices) == len(latest.choices) for q in found
        )
        item = QuestionTrend(
            order=latest.order,
            text=latest.text,
            kind=latest.kind,
            totals=[q.total if q else 0 for q in per_round],
            choices=[],
            comparable=comparable,
        )
        if comparable:
            for ci, choice in enumerate(latest.choices):
                counts = [q.choices[ci].count for q in found]
                item.choices.append(
                    TrendChoice(
                        text=choice.text,
                        counts=counts,
                        shares=[_share(n, q.total) for n, q in zip(counts, found, strict=True)],
                    )
                )
            if dimension:
                item.tables = [
                    poll_results.suppressed_breakdown(
                        question=q, dimension=dimension, groups=groups
                    )
                    for q in found
                ]
                item.groups = _group_trends(item.tables, len(latest.choices))
        questions.append(item)
    return Trend(
        root_id=series.root_id,
        title=series.title,
        rounds=rounds,
        questions=questions,
        notes=_composition_notes(rounds, results),
        dimension=dimension,
        dimension_label=breakdown.DIMENSIONS[dimension].label if dimension else "",
    )


def _group_trends(tables: list[SuppressedTable], n_choices: int) -> list[GroupTrend]:
    """Rows of the rounds' tables lined up by group label (every table has every group)."""
    labels: list[str] = []
    for table in tables:
        labels += [label for label in table.row_labels if label not in labels]
    out = []
    for label in labels:
        totals: list[str] = []
        cells: list[list[GroupCell]] = [[] for _ in range(n_choices)]
        for table in tables:
            if label not in table.row_labels:
                # a group new in a later round: an empty row in the earlier one
                totals.append("")
                for ci in range(n_choices):
                    cells[ci].append(GroupCell(count="", share=None, shown=False))
                continue
            i = table.row_labels.index(label)
            total = table.row_totals[i] if table.row_totals is not None else None
            totals.append(total.display if total is not None else "")
            for ci in range(n_choices):
                cells[ci].append(_group_cell(table.cells[i][ci], total))
        out.append(GroupTrend(label=label, totals=totals, cells=cells))
    return out

"""Periods for reports over time: a chosen period (inclusive dates), the period just before it
of the same length, and its months or quarters. Reads group their counts per day and add the
days up here, so a period may start on any day and the queries stay the same in number."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from django.utils.translation import gettext_lazy as _

MONTHS = [
    _("jan"),
    _("feb"),
    _("mrt"),
    _("apr"),
    _("mei"),
    _("jun"),
    _("jul"),
    _("aug"),
    _("sep"),
    _("okt"),
    _("nov"),
    _("dec"),
]
# The longest period a page or export covers; keeps every table and chart small.
MAX_DAYS = 5 * 366


class Step(StrEnum):
    MONTH = "month"
    QUARTER = "quarter"


@dataclass(frozen=True)
class Bucket:
    """One month or quarter of a period, cut off at the period's edges."""

    start: date
    end: date  # inclusive
    label: str

    def __contains__(self, day: date) -> bool:
        return self.start <= day <= self.end


@dataclass(frozen=True)
class Period:
    start: date
    end: date  # inclusive

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise ValueError("period ends before it starts")

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    @property
    def whole_months(self) -> int | None:
        """How many calendar months this period is, when it is exactly whole months."""
        if self.start.day != 1 or (self.end + timedelta(days=1)).day != 1:
            return None
        after = self.end + timedelta(days=1)
        return (after.year - self.start.year) * 12 + after.month - self.start.month

    def previous(self) -> Period:
        """The period just before this one: as many whole months when this one is whole
        months (a quarter against the quarter before), otherwise as many days."""
        end = self.start - timedelta(days=1)
        if months := self.whole_months:
            return Period(start=_add_months(self.start, -months), end=end)
        return Period(start=end - timedelta(days=self.days - 1), end=end)

    def __contains__(self, day: date) -> bool:
        return self.start <= day <= self.end

    def buckets(self, step: Step = Step.MONTH) -> list[Bucket]:
        months = 3 if step == Step.QUARTER else 1
        out = []
        cursor = self.start
        while cursor <= self.end:
            first_month = (cursor.month - 1) // months * months + 1
            next_start = _add_months(date(cursor.year, first_month, 1), months)
            end = min(next_start - timedelta(days=1), self.end)
            if step == Step.QUARTER:
                label = f"K{(first_month - 1) // 3 + 1} {cursor.year}"
            else:
                label = f"{MONTHS[cursor.month - 1]} {cursor.year}"
            out.append(Bucket(start=cursor, end=end, label=label))
            cursor = end + timedelta(days=1)
        return out

    def as_params(self) -> dict[str, str]:
        return {"date_from": self.start.isoformat(), "date_to": self.end.isoformat()}


def _add_months(day: date, months: int) -> date:
    index = day.month - 1 + months
    return date(day.year + index // 12, index % 12 + 1, 1)


def default_period(today: date) -> Period:
    """The last twelve whole months up to and including the current month."""
    start = _add_months(date(today.year, today.month, 1), -11)
    return Period(start=start, end=today)


def sum_per_bucket(per_day: Mapping[date, int], buckets: Iterable[Bucket]) -> list[int]:
    """Add counts per day up per bucket."""
    buckets = list(buckets)
    totals = [0] * len(buckets)
    for day, n in per_day.items():
        for i, bucket in enumerate(buckets):
            if day in bucket:
                totals[i] += n
                break
    return totals


def sum_in(per_day: Mapping[date, int], period: Period) -> int:
    return sum(n for day, n in per_day.items() if day in period)

"""The monitor's records: series per bucket, figures against the previous period, tables as
shown and exported, and the sections that hold them (werkgroep.monitor builds them)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from werkgroep.charts import format_value
from werkgroep.periods import Bucket, Period

Number = int | float | None


@dataclass(frozen=True)
class Series:
    """One line or set of bars: a value per bucket."""

    label: str
    values: Sequence[Number]
    unit: str = ""  # "%" or "" (counts) or "dagen"


@dataclass(frozen=True)
class Figure:
    """One figure for the chosen period against the previous one."""

    label: str
    current: Number
    previous: Number
    unit: str = ""

    @property
    def change(self) -> Number:
        if self.current is None or self.previous is None:
            return None
        return round(self.current - self.previous, 1)


@dataclass(frozen=True)
class Table:
    """A table as it is shown and exported: headings and rows of plain values."""

    caption: str
    columns: list[str]
    rows: list[list]
    note: str = ""

    @property
    def display_rows(self) -> list[list[dict]]:
        """Rows as the page shows them: text, and whether the cell is a number."""
        return [
            [
                {
                    "text": value if isinstance(value, str) else format_value(value),
                    "num": j > 0,
                }
                for j, value in enumerate(row)
            ]
            for row in self.rows
        ]


@dataclass
class Section:
    key: str
    title: str
    series: list[Series]
    figures: list[Figure]
    tables: list[Table] = field(default_factory=list)
    chart: str = "bar"  # "bar" or "line"
    note: str = ""

    def bucket_table(self, buckets: Sequence[Bucket]) -> Table:
        """The chart's data as a table: one row per bucket, one column per series."""
        return Table(
            caption=self.title,
            columns=[_("Periode"), *(_series_heading(s) for s in self.series)],
            rows=[
                [bucket.label, *(s.values[i] for s in self.series)]
                for i, bucket in enumerate(buckets)
            ],
        )


def _series_heading(series: Series) -> str:
    return f"{series.label} ({series.unit})" if series.unit else series.label


@dataclass(frozen=True)
class Context:
    period: Period
    previous: Period
    buckets: list[Bucket]

    @property
    def span(self) -> Period:
        """Both periods together: what the reads fetch."""
        return Period(start=self.previous.start, end=self.period.end)

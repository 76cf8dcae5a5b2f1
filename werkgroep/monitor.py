"""The werkgroep monitor: the figures a gemeente reports on, per month or quarter and for a
chosen period against the period before it.

Every section is built by one function from the period, the previous period and the buckets
(`SECTION_BUILDERS`); each reads counts per day in a fixed number of queries (panel.indicators,
training.indicators, panel.selectors) and adds them up here, so the number of queries does not
grow with the data.

Hook for contact requests (the caregiver journey issue): when panel has its ContactRequest
model, add `panel.indicators.contact_requests_per_day(start=, end=) -> dict[date, int]` and a
builder here that returns `_count_section(key="contact", title=..., per_day=...)`; append it to
SECTION_BUILDERS. The page, the charts, the exports and the council report pick it up from there.
"""

from __future__ import annotations

import statistics
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime

from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import Profession
from panel import indicators as panel_indicators
from panel import selectors as panel_selectors
from panel.records import PollOverview
from sociale_kaart import selectors as kaart
from training import indicators as training_indicators
from werkgroep.charts import format_value
from werkgroep.models import ActionPoint, ActionStatus, ActionStatusChange
from werkgroep.periods import Bucket, Period, Step, sum_in, sum_per_bucket
from werkgroep.suppression import suppress

Number = int | float | None


@dataclass(frozen=True)
class Series:
    """One line or set of bars: a value per bucket."""

    label: str
    values: list[Number]
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


@dataclass
class Monitor:
    period: Period
    previous: Period
    step: Step
    buckets: list[Bucket]
    sections: list[Section]

    def section(self, key: str) -> Section:
        return next(s for s in self.sections if s.key == key)

    def tables(self) -> list[Table]:
        """Every table of the page, in order: what the export writes."""
        out = [self._figures_table()]
        for section in self.sections:
            out.append(section.bucket_table(self.buckets))
            out.extend(section.tables)
        return out

    def _figures_table(self) -> Table:
        rows = [
            [section.title, f.label, f.current, f.previous, f.change]
            for section in self.sections
            for f in section.figures
        ]
        return Table(
            caption=_("Deze periode en de vorige"),
            columns=[
                _("Onderwerp"),
                _("Cijfer"),
                _("{start} t/m {end}").format(
                    start=self.period.start.isoformat(), end=self.period.end.isoformat()
                ),
                _("{start} t/m {end}").format(
                    start=self.previous.start.isoformat(), end=self.previous.end.isoformat()
                ),
                _("Verschil"),
            ],
            rows=rows,
        )


@dataclass(frozen=True)
class Context:
    period: Period
    previous: Period
    buckets: list[Bucket]

    @property
    def span(self) -> Period:
        """Both periods together: what the reads fetch."""
        return Period(start=self.previous.start, end=self.period.end)


def _local_date(moment: datetime) -> date:
    return timezone.localdate(moment)


def _percent(part: int, whole: int) -> float | None:
    return round(100 * part / whole, 1) if whole else None


def _median(values: list[float]) -> float | None:
    return round(statistics.median(values), 1) if values else None


# Sections ---------------------------------------------------------------------------------


def _members(ctx: Context) -> Section:
    flow = panel_indicators.member_flow(start=ctx.span.start, end=ctx.span.end)
    joined = sum_per_bucket(flow.joined, ctx.buckets)
    left = sum_per_bucket(flow.left, ctx.buckets)
    total = [flow.active_after(b.end) for b in ctx.buckets]
    return Section(
        key="members",
        title=_("Panelleden"),
        chart="line",
        series=[
            Series(_("Leden aan het eind"), total),
            Series(_("Erbij gekomen"), joined),
            Series(_("Gestopt"), left),
        ],
        figures=[
            Figure(
                _("Erbij gekomen"),
                sum_in(flow.joined, ctx.period),
                sum_in(flow.joined, ctx.previous),
            ),
            Figure(_("Gestopt"), sum_in(flow.left, ctx.period), sum_in(flow.left, ctx.previous)),
            Figure(
                _("Leden aan het eind"),
                flow.active_after(ctx.period.end),
                flow.active_after(ctx.previous.end),
            ),
        ],
    )


def _polls(ctx: Context) -> Section:
    polls = [
        (_local_date(p.opens_at), p)
        for p in panel_selectors.polls_overview()
        if ctx.span.start <= _local_date(p.opens_at) <= ctx.span.end
    ]

    def rate(items: list[PollOverview]) -> float | None:
        """The mean of the polls' response rates (fractions 0..1), as a percentage."""
        rates = [p.response_rate for p in items if p.audience_size]
        return round(100 * sum(rates) / len(rates), 1) if rates else None

    per_bucket = [[p for day, p in polls if day in b] for b in ctx.buckets]
    now_ = [p for day, p in polls if day in ctx.period]
    before = [p for day, p in polls if day in ctx.previous]
    status = {"open": _("open"), "closed": _("gesloten"), "scheduled": _("gepland")}
    return Section(
        key="polls",
        title=_("Respons op peilingen"),
        note=_(
            "Respons = reacties gedeeld door de mantelzorgers die de peiling kregen. "
            "Een peiling telt mee in de maand waarin hij openging."
        ),
        series=[
            Series(_("Peilingen"), [len(items) for items in per_bucket]),
            Series(_("Gemiddelde respons"), [rate(items) for items in per_bucket], "%"),
        ],
        figures=[
            Figure(_("Peilingen"), len(now_), len(before)),
            Figure(
                _("Reacties"),
                sum(p.responses for p in now_),
                sum(p.responses for p in before),
            ),
            Figure(_("Gemiddelde respons"), rate(now_), rate(before), "%"),
        ],
        tables=[
            Table(
                caption=_("Respons per peiling in deze periode"),
                columns=[
                    _("Peiling"),
                    _("Open vanaf"),
                    _("Status"),
                    _("Reacties"),
                    _("Uitgenodigd"),
                    _("Respons (%)"),
                ],
                rows=[
                    [
                        p.title,
                        _local_date(p.opens_at).isoformat(),
                        status.get(p.status, p.status),
                        p.responses,
                        p.audience_size,
                        round(100 * p.response_rate, 1) if p.audience_size else None,
                    ]
                    for p in sorted(now_, key=lambda p: p.opens_at)
                ],
            )
        ],
    )


def _training(ctx: Context) -> Section:
    trained = training_indicators.newly_trained_per_day(start=ctx.span.start, end=ctx.span.end)
    certificates = training_indicators.certificates_per_day(start=ctx.span.start, end=ctx.span.end)
    groups_now = training_indicators.certificates_by_group(
        start=ctx.period.start, end=ctx.period.end
    )
    groups_before = training_indicators.certificates_by_group(
        start=ctx.previous.start, end=ctx.previous.end
    )
    professions = dict(Profession.choices)
    unknown = _("Onbekend")

    def per(attr: str) -> list[list]:
        def label(group) -> str:
            value = getattr(group, attr)
            if attr == "profession":
                return str(professions.get(value, value)) if value else unknown
            return value or _("Geen organisatie")

        now_: dict[str, int] = {}
        before: dict[str, int] = {}
        for g in groups_now:
            now_[label(g)] = now_.get(label(g), 0) + g.count
        for g in groups_before:
            before[label(g)] = before.get(label(g), 0) + g.count
        return [[name, now_.get(name, 0), before.get(name, 0)] for name in sorted(now_ | before)]

    columns = [_("Deze periode"), _("Vorige periode")]
    return Section(
        key="training",
        title=_("Training van professionals"),
        note=_(
            "Getraind = de eerste module gehaald. Certificaten: ingetrokken certificaten tellen niet mee."
        ),
        series=[
            Series(_("Nieuw getraind"), sum_per_bucket(trained, ctx.buckets)),
            Series(_("Certificaten"), sum_per_bucket(certificates, ctx.buckets)),
        ],
        figures=[
            Figure(
                _("Nieuw getrainde professionals"),
                sum_in(trained, ctx.period),
                sum_in(trained, ctx.previous),
            ),
            Figure(
                _("Certificaten"),
                sum_in(certificates, ctx.period),
                sum_in(certificates, ctx.previous),
            ),
        ],
        tables=[
            Table(_("Certificaten per beroep"), [_("Beroep"), *columns], per("profession")),
            Table(
                _("Certificaten per organisatie"), [_("Organisatie"), *columns], per("organisation")
            ),
        ],
    )


def _referrals(ctx: Context) -> Section:
    per_day = training_indicators.referrals_per_day(start=ctx.span.start, end=ctx.span.end)
    totals = {d: r.total for d, r in per_day.items()}
    warm = {d: r.warm for d, r in per_day.items()}
    gebieden = {g.code: g.name for g in kaart.vraaggebieden()}
    wijken = {w.pk: w.name for w in kaart.wijken()}
    professions = dict(Profession.choices)
    unknown = _("Onbekend")
    columns = [_("Warm"), _("Niet warm"), _("Totaal"), _("Vorige periode")]

    def table(dimension: str, caption: str, heading: str, labels: dict) -> Table:
        now_ = {
            g.key: g
            for g in training_indicators.referrals_by(
                dimension=dimension, start=ctx.period.start, end=ctx.period.end
            )
        }
        before = {
            g.key: g.total
            for g in training_indicators.referrals_by(
                dimension=dimension, start=ctx.previous.start, end=ctx.previous.end
            )
        }
        keys = [k for k in labels if k in now_ or k in before]
        keys += [k for k in {*now_, *before} if k not in labels]
        rows = []
        for key in keys:
            g = now_.get(key)
            rows.append(
                [
                    str(labels.get(key, unknown)),
                    g.warm if g else 0,
                    g.not_warm if g else 0,
                    g.total if g else 0,
                    before.get(key, 0),
                ]
            )
        return Table(caption, [heading, *columns], rows)

    by_wijk = {
        g.key: g
        for g in training_indicators.referrals_by(
            dimension="wijk", start=ctx.period.start, end=ctx.period.end
        )
    }
    wijk_keys = [*wijken, None]
    wijk_table = suppress(
        row_labels=[wijken.get(k, unknown) for k in wijk_keys],
        column_labels=[_("Warm"), _("Niet warm")],
        counts=[
            [by_wijk[k].warm, by_wijk[k].not_warm] if k in by_wijk else [0, 0] for k in wijk_keys
        ],
    )
    return Section(
        key="referrals",
        title=_("Doorverwijzingen"),
        note=_(
            "Warm = de professional droeg de mantelzorger persoonlijk over. Per vraaggebied telt "
            "een doorverwijzing mee bij elk vraaggebied dat erbij hoort. Per wijk: minder dan 5 "
            "wordt <5; × is verborgen zodat niemand een kleine groep kan terugrekenen."
        ),
        series=[
            Series(_("Doorverwijzingen"), sum_per_bucket(totals, ctx.buckets)),
            Series(_("Waarvan warm"), sum_per_bucket(warm, ctx.buckets)),
        ],
        figures=[
            Figure(_("Doorverwijzingen"), sum_in(totals, ctx.period), sum_in(totals, ctx.previous)),
            Figure(_("Waarvan warm"), sum_in(warm, ctx.period), sum_in(warm, ctx.previous)),
            Figure(
                _("Aandeel warm"),
                _percent(sum_in(warm, ctx.period), sum_in(totals, ctx.period)),
                _percent(sum_in(warm, ctx.previous), sum_in(totals, ctx.previous)),
                "%",
            ),
        ],
        tables=[
            table("vraaggebied", _("Per vraaggebied"), _("Vraaggebied"), gebieden),
            table("profession", _("Per beroep"), _("Beroep"), professions),
            Table(
                _("Per wijk, deze periode"),
                [_("Wijk"), *wijk_table.column_labels, _("Totaal")],
                [row[:] for row in wijk_table.as_matrix()[1:]],
            ),
        ],
    )


def _gesprekken(ctx: Context) -> Section:
    held = panel_indicators.gesprekken_held(start=ctx.span.start, end=ctx.span.end)
    count = {d: g.gesprekken for d, g in held.items()}
    reached = {d: g.caregivers for d, g in held.items()}
    return Section(
        key="gesprekken",
        title=_("Spiegelgesprekken"),
        note=_("Bereikt = mantelzorgers met een plaats (niet op de wachtlijst, niet afgemeld)."),
        series=[
            Series(_("Gehouden"), sum_per_bucket(count, ctx.buckets)),
            Series(_("Mantelzorgers bereikt"), sum_per_bucket(reached, ctx.buckets)),
        ],
        figures=[
            Figure(_("Gehouden"), sum_in(count, ctx.period), sum_in(count, ctx.previous)),
            Figure(
                _("Mantelzorgers bereikt"),
                sum_in(reached, ctx.period),
                sum_in(reached, ctx.previous),
            ),
        ],
    )


def _status_timeline() -> tuple[dict[int, list[tuple[date, str]]], dict[int, date]]:
    """Per action point its status changes (local date, new status), and its creation date."""
    created = {
        pk: _local_date(at) for pk, at in ActionPoint.objects.values_list("pk", "created_at")
    }
    current = dict(ActionPoint.objects.values_list("pk", "status"))
    changes: dict[int, list[tuple[date, str]]] = {pk: [] for pk in created}
    for pk, status, at in ActionStatusChange.objects.order_by("changed_at", "pk").values_list(
        "action_point_id", "to_status", "changed_at"
    ):
        changes[pk].append((_local_date(at), status))
    for pk, items in changes.items():
        if not items:  # made without history (e.g. in bulk): its status since it was made
            items.append((created[pk], current[pk]))
    return changes, created


def _status_on(items: list[tuple[date, str]], day: date) -> str | None:
    status = None
    for changed, to_status in items:
        if changed > day:
            break
        status = to_status
    return status


def _actions(ctx: Context) -> Section:
    changes, created = _status_timeline()
    first_done = {
        pk: next((d for d, s in items if s == ActionStatus.DONE), None)
        for pk, items in changes.items()
    }
    done_days = {pk: d for pk, d in first_done.items() if d is not None}

    def done_in(span) -> list[int]:
        return [pk for pk, d in done_days.items() if d in span]

    def days_to_done(pks: list[int]) -> float | None:
        return _median([(done_days[pk] - created[pk]).days for pk in pks])

    def by_status(day: date) -> dict[str, int]:
        counts = dict.fromkeys(ActionStatus.values, 0)
        for items in changes.values():
            status = _status_on(items, day)
            if status is not None:
                counts[status] += 1
        return counts

    at_end = by_status(ctx.period.end)
    at_previous_end = by_status(ctx.previous.end)
    labels = dict(ActionStatus.choices)
    per_bucket = [by_status(b.end) for b in ctx.buckets]
    status_series = [
        Series(str(labels[status]), [counts[status] for counts in per_bucket])
        for status in ActionStatus.values
    ]
    return Section(
        key="actions",
        title=_("Actiepunten"),
        note=_(
            "Tijd tot klaar = dagen van het maken van het actiepunt tot de status Klaar (mediaan)."
        ),
        series=[
            *status_series,
            Series(_("Tijd tot klaar"), [days_to_done(done_in(b)) for b in ctx.buckets], "dagen"),
        ],
        figures=[
            Figure(_("Klaar gemeld"), len(done_in(ctx.period)), len(done_in(ctx.previous))),
            Figure(
                _("Tijd tot klaar (mediaan, dagen)"),
                days_to_done(done_in(ctx.period)),
                days_to_done(done_in(ctx.previous)),
            ),
            Figure(
                _("Nog open aan het eind"),
                sum(
                    at_end[s]
                    for s in (ActionStatus.IDEA, ActionStatus.PLANNED, ActionStatus.IN_PROGRESS)
                ),
                sum(
                    at_previous_end[s]
                    for s in (ActionStatus.IDEA, ActionStatus.PLANNED, ActionStatus.IN_PROGRESS)
                ),
            ),
        ],
        tables=[
            Table(
                _("Actiepunten per status aan het eind van de periode"),
                [_("Status"), _("Deze periode"), _("Vorige periode")],
                [[str(labels[s]), at_end[s], at_previous_end[s]] for s in ActionStatus.values],
            )
        ],
    )


SECTION_BUILDERS: list[Callable[[Context], Section]] = [
    _members,
    _polls,
    _training,
    _referrals,
    _gesprekken,
    _actions,
]


def monitor(*, period: Period, step: Step = Step.MONTH) -> Monitor:
    previous = period.previous()
    ctx = Context(period=period, previous=previous, buckets=period.buckets(step))
    return Monitor(
        period=period,
        previous=previous,
        step=step,
        buckets=ctx.buckets,
        sections=[build(ctx) for build in SECTION_BUILDERS],
    )

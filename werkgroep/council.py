"""The report for the gemeenteraad: a chosen period against the previous one, built from the
monitor, the trends per question and the action points' history, with the werkgroep's own
summary and conclusions per section.

The report's figures are plain JSON (`report_data`): a draft reads them fresh; publishing
stores them on the report, so a published report (page and PDF) stays as it was published.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import User
from werkgroep import charts, monitor, trends
from werkgroep.exceptions import ReportPublished
from werkgroep.models import (
    ActionStatus,
    ActionStatusChange,
    CouncilReport,
    CouncilReportStatus,
    CouncilSection,
)
from werkgroep.periods import Period, Step

WIDE_COLUMNS = 6  # a table with more columns goes on a landscape page
SUMMARY_KEY = "summary"
SHORT_MONTHS = ["jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"]


def _short(day: date) -> str:
    return f"{day.day} {SHORT_MONTHS[day.month - 1]} {day.year}"


def _table(table: monitor.Table) -> dict:
    return {
        "caption": str(table.caption),
        "columns": [str(c) for c in table.columns],
        "rows": [
            [v if isinstance(v, int | float) or v is None else str(v) for v in row]
            for row in table.rows
        ],
        "note": str(table.note),
        "wide": len(table.columns) > WIDE_COLUMNS,
    }


def _chart(chart: charts.Chart) -> dict:
    return {
        "title": chart.title,
        "labels": chart.labels,
        "kind": chart.kind,
        "unit": chart.unit,
        "series": [
            {"label": s.label, "values": s.values, "displays": s.displays} for s in chart.series
        ],
    }


def chart_from(data: dict) -> charts.Chart:
    return charts.Chart(
        title=data["title"],
        labels=data["labels"],
        kind=data["kind"],
        unit=data["unit"],
        series=[
            charts.ChartSeries(label=s["label"], values=s["values"], displays=s["displays"])
            for s in data["series"]
        ],
    )


def _monitor_sections(result: monitor.Monitor) -> list[dict]:
    labels = [b.label for b in result.buckets]
    out = []
    for section in result.sections:
        out.append(
            {
                "key": section.key,
                "title": str(section.title),
                "note": str(section.note),
                "figures": [
                    {
                        "label": str(f.label),
                        "current": f.current,
                        "previous": f.previous,
                        "change": f.change,
                        "unit": f.unit,
                    }
                    for f in section.figures
                ],
                "charts": [
                    _chart(c)
                    for c in charts.charts_for(
                        title=section.title,
                        labels=labels,
                        series=section.series,
                        kind=section.chart,
                    )
                ],
                "tables": [_table(section.bucket_table(result.buckets))]
                + [_table(t) for t in section.tables],
                "notes": [],
            }
        )
    return out


def _trend_section(period: Period) -> dict:
    chart_items, tables, notes = [], [], []
    for series in trends.repeated_series(period=period):
        result = trends.trend(root_id=series.root_id, period=period)
        if result is None:
            continue
        notes += [f"{result.title}: {n.text}" for n in result.notes]
        labels = [r.label for r in result.rounds]
        for q in result.questions:
            if not q.comparable:
                continue
            displays = [
                [
                    f"{charts.format_value(s, '%')} ({n})"
                    for s, n in zip(c.shares, c.counts, strict=True)
                ]
                for c in q.choices
            ]
            chart = charts.Chart(
                title=f"{result.title}: {q.text}",
                labels=labels,
                series=[
                    charts.ChartSeries(label=c.text, values=c.shares, displays=d)
                    for c, d in zip(q.choices[: len(charts.STYLES)], displays, strict=False)
                ],
                unit="%",
            )
            chart_items.append(_chart(chart))
            tables.append(
                {
                    "caption": f"{result.title}: {q.text}",
                    "columns": [_("Antwoord"), *labels],
                    "rows": [[c.text, *d] for c, d in zip(q.choices, displays, strict=True)]
                    + [[_("Aantal antwoorden"), *q.totals]],
                    "note": "",
                    "wide": len(labels) + 1 > WIDE_COLUMNS,
                }
            )
    return {
        "key": "trends",
        "title": _("Trends per vraag"),
        "note": _(
            "Peilingen die herhaald zijn: het deel van de mensen dat elk antwoord gaf, per ronde "
            "(tussen haakjes het aantal)."
        )
        if chart_items
        else _("In deze periode is geen peiling herhaald."),
        "figures": [],
        "charts": chart_items,
        "tables": tables,
        "notes": notes,
    }


def _changes_section(period: Period) -> dict:
    """The action points' history in the period, one row per action point: how it went."""
    labels = dict(ActionStatus.choices)
    changes = (
        ActionStatusChange.objects.filter(
            changed_at__date__gte=period.start, changed_at__date__lte=period.end
        )
        .select_related("action_point")
        .order_by("action_point__title", "action_point_id", "changed_at", "pk")
    )
    rows: dict[int, list] = {}
    for change in changes:
        step = f"{labels.get(change.to_status, change.to_status)} ({_short(timezone.localdate(change.changed_at))})"
        if change.action_point_id not in rows:
            start = labels.get(change.from_status, "") if change.from_status else _("nieuw")
            rows[change.action_point_id] = [
                change.action_point.title,
                f"{start} → {step}",
                str(labels[change.action_point.status]),
            ]
        else:
            rows[change.action_point_id][1] += f" → {step}"
    return {
        "key": "changes",
        "title": _("Wat veranderde bij de actiepunten"),
        "note": "",
        "figures": [],
        "charts": [],
        "tables": [
            {
                "caption": _("Verloop per actiepunt in deze periode"),
                "columns": [_("Actiepunt"), _("Verloop"), _("Status nu")],
                "rows": list(rows.values()),
                "note": "",
                "wide": False,
            }
        ],
        "notes": [],
    }


def report_data(*, period: Period, step: Step = Step.MONTH, title: str = "") -> dict:
    """Every figure of the report as plain JSON."""
    result = monitor.monitor(period=period, step=step)
    return {
        "title": title,
        "gemeente": settings.MANTELKRING_GEMEENTE,
        "period": {"start": period.start.isoformat(), "end": period.end.isoformat()},
        "previous": {
            "start": result.previous.start.isoformat(),
            "end": result.previous.end.isoformat(),
        },
        "step": str(step),
        "made_at": timezone.now().isoformat(),
        "sections": [
            *_monitor_sections(result),
            _trend_section(period),
            _changes_section(period),
        ],
    }


@dataclass
class ReportView:
    """What the page and the PDF show: the figures with the werkgroep's texts."""

    report: CouncilReport
    data: dict
    texts: dict[str, CouncilSection]

    @property
    def period(self) -> Period:
        return Period(
            start=date.fromisoformat(self.data["period"]["start"]),
            end=date.fromisoformat(self.data["period"]["end"]),
        )

    @property
    def previous(self) -> Period:
        return Period(
            start=date.fromisoformat(self.data["previous"]["start"]),
            end=date.fromisoformat(self.data["previous"]["end"]),
        )

    @property
    def summary(self) -> CouncilSection | None:
        return self.texts.get(SUMMARY_KEY)

    @property
    def sections(self) -> list[dict]:
        return [
            {
                **section,
                "text": self.texts.get(section["key"]),
                "chart_objects": [chart_from(c) for c in section["charts"]],
            }
            for section in self.data["sections"]
        ]


def report_view(*, report: CouncilReport) -> ReportView:
    data = (
        report.snapshot
        if report.is_published
        else report_data(
            period=Period(start=report.period_start, end=report.period_end),
            step=Step(report.step),
            title=report.title,
        )
    )
    texts = {s.key: s for s in report.sections.all()}
    return ReportView(report=report, data=data, texts=texts)


def section_keys() -> list[str]:
    return [
        SUMMARY_KEY,
        "members",
        "polls",
        "training",
        "referrals",
        "gesprekken",
        "actions",
        "contact",
        "trends",
        "changes",
    ]


# Writes ------------------------------------------------------------------------------------


@transaction.atomic
def create_report(*, title: str, period: Period, step: Step, by: User) -> CouncilReport:
    return CouncilReport.objects.create(
        title=title.strip(),
        period_start=period.start,
        period_end=period.end,
        step=str(step),
        created_by=by,
    )


def _name(user: User) -> str:
    full = f"{user.first_name} {user.last_name}".strip()
    return full or user.email


def save_section_text(
    *, report: CouncilReport, key: str, summary: str, conclusions: str, by: User
) -> CouncilSection:
    """Store the werkgroep's words for one section; a published report does not change."""
    if key not in section_keys():
        raise ValueError(f"unknown section {key!r}")
    with transaction.atomic():
        locked = CouncilReport.objects.select_for_update().get(pk=report.pk)
        if locked.is_published:
            raise ReportPublished
        section, _created = CouncilSection.objects.update_or_create(
            report=locked,
            key=key,
            defaults={
                "summary": summary.strip(),
                "conclusions": conclusions.strip(),
                "written_by": by,
                "written_by_name": _name(by),
                "written_at": timezone.now(),
            },
        )
    return section


def publish_report(*, report: CouncilReport, by: User) -> CouncilReport:
    """Freeze the figures as they are now and publish; publishing twice changes nothing."""
    with transaction.atomic():
        locked = CouncilReport.objects.select_for_update().get(pk=report.pk)
        if locked.is_published:
            raise ReportPublished
        locked.snapshot = report_data(
            period=Period(start=locked.period_start, end=locked.period_end),
            step=Step(locked.step),
            title=locked.title,
        )
        locked.status = CouncilReportStatus.PUBLISHED
        locked.published_at = timezone.now()
        locked.published_by = by
        locked.save()
    return locked

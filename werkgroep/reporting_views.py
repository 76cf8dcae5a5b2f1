"""Views of the werkgroep's reporting over time: the monitor, trends per question, the council
report and their exports. Thin: parse the period, call a selector, render."""

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from accounts.roles import area_required
from werkgroep import charts, exports, monitor, selectors, trends
from werkgroep.periods import Period, Step
from werkgroep.reporting_forms import PeriodStepForm

werkgroep_only = area_required("werkgroep")
FORMATS = ("csv", "xlsx")


def _period(request: HttpRequest) -> tuple[PeriodStepForm, Period, Step]:
    form = PeriodStepForm(request.GET or None)
    return form, form.period(), form.step()


def monitor_sections(result: monitor.Monitor) -> list[dict]:
    labels = [b.label for b in result.buckets]
    return [
        {
            "section": section,
            "charts": charts.charts_for(
                title=section.title, labels=labels, series=section.series, kind=section.chart
            ),
        }
        for section in result.sections
    ]


@werkgroep_only
def monitor_page(request: HttpRequest) -> HttpResponse:
    form, period, step = _period(request)
    result = monitor.monitor(period=period, step=step)
    return render(
        request,
        "werkgroep/monitor.html",
        {
            "form": form,
            "monitor": result,
            "sections": monitor_sections(result),
            "query": request.GET.urlencode(),
        },
    )


@werkgroep_only
def monitor_export(request: HttpRequest, fmt: str) -> HttpResponse:
    if fmt not in FORMATS:
        raise Http404
    _form, period, step = _period(request)
    result = monitor.monitor(period=period, step=step)
    return exports.export_response(
        user=request.user,
        what="monitor",
        file_format=fmt,
        sheets=exports.table_sheets(result.tables()),
        params={**period.as_params(), "stap": str(step)},
        filename=f"monitor-{period.start.isoformat()}-{period.end.isoformat()}",
    )


def trend_charts(result: trends.Trend) -> list[dict]:
    """A line chart of each comparable question's shares per round, with its table."""
    labels = [r.label for r in result.rounds]
    out = []
    for question in result.questions:
        chart = None
        if question.comparable:
            chart = charts.Chart(
                title=question.text,
                labels=labels,
                series=[
                    charts.ChartSeries(
                        label=c.text,
                        values=c.shares,
                        displays=[
                            f"{charts.format_value(share, '%')} ({n})"
                            for share, n in zip(c.shares, c.counts, strict=True)
                        ],
                    )
                    for c in question.choices[: len(charts.STYLES)]
                ],
                unit="%",
            )
        by_choice = [
            {
                "choice": choice,
                "rows": [{"label": g.label, "cells": g.cells[ci]} for g in question.groups],
            }
            for ci, choice in enumerate(question.choices)
        ]
        totals = [{"label": g.label, "totals": g.totals} for g in question.groups]
        out.append(
            {"question": question, "chart": chart, "by_choice": by_choice, "group_totals": totals}
        )
    return out


@werkgroep_only
def trend_list(request: HttpRequest) -> HttpResponse:
    form, period, _step = _period(request)
    return render(
        request,
        "werkgroep/trend_list.html",
        {
            "form": form,
            "period": period,
            "series": trends.repeated_series(period=period),
            "query": request.GET.urlencode(),
        },
    )


@werkgroep_only
def trend_page(request: HttpRequest, poll_id: int) -> HttpResponse:
    form, period, _step = _period(request)
    dimension = request.GET.get("uitsplitsing") or None
    if dimension not in selectors.DIMENSIONS:
        dimension = None
    explicit = form.is_valid() and (form.cleaned_data.get("van") or form.cleaned_data.get("tot"))
    result = trends.trend(root_id=poll_id, period=period if explicit else None, dimension=dimension)
    if result is None:
        raise Http404
    return render(
        request,
        "werkgroep/trend.html",
        {
            "form": form,
            "trend": result,
            "items": trend_charts(result),
            "dimension": dimension,
            "dimensions": selectors.DIMENSIONS,
        },
    )

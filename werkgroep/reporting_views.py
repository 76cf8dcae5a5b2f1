"""Views of the werkgroep's reporting over time: the monitor, trends per question, the council
report and their exports. Thin: parse the period, call a selector, render."""

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from accounts.roles import area_required
from werkgroep import charts, exports, monitor
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

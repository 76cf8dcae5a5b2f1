"""Views of the werkgroep's reporting over time: the monitor, trends per question, the council
report and their exports. Thin: parse the period, call a selector, render."""

from typing import TYPE_CHECKING
from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from accounts.roles import area_required, signed_in_user
from panel import breakdown
from werkgroep import (
    charts,
    council,
    council_pdf,
    evidence,
    exports,
    monitor,
    trends,
)
from werkgroep.exceptions import ReportPublished, WerkgroepError
from werkgroep.forms import ReferralEvidenceForm
from werkgroep.models import ActionPoint, CouncilReport
from werkgroep.periods import Period, Step
from werkgroep.reporting_forms import (
    AnswerCitationForm,
    CouncilReportForm,
    PeriodForm,
    PeriodStepForm,
    SectionTextForm,
    TrendCitationForm,
)

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

werkgroep_only = area_required("werkgroep")
FORMATS = ("csv", "xlsx")


def _period(
    request: HttpRequest, form_class: type[PeriodForm] = PeriodStepForm
) -> tuple[PeriodForm, Period, Step]:
    form = form_class(request.GET or None)
    return form, form.period(), form.chosen_step()


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
            "period_query": urlencode(period.as_params()),
        },
    )


@werkgroep_only
def monitor_export(request: HttpRequest, fmt: str) -> HttpResponse:
    if fmt not in FORMATS:
        raise Http404
    _form, period, step = _period(request)
    result = monitor.monitor(period=period, step=step)
    return exports.export_response(
        user=signed_in_user(request),
        what="monitor",
        file_format=fmt,
        sheets=exports.table_sheets(result.tables()),
        params={**period.as_params(), "step": str(step)},
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
    form, period, _step = _period(request, PeriodForm)
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
    form, period, _step = _period(request, PeriodForm)
    dimension = request.GET.get("uitsplitsing") or None
    if dimension not in breakdown.DIMENSIONS:
        dimension = None
    explicit = form.is_valid() and (
        form.cleaned_data.get("date_from") or form.cleaned_data.get("date_to")
    )
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
            "dimensions": {key: d.label for key, d in breakdown.DIMENSIONS.items()},
        },
    )


# Council report ----------------------------------------------------------------------------

COUNCIL_MESSAGES: dict[type[WerkgroepError], "StrOrPromise"] = {
    ReportPublished: gettext_lazy(
        "Dit rapport is gepubliceerd en verandert niet meer. Maak een nieuw rapport."
    ),
}


@werkgroep_only
def council_list(request: HttpRequest) -> HttpResponse:
    form = CouncilReportForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        report = council.create_report(
            title=form.cleaned_data["title"],
            period=form.period(),
            step=form.chosen_step(),
            by=signed_in_user(request),
        )
        messages.success(request, _("Rapport gemaakt. Schrijf nu per onderdeel uw tekst."))
        return redirect("werkgroep:council", pk=report.pk)
    return render(
        request,
        "werkgroep/council_list.html",
        {"form": form, "reports": CouncilReport.objects.select_related("published_by")},
    )


def _section_forms(view: council.ReportView, bound: SectionTextForm | None) -> dict:
    forms = {}
    for key in council.section_keys():
        if bound is not None and bound.prefix == key:
            forms[key] = bound
            continue
        text = view.texts.get(key)
        forms[key] = SectionTextForm(
            prefix=key,
            initial={
                "key": key,
                "summary": text.summary if text else "",
                "conclusions": text.conclusions if text else "",
            },
        )
    return forms


@werkgroep_only
def council_detail(request: HttpRequest, pk: int) -> HttpResponse:
    report = get_object_or_404(CouncilReport, pk=pk)
    bound = None
    if request.method == "POST":
        try:
            if request.POST.get("action") == "publish":
                council.publish_report(report=report, by=signed_in_user(request))
                messages.success(request, _("Gepubliceerd. Dit rapport verandert niet meer."))
                return redirect("werkgroep:council", pk=pk)
            key = request.POST.get("section", "")
            if key not in council.section_keys():
                raise Http404
            bound = SectionTextForm(request.POST, prefix=key)
            if bound.is_valid():
                council.save_section_text(
                    report=report,
                    key=key,
                    summary=bound.cleaned_data["summary"],
                    conclusions=bound.cleaned_data["conclusions"],
                    by=signed_in_user(request),
                )
                messages.success(request, _("Tekst opgeslagen."))
                return redirect(f"{reverse('werkgroep:council', args=[pk])}#sec-{key}")
        except WerkgroepError as error:
            messages.error(request, COUNCIL_MESSAGES[type(error)])
            return redirect("werkgroep:council", pk=pk)
    view = council.report_view(report=report)
    return render(
        request,
        "werkgroep/council_report.html",
        {
            "view": view,
            "report": report,
            "forms": _section_forms(view, bound),
            "gemeente": view.data["gemeente"],
        },
    )


@werkgroep_only
def council_pdf_download(request: HttpRequest, pk: int) -> HttpResponse:
    report = get_object_or_404(CouncilReport, pk=pk)
    body = council_pdf.report_pdf(council.report_view(report=report))
    response = HttpResponse(body, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="raadsrapport-{report.pk}.pdf"'
    return response


def _css_string(text: str) -> str:
    """A CSS string literal: quotes, backslashes and line breaks escaped."""
    escaped = "".join(
        ch if ch.isalnum() or ch in " .,:;-()/'·" else f"\\{ord(ch):06x}" for ch in str(text)
    )
    return f'"{escaped}"'


@werkgroep_only
def council_print_css(request: HttpRequest, pk: int) -> HttpResponse:
    """The running header of the printed report: the gemeente, the title and the date, in the
    page margins (CSS @page boxes; a stylesheet, because the page allows no inline style)."""
    report = get_object_or_404(CouncilReport, pk=pk)
    day = report.published_at or timezone.now()
    header = _("Gemeente {gemeente} · {title}").format(
        gemeente=settings.MANTELKRING_GEMEENTE, title=report.title
    )
    dated = date_format(timezone.localtime(day), "j F Y")
    if not report.is_published:
        dated = _("Concept, {day}").format(day=dated)
    boxes = f"@top-left {{ content: {_css_string(header)}; }} @top-right {{ content: {_css_string(dated)}; }}"
    css = f"@page {{ {boxes} }}\n@page wide {{ {boxes} }}\n"
    return HttpResponse(css, content_type="text/css; charset=utf-8")


# Citing evidence on an action point ----------------------------------------------------------


@werkgroep_only
def action_cite(request: HttpRequest, pk: int) -> HttpResponse:
    """Cite one answer (with its share), one trend or one referral figure on an action point."""
    point = get_object_or_404(ActionPoint, pk=pk)
    kind = request.POST.get("cite") if request.method == "POST" else None
    answer_form = AnswerCitationForm(
        request.POST if kind == "answer" else None, options=evidence.answer_options(), prefix="a"
    )
    trend_form = TrendCitationForm(
        request.POST if kind == "trend" else None, options=evidence.trend_options(), prefix="t"
    )
    referral_form = ReferralEvidenceForm(request.POST if kind == "referrals" else None, prefix="r")
    try:
        if kind == "answer" and answer_form.is_valid():
            evidence.cite_answer(
                action_point=point,
                choice_id=answer_form.cleaned_data["choice"],
                note=answer_form.cleaned_data["note"],
            )
        elif kind == "trend" and trend_form.is_valid():
            root_id, choice_id = trend_form.ids()
            evidence.cite_trend(
                action_point=point,
                root_poll_id=root_id,
                choice_id=choice_id,
                note=trend_form.cleaned_data["note"],
            )
        elif kind == "referrals" and referral_form.is_valid():
            data = referral_form.cleaned_data
            evidence.cite_referrals(
                action_point=point,
                vraaggebied=data["vraaggebied"],
                date_from=data["date_from"],
                date_to=data["date_to"],
                note=data["note"],
            )
        else:
            kind = None
    except evidence.CitationError:
        messages.error(request, _("Dit cijfer bestaat niet meer. Kies een ander."))
        kind = None
    if kind is not None:
        messages.success(request, _("Onderbouwing toegevoegd, met het cijfer van vandaag."))
        return redirect(f"{reverse('werkgroep:action', args=[pk])}#evidence")
    return render(
        request,
        "werkgroep/action_cite.html",
        {
            "point": point,
            "answer_form": answer_form,
            "trend_form": trend_form,
            "referral_form": referral_form,
        },
    )

from django import forms
from django.contrib import messages
from django.core.exceptions import ObjectDoesNotExist
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from accounts.models import User
from accounts.roles import area_required, signed_in_user
from mantelkring.forms import IdForm
from panel import breakdown
from panel.services.polls import moderate_answer, redact_answer, undo_moderation
from werkgroep import exports, outcomes, results, selectors, services
from werkgroep.coverage import coverage as coverage_table
from werkgroep.exceptions import QuoteWithoutConsent, ReasonRequired, SameStatus, WerkgroepError
from werkgroep.forms import (
    ActionPointForm,
    ModerationForm,
    OutcomeForm,
    PeriodForm,
    PollEvidenceForm,
    RedactForm,
    ReferralEvidenceForm,
    StatusForm,
    UndoForm,
)
from werkgroep.models import ActionPoint, ActionStatus
from werkgroep.reporting_forms import chosen_period

MESSAGES = {
    ReasonRequired: gettext_lazy("Zeg waarom dit niet haalbaar is."),
    SameStatus: gettext_lazy("Het actiepunt heeft deze status al."),
    QuoteWithoutConsent: gettext_lazy("Een citaat mag alleen als de spreker dat goed vindt."),
}

werkgroep_only = area_required("werkgroep")


def _results_or_404(poll_id: int, dimension: str) -> results.ResultsPage:
    try:
        return results.results_page(poll_id=poll_id, dimension=dimension)
    except ObjectDoesNotExist:
        raise Http404 from None


@werkgroep_only
def dashboard(request: HttpRequest) -> HttpResponse:
    return render(request, "werkgroep/dashboard.html", selectors.dashboard())


# Poll results and moderation ------------------------------------------------------------------


@werkgroep_only
def poll_results(request: HttpRequest, poll_id: int) -> HttpResponse:
    dimension = request.GET.get("uitsplitsing", "wijk")
    if dimension not in breakdown.DIMENSIONS:
        dimension = "wijk"
    return render(
        request,
        "werkgroep/poll_results.html",
        {
            "results": _results_or_404(poll_id, dimension),
            "dimension": dimension,
            "dimensions": breakdown.DIMENSIONS.values(),
            "dimension_label": breakdown.DIMENSIONS[dimension].label,
        },
    )


@werkgroep_only
def moderation(request: HttpRequest, poll_id: int) -> HttpResponse:
    """Free text before anyone reads it: approve, hide, black out parts, or undo a decision."""
    try:
        queue = results.moderation_queue(poll_id=poll_id)
    except ObjectDoesNotExist:
        raise Http404 from None
    decided = results.decided_free_text(poll_id=poll_id)
    texts = {item.id: item.text for item in queue.items + decided.items}
    bound: dict[str, forms.Form] = {}
    if request.method == "POST":
        action = request.POST.get("action", "decide")
        if action not in MODERATION_FORMS:
            raise Http404
        answer_id = request.POST.get("answer_id", "")
        if action == "redact":
            text = texts.get(int(answer_id), "") if answer_id.isdigit() else ""
            form: forms.Form = RedactForm(request.POST, text=text)
        else:
            form = MODERATION_FORMS[action](request.POST)
        if form.is_valid():
            if form.cleaned_data["answer_id"] not in _may_act_on(action, queue, decided):
                raise Http404
            messages.success(request, _moderate(action, form.cleaned_data, signed_in_user(request)))
            return redirect("werkgroep:moderation", poll_id=poll_id)
        bound[f"{action}-{answer_id}"] = form
    items = [
        (
            item,
            bound.get(f"decide-{item.id}")
            or ModerationForm(initial={"answer_id": item.id}, auto_id=f"id_%s_{item.id}"),
            bound.get(f"redact-{item.id}")
            or RedactForm(
                initial={
                    "answer_id": item.id,
                    "parts": "\n".join(dict.fromkeys(f.text for f in item.findings)),
                },
                auto_id=f"id_redact_%s_{item.id}",
            ),
        )
        for item in queue.items
    ]
    context = {"poll": queue.poll, "items": items, "decided": decided.items}
    return render(request, "werkgroep/moderation.html", context)


MODERATION_FORMS: dict[str, type[forms.Form]] = {
    "decide": ModerationForm,
    "redact": RedactForm,
    "undo": UndoForm,
}


def _may_act_on(action: str, queue, decided) -> set[int]:
    """Answers of this poll the action applies to: a decision or blacking out for waiting
    answers (blacking out also for approved ones), undo for decided ones."""
    if action == "undo":
        return {item.id for item in decided.items}
    waiting = {item.id for item in queue.items}
    if action == "redact":
        return waiting | {item.id for item in decided.items if item.status == "approved"}
    return waiting


def _moderate(action: str, data: dict, user: User) -> str:
    if action == "redact":
        redact_answer(answer_id=data["answer_id"], parts=data["parts"], by=user)
        return _("Zwart gemaakt. De oude tekst is weg.")
    if action == "undo":
        undo_moderation(answer_id=data["answer_id"], by=user)
        return _("Teruggezet. Het antwoord wacht weer op controle.")
    approve = data["decision"] == "approve"
    moderate_answer(answer_id=data["answer_id"], approve=approve, reason=data["reason"], by=user)
    return _("Goedgekeurd.") if approve else _("Verborgen. Niemand ziet dit antwoord nog.")


# Action points --------------------------------------------------------------------------------


def _form_kwargs(form) -> dict:
    data = form.cleaned_data
    return {
        "title": data["title"],
        "description": data["description"],
        "said": data["said"],
        "done": data["done"],
        "vraaggebieden": data["vraaggebieden"],
        "owner": data["owner"],
        "due_date": data["due_date"],
        "is_public": data["is_public"],
        "outcomes": data["outcomes"],
    }


@werkgroep_only
def action_list(request: HttpRequest) -> HttpResponse:
    status = request.GET.get("status") or None
    if status not in ActionStatus.values:
        status = None
    return render(
        request,
        "werkgroep/action_list.html",
        {
            "points": selectors.action_points(status=status),
            "status": status,
            "statuses": ActionStatus.choices,
            "by_status": selectors.action_points_by_status(),
        },
    )


@werkgroep_only
def action_new(request: HttpRequest) -> HttpResponse:
    form = ActionPointForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        point = services.create_action_point(by=signed_in_user(request), **_form_kwargs(form))
        messages.success(request, _("Actiepunt opgeslagen."))
        return redirect("werkgroep:action", pk=point.pk)
    return render(request, "werkgroep/action_form.html", {"form": form, "point": None})


@werkgroep_only
def action_edit(request: HttpRequest, pk: int) -> HttpResponse:
    point = get_object_or_404(ActionPoint, pk=pk)
    form = ActionPointForm(request.POST or None, initial=selectors.action_point_values(point=point))
    if request.method == "POST" and form.is_valid():
        services.update_action_point(action_point=point, **_form_kwargs(form))
        messages.success(request, _("Actiepunt opgeslagen."))
        return redirect("werkgroep:action", pk=point.pk)
    return render(request, "werkgroep/action_form.html", {"form": form, "point": point})


@werkgroep_only
def action_detail(request: HttpRequest, pk: int) -> HttpResponse:
    try:
        context = selectors.action_point_detail(pk=pk)
    except ActionPoint.DoesNotExist:
        raise Http404 from None
    point = context["point"]
    status_form = StatusForm(initial={"status": point.status}, prefix="status")
    poll_form = PollEvidenceForm(questions=results.choice_questions(), prefix="poll")
    referral_form = ReferralEvidenceForm(prefix="ref")
    if request.method == "POST":
        action = request.POST.get("action")
        try:
            if action == "status":
                status_form = StatusForm(request.POST, prefix="status")
                if status_form.is_valid():
                    services.change_status(
                        action_point=point,
                        status=status_form.cleaned_data["status"],
                        reason=status_form.cleaned_data["reason"],
                        by=signed_in_user(request),
                    )
                    messages.success(request, _("Status gewijzigd."))
                    return redirect("werkgroep:action", pk=pk)
            elif action == "poll":
                poll_form = PollEvidenceForm(
                    request.POST, questions=results.choice_questions(), prefix="poll"
                )
                if poll_form.is_valid():
                    services.add_poll_evidence(
                        action_point=point,
                        question_id=poll_form.cleaned_data["question"],
                        note=poll_form.cleaned_data["note"],
                    )
                    messages.success(request, _("Onderbouwing toegevoegd."))
                    return redirect("werkgroep:action", pk=pk)
            elif action == "referrals":
                referral_form = ReferralEvidenceForm(request.POST, prefix="ref")
                if referral_form.is_valid():
                    data = referral_form.cleaned_data
                    services.add_referral_evidence(
                        action_point=point,
                        vraaggebied=data["vraaggebied"],
                        date_from=data["date_from"],
                        date_to=data["date_to"],
                        note=data["note"],
                    )
                    messages.success(request, _("Onderbouwing toegevoegd."))
                    return redirect("werkgroep:action", pk=pk)
            elif action == "remove-evidence":
                id_form = IdForm({"id": request.POST.get("evidence_id")})
                if not id_form.is_valid():
                    raise Http404
                services.remove_evidence(evidence_id=id_form.cleaned_data["id"], action_point=point)
                messages.success(request, _("Onderbouwing weggehaald."))
                return redirect("werkgroep:action", pk=pk)
        except WerkgroepError as error:
            messages.error(request, MESSAGES[type(error)])
    return render(
        request,
        "werkgroep/action_detail.html",
        {
            **context,
            "status_form": status_form,
            "poll_form": poll_form,
            "referral_form": referral_form,
        },
    )


# Spiegelgesprek outcomes ------------------------------------------------------------------------


@werkgroep_only
def gesprekken(request: HttpRequest) -> HttpResponse:
    return render(request, "werkgroep/gesprekken.html", outcomes.gesprekken_overview())


@werkgroep_only
def gesprek_outcomes(request: HttpRequest, gesprek_id: int) -> HttpResponse:
    gesprek = outcomes.past_gesprek(gesprek_id=gesprek_id)
    if gesprek is None:
        raise Http404
    form = OutcomeForm(request.POST or None)
    if request.method == "POST":
        if request.POST.get("action") == "delete":
            id_form = IdForm({"id": request.POST.get("item_id")})
            if not id_form.is_valid():
                raise Http404
            services.delete_outcome(item_id=id_form.cleaned_data["id"])
            messages.success(request, _("Weggehaald."))
            return redirect("werkgroep:gesprek", gesprek_id=gesprek_id)
        if form.is_valid():
            data = form.cleaned_data
            try:
                services.record_outcome(
                    gesprek_id=gesprek_id,
                    kind=data["kind"],
                    text=data["text"],
                    by=signed_in_user(request),
                    vraaggebieden=data["vraaggebieden"],
                    wijk=data["wijk"],
                    speaker_consent=data["speaker_consent"],
                )
            except WerkgroepError as error:
                messages.error(request, MESSAGES[type(error)])
            else:
                messages.success(request, _("Uitkomst opgeslagen."))
                return redirect("werkgroep:gesprek", gesprek_id=gesprek_id)
    return render(
        request,
        "werkgroep/gesprek_outcomes.html",
        {
            "gesprek": gesprek,
            "items": outcomes.outcomes_for(gesprek_id=gesprek_id),
            "form": form,
        },
    )


# Coverage, report, exports ----------------------------------------------------------------------


@werkgroep_only
def coverage(request: HttpRequest) -> HttpResponse:
    return render(request, "werkgroep/coverage.html", coverage_table())


@werkgroep_only
def report(request: HttpRequest) -> HttpResponse:
    form = PeriodForm(request.GET or None)
    date_from, date_to = form.period()
    return render(
        request,
        "werkgroep/report.html",
        {"form": form, **selectors.report(date_from=date_from, date_to=date_to)},
    )


FORMATS = ("csv", "xlsx")


@werkgroep_only
def export_poll(request: HttpRequest, poll_id: int, fmt: str) -> HttpResponse:
    if fmt not in FORMATS:
        raise Http404
    try:
        sheets = exports.poll_sheets(poll_id=poll_id)
    except ObjectDoesNotExist:
        raise Http404 from None
    return exports.export_response(
        user=signed_in_user(request),
        what="poll_results",
        file_format=fmt,
        sheets=sheets,
        params={"poll_id": poll_id},
        filename=f"peiling-{poll_id}",
    )


@werkgroep_only
def export_actions(request: HttpRequest, fmt: str) -> HttpResponse:
    if fmt not in FORMATS:
        raise Http404
    return exports.export_response(
        user=signed_in_user(request),
        what="action_points",
        file_format=fmt,
        sheets=exports.action_point_sheets(period=chosen_period(request)),
        params=request.GET.dict(),
        filename="actiepunten",
    )


@werkgroep_only
def export_referrals(request: HttpRequest, fmt: str) -> HttpResponse:
    if fmt not in FORMATS:
        raise Http404
    return exports.export_response(
        user=signed_in_user(request),
        what="referral_counts",
        file_format=fmt,
        sheets=exports.referral_sheets(period=chosen_period(request)),
        params=request.GET.dict(),
        filename="verwijzingen",
    )


@werkgroep_only
def export_log(request: HttpRequest) -> HttpResponse:
    return render(request, "werkgroep/export_log.html", {"logs": selectors.export_log()})


def wij_deden(request: HttpRequest) -> HttpResponse:
    return render(request, "werkgroep/wij_deden.html", {"items": selectors.public_action_points()})

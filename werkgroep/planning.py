"""Spiegelgesprek planning in the werkgroep area: create, change, call off, and the
organiser's view (needs per person with a "geregeld" tick, printable check-in list)."""

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.roles import area_required
from panel import planning
from panel import selectors as panel_selectors
from panel.exceptions import GesprekCancelled, GesprekPast
from panel.models import Registration, Spiegelgesprek
from werkgroep.planning_forms import CancelForm, GesprekForm

werkgroep_only = area_required("werkgroep")


def _gesprek(gesprek_id: int) -> Spiegelgesprek:
    return get_object_or_404(
        Spiegelgesprek.objects.prefetch_related("vraaggebieden"), pk=gesprek_id
    )


@werkgroep_only
def planning_list(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "werkgroep/planning/list.html",
        {
            "upcoming": panel_selectors.upcoming_gesprekken(),
            "past": panel_selectors.past_gesprekken(),
            "cancelled": panel_selectors.cancelled_gesprekken(),
        },
    )


@werkgroep_only
def planning_new(request: HttpRequest) -> HttpResponse:
    form = GesprekForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        gesprek = planning.save_gesprek(**form.cleaned_data)
        messages.success(request, _("Spiegelgesprek opgeslagen. Mensen kunnen zich nu aanmelden."))
        return redirect("werkgroep:planning_gesprek", gesprek_id=gesprek.pk)
    return render(request, "werkgroep/planning/form.html", {"form": form, "gesprek": None})


@werkgroep_only
def planning_edit(request: HttpRequest, gesprek_id: int) -> HttpResponse:
    gesprek = _gesprek(gesprek_id)
    if gesprek.cancelled_at is not None:
        messages.error(request, _("Dit gesprek gaat niet door. Wijzigen kan niet meer."))
        return redirect("werkgroep:planning_gesprek", gesprek_id=gesprek.pk)
    form = GesprekForm(
        request.POST or None, initial=GesprekForm.initial_for(gesprek), gesprek=gesprek
    )
    if request.method == "POST" and form.is_valid():
        try:
            planning.save_gesprek(gesprek_id=gesprek.pk, **form.cleaned_data)
        except GesprekCancelled:
            messages.error(request, _("Dit gesprek gaat niet door. Wijzigen kan niet meer."))
        else:
            messages.success(request, _("Wijzigingen opgeslagen."))
        return redirect("werkgroep:planning_gesprek", gesprek_id=gesprek.pk)
    return render(request, "werkgroep/planning/form.html", {"form": form, "gesprek": gesprek})


@werkgroep_only
def planning_cancel(request: HttpRequest, gesprek_id: int) -> HttpResponse:
    gesprek = _gesprek(gesprek_id)
    form = CancelForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            told = planning.cancel_gesprek(
                gesprek_id=gesprek.pk, reason=form.cleaned_data["reason"]
            )
        except GesprekPast:
            messages.error(request, _("Dit gesprek is al geweest. Afzeggen kan niet meer."))
        else:
            messages.success(
                request,
                _("Het gesprek gaat niet door. %(n)s mensen krijgen daarover een e-mail.")
                % {"n": told},
            )
        return redirect("werkgroep:planning_gesprek", gesprek_id=gesprek.pk)
    context = {
        "gesprek": gesprek,
        "form": form,
        "people": len(panel_selectors.gesprek_registrations(gesprek_id=gesprek.pk)["present"]),
    }
    return render(request, "werkgroep/planning/cancel.html", context)


@werkgroep_only
def planning_gesprek(request: HttpRequest, gesprek_id: int) -> HttpResponse:
    gesprek = _gesprek(gesprek_id)
    context = {
        "gesprek": gesprek,
        "past": gesprek.starts_at <= timezone.now(),
        **panel_selectors.gesprek_registrations(gesprek_id=gesprek.pk),
    }
    return render(request, "werkgroep/planning/gesprek.html", context)


@require_POST
@werkgroep_only
def planning_arranged(request: HttpRequest, gesprek_id: int) -> HttpResponse:
    raw_id = request.POST.get("registration", "")
    if not raw_id.isdigit():
        raise Http404
    registration = get_object_or_404(Registration, pk=int(raw_id), gesprek_id=gesprek_id)
    need = request.POST.get("need", "")
    try:
        planning.mark_arranged(
            registration_id=registration.pk,
            need=need,
            arranged=request.POST.get("arranged") == "yes",
        )
    except ValueError:
        raise Http404 from None
    messages.success(request, _("Opgeslagen."))
    return redirect("werkgroep:planning_gesprek", gesprek_id=gesprek_id)


@werkgroep_only
def planning_checkin(request: HttpRequest, gesprek_id: int) -> HttpResponse:
    gesprek = _gesprek(gesprek_id)
    context = {"gesprek": gesprek, **panel_selectors.gesprek_registrations(gesprek_id=gesprek.pk)}
    return render(request, "werkgroep/planning/checkin.html", context)

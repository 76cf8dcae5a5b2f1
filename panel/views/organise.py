"""Organising spiegelgesprekken (werkgroep and beheer): overview, one gesprek's
registrations, and the check-in list to print."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from accounts.roles import role_required
from panel import selectors
from panel.models import RegistrationKind, RegistrationStatus, Spiegelgesprek
from panel.views.common import ORGANISERS


@role_required(*ORGANISERS)
def organise(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "panel/organise.html",
        {
            "upcoming": selectors.upcoming_gesprekken(),
            "past": selectors.past_gesprekken(),
        },
    )


def _organiser_context(gesprek_id: int) -> dict:
    item = get_object_or_404(Spiegelgesprek, pk=gesprek_id)
    registrations = selectors.active_registrations(gesprek=item)
    return {
        "gesprek": item,
        "caregivers": [r for r in registrations if r.kind == RegistrationKind.CAREGIVER],
        "listeners": [r for r in registrations if r.kind == RegistrationKind.LISTENER],
    }


@role_required(*ORGANISERS)
def organise_gesprek(request: HttpRequest, gesprek_id: int) -> HttpResponse:
    return render(request, "panel/organise_gesprek.html", _organiser_context(gesprek_id))


@role_required(*ORGANISERS)
def checkin_list(request: HttpRequest, gesprek_id: int) -> HttpResponse:
    context = _organiser_context(gesprek_id)
    context["present"] = [
        r
        for r in context["caregivers"] + context["listeners"]
        if r.status == RegistrationStatus.REGISTERED
    ]
    return render(request, "panel/checkin.html", context)

"""The organiser pages of spiegelgesprekken moved to the werkgroep area
(/werkgroep/planning/: needs per person with a "geregeld" tick, the check-in list). Old links
and bookmarks still work: organisers are sent on, everyone else is refused as before."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect

from accounts.roles import role_required
from panel.models import Spiegelgesprek
from panel.views.common import ORGANISERS


@role_required(*ORGANISERS)
def organise(request: HttpRequest) -> HttpResponse:
    return redirect("werkgroep:planning")


@role_required(*ORGANISERS)
def organise_gesprek(request: HttpRequest, gesprek_id: int) -> HttpResponse:
    gesprek = get_object_or_404(Spiegelgesprek, pk=gesprek_id)
    return redirect("werkgroep:planning_gesprek", gesprek_id=gesprek.pk)


@role_required(*ORGANISERS)
def checkin_list(request: HttpRequest, gesprek_id: int) -> HttpResponse:
    gesprek = get_object_or_404(Spiegelgesprek, pk=gesprek_id)
    return redirect("werkgroep:planning_checkin", gesprek_id=gesprek.pk)

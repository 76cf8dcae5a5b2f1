"""The panel's start page: open polls, answered polls and gesprek registrations."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from accounts.roles import area_required, signed_in_user
from panel import access, selectors


@area_required("panel")
def home(request: HttpRequest) -> HttpResponse:
    member = access.active_member(request.user)
    context: dict[str, object] = {"member": member}
    if member is not None:
        context["open_polls"] = selectors.open_polls_for(member)
        context["answered_polls"] = selectors.answered_polls_for(member)[:5]
        context["registrations"] = selectors.my_registrations(user=signed_in_user(request))
    return render(request, "panel/home.html", context)

"""Help when it goes badly: who to call now (from the sociale kaart, for the member's wijk),
and an opt-in request to be contacted. Reached after a poll whose answers call for help, or
from the panel's home page."""

from django.contrib import messages
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from panel import access
from panel.exceptions import PanelError
from panel.forms import ContactRequestForm
from panel.services.contact import active_contact_point
from panel.services.help import request_contact
from panel.views.common import message, not_a_member
from sociale_kaart import selectors as kaart
from sociale_kaart.models import HelpNow

# Set when a vote calls for help: {"poll": poll id, "wijk": wijk id}. Only in the session.
HELP_KEY = "panel_help"
# A few requests an hour from one browser is plenty; more would only flood the contact point.
REQUESTS_PER_HOUR = 3


def _may_send_request(request: HttpRequest) -> bool:
    if not request.session.session_key:
        request.session.save()
    key = f"panel:contact-request:{request.session.session_key}"
    cache.add(key, 0, timeout=3600)
    return cache.incr(key) <= REQUESTS_PER_HOUR


def help_now(request: HttpRequest) -> HttpResponse:
    member = access.active_member(request.user)
    after_poll = request.session.get(HELP_KEY)
    if member is not None:
        wijk_id = member.wijk_id
    elif after_poll is not None:
        wijk_id = after_poll.get("wijk")
    else:
        return not_a_member(request)
    point = active_contact_point()
    form = ContactRequestForm(request.POST or None) if point is not None else None
    if request.method == "POST" and point is not None and form is not None and form.is_valid():
        if not _may_send_request(request):
            messages.error(
                request,
                _(
                    "U heeft al een paar keer gevraagd om contact. Er wordt contact met u opgenomen."
                ),
            )
            return redirect("panel:help")
        try:
            request_contact(**form.cleaned_data)
        except PanelError as error:
            messages.error(request, message(error))
        else:
            messages.success(
                request,
                _("Dank u. %(name)s neemt contact met u op.") % {"name": point.name},
            )
            return redirect("panel:help")
    lines = kaart.help_now(wijk_id=wijk_id)
    context = {
        "after_poll": after_poll,
        "consulents": [line for line in lines if line.kind == HelpNow.CONSULENT],
        "helplines": [line for line in lines if line.kind == HelpNow.HELPLINE],
        "crisis": [line for line in lines if line.kind == HelpNow.CRISIS],
        "point": point,
        "form": form,
    }
    return render(request, "panel/help.html", context)

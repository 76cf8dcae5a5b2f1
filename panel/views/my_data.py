"""Mijn gegevens: see, download (JSON, CSV) and erase what the panel stores about you."""

from django.contrib import messages
from django.contrib.auth import logout
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.roles import area_required, signed_in_user
from panel import exports
from panel.models import Answer, PanelMember
from panel.services.members import leave_panel
from panel.services.polls import withdraw_answer
from panel.views.common import member_required


@area_required("panel")
@member_required
def my_data(request: HttpRequest, *, member: PanelMember) -> HttpResponse:
    return render(
        request,
        "panel/my_data.html",
        {
            "data": exports.member_data(member=member),
            "member": member,
            "registrations": exports.latest_registrations(user=signed_in_user(request)),
            "text_answers": exports.own_text_answers(member=member),
        },
    )


@require_POST
@area_required("panel")
@member_required
def withdraw(request: HttpRequest, answer_id: int, *, member: PanelMember) -> HttpResponse:
    try:
        withdraw_answer(member=member, answer_id=answer_id)
    except Answer.DoesNotExist:
        raise Http404 from None
    messages.success(request, _("Uw antwoord is gewist. De werkgroep leest het niet meer."))
    return redirect("panel:my_data")


def _download(body: str, content_type: str, filename: str) -> HttpResponse:
    response = HttpResponse(body, content_type=f"{content_type}; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@area_required("panel")
@member_required
def export_json(request: HttpRequest, *, member: PanelMember) -> HttpResponse:
    body = exports.as_json(exports.member_data(member=member))
    return _download(body, "application/json", "mijn-gegevens.json")


@area_required("panel")
@member_required
def export_csv(request: HttpRequest, *, member: PanelMember) -> HttpResponse:
    body = exports.as_csv(exports.member_data(member=member))
    return _download(body, "text/csv", "mijn-gegevens.csv")


@area_required("panel")
@member_required
def leave(request: HttpRequest, *, member: PanelMember) -> HttpResponse:
    if request.method == "POST":
        leave_panel(member=member)
        logout(request)
        messages.success(request, _("U doet niet meer mee. We hebben uw gegevens gewist."))
        return redirect("home")
    return render(request, "panel/leave.html")

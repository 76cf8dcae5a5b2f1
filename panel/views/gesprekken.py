"""Spiegelgesprekken for caregivers and listeners: the list, one gesprek with its sign-up
form, and cancelling (logged in, or by the link in the e-mail)."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.roles import role_required, signed_in_user
from panel import access, selectors
from panel.exceptions import PanelError
from panel.forms import CaregiverRegistrationForm, ListenerRegistrationForm
from panel.models import Registration, RegistrationKind, RegistrationStatus
from panel.services.gesprekken import NEEDS_FIELDS, change_needs, register_for_gesprek
from panel.services.gesprekken import cancel_registration as cancel
from panel.tokens import read_cancel_token
from panel.views.common import EVERYONE, message


@role_required(*EVERYONE)
def gesprekken(request: HttpRequest) -> HttpResponse:
    mine = {r.gesprek_id: r for r in selectors.my_registrations(user=signed_in_user(request))}
    rows = [(gesprek, mine.get(gesprek.id)) for gesprek in selectors.upcoming_gesprekken()]
    return render(
        request, "panel/gesprekken.html", {"rows": rows, "kind": access.kind_for(request.user)}
    )


def _registration_form(kind: str, data: QueryDict | None = None) -> CaregiverRegistrationForm:
    """The sign-up form for this kind of place (a listener's asks less); bound to `data`."""
    form_class = (
        CaregiverRegistrationForm
        if kind == RegistrationKind.CAREGIVER
        else ListenerRegistrationForm
    )
    return form_class(data)


@role_required(*EVERYONE)
def gesprek(request: HttpRequest, gesprek_id: int) -> HttpResponse:
    item = get_object_or_404(selectors.gesprek_with_vraaggebieden(), pk=gesprek_id)
    user = signed_in_user(request)
    kind = access.kind_for(user)
    if kind is None:  # every role let in here has a kind of place
        raise PermissionDenied
    mine = selectors.active_registration(gesprek=item, user=user)
    form = _registration_form(kind)
    if request.method == "POST" and mine is None:
        form = _registration_form(kind, request.POST)
        if form.is_valid():
            try:
                registration = register_for_gesprek(
                    gesprek_id=item.pk, user=user, kind=kind, **form.cleaned_data
                )
            except PanelError as error:
                messages.error(request, message(error))
            else:
                if registration.status == RegistrationStatus.REGISTERED:
                    messages.success(
                        request, _("U bent aangemeld. U krijgt een e-mail met de afspraak.")
                    )
                else:
                    messages.info(
                        request,
                        _(
                            "Het gesprek is vol. U staat op de wachtlijst. Komt er een plaats vrij? Dan mailen we u."
                        ),
                    )
                return redirect("panel:gesprek", gesprek_id=item.pk)
    needs_form = None
    if mine is not None:
        initial = {field: getattr(mine, field) for field in NEEDS_FIELDS}
        needs_form = _registration_form(kind)
        needs_form.initial = initial
        if request.method == "POST":
            needs_form = _registration_form(kind, request.POST)
            if needs_form.is_valid():
                change_needs(registration_id=mine.pk, user=user, **needs_form.cleaned_data)
                messages.success(request, _("Opgeslagen. Zo weten we wat u nodig heeft."))
                return redirect("panel:gesprek", gesprek_id=item.pk)
    context = {
        "gesprek": item,
        "mine": mine,
        "needs_form": needs_form,
        "editing": needs_form is not None and (needs_form.is_bound or "wijzig" in request.GET),
        "form": form,
        "kind": kind,
        "free": selectors.free_places(gesprek=item, kind=kind),
        "past": item.starts_at <= timezone.now(),
    }
    return render(request, "panel/gesprek.html", context)


@role_required(*EVERYONE)
def cancel_registration(request: HttpRequest, registration_id: int) -> HttpResponse:
    """Asks once ("Weet u het zeker?"), then cancels on the button."""
    user = signed_in_user(request)
    registration = get_object_or_404(
        Registration.objects.select_related("gesprek"), pk=registration_id, user=user
    )
    if request.method == "POST":
        cancel(registration_id=registration.pk, user=user)
        messages.success(request, _("U bent afgemeld. Dank u wel dat u het laat weten."))
        return redirect("panel:gesprek", gesprek_id=registration.gesprek_id)
    if registration.status == RegistrationStatus.CANCELLED:
        return redirect("panel:gesprek", gesprek_id=registration.gesprek_id)
    return render(request, "panel/cancel_confirm.html", {"registration": registration})


def cancel_by_link(request: HttpRequest, token: str) -> HttpResponse:
    try:
        registration = read_cancel_token(token)
    except PanelError as error:
        return render(
            request, "panel/invitation_invalid.html", {"message": message(error)}, status=400
        )
    if request.method == "POST":
        cancel(registration_id=registration.pk)
        registration.refresh_from_db()
    return render(request, "panel/cancel_by_link.html", {"registration": registration})

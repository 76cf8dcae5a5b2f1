"""Joining the panel: a wizard of one question per screen, kept in the session until the
address is proved. A visitor then gets a code by e-mail; only when that code is confirmed does
services.members.join_panel store the account, the membership, the consent and the answers,
and the visitor is logged in. Every address gets the same screens, whatever account it has."""

from datetime import timedelta

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.crypto import constant_time_compare, get_random_string
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext as _

from accounts import login_code
from accounts.models import Role
from accounts.roles import has_role
from panel import access
from panel.exceptions import PanelError
from panel.forms import (
    AgeForm,
    CareHoursForm,
    ConsentForm,
    EmailForm,
    JoinCodeForm,
    RelationForm,
    WijkForm,
    WorksForm,
)
from panel.services.members import PRIVACY_VERSION, join_panel, send_join_code
from panel.views.common import message

JOIN_KEY = "panel_join"  # session key: {step slug: answer} until the wizard is done
JOIN_STEPS = [
    ("email", EmailForm),
    ("toestemming", ConsentForm),
    ("wijk", WijkForm),
    ("leeftijd", AgeForm),
    ("zorg-voor", RelationForm),
    ("uren", CareHoursForm),
    ("werk", WorksForm),
]
REQUIRED_STEPS = ("email", "toestemming")  # one cannot skip past these
PENDING_KEY = "panel_join_pending"  # {email, code, expires, attempts} until confirmed
CODE_VALID = timedelta(minutes=15)
CODE_ATTEMPTS = 3


def _join_steps(request: HttpRequest) -> list[str]:
    steps = [slug for slug, _form in JOIN_STEPS]
    if request.user.is_authenticated:
        steps.remove("email")  # a logged-in caregiver already gave us an address
    return steps


def join(request: HttpRequest, step: str = "") -> HttpResponse:
    if request.user.is_authenticated and not has_role(request.user, Role.CAREGIVER):
        raise PermissionDenied
    if access.active_member(request.user) is not None:
        messages.info(request, _("U doet al mee met het panel."))
        return redirect("panel:home")
    steps = _join_steps(request)
    step = step or steps[0]
    if step not in steps:
        raise Http404
    index = steps.index(step)
    data = request.session.get(JOIN_KEY, {})
    for earlier in steps[:index]:
        if earlier in REQUIRED_STEPS and earlier not in data:
            return redirect("panel:join_step", step=earlier)
    form_class = dict(JOIN_STEPS)[step]
    if request.method == "POST":
        form = form_class(request.POST)
        if form.is_valid():
            value = (
                form.cleaned_data.get("email")
                or form.cleaned_data.get("consent")
                or form.cleaned_data.get("value", "")
            )
            data[step] = value
            request.session[JOIN_KEY] = data
            if index + 1 < len(steps):
                return redirect("panel:join_step", step=steps[index + 1])
            return _finish_join(request, data)
    else:
        initial = data.get(step)
        form = form_class(
            initial={"email": initial, "value": initial} if initial not in (None, True) else None
        )
    context = {
        "form": form,
        "step": step,
        "number": index + 1,
        "total": len(steps),
        "back": reverse("panel:join_step", args=[steps[index - 1]]) if index else None,
        "optional": step not in REQUIRED_STEPS,
        "privacy_version": PRIVACY_VERSION,
    }
    return render(request, "panel/join_step.html", context)


def _finish_join(request: HttpRequest, data: dict) -> HttpResponse:
    if request.user.is_authenticated:  # a logged-in caregiver already proved the address
        return _store_membership(request, email=request.user.email, data=data)
    email = data["email"].strip().lower()
    # Same limit as allauth's own "send me a code" form, so joining cannot flood a mailbox.
    if not login_code.may_request_code(request, email=email):
        messages.error(
            request,
            _("U heeft al een paar codes gevraagd. Wacht een minuut en probeer het opnieuw."),
        )
        return redirect("panel:join_step", step=_join_steps(request)[-1])
    # No code is sent to an address of another kind of account (it gets an explanation by
    # e-mail); the session then waits for a code nobody has, so the screens stay the same.
    code = send_join_code(email=email) or get_random_string(32)
    request.session[PENDING_KEY] = {
        "email": email,
        "code": code,  # server-side session, as allauth keeps its login codes
        "expires": (timezone.now() + CODE_VALID).isoformat(),
        "attempts": 0,
    }
    return redirect("panel:join_confirm")


def _store_membership(request: HttpRequest, *, email: str, data: dict) -> HttpResponse:
    works = {"yes": True, "no": False}.get(data.get("werk", ""))
    try:
        user = join_panel(
            email=email,
            consent_version=PRIVACY_VERSION,
            wijk_id=data.get("wijk") or None,
            age_band=data.get("leeftijd", ""),
            relation=data.get("zorg-voor", ""),
            care_hours=data.get("uren", ""),
            works=works,
        )
    except PanelError as error:
        messages.error(request, message(error))
        return redirect("panel:join")
    request.session.pop(JOIN_KEY, None)
    request.session.pop(PENDING_KEY, None)
    if not request.user.is_authenticated:
        login(request, user, backend=settings.AUTHENTICATION_BACKENDS[0])
    messages.success(request, _("Welkom in het panel!"))
    return redirect("panel:home")


def _start_again(request: HttpRequest, text: str) -> HttpResponse:
    request.session.pop(PENDING_KEY, None)
    messages.error(request, text)
    return redirect("panel:join")


def join_confirm(request: HttpRequest) -> HttpResponse:
    """The code from the e-mail proves the address; only then is anything stored."""
    if request.user.is_authenticated and not has_role(request.user, Role.CAREGIVER):
        raise PermissionDenied
    pending = request.session.get(PENDING_KEY)
    data = request.session.get(JOIN_KEY)
    if request.user.is_authenticated or not pending or not data:
        return redirect("panel:join")
    form = JoinCodeForm(request.POST or None)
    if request.method == "POST":
        expires = parse_datetime(pending.get("expires", ""))
        if expires is None or timezone.now() > expires:
            return _start_again(request, _("De code werkt niet meer. Begin opnieuw."))
        pending["attempts"] = pending.get("attempts", 0) + 1
        request.session[PENDING_KEY] = pending
        if pending["attempts"] > CODE_ATTEMPTS:
            return _start_again(
                request, _("U heeft te vaak een verkeerde code ingevuld. Begin opnieuw.")
            )
        if form.is_valid():
            if constant_time_compare(form.cleaned_data["code"], pending["code"]):
                return _store_membership(request, email=pending["email"], data=data)
            form.add_error(
                "code", _("Deze code klopt niet. Kijk goed in de e-mail en probeer het opnieuw.")
            )
    return render(request, "panel/join_confirm.html", {"form": form, "email": pending["email"]})

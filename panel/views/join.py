"""Joining the panel: a wizard of one question per screen, kept in the session until the
last step, then one call to services.members.join_panel and a login code by e-mail."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
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
    RelationForm,
    WijkForm,
    WorksForm,
)
from panel.services.members import PRIVACY_VERSION, join_panel
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
    email = request.user.email if request.user.is_authenticated else data["email"]
    # Same limit as allauth's own "send me a code" form, so joining cannot flood a mailbox.
    if not request.user.is_authenticated and not login_code.may_request_code(request, email=email):
        messages.error(
            request,
            _("U heeft al een paar codes gevraagd. Wacht een minuut en probeer het opnieuw."),
        )
        return redirect("panel:join_step", step=_join_steps(request)[-1])
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
    if request.user.is_authenticated:
        messages.success(request, _("Welkom in het panel!"))
        return redirect("panel:home")
    # Log in by e-mailed code, through allauth's own flow and pages.
    login_code.send_login_code(request, user=user)
    return redirect(reverse("account_confirm_login_code") + "?next=" + reverse("panel:home"))

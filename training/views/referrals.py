"""Referring: search the sociale kaart, log a referral (tags only), and correct or remove
one's own referral within a week."""

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from accounts.roles import area_required, signed_in_user
from sociale_kaart import selectors as kaart
from training import selectors, services
from training.exceptions import InvalidReferral, ReferralLocked
from training.forms import ReferFilterForm, ReferralForm
from training.models import Referral
from training.views.common import MESSAGES


@area_required("training")
def refer(request: HttpRequest) -> HttpResponse:
    form = ReferFilterForm(request.GET or None)
    filters = form.filters() if request.GET else {"vraaggebied": None, "wijk": None}
    return render(
        request,
        "training/refer.html",
        {"form": form, "offers": list(kaart.offers(**filters)), "filters": filters},
    )


@area_required("training")
def referral_new(request: HttpRequest) -> HttpResponse:
    if request.method == "POST":
        form = ReferralForm(request.POST)
        if form.is_valid():
            try:
                services.log_referral(user=signed_in_user(request), **form.to_service_kwargs())
            except InvalidReferral as exc:
                form.add_error(None, MESSAGES[type(exc)])
            else:
                messages.success(request, _("Dank u. De verwijzing is vastgelegd."))
                return redirect("training:referrals")
    else:
        initial: dict[str, object] = {}
        vraaggebied = request.GET.get("vraaggebied")
        if vraaggebied:
            initial["vraaggebieden"] = [vraaggebied]
        if request.GET.get("offer", "").isdigit():
            initial["offer"] = request.GET["offer"]
        if request.GET.get("wijk", "").isdigit():
            initial["wijk"] = request.GET["wijk"]
        form = ReferralForm(initial=initial)
    return render(
        request, "training/referral_form.html", {"form": form}, status=400 if form.errors else 200
    )


@area_required("training")
def referrals(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "training/referrals.html",
        {
            "referrals": selectors.referrals_of(user=signed_in_user(request)),
            "editable": selectors.editable_referral_ids(user=signed_in_user(request)),
        },
    )


def _own_referral(request: HttpRequest, pk: int) -> Referral:
    referral = selectors.own_referral(user=signed_in_user(request), pk=pk)
    if referral is None:
        raise Http404
    return referral


@area_required("training")
def referral_edit(request: HttpRequest, pk: int) -> HttpResponse:
    referral = _own_referral(request, pk)
    if request.method == "POST":
        form = ReferralForm(request.POST)
        if form.is_valid():
            try:
                services.correct_referral(
                    user=signed_in_user(request),
                    referral_id=referral.pk,
                    **form.to_service_kwargs(),
                )
            except (InvalidReferral, ReferralLocked) as exc:
                form.add_error(None, MESSAGES[type(exc)])
            else:
                messages.success(request, _("De verwijzing is gewijzigd."))
                return redirect("training:referrals")
    else:
        form = ReferralForm(
            initial={
                "vraaggebieden": [v.code for v in referral.vraaggebieden.all()],
                "offer": referral.offer_id,
                "wijk": referral.wijk_id,
                "warm": "ja" if referral.warm else "nee",
            }
        )
    return render(
        request,
        "training/referral_form.html",
        {"form": form, "referral": referral},
        status=400 if form.errors else 200,
    )


@area_required("training")
def referral_delete(request: HttpRequest, pk: int) -> HttpResponse:
    """A confirmation page; the POST removes the referral (and so it leaves every figure)."""
    referral = _own_referral(request, pk)
    error = None
    if request.method == "POST":
        try:
            services.remove_referral(user=signed_in_user(request), referral_id=referral.pk)
        except ReferralLocked as exc:
            error = MESSAGES[type(exc)]
        else:
            messages.success(request, _("De verwijzing is verwijderd."))
            return redirect("training:referrals")
    return render(
        request,
        "training/referral_delete.html",
        {"referral": referral, "error": error},
        status=400 if error else 200,
    )

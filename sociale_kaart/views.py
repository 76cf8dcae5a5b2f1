from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from sociale_kaart import selectors
from sociale_kaart.forms import OfferFilterForm


def offer_list(request: HttpRequest) -> HttpResponse:
    form = OfferFilterForm(request.GET or None)
    filters = form.filters() if request.GET else {"vraaggebied": None, "wijk": None}
    offers = list(selectors.offers(**filters))
    return render(
        request,
        "sociale_kaart/offer_list.html",
        {"form": form, "offers": offers, "filters": filters},
    )

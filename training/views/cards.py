"""The signalling card: the professional's own version, and a public one per wijk for every
vindplaats (school, pharmacy, church, employer, sports club) to print on one A4."""

import segno
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone

from accounts.roles import area_required
from sociale_kaart import selectors as kaart
from training import selectors


@area_required("training")
def signaleringskaart(request: HttpRequest) -> HttpResponse:
    profile = getattr(request.user, "profile", None)
    wijk = profile.wijk if profile else None
    return render(
        request,
        "training/signaleringskaart.html",
        {"wijk": wijk, "vraaggebieden": list(kaart.vraaggebieden())},
    )


def public_cards(request: HttpRequest) -> HttpResponse:
    """Public: the list of wijken, each with its own card."""
    return render(request, "training/public_cards.html", {"wijken": list(kaart.wijken())})


def public_card(request: HttpRequest, wijk_slug: str) -> HttpResponse:
    """Public: the card for one wijk, with phone numbers and addresses written out."""
    wijk = next((w for w in kaart.wijken() if w.slug == wijk_slug), None)
    if wijk is None:
        raise Http404
    kaart_url = request.build_absolute_uri(reverse("sociale_kaart:offers")) + f"?wijk={wijk.slug}"
    return render(
        request,
        "training/public_card.html",
        {
            "wijk": wijk,
            "contacts": selectors.contact_points(wijk=wijk),
            "made_on": timezone.localdate(),
            "kaart_url": kaart_url,
            "qr": segno.make(kaart_url, error="m").svg_data_uri(scale=3, border=2),
        },
    )

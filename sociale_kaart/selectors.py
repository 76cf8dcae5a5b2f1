"""Reads of the sociale kaart that other apps may use."""

from django.db.models import Prefetch, Q, QuerySet

from sociale_kaart.models import Offer, Organisation, Vraaggebied, VraaggebiedCode, Wijk


def vraaggebieden() -> QuerySet[Vraaggebied]:
    return Vraaggebied.objects.order_by("order")


def wijken() -> QuerySet[Wijk]:
    return Wijk.objects.order_by("name")


def organisations() -> QuerySet[Organisation]:
    return Organisation.objects.order_by("name")


def offers(*, vraaggebied: str | None = None, wijk: Wijk | None = None) -> QuerySet[Offer]:
    """Active offers, optionally for one vraaggebied code and available in one wijk."""
    qs = Offer.objects.filter(is_active=True)
    if vraaggebied:
        qs = qs.filter(vraaggebieden__code=vraaggebied)
    if wijk is not None:
        qs = qs.filter(Q(whole_municipality=True) | Q(service_areas=wijk))
    return (
        qs.distinct()
        .select_related("organization")
        .prefetch_related(
            Prefetch("vraaggebieden", queryset=Vraaggebied.objects.order_by("order")),
            Prefetch("service_areas", queryset=Wijk.objects.order_by("name")),
        )
        .order_by("name")
    )


def is_vraaggebied_code(value: str) -> bool:
    return value in VraaggebiedCode.values

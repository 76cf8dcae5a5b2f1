"""Reads of the sociale kaart that other apps may use."""

from dataclasses import dataclass

from django.db.models import Prefetch, Q, QuerySet

from sociale_kaart.models import HelpNow, Offer, Organisation, Vraaggebied, VraaggebiedCode, Wijk


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


@dataclass(frozen=True)
class HelpLine:
    kind: str
    name: str
    organisation: str
    description: str
    phone: str
    email: str
    url: str
    schedule: str


HELP_ORDER: list[str] = [HelpNow.CONSULENT, HelpNow.HELPLINE, HelpNow.CRISIS]


def help_now(*, wijk_id: int | None) -> list[HelpLine]:
    """Who a caregiver can call now: the mantelzorgconsulent or steunpunt for their wijk (or
    for the whole gemeente), then the help lines, then crisis lines. Only checked, active data
    from the sociale kaart; nothing is written into code."""
    qs = Offer.objects.filter(is_active=True).exclude(help_now=HelpNow.NONE)
    where = Q(whole_municipality=True)
    if wijk_id is not None:
        where |= Q(service_areas=wijk_id)
    offers_now = qs.filter(where).distinct().select_related("organization")
    rank: dict[str, int] = {kind: i for i, kind in enumerate(HELP_ORDER)}
    lines = [
        HelpLine(
            kind=offer.help_now,
            name=offer.name,
            organisation=offer.organization.name,
            description=offer.description,
            phone=offer.phone or offer.organization.phone,
            email=offer.email,
            url=offer.url,
            schedule=offer.schedule_description,
        )
        for offer in offers_now
    ]
    return sorted(lines, key=lambda line: (rank.get(line.kind, 99), line.name))

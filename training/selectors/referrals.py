"""Reads of a professional's own referrals, and the contact points on the public card."""

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.utils import timezone

from accounts.models import User
from sociale_kaart import selectors as kaart
from sociale_kaart.models import Wijk
from training.models import (
    Referral,
)

# Who logged a referral can correct or remove it for this long; after that it is history.
REFERRAL_EDIT_WINDOW = timedelta(days=7)


def referrals_of(*, user: User) -> list[Referral]:
    return list(
        Referral.objects.filter(created_by=user)
        .select_related("offer", "wijk")
        .prefetch_related("vraaggebieden")
        .order_by("-created_at", "-pk")
    )


def own_referral(*, user: User, pk: int) -> Referral | None:
    return (
        Referral.objects.filter(pk=pk, created_by=user)
        .select_related("offer", "wijk")
        .prefetch_related("vraaggebieden")
        .first()
    )


def editable_referral_ids(*, user: User, now: datetime | None = None) -> set[int]:
    """The author's referrals still open to correction: logged less than a week ago."""
    since = (now or timezone.now()) - REFERRAL_EDIT_WINDOW
    return set(
        Referral.objects.filter(created_by=user, created_at__gt=since).values_list("pk", flat=True)
    )


@dataclass(frozen=True)
class ContactPoint:
    """A place to call or visit, as printed on a card: no links, the number written out."""

    name: str
    organisation: str
    phone: str
    address: str


def contact_points(*, wijk: Wijk, limit: int = 8) -> list[ContactPoint]:
    """Active offers for this wijk that can be phoned or visited; offers for this wijk first,
    then those for the whole gemeente. At most `limit`, so the card stays one A4."""
    found = []
    for offer in kaart.offers(wijk=wijk):
        phone = offer.phone or offer.organization.phone
        address = ", ".join(
            part for part in (offer.address_1, f"{offer.postal_code} {offer.city}".strip()) if part
        )
        if not (phone or address):
            continue
        local = any(area.pk == wijk.pk for area in offer.service_areas.all())
        found.append(
            (
                not local,
                offer.name,
                ContactPoint(offer.name, offer.organization.name, phone, address),
            )
        )
    found.sort(key=lambda item: (item[0], item[1]))
    return [point for _local, _name, point in found[:limit]]

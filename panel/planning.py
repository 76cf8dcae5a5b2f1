"""Planning spiegelgesprekken (the werkgroep's planning pages), as services.

Create, change and call off a spiegelgesprek; tick off per registration that replacement
care or transport is arranged. Everyone registered or waiting gets an e-mail when a
gesprek is called off or moves to another date, time or place (from on_commit, through the
task queue).
"""

from collections.abc import Iterable
from datetime import datetime
from functools import partial

from django.db import transaction
from django.utils import timezone

from panel import events
from panel.exceptions import GesprekCancelled, GesprekPast
from panel.models import Registration, RegistrationKind, RegistrationStatus, Spiegelgesprek
from panel.services.gesprekken import _enqueue_mail

NEEDS = {"replacement_care": "replacement_care_arranged", "transport": "transport_arranged"}
# What the people signed up must hear about when it changes: when and where.
WHEN_AND_WHERE = ("starts_at", "duration", "place", "online_link")


@transaction.atomic
def save_gesprek(
    *,
    gesprek_id: int | None = None,
    title: str,
    intro: str,
    vraaggebieden: Iterable,
    starts_at: datetime,
    duration: int,
    place: str,
    online_link: str,
    accessibility: str,
    caregiver_places: int,
    listener_places: int,
) -> Spiegelgesprek:
    """Create a gesprek, or change one; more places go to the people waiting, in order, and
    a new date, time or place is mailed to everyone registered or waiting."""
    before = {}
    if gesprek_id is None:
        gesprek = Spiegelgesprek()
    else:
        gesprek = Spiegelgesprek.objects.select_for_update().get(pk=gesprek_id)
        if gesprek.cancelled_at is not None:
            raise GesprekCancelled
        before = {name: getattr(gesprek, name) for name in WHEN_AND_WHERE}
    gesprek.title = " ".join(title.split())
    gesprek.intro = intro.strip()
    gesprek.starts_at = starts_at
    gesprek.duration = duration
    gesprek.place = place.strip()
    gesprek.online_link = online_link.strip()
    gesprek.accessibility = accessibility.strip()
    gesprek.caregiver_places = caregiver_places
    gesprek.listener_places = listener_places
    gesprek.save()
    gesprek.vraaggebieden.set(vraaggebieden)
    if gesprek_id is not None and gesprek.starts_at > timezone.now():
        promoted = [pk for kind in RegistrationKind.values for pk in _fill_places(gesprek, kind)]
        if any(getattr(gesprek, name) != value for name, value in before.items()):
            told = (
                gesprek.registrations.exclude(status=RegistrationStatus.CANCELLED)
                .exclude(pk__in=promoted)  # their "plaats vrij" mail has the new details
                .values_list("pk", flat=True)
            )
            for pk in told:
                transaction.on_commit(partial(_enqueue_mail, "gesprek_changed", pk))
    transaction.on_commit(events.broadcast_dashboard_change)
    return gesprek


def _fill_places(gesprek: Spiegelgesprek, kind: str) -> list[int]:
    """Give free places to the people waiting, in order; the registrations promoted."""
    taken = gesprek.registrations.filter(kind=kind, status=RegistrationStatus.REGISTERED).count()
    free = gesprek.places_for(kind) - taken
    if free <= 0:
        return []
    waiting = gesprek.registrations.filter(kind=kind, status=RegistrationStatus.WAITING).order_by(
        "created_at", "pk"
    )[:free]
    now = timezone.now()
    for registration in waiting:
        registration.status = RegistrationStatus.REGISTERED
        registration.promoted_at = now
        registration.save(update_fields=["status", "promoted_at"])
        transaction.on_commit(partial(_enqueue_mail, "promoted", registration.pk))
    return [registration.pk for registration in waiting]


def cancel_gesprek(*, gesprek_id: int, reason: str = "") -> int:
    """Call a gesprek off. Everyone registered or waiting is afgemeld and gets an e-mail.
    Returns how many people are told."""
    with transaction.atomic():
        gesprek = Spiegelgesprek.objects.select_for_update().get(pk=gesprek_id)
        if gesprek.cancelled_at is not None:
            return 0
        if gesprek.starts_at <= timezone.now():
            raise GesprekPast
        now = timezone.now()
        gesprek.cancelled_at = now
        gesprek.cancel_reason = reason.strip()[:300]
        gesprek.save(update_fields=["cancelled_at", "cancel_reason"])
        affected = list(
            gesprek.registrations.exclude(status=RegistrationStatus.CANCELLED).values_list(
                "pk", flat=True
            )
        )
        Registration.objects.filter(pk__in=affected).update(
            status=RegistrationStatus.CANCELLED, cancelled_at=now
        )
        for pk in affected:
            transaction.on_commit(partial(_enqueue_mail, "gesprek_cancelled", pk))
        transaction.on_commit(events.broadcast_dashboard_change)
    return len(affected)


@transaction.atomic
def mark_arranged(*, registration_id: int, need: str, arranged: bool) -> Registration:
    """Tick off (or untick) that replacement care or transport is arranged for one person."""
    if need not in NEEDS:
        raise ValueError(f"unknown need {need!r}")
    registration = Registration.objects.select_for_update().get(pk=registration_id)
    if not getattr(registration, need):
        raise ValueError(f"{need} was not asked for")
    setattr(registration, NEEDS[need], arranged)
    registration.save(update_fields=[NEEDS[need]])
    return registration

"""Reads about spiegelgesprekken: upcoming ones with places and needs, past ones, and the
registrations a person or an organiser sees."""

from django.db.models import (
    Count,
    Q,
    QuerySet,
)
from django.utils import timezone

from panel.models import (
    Registration,
    RegistrationKind,
    RegistrationStatus,
    Spiegelgesprek,
)
from panel.records import (
    GesprekNeeds,
    GesprekOverview,
    GesprekSummary,
)


def _gesprek_rows(gesprekken) -> list[GesprekOverview]:
    def count(kind, status):
        return Count(
            "registrations", filter=Q(registrations__kind=kind, registrations__status=status)
        )

    active = ~Q(registrations__status=RegistrationStatus.CANCELLED)
    gesprekken = gesprekken.annotate(
        caregivers_taken=count(RegistrationKind.CAREGIVER, RegistrationStatus.REGISTERED),
        caregivers_waiting=count(RegistrationKind.CAREGIVER, RegistrationStatus.WAITING),
        listeners_taken=count(RegistrationKind.LISTENER, RegistrationStatus.REGISTERED),
        listeners_waiting=count(RegistrationKind.LISTENER, RegistrationStatus.WAITING),
        needs_replacement_care=Count(
            "registrations", filter=active & Q(registrations__replacement_care=True)
        ),
        needs_transport=Count("registrations", filter=active & Q(registrations__transport=True)),
        needs_accessibility=Count(
            "registrations", filter=active & ~Q(registrations__accessibility="")
        ),
        needs_diet=Count("registrations", filter=active & ~Q(registrations__diet="")),
    )
    return [
        GesprekOverview(
            id=g.pk,
            title=g.title,
            starts_at=g.starts_at,
            caregiver_places=g.caregiver_places,
            caregivers_taken=g.caregivers_taken,
            caregivers_waiting=g.caregivers_waiting,
            listener_places=g.listener_places,
            listeners_taken=g.listeners_taken,
            listeners_waiting=g.listeners_waiting,
            needs=GesprekNeeds(
                replacement_care=g.needs_replacement_care,
                transport=g.needs_transport,
                accessibility=g.needs_accessibility,
                diet=g.needs_diet,
            ),
        )
        for g in gesprekken
    ]


def upcoming_gesprekken() -> list[GesprekOverview]:
    return _gesprek_rows(
        Spiegelgesprek.objects.filter(starts_at__gt=timezone.now()).order_by("starts_at")
    )


def past_gesprekken() -> list[GesprekSummary]:
    return [
        GesprekSummary(id=g.pk, title=g.title, starts_at=g.starts_at)
        for g in Spiegelgesprek.objects.filter(starts_at__lte=timezone.now()).order_by("-starts_at")
    ]


def my_registrations(*, user) -> list[Registration]:
    return list(
        Registration.objects.filter(user=user)
        .exclude(status=RegistrationStatus.CANCELLED)
        .select_related("gesprek")
        .order_by("gesprek__starts_at")
    )


def gesprek_with_vraaggebieden() -> QuerySet:
    """Spiegelgesprekken with their vraaggebieden read in one go (for a detail page)."""
    return Spiegelgesprek.objects.prefetch_related("vraaggebieden")


def active_registration(*, gesprek: Spiegelgesprek, user) -> Registration | None:
    """This person's registration (a place or on the waiting list) for the gesprek, if any."""
    return (
        gesprek.registrations.filter(user=user).exclude(status=RegistrationStatus.CANCELLED).first()
    )


def free_places(*, gesprek: Spiegelgesprek, kind: str | None) -> int:
    """Places of this kind (caregiver or listener) not yet taken; never below zero."""
    taken = gesprek.registrations.filter(kind=kind, status=RegistrationStatus.REGISTERED).count()
    return max(gesprek.places_for(kind) - taken, 0)


def active_registrations(*, gesprek: Spiegelgesprek) -> list[Registration]:
    """Everyone registered or waiting for the gesprek, with their account, in list order."""
    return list(
        gesprek.registrations.exclude(status=RegistrationStatus.CANCELLED)
        .select_related("user")
        .order_by("kind", "status", "created_at", "pk")
    )

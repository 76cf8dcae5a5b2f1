"""Reads about spiegelgesprekken: upcoming ones with places and needs, past ones, and the
registrations a person or an organiser sees."""

from django.db.models import (
    Count,
    Q,
    QuerySet,
)
from django.utils import timezone

from accounts.models import User
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


def _gesprek_rows(gesprekken: QuerySet[Spiegelgesprek]) -> list[GesprekOverview]:
    def count(kind: str, status: str) -> Count:
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
        Spiegelgesprek.objects.filter(starts_at__gt=timezone.now(), cancelled_at=None).order_by(
            "starts_at"
        )
    )


def past_gesprekken() -> list[GesprekSummary]:
    return [
        GesprekSummary(id=g.pk, title=g.title, starts_at=g.starts_at)
        for g in Spiegelgesprek.objects.filter(
            starts_at__lte=timezone.now(), cancelled_at=None
        ).order_by("-starts_at")
    ]


def my_registrations(*, user: User) -> list[Registration]:
    return list(
        Registration.objects.filter(user=user)
        .exclude(status=RegistrationStatus.CANCELLED)
        .select_related("gesprek")
        .order_by("gesprek__starts_at")
    )


def gesprek_with_vraaggebieden() -> QuerySet[Spiegelgesprek]:
    """Spiegelgesprekken with their vraaggebieden read in one go (for a detail page)."""
    return Spiegelgesprek.objects.prefetch_related("vraaggebieden")


def active_registration(*, gesprek: Spiegelgesprek, user: User) -> Registration | None:
    """This person's registration (a place or on the waiting list) for the gesprek, if any."""
    return (
        gesprek.registrations.filter(user=user).exclude(status=RegistrationStatus.CANCELLED).first()
    )


def free_places(*, gesprek: Spiegelgesprek, kind: str) -> int:
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


def cancelled_gesprekken() -> list[GesprekSummary]:
    """Spiegelgesprekken that were called off, newest first."""
    return [
        GesprekSummary(id=g.pk, title=g.title, starts_at=g.starts_at)
        for g in Spiegelgesprek.objects.filter(cancelled_at__isnull=False).order_by("-starts_at")
    ]


def gesprek_registrations(*, gesprek_id: int) -> dict:
    """For the organisers (werkgroep planning): who comes and who waits, with what each
    person needs, and how many needs are not arranged yet."""
    registrations = list(
        Registration.objects.filter(gesprek_id=gesprek_id)
        .exclude(status=RegistrationStatus.CANCELLED)
        .select_related("user")
        .order_by("kind", "status", "created_at", "pk")
    )
    registered = [r for r in registrations if r.status == RegistrationStatus.REGISTERED]
    return {
        "caregivers": [r for r in registrations if r.kind == RegistrationKind.CAREGIVER],
        "listeners": [r for r in registrations if r.kind == RegistrationKind.LISTENER],
        "present": registered,
        "open_needs": sum(
            (r.replacement_care and not r.replacement_care_arranged)
            + (r.transport and not r.transport_arranged)
            for r in registered
        ),
    }

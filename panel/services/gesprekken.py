"""Writes for spiegelgesprekken: taking a place (or a place on the waiting list) and
cancelling, which hands a freed place to the first person waiting. Mail goes out through
a task enqueued on commit."""

from functools import partial

from django.db import IntegrityError, transaction
from django.utils import timezone

from accounts.models import User
from panel import events
from panel.access import kind_for
from panel.exceptions import AlreadyRegistered, GesprekCancelled, GesprekPast, NotAllowedPlace
from panel.models import (
    Registration,
    RegistrationKind,
    RegistrationStatus,
    Spiegelgesprek,
)
from panel.services import tasks


def register_for_gesprek(
    *,
    gesprek_id: int,
    user: User,
    kind: str,
    replacement_care: bool = False,
    transport: bool = False,
    accessibility: str = "",
    diet: str = "",
    topics: str = "",
    phone: str = "",
) -> Registration:
    """Take a place, or a place on the waiting list when all places of this kind are taken."""
    if kind_for(user) != kind:
        raise NotAllowedPlace  # listeners can never take caregiver places, and the other way round
    try:
        with transaction.atomic():
            gesprek = Spiegelgesprek.objects.select_for_update().get(pk=gesprek_id)
            if gesprek.cancelled_at is not None:
                raise GesprekCancelled
            if gesprek.starts_at <= timezone.now():
                raise GesprekPast
            if (
                gesprek.registrations.filter(user=user)
                .exclude(status=RegistrationStatus.CANCELLED)
                .exists()
            ):
                raise AlreadyRegistered
            taken = gesprek.registrations.filter(
                kind=kind, status=RegistrationStatus.REGISTERED
            ).count()
            status = (
                RegistrationStatus.REGISTERED
                if taken < gesprek.places_for(kind)
                else RegistrationStatus.WAITING
            )
            registration = Registration.objects.create(
                gesprek=gesprek,
                user=user,
                kind=kind,
                status=status,
                replacement_care=replacement_care if kind == RegistrationKind.CAREGIVER else False,
                transport=transport,
                # only for arranging replacement care or transport, so only kept when needed
                phone=phone.strip()
                if kind == RegistrationKind.CAREGIVER and (replacement_care or transport)
                else "",
                accessibility=accessibility.strip(),
                diet=diet.strip(),
                topics=topics.strip(),
            )
            transaction.on_commit(partial(_enqueue_mail, "confirmation", registration.pk))
            transaction.on_commit(events.broadcast_dashboard_change)
    except IntegrityError:
        raise AlreadyRegistered from None
    return registration


def cancel_registration(
    *, registration_id: int, user: User | None = None, notify: bool = True
) -> Registration:
    """Cancel; a freed place goes to the first person waiting for that kind of place."""
    with transaction.atomic():
        registration = Registration.objects.select_related("gesprek").get(pk=registration_id)
        if user is not None and registration.user_id != user.pk:
            raise Registration.DoesNotExist
        Spiegelgesprek.objects.select_for_update().get(pk=registration.gesprek_id)
        registration.refresh_from_db()
        if registration.status == RegistrationStatus.CANCELLED:
            return registration
        freed = registration.status == RegistrationStatus.REGISTERED
        transaction.on_commit(events.broadcast_dashboard_change)
        registration.status = RegistrationStatus.CANCELLED
        registration.cancelled_at = timezone.now()
        # What someone told us for this gesprek (care, transport, diet, what they want to
        # say) was only for this gesprek: it goes when they cancel.
        registration.replacement_care = False
        registration.transport = False
        registration.accessibility = registration.diet = registration.topics = ""
        registration.phone = ""
        registration.save(update_fields=["status", "cancelled_at", *NEEDS_FIELDS])
        if notify:
            transaction.on_commit(partial(_enqueue_mail, "cancelled", registration.pk))
        if freed and registration.gesprek.starts_at > timezone.now():
            first = (
                Registration.objects.filter(
                    gesprek_id=registration.gesprek_id,
                    kind=registration.kind,
                    status=RegistrationStatus.WAITING,
                )
                .order_by("created_at", "pk")
                .first()
            )
            if first is not None:
                first.status = RegistrationStatus.REGISTERED
                first.promoted_at = timezone.now()
                first.save(update_fields=["status", "promoted_at"])
                transaction.on_commit(partial(_enqueue_mail, "promoted", first.pk))
    return registration


NEEDS_FIELDS = ("replacement_care", "transport", "phone", "accessibility", "diet", "topics")


def change_needs(
    *,
    registration_id: int,
    user: User,
    replacement_care: bool = False,
    transport: bool = False,
    accessibility: str = "",
    diet: str = "",
    topics: str = "",
    phone: str = "",
) -> Registration:
    """Change what someone needs to take part, without cancelling their place."""
    with transaction.atomic():
        registration = (
            Registration.objects.select_for_update()
            .exclude(status=RegistrationStatus.CANCELLED)
            .get(pk=registration_id, user=user)
        )
        registration.replacement_care = (
            replacement_care if registration.kind == RegistrationKind.CAREGIVER else False
        )
        registration.transport = transport
        # Only for arranging replacement care or transport, so only kept when needed.
        registration.phone = (
            phone.strip()
            if registration.kind == RegistrationKind.CAREGIVER and (replacement_care or transport)
            else ""
        )
        registration.accessibility = accessibility.strip()
        registration.diet = diet.strip()
        registration.topics = topics.strip()
        registration.save(update_fields=list(NEEDS_FIELDS))
    return registration


def _enqueue_mail(what: str, registration_id: int) -> None:
    tasks.send_registration_mail.enqueue(registration_id=registration_id, what=what)

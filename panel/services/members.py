"""Writes for panel membership: joining (with consent) and leaving (erasing personal data)."""

from django.db import transaction
from django.utils import timezone
from django.utils.crypto import get_random_string

from accounts.models import Role, User
from accounts.roles import role_of
from accounts.services import create_account, mark_email_verified
from panel import events, mail
from panel.exceptions import AlreadyMember
from panel.models import Answer, PanelMember, Participation, Registration, RegistrationStatus
from panel.services.gesprekken import cancel_registration
from sociale_kaart.models import Wijk

PRIVACY_VERSION = "2026-1"
# Codes that prove an address when joining: no 0/O or 1/I to mix up.
JOIN_CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
JOIN_CODE_LENGTH = 6


def send_join_code(*, email: str) -> str | None:
    """E-mail the code that proves the address; returns it (None when none was sent).

    An address of a professional, werkgroep or beheer account cannot join: it gets an
    e-mail that explains why, and no code. The screen says the same for every address.
    """
    email = email.strip().lower()
    user = User.objects.filter(email__iexact=email).first()
    if user is not None and role_of(user) != Role.CAREGIVER:
        mail.send_join_not_possible(email=email)
        return None
    code = get_random_string(JOIN_CODE_LENGTH, JOIN_CODE_ALPHABET)
    mail.send_join_code(email=email, code=code)
    return code


@transaction.atomic
def join_panel(
    *,
    email: str,
    consent_version: str,
    wijk_id: int | str | None = None,
    age_band: str = "",
    relation: str = "",
    care_hours: str = "",
    works: bool | None = None,
) -> User:
    """Make (or reuse) a caregiver account and its panel membership. Returns the user.

    Call it only for an address the person proved (a join code, or a logged-in caregiver):
    the account's address counts as verified. `wijk_id` is the id of the wijk the caregiver
    chose (or None); an unknown id counts as none.
    """
    wijk = Wijk.objects.filter(pk=wijk_id).first() if wijk_id else None
    email = email.strip().lower()
    user = User.objects.filter(email__iexact=email).first()
    if user is None:
        user = create_account(email=email, role=Role.CAREGIVER, wijk=wijk, verified=True)
    elif role_of(user) != Role.CAREGIVER:
        raise AlreadyMember
    else:
        mark_email_verified(user=user)
    member = PanelMember.objects.filter(user=user).first()
    if member is None:
        PanelMember.objects.create(
            user=user,
            consent_version=consent_version,
            consent_at=timezone.now(),
            wijk=wijk,
            age_band=age_band,
            relation=relation,
            care_hours=care_hours,
            works=works,
        )
        transaction.on_commit(events.broadcast_dashboard_change)
    return user


@transaction.atomic
def leave_panel(*, member: PanelMember) -> None:
    """Delete personal data and registrations; votes and totals stay, unlinked from the person.

    What remains of the member is a husk with only the months of joining and leaving
    (for the growth figures), no account, no answers of its own.
    """
    member = PanelMember.objects.select_for_update().get(pk=member.pk)
    user = member.user
    if user is None:
        return
    # Free places go to the waiting list, as with any cancellation.
    for registration in Registration.objects.filter(user=user).exclude(
        status=RegistrationStatus.CANCELLED
    ):
        cancel_registration(registration_id=registration.pk, notify=False)
    Registration.objects.filter(user=user).delete()
    Participation.objects.filter(member=member).update(member=None)
    Answer.objects.filter(member=member).update(member=None)
    now = timezone.now()
    member.user = None
    member.consent_version = ""
    member.consent_at = None
    member.wijk = None
    member.age_band = member.relation = member.care_hours = ""
    member.works = None
    member.joined_at = member.joined_at.replace(day=1, hour=0, minute=0, second=0, microsecond=0)
    member.left_at = now
    member.save()
    user.delete()
    transaction.on_commit(events.broadcast_dashboard_change)

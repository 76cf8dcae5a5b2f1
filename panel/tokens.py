"""Signed links in e-mails: poll invitations (valid for PANEL_INVITATION_DAYS) and the
cancel link of a gesprek registration (valid until the gesprek's end plus CANCEL_LINK_MARGIN).
Reading a token also looks up what it points to."""

from datetime import timedelta

from django.conf import settings
from django.core import signing
from django.utils import timezone

from panel.exceptions import (
    ExpiredCancelLink,
    ExpiredInvitation,
    InvalidCancelLink,
    InvalidInvitation,
)
from panel.models import PanelMember, Poll, Registration

INVITE_SALT = "panel.invitation"
CANCEL_SALT = "panel.cancel-registration"
# A cancel link keeps working this long after its gesprek ended, then never again.
CANCEL_LINK_MARGIN = timedelta(days=1)


def make_invitation_token(*, member: PanelMember, poll: Poll) -> str:
    return signing.dumps({"m": member.pk, "p": poll.pk}, salt=INVITE_SALT, compress=True)


def read_invitation_token(token: str, *, poll_id: int) -> PanelMember:
    """The member an invitation belongs to; refuses expired, tampered and other-poll links."""
    max_age = timedelta(days=getattr(settings, "PANEL_INVITATION_DAYS", 14))
    try:
        data = signing.loads(token, salt=INVITE_SALT, max_age=max_age)
    except signing.SignatureExpired:
        raise ExpiredInvitation from None
    except signing.BadSignature:
        raise InvalidInvitation from None
    if not isinstance(data, dict) or data.get("p") != poll_id:
        raise InvalidInvitation
    member_id = data.get("m")
    if not isinstance(member_id, int):
        raise InvalidInvitation
    member = (
        PanelMember.objects.filter(pk=member_id, left_at=None)
        .select_related("wijk", "user")
        .first()
    )
    if member is None:
        raise InvalidInvitation
    return member


def make_cancel_token(registration: Registration) -> str:
    return signing.dumps({"r": registration.pk, "u": registration.user_id}, salt=CANCEL_SALT)


def read_cancel_token(token: str) -> Registration:
    try:
        data = signing.loads(token, salt=CANCEL_SALT)
    except signing.BadSignature:
        raise InvalidCancelLink from None
    if not isinstance(data, dict):
        raise InvalidCancelLink
    registration_id, user_id = data.get("r"), data.get("u")
    if not isinstance(registration_id, int) or not isinstance(user_id, int):
        raise InvalidCancelLink
    registration = (
        Registration.objects.filter(pk=registration_id, user_id=user_id)
        .select_related("gesprek")
        .first()
    )
    if registration is None:
        raise InvalidCancelLink
    if timezone.now() > registration.gesprek.ends_at + CANCEL_LINK_MARGIN:
        raise ExpiredCancelLink
    return registration

"""Runs that e-mail many people at once (from a task or a timer): poll invitations when a
poll opens and reminders before a spiegelgesprek. Each claims its rows first, so two
parallel runs never send the same mail twice."""

from datetime import datetime, timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone

from panel import mail
from panel.models import Poll, PollInvitation, PollStatus, Registration, RegistrationStatus
from panel.selectors.polls import audience_members
from panel.tokens import make_invitation_token


def send_poll_invitations(*, poll_id: int) -> int:
    """E-mail each member in the audience of an open, published poll a personal link.

    Exactly once per member: each member's PollInvitation row is claimed (unique per poll and
    member) before the mail goes out, so parallel publishes and several workers never send
    the same invitation twice, and a run that stopped halfway is finished by the next one.
    """
    poll = Poll.objects.filter(pk=poll_id).first()
    if poll is None or poll.status != PollStatus.OPEN:  # concepts and scheduled polls: not yet
        return 0
    Poll.objects.filter(pk=poll_id, invitations_sent_at=None).update(
        invitations_sent_at=timezone.now()
    )
    members = (
        audience_members(poll)
        .exclude(participations__poll=poll)
        .exclude(pk__in=PollInvitation.objects.filter(poll=poll).values("member_id"))
        .select_related("user")
    )
    sent = 0
    for member in members:
        try:
            with transaction.atomic():
                PollInvitation.objects.create(poll=poll, member=member)
        except IntegrityError:
            continue  # another worker claimed this member first
        mail.send_invitation(
            member=member, poll=poll, token=make_invitation_token(member=member, poll=poll)
        )
        sent += 1
    return sent


def send_due_reminders(*, now: datetime | None = None) -> int:
    """Send each registered person one reminder, PANEL_REMINDER_HOURS before the start."""
    now = now or timezone.now()
    lead = timedelta(hours=getattr(settings, "PANEL_REMINDER_HOURS", 24))
    due = Registration.objects.filter(
        status=RegistrationStatus.REGISTERED,
        reminded_at=None,
        gesprek__starts_at__gt=now,
        gesprek__starts_at__lte=now + lead,
    ).values_list("pk", flat=True)
    sent = 0
    for pk in list(due):
        # Claim the row first: a parallel run that loses the claim sends nothing.
        if Registration.objects.filter(pk=pk, reminded_at=None).update(reminded_at=now) == 1:
            mail.send_registration_mail(registration_id=pk, what="reminder")
            sent += 1
    return sent

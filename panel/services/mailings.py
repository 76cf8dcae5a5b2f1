"""Runs that e-mail many people at once (from a task or a timer): poll invitations when a
poll opens and reminders before a spiegelgesprek. Each claims its rows first, so two
parallel runs never send the same mail twice."""

from datetime import datetime, timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from panel import mail
from panel.models import Poll, PollStatus, Registration, RegistrationStatus
from panel.selectors.polls import audience_members
from panel.tokens import make_invitation_token


def send_poll_invitations(*, poll_id: int) -> int:
    """E-mail each member in the audience a personal link, once per poll (when it is open)."""
    with transaction.atomic():
        poll = Poll.objects.select_for_update().get(pk=poll_id)
        if poll.invitations_sent_at is not None or poll.status != PollStatus.OPEN:
            return 0
        poll.invitations_sent_at = timezone.now()
        poll.save(update_fields=["invitations_sent_at"])
    sent = 0
    members = audience_members(poll).exclude(participations__poll=poll).select_related("user")
    for member in members:
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

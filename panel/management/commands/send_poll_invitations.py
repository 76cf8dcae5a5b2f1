from django.core.management.base import BaseCommand
from django.utils import timezone

from panel.models import Poll
from panel.services.mailings import send_poll_invitations


class Command(BaseCommand):
    help = "E-mail personal invitation links for every open poll that has not sent them yet."

    def handle(self, *args, **options):
        now = timezone.now()
        total = 0
        for poll in Poll.objects.filter(
            opens_at__lte=now, closes_at__gt=now, invitations_sent_at=None
        ):
            total += send_poll_invitations(poll_id=poll.pk)
        self.stdout.write(f"{total} invitations sent")

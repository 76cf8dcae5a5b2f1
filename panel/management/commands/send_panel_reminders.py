from django.core.management.base import BaseCommand

from panel.services.mailings import send_due_reminders


class Command(BaseCommand):
    help = "Send the reminder e-mail for spiegelgesprekken starting within PANEL_REMINDER_HOURS (once each)."

    def handle(self, *args, **options):
        sent = send_due_reminders()
        self.stdout.write(f"{sent} reminders sent")

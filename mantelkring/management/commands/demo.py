"""python manage.py demo: demo content for every app, safe to run again and again."""

from importlib import import_module, util

from django.core.management.base import BaseCommand
from django.db import transaction

# Order matters: later apps use what earlier ones made.
DEMO_MODULES = [
    "sociale_kaart.demo",
    "accounts.demo",
    "training.demo",
    "panel.demo",
    "werkgroep.demo",
    "werkgroep.studio_demo",
]


class Command(BaseCommand):
    help = "Load demo content and the five demo accounts (password: mantelkring-demo). Idempotent."

    def handle(self, *args, **options):
        for name in DEMO_MODULES:
            if util.find_spec(name) is None:
                continue
            with transaction.atomic():
                summary = import_module(name).load()
            self.stdout.write(f"{name}: {summary}")
        self.stdout.write(
            self.style.SUCCESS("Demo data ready. Password for all demo accounts: mantelkring-demo")
        )

"""The werkgroep dashboard also follows training: a referral logged, a module started or
passed, or a certificate issued tells every open dashboard to reread its other counts.

training does not know the werkgroep (the layers forbid it), so the werkgroep listens to
training's saves here; the message is panel's dashboard change (panel.events), sent after
commit by the background sender, merged with others in the same burst.
"""

from typing import Any

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from panel import events


def _tell_dashboards() -> None:
    transaction.on_commit(events.broadcast_dashboard_change)


@receiver([post_save, post_delete], sender="training.Referral")
def _referral_changed(sender: Any, **kwargs: Any) -> None:
    _tell_dashboards()


@receiver([post_save, post_delete], sender="training.Certificate")
def _certificate_changed(sender: Any, **kwargs: Any) -> None:
    _tell_dashboards()


@receiver(post_save, sender="training.Progress")
def _progress_changed(sender: Any, instance: Any, created: bool, **kwargs: Any) -> None:
    # Started (a new row) or passed: the two figures the dashboard shows. Each lesson step
    # in between saves the row too and changes neither.
    if created or instance.passed_at is not None:
        _tell_dashboards()

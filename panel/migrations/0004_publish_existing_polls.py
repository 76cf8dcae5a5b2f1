"""Polls made before the studio existed were live as soon as they were saved: keep them so.
New polls start as concepts (published_at empty) until someone publishes them."""

from django.db import migrations
from django.db.models import F


def publish_existing(apps, schema_editor):
    Poll = apps.get_model("panel", "Poll")
    Poll.objects.filter(published_at__isnull=True).update(published_at=F("created_at"))


class Migration(migrations.Migration):
    dependencies = [("panel", "0003_poll_publishing")]

    operations = [migrations.RunPython(publish_existing, migrations.RunPython.noop)]

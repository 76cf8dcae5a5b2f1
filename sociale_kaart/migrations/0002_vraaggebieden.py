"""The 8 vraaggebieden exist in every database, in their fixed order."""

from django.db import migrations

CODES = [
    "informatie",
    "advies",
    "emotionele_steun",
    "educatie",
    "praktische_hulp",
    "respijtzorg",
    "financieel",
    "materieel",
]


def create(apps, schema_editor):
    Vraaggebied = apps.get_model("sociale_kaart", "Vraaggebied")
    for order, code in enumerate(CODES, start=1):
        Vraaggebied.objects.update_or_create(code=code, defaults={"order": order})


def remove(apps, schema_editor):
    apps.get_model("sociale_kaart", "Vraaggebied").objects.filter(code__in=CODES).delete()


class Migration(migrations.Migration):
    dependencies = [("sociale_kaart", "0001_initial")]
    operations = [migrations.RunPython(create, remove)]

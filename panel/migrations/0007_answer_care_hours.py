# The answer's snapshot also holds the hours of care per week, so results can be broken down
# by it. Answers given before this have no snapshot of it ("" = unknown); their counters for
# the new breakdown are added here so every total stays the same in every breakdown.

from django.db import migrations, models
from django.db.models import Count


def count_existing_as_unknown(apps, schema_editor):
    Answer = apps.get_model("panel", "Answer")
    ResultTally = apps.get_model("panel", "ResultTally")
    rows = (
        Answer.objects.filter(choice__isnull=False)
        .order_by()
        .values_list("question__poll_id", "question_id", "choice_id")
        .annotate(n=Count("pk"))
    )
    ResultTally.objects.bulk_create(
        (
            ResultTally(
                poll_id=poll_id,
                question_ref=question_id,
                choice_ref=choice_id,
                dimension="care_hours",
                group_value="",
                count=n,
            )
            for poll_id, question_id, choice_id, n in rows.iterator()
        ),
        batch_size=1000,
    )


def forget_counters(apps, schema_editor):
    apps.get_model("panel", "ResultTally").objects.filter(dimension="care_hours").delete()


class Migration(migrations.Migration):
    dependencies = [
        ("panel", "0006_merge_publishing_and_help"),
    ]

    operations = [
        migrations.AddField(
            model_name="answer",
            name="care_hours",
            field=models.CharField(
                blank=True,
                choices=[
                    ("0-7", "Minder dan 8 uur per week"),
                    ("8-19", "8 tot 20 uur per week"),
                    ("20-39", "20 tot 40 uur per week"),
                    ("40+", "40 uur of meer per week"),
                ],
                db_default="",
                default="",
                max_length=10,
            ),
        ),
        migrations.RunPython(count_existing_as_unknown, forget_counters),
    ]

"""Starter content: the modules Herkennen, Signaleren and Doorverwijzen, published, and a
learning path per profession. Reversible: the reverse removes exactly these modules."""

from decimal import Decimal

from django.db import migrations

from training.migrations._starter_content import LEARNING_PATHS, MODULES


def load(apps, schema_editor):
    Module = apps.get_model("training", "Module")
    Lesson = apps.get_model("training", "Lesson")
    Question = apps.get_model("training", "Question")
    Option = apps.get_model("training", "Option")
    Vraaggebied = apps.get_model("sociale_kaart", "Vraaggebied")
    LearningPath = apps.get_model("training", "LearningPath")
    LearningPathStep = apps.get_model("training", "LearningPathStep")

    vraaggebieden = {v.code: v for v in Vraaggebied.objects.all()}
    modules = {}
    for data in MODULES:
        if Module.objects.filter(slug=data["slug"]).exists():
            modules[data["slug"]] = Module.objects.get(slug=data["slug"])
            continue
        module = Module.objects.create(
            slug=data["slug"],
            title=data["title"],
            summary=data["summary"],
            order=data["order"],
            minutes=data["minutes"],
            accreditation_points=Decimal(data["points"]),
            pass_mark=data["pass_mark"],
            target_professions=data["professions"],
            published=True,
        )
        module.vraaggebieden.set(
            [vraaggebieden[c] for c in data["vraaggebieden"] if c in vraaggebieden]
        )
        lessons = [
            Lesson.objects.create(module=module, order=i, title=title, body=body)
            for i, (title, body) in enumerate(data["lessons"], start=1)
        ]
        for i, q in enumerate(data["questions"], start=1):
            question = Question.objects.create(
                module=module,
                order=i,
                situation=q["situation"],
                prompt=q["prompt"],
                kind=q.get("kind", "single"),
                explanation=q["explanation"],
                review_lesson=lessons[q["review"] - 1],
            )
            for j, (text, correct, feedback) in enumerate(q["options"], start=1):
                Option.objects.create(
                    question=question, order=j, text=text, is_correct=correct, feedback=feedback
                )
        modules[data["slug"]] = module
    for profession, slugs in LEARNING_PATHS.items():
        path, _ = LearningPath.objects.get_or_create(profession=profession)
        for order, slug in enumerate(slugs, start=1):
            LearningPathStep.objects.get_or_create(
                path=path, module=modules[slug], defaults={"order": order}
            )


def unload(apps, schema_editor):
    apps.get_model("training", "LearningPath").objects.filter(
        profession__in=LEARNING_PATHS
    ).delete()
    apps.get_model("training", "Module").objects.filter(
        slug__in=[m["slug"] for m in MODULES]
    ).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("training", "0001_initial"),
        ("sociale_kaart", "0002_vraaggebieden"),
    ]

    operations = [migrations.RunPython(load, unload)]

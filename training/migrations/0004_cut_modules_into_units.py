"""Cut every module into units of at most ten minutes and give every question a learning goal,
keeping progress and certificates valid:

- one unit per lesson (the starter modules get their minutes from _question_bank.UNITS);
- one learning goal per existing question, taught by the question's lesson (the starter
  modules get their goal texts and the corrected lesson, e.g. "De woorden die werken" for the
  question about Linda); the starter modules also get a second variant per goal and a new
  version number, so certificates already issued keep their own version;
- lessons already read become LessonRead rows; answers and certificates are left as they are.
"""

import random

from django.db import migrations

from training.migrations._question_bank import GOALS, UNITS


def forwards(apps, schema_editor):
    Module = apps.get_model("training", "Module")
    Unit = apps.get_model("training", "Unit")
    Lesson = apps.get_model("training", "Lesson")
    LearningGoal = apps.get_model("training", "LearningGoal")
    Question = apps.get_model("training", "Question")
    Option = apps.get_model("training", "Option")
    Progress = apps.get_model("training", "Progress")
    LessonRead = apps.get_model("training", "LessonRead")
    rng = random.SystemRandom()

    for module in Module.objects.all():
        lessons = list(Lesson.objects.filter(module=module).order_by("order", "pk"))
        questions = list(Question.objects.filter(module=module).order_by("order", "pk"))
        bank_units = UNITS.get(module.slug)
        if bank_units and len(bank_units) != len(lessons):
            bank_units = None  # the module was edited: cut it the generic way
        each = max(1, min(10, round(module.minutes / max(1, len(lessons)))))
        units = []
        for index, lesson in enumerate(lessons):
            minutes = bank_units[index][1] if bank_units else each
            unit = Unit.objects.create(
                module=module, order=index + 1, title=lesson.title, minutes=minutes
            )
            lesson.unit = unit
            lesson.save(update_fields=["unit"])
            units.append(unit)
        if questions and not units:
            units.append(
                Unit.objects.create(
                    module=module, order=1, title=module.title, minutes=min(10, module.minutes)
                )
            )
        bank = GOALS.get(module.slug)
        if bank and len(bank) != len(questions):
            bank = None
        by_pk = {lesson.pk: lesson for lesson in lessons}
        for index, question in enumerate(questions):
            if bank:
                lesson = lessons[bank[index]["lesson"] - 1]
                text = bank[index]["goal"]
            else:
                lesson = by_pk.get(question.review_lesson_id)
                text = question.prompt[:300]
            goal = LearningGoal.objects.create(
                module=module,
                unit=lesson.unit if lesson else units[-1],
                lesson=lesson,
                order=index + 1,
                text=text,
            )
            question.goal = goal
            question.review_lesson = lesson
            question.save(update_fields=["goal", "review_lesson"])
            if not bank:
                continue
            variant = bank[index]["variant"]
            extra = Question.objects.create(
                module=module,
                goal=goal,
                review_lesson=lesson,
                order=question.order,
                situation=variant["situation"],
                prompt=variant["prompt"],
                kind=variant.get("kind", "single"),
                explanation=variant["explanation"],
            )
            for order, (text, correct, feedback) in enumerate(variant["options"], start=1):
                Option.objects.create(
                    question=extra, order=order, text=text, is_correct=correct, feedback=feedback
                )
        if bank:
            module.version += 1
            module.save(update_fields=["version"])

        for progress in Progress.objects.filter(module=module):
            done = lessons if progress.lessons_done else lessons[: progress.lessons_seen]
            LessonRead.objects.bulk_create(
                LessonRead(progress=progress, lesson=lesson, read_at=progress.updated_at)
                for lesson in done
            )
            progress.draw_seed = rng.randrange(1, 2**31)
            progress.save(update_fields=["draw_seed"])


def backwards(apps, schema_editor):
    """Remove the units, goals, reads and added variants again. Raw deletes: the historical
    models' delete collector cannot follow these relations, and nothing else points to them."""
    Question = apps.get_model("training", "Question")
    Module = apps.get_model("training", "Module")
    db = schema_editor.connection.alias
    situations = [g["variant"]["situation"] for goals in GOALS.values() for g in goals]
    added = list(
        Question.objects.filter(module__slug__in=GOALS, situation__in=situations).values_list(
            "pk", flat=True
        )
    )
    apps.get_model("training", "Option").objects.filter(question_id__in=added)._raw_delete(db)
    apps.get_model("training", "Answer").objects.filter(question_id__in=added)._raw_delete(db)
    Question.objects.filter(pk__in=added)._raw_delete(db)
    Question.objects.update(goal=None)
    apps.get_model("training", "LessonRead").objects.all()._raw_delete(db)
    apps.get_model("training", "LearningGoal").objects.all()._raw_delete(db)
    apps.get_model("training", "Lesson").objects.update(unit=None)
    apps.get_model("training", "Unit").objects.all()._raw_delete(db)
    for module in Module.objects.filter(slug__in=GOALS, version__gt=1):
        module.version -= 1
        module.save(update_fields=["version"])


class Migration(migrations.Migration):
    dependencies = [("training", "0003_units_goals_and_registration")]

    operations = [migrations.RunPython(forwards, backwards)]

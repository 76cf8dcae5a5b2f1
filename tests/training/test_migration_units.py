"""The data migration that cuts modules into units keeps what people did: lessons read,
answers, a passed status and certificates (with their code and version) stay valid."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from training import selectors
from training.models import Progress as NewProgress

BEFORE = [("training", "0002_starter_content")]


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_progress_and_certificates_survive_the_cut_into_units(django_user_model):
    executor = MigrationExecutor(connection)
    leaf = executor.loader.graph.leaf_nodes("training")
    executor.migrate(BEFORE)
    old = executor.loader.project_state(BEFORE).apps
    Module = old.get_model("training", "Module")
    Progress = old.get_model("training", "Progress")
    Answer = old.get_model("training", "Answer")
    Certificate = old.get_model("training", "Certificate")
    user_model = old.get_model(*django_user_model._meta.label.split("."))
    reader = user_model.objects.create(email="lezer@example.org")
    passer = user_model.objects.create(email="geslaagd@example.org")
    herkennen = Module.objects.get(slug="herkennen")
    lessons = list(herkennen.lessons.order_by("order", "pk"))
    questions = list(herkennen.questions.order_by("order", "pk"))
    # Halfway: two lessons read, nothing answered.
    Progress.objects.create(
        user=reader, module=herkennen, lessons_seen=2, current_lesson=lessons[1]
    )
    # Passed, with answers and an old 22-character certificate code.
    passed = Progress.objects.create(
        user=passer, module=herkennen, lessons_seen=4, lessons_done=True, status="passed", score=100
    )
    for question in questions:
        Answer.objects.create(progress=passed, question=question, selected=[1], is_correct=True)
    Certificate.objects.create(
        code="Oude-code_van-22-tekens",
        user=passer,
        module=herkennen,
        module_version=1,
        module_title="Herkennen",
        full_name="Geslaagd",
        issued_on="2026-11-01",
        minutes=25,
        accreditation_points=1,
        score=100,
    )

    executor = MigrationExecutor(connection)
    executor.migrate(leaf)

    reading = NewProgress.objects.get(user__email="lezer@example.org")
    assert list(
        reading.reads.order_by("lesson__order").values_list("lesson__title", flat=True)
    ) == [
        "Wie is mantelzorger?",
        "Waarom mantelzorgers het zelf niet zeggen",
    ]
    # Both lessons stay read: what is left in unit 1 is its question; unit 2's lesson is read.
    point = selectors.resume_point(reading)
    assert (point.step, point.position) == ("question", 1)
    plan = selectors.module_plan(module=reading.module, progress=reading)
    assert [u.lessons_done for u in plan.units] == [True, True, False, False]
    assert plan.questions[0].goal.lesson.title == "Wie is mantelzorger?"
    done = NewProgress.objects.get(user__email="geslaagd@example.org")
    assert done.status == "passed" and done.answers.count() == 6
    assert done.reads.count() == 4 and done.draw_seed > 0
    # The answered questions stay the drawn ones, so the attempt is complete as it was.
    assert {q.pk for q in selectors.drawn_questions(done)} == set(
        done.answers.values_list("question_id", flat=True)
    )
    certificate = selectors.certificate_by_code("Oude-code_van-22-tekens")
    assert certificate is not None and certificate.is_valid and certificate.module_version == 1
    assert done.module.version == 2

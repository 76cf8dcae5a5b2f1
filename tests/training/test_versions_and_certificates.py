import io

import pytest
from django.urls import reverse
from pypdf import PdfReader

from accounts.models import Profession, Role
from tests.accounts.factories import UserFactory
from tests.training.factories import make_module
from training import services
from training.models import Certificate, Module

pytestmark = pytest.mark.django_db


def pass_module(user, module):
    progress = services.start_module(user=user, module=module)
    services.finish_lessons(progress=progress)
    for question in module.questions.all():
        services.answer_question(
            progress=progress,
            question=question,
            option_ids=list(question.options.filter(is_correct=True).values_list("pk", flat=True)),
        )
    return Certificate.objects.get(user=user, module=module, module_version=module.version)


def admin_module_data(module, **changes):
    lesson = module.lessons.get()
    data = {
        "title": module.title,
        "slug": module.slug,
        "summary": module.summary,
        "target_professions": ["huisarts"],
        "minutes": module.minutes,
        "accreditation_points": module.accreditation_points,
        "pass_mark": module.pass_mark,
        "order": module.order,
        "published": "on" if module.published else "",
        "lessons-TOTAL_FORMS": 1,
        "lessons-INITIAL_FORMS": 1,
        "lessons-MIN_NUM_FORMS": 0,
        "lessons-MAX_NUM_FORMS": 1000,
        "lessons-0-id": lesson.pk,
        "lessons-0-module": module.pk,
        "lessons-0-unit": lesson.unit_id,
        "lessons-0-order": lesson.order,
        "lessons-0-title": lesson.title,
        "lessons-0-body": lesson.body,
        "units-TOTAL_FORMS": 1,
        "units-INITIAL_FORMS": 1,
        "units-MIN_NUM_FORMS": 0,
        "units-MAX_NUM_FORMS": 1000,
        "units-0-id": lesson.unit_id,
        "units-0-module": module.pk,
        "units-0-order": lesson.unit.order,
        "units-0-title": lesson.unit.title,
        "units-0-minutes": lesson.unit.minutes,
        "goals-TOTAL_FORMS": 0,
        "goals-INITIAL_FORMS": 0,
        "goals-MIN_NUM_FORMS": 0,
        "goals-MAX_NUM_FORMS": 1000,
        "questions-TOTAL_FORMS": 0,
        "questions-INITIAL_FORMS": 0,
        "questions-MIN_NUM_FORMS": 0,
        "questions-MAX_NUM_FORMS": 1000,
    }
    data.update(changes)
    return {k: v for k, v in data.items() if v != ""}


def test_editing_a_lesson_of_a_published_module_in_the_admin_bumps_its_version(client, admin_user):
    module = make_module(lessons=1, questions=0)
    client.force_login(admin_user)
    response = client.post(
        reverse("admin:training_module_change", args=[module.pk]),
        admin_module_data(module, **{"lessons-0-body": "Nieuwe tekst."}),
    )
    assert response.status_code == 302
    module.refresh_from_db()
    assert module.version == 2 and module.lessons.get().body == "Nieuwe tekst."


def test_saving_a_module_without_content_changes_keeps_its_version(client, admin_user):
    module = make_module(lessons=1, questions=0)
    client.force_login(admin_user)
    client.post(
        reverse("admin:training_module_change", args=[module.pk]), admin_module_data(module)
    )
    module.refresh_from_db()
    assert module.version == 1


def test_editing_an_unpublished_module_keeps_version_one(client, admin_user):
    module = make_module(lessons=1, questions=0, published=False)
    client.force_login(admin_user)
    client.post(
        reverse("admin:training_module_change", args=[module.pk]),
        admin_module_data(module, **{"lessons-0-body": "Concept."}),
    )
    module.refresh_from_db()
    assert module.version == 1


def test_changing_an_option_in_the_question_admin_bumps_the_version(client, admin_user):
    module = make_module(lessons=1, questions=1)
    question = module.questions.get()
    good, bad = question.options.order_by("order")
    client.force_login(admin_user)
    data = {
        "module": module.pk,
        "goal": question.goal_id,
        "order": question.order,
        "prompt": question.prompt,
        "kind": "single",
        "situation": question.situation,
        "explanation": question.explanation,
        "options-TOTAL_FORMS": 2,
        "options-INITIAL_FORMS": 2,
        "options-MIN_NUM_FORMS": 0,
        "options-MAX_NUM_FORMS": 1000,
        "options-0-id": good.pk,
        "options-0-question": question.pk,
        "options-0-order": 0,
        "options-0-text": "Goed, maar anders gezegd",
        "options-0-is_correct": "on",
        "options-0-feedback": good.feedback,
        "options-1-id": bad.pk,
        "options-1-question": question.pk,
        "options-1-order": 1,
        "options-1-text": bad.text,
        "options-1-feedback": bad.feedback,
    }
    response = client.post(reverse("admin:training_question_change", args=[question.pk]), data)
    assert response.status_code == 302
    module.refresh_from_db()
    assert module.version == 2


def test_a_single_answer_question_needs_exactly_one_correct_option_in_the_admin(client, admin_user):
    module = make_module(lessons=1, questions=1)
    question = module.questions.get()
    good, bad = question.options.order_by("order")
    client.force_login(admin_user)
    data = {
        "module": module.pk,
        "order": 0,
        "prompt": question.prompt,
        "kind": "single",
        "situation": question.situation,
        "explanation": question.explanation,
        "options-TOTAL_FORMS": 2,
        "options-INITIAL_FORMS": 2,
        "options-MIN_NUM_FORMS": 0,
        "options-MAX_NUM_FORMS": 1000,
        "options-0-id": good.pk,
        "options-0-question": question.pk,
        "options-0-order": 0,
        "options-0-text": good.text,
        "options-0-is_correct": "on",
        "options-0-feedback": good.feedback,
        "options-1-id": bad.pk,
        "options-1-question": question.pk,
        "options-1-order": 1,
        "options-1-text": bad.text,
        "options-1-is_correct": "on",
        "options-1-feedback": bad.feedback,
    }
    response = client.post(reverse("admin:training_question_change", args=[question.pk]), data)
    assert response.status_code == 200
    assert "precies één antwoord goed" in response.content.decode()


def test_an_old_certificate_still_verifies_with_the_old_version(client, professional):
    module = make_module(lessons=1, questions=1, title="Herkennen oud")
    old = pass_module(professional, module)
    services.record_content_change(module=module)
    Module.objects.filter(pk=module.pk).update(title="Herkennen nieuw")
    module.refresh_from_db()
    newcomer = UserFactory(role=Role.PROFESSIONAL, profession=Profession.POH)
    new = pass_module(newcomer, module)
    assert (old.module_version, new.module_version) == (1, 2)
    page = client.get(reverse("training_public:verify", args=[old.code])).content.decode()
    assert "Dit certificaat is geldig." in page and "Herkennen oud" in page
    assert "<dt>Versie</dt><dd>1</dd>" in page


def test_verification_shows_only_name_module_version_date_and_validity(client):
    user = UserFactory(
        role=Role.PROFESSIONAL,
        profession=Profession.HUISARTS,
        email="geheim@example.org",
        first_name="Zoë",
        last_name="Brouwer",
    )
    certificate = pass_module(user, make_module(lessons=1, questions=1, minutes=37))
    page = client.get(reverse("training_public:verify", args=[certificate.code])).content.decode()
    assert "Zoë Brouwer" in page
    assert "geheim@example.org" not in page and "Huisarts" not in page and "minuten" not in page


def test_certificate_pdf_holds_everything_and_handles_dutch_letters(client):
    user = UserFactory(
        role=Role.PROFESSIONAL,
        profession=Profession.CLIENTONDERSTEUNER,
        first_name="Noëlle",
        last_name="Çelik-Brouwer",
    )
    module = make_module(
        lessons=1,
        questions=1,
        title="Signaleren: één casus",
        minutes=25,
        accreditation_points=1.5,
        accrediting_body="Accreditatie Ëën",
    )
    certificate = pass_module(user, module)
    client.force_login(user)
    response = client.get(reverse("training:certificate_pdf", args=[certificate.code]))
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    text = PdfReader(io.BytesIO(response.content)).pages[0].extract_text()
    for expected in [
        certificate.display_code,
        "Noëlle Çelik-Brouwer",
        "Cliëntondersteuner",
        "Signaleren: één casus",
        "Versie van de module",
        "25 minuten",
        "1,5 punten (Accreditatie Ëën)",
    ]:
        assert expected in text, expected


def test_my_certificates_lists_mine_only(client, professional):
    module = make_module(lessons=1, questions=1, title="Mijn module")
    pass_module(professional, module)
    pass_module(
        UserFactory(role=Role.PROFESSIONAL),
        make_module(lessons=1, questions=1, title="Andermans module"),
    )
    client.force_login(professional)
    page = client.get(reverse("training:certificates")).content.decode()
    assert "Mijn module" in page and "Andermans module" not in page


def test_new_certificate_codes_are_short_unambiguous_and_unique(professional):
    codes = {pass_module(professional, make_module(lessons=1, questions=1)).code for _ in range(5)}
    assert len(codes) == 5
    for code in codes:
        assert len(code) == 10 and set(code) <= set("23456789ABCDEFGHJKMNPQRSTUVWXYZ")
        assert not set(code) & set("01OIL")


def test_beheer_previews_an_unpublished_module_with_its_answers(client, admin_user, professional):
    module = make_module(lessons=1, questions=1, published=False, title="Concept module")
    client.force_login(admin_user)
    page = client.get(reverse("training:preview", args=[module.pk])).content.decode()
    assert (
        "Concept module" in page and "nog niet gepubliceerd" in page and "Uitleg bij goed" in page
    )


def test_the_module_admin_shows_inline_lessons_questions_and_a_preview_link(client, admin_user):
    module = Module.objects.get(slug="herkennen")
    client.force_login(admin_user)
    page = client.get(reverse("admin:training_module_change", args=[module.pk])).content.decode()
    assert 'name="lessons-0-order"' in page and 'name="questions-0-order"' in page
    assert reverse("training:preview", args=[module.pk]) in page

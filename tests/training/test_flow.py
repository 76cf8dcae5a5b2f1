import pytest
from django.urls import reverse
from django.utils import timezone

from tests.training.factories import LessonFactory, QuestionFactory, make_module
from training import services
from training.models import (
    Answer,
    Certificate,
    LearningPath,
    LearningPathStep,
    Progress,
    ProgressStatus,
)

pytestmark = pytest.mark.django_db


def right(question):
    return question.options.get(is_correct=True).pk


def wrong(question):
    return question.options.filter(is_correct=False).first().pk


def post_answer(client, module, position, question, option_ids):
    return client.post(
        reverse("training:question", args=[module.slug, position]),
        {"question": question.pk, "option": option_ids},
    )


def finish_lessons(client, module):
    """Read every lesson through the pages; returns the last response."""
    response = None
    for position in range(1, module.lessons.count() + 1):
        response = read_lesson(client, module, position)
    return response


def read_lesson(client, module, position):
    return client.post(reverse("training:lesson_read", args=[module.slug, position]))


@pytest.fixture
def module():
    return make_module(lessons=3, questions=2, pass_mark=50)


def test_starting_a_module_opens_the_first_lesson(client, professional, module):
    client.force_login(professional)
    response = client.post(reverse("training:start", args=[module.slug]))
    assert response.url == reverse("training:lesson", args=[module.slug, 1])


def test_reading_a_lesson_writes_nothing(client, professional, module):
    client.force_login(professional)
    assert client.get(reverse("training:lesson", args=[module.slug, 2])).status_code == 200
    assert not Progress.objects.exists()
    assert client.get(reverse("training:question", args=[module.slug, 1])).status_code == 302
    assert not Progress.objects.exists()


def test_next_lesson_remembers_the_lesson_read_and_goes_on(client, professional, module):
    client.force_login(professional)
    response = read_lesson(client, module, 1)
    assert response.url == reverse("training:lesson", args=[module.slug, 2])
    progress = Progress.objects.get()
    assert list(progress.reads.values_list("lesson__title", flat=True)) == ["Les 1"]
    read_lesson(client, module, 2)
    response = read_lesson(client, module, 3)
    assert response.url == reverse("training:question", args=[module.slug, 1])
    assert progress.reads.count() == 3


def test_coming_back_resumes_at_the_same_lesson(client, professional, module):
    client.force_login(professional)
    read_lesson(client, module, 1)
    client.logout()
    client.force_login(professional)
    response = client.post(reverse("training:start", args=[module.slug]))
    assert response.url == reverse("training:lesson", args=[module.slug, 2])


def test_after_the_lessons_resume_goes_to_the_first_open_question(client, professional, module):
    client.force_login(professional)
    finish_lessons(client, module)
    q1 = module.questions.order_by("order").first()
    post_answer(client, module, 1, q1, [right(q1)])
    response = client.post(reverse("training:start", args=[module.slug]))
    assert response.url == reverse("training:question", args=[module.slug, 2])


def test_questions_wait_until_the_lessons_are_read(client, professional, module):
    client.force_login(professional)
    response = client.get(reverse("training:question", args=[module.slug, 1]))
    assert response.status_code == 302
    assert response.url == reverse("training:lesson", args=[module.slug, 1])


def test_a_wrong_answer_is_judged_on_the_server_with_feedback_per_option(
    client, professional, module
):
    client.force_login(professional)
    finish_lessons(client, module)
    q1 = module.questions.order_by("order").first()
    post_answer(client, module, 1, q1, [wrong(q1)])
    answer = Answer.objects.get(question=q1)
    assert answer.is_correct is False
    page = client.get(reverse("training:question", args=[module.slug, 1])).content.decode()
    assert "Dit antwoord klopt niet helemaal" in page
    assert "Uitleg bij fout: klopt niet." in page
    # Feedback explains the choice made; it never gives away the right option.
    assert "Uitleg bij goed: klopt." not in page and "Goed antwoord" not in page


def test_a_forged_option_id_gives_400_in_dutch_and_stores_nothing(client, professional, module):
    client.force_login(professional)
    finish_lessons(client, module)
    q1, q2 = module.questions.order_by("order")
    response = post_answer(client, module, 1, q1, [right(q2)])
    assert response.status_code == 400
    assert "Dit antwoord hoort niet bij deze vraag" in response.content.decode()
    assert not Answer.objects.exists()


def test_a_non_numeric_option_gives_400_and_stores_nothing(client, professional, module):
    client.force_login(professional)
    finish_lessons(client, module)
    q1 = module.questions.order_by("order").first()
    response = post_answer(client, module, 1, q1, ["1 OR 1=1"])
    assert response.status_code == 400
    assert not Answer.objects.exists()


def test_an_answer_to_another_modules_question_gives_400_and_stores_nothing(
    client, professional, module
):
    other = make_module(lessons=1, questions=1)
    client.force_login(professional)
    finish_lessons(client, module)
    foreign = other.questions.get()
    response = post_answer(client, module, 1, foreign, [right(foreign)])
    assert response.status_code == 400
    assert "Deze vraag hoort niet bij deze module" in response.content.decode()
    assert not Answer.objects.exists()


def test_two_options_on_a_single_answer_question_are_refused(client, professional, module):
    client.force_login(professional)
    finish_lessons(client, module)
    q1 = module.questions.order_by("order").first()
    response = post_answer(client, module, 1, q1, [right(q1), wrong(q1)])
    assert response.status_code == 400
    assert not Answer.objects.exists()


def test_choosing_nothing_asks_again_in_dutch(client, professional, module):
    client.force_login(professional)
    finish_lessons(client, module)
    q1 = module.questions.order_by("order").first()
    response = post_answer(client, module, 1, q1, [])
    assert "Kies eerst een antwoord." in response.content.decode()
    assert not Answer.objects.exists()


def test_a_question_cannot_be_answered_twice(client, professional, module):
    client.force_login(professional)
    finish_lessons(client, module)
    q1 = module.questions.order_by("order").first()
    post_answer(client, module, 1, q1, [wrong(q1)])
    post_answer(client, module, 1, q1, [right(q1)])
    assert Answer.objects.get(question=q1).is_correct is False


def test_a_multiple_answer_question_needs_exactly_the_right_set(client, professional):
    module = make_module(lessons=1, questions=0)
    q = QuestionFactory(
        module=module, kind="multiple", options=[("A", True), ("B", True), ("C", False)]
    )
    client.force_login(professional)
    finish_lessons(client, module)
    a, b, _c = q.options.order_by("order")
    post_answer(client, module, 1, q, [a.pk])
    assert Answer.objects.get().is_correct is False
    Progress.objects.update(
        status=ProgressStatus.FAILED, finished_at=timezone.now() - services.RETRY_WAIT
    )
    client.post(reverse("training:retry", args=[module.slug]))
    post_answer(client, module, 1, q, [a.pk, b.pk])
    assert Answer.objects.get().is_correct is True


def test_passing_gives_a_certificate_and_a_result_page(client, professional, module):
    client.force_login(professional)
    finish_lessons(client, module)
    q1, q2 = module.questions.order_by("order")
    post_answer(client, module, 1, q1, [right(q1)])
    post_answer(client, module, 2, q2, [right(q2)])
    progress = Progress.objects.get()
    assert (progress.status, progress.score) == (ProgressStatus.PASSED, 100)
    certificate = Certificate.objects.get()
    assert certificate.module_version == module.version and len(certificate.code) == 10
    page = client.get(reverse("training:result", args=[module.slug])).content.decode()
    assert "U bent geslaagd" in page and certificate.display_code in page


def test_failing_shows_what_to_review_and_allows_a_retry(client, professional):
    module = make_module(lessons=0, questions=0, pass_mark=100)
    lesson = LessonFactory(module=module, order=1, title="Signalen herkennen")
    q = QuestionFactory(module=module, review_lesson=lesson)
    client.force_login(professional)
    finish_lessons(client, module)
    post_answer(client, module, 1, q, [wrong(q)])
    page = client.get(reverse("training:result", args=[module.slug])).content.decode()
    assert "Nog niet geslaagd" in page and "Lees de les: Signalen herkennen" in page
    assert not Certificate.objects.exists()
    # Straight away, without rereading, a retry is refused.
    response = client.post(reverse("training:retry", args=[module.slug]), follow=True)
    assert "Lees eerst de lessen hieronder opnieuw" in response.content.decode()
    assert Progress.objects.get().attempt == 1
    read_lesson(client, module, 1)
    response = client.post(reverse("training:retry", args=[module.slug]))
    assert response.url == reverse("training:question", args=[module.slug, 1])
    progress = Progress.objects.get()
    assert (progress.status, progress.attempt, progress.answers.count()) == (
        ProgressStatus.BUSY,
        2,
        0,
    )


def test_unpublished_modules_are_not_reachable(client, professional):
    module = make_module(published=False)
    client.force_login(professional)
    assert client.get(reverse("training:module", args=[module.slug])).status_code == 404
    assert client.get(reverse("training:lesson", args=[module.slug, 1])).status_code == 404


def test_script_and_event_handlers_in_lesson_markdown_never_reach_the_page(client, professional):
    module = make_module(lessons=0, questions=0)
    LessonFactory(
        module=module,
        order=1,
        body='Hallo <script>alert("x")</script> <img src=x onerror="alert(1)"> '
        '<a href="javascript:alert(2)" onclick="alert(3)">klik</a> [link](javascript:alert(4))',
    )
    client.force_login(professional)
    page = client.get(reverse("training:lesson", args=[module.slug, 1])).content.decode()
    lesson_html = page.split('class="mk-lesson"', 1)[1].split("</article>", 1)[0]
    assert "<script" not in lesson_html
    assert "onerror" not in lesson_html and "onclick" not in lesson_html
    assert "javascript:" not in lesson_html
    assert "Hallo" in lesson_html


def test_training_home_shows_status_progress_and_learning_path(client, professional):
    first = make_module(lessons=2, questions=2, title="Eerst dit")
    second = make_module(lessons=2, questions=2, title="Daarna dit")
    path = LearningPath.objects.get_or_create(profession="huisarts")[0]
    path.steps.all().delete()
    LearningPathStep.objects.create(path=path, module=second, order=1)
    LearningPathStep.objects.create(path=path, module=first, order=2)
    client.force_login(professional)
    read_lesson(client, first, 1)
    response = client.get(reverse("training:home"))
    page = response.content.decode()
    assert [s.module.title for s in response.context["path"]][-2:] == ["Daarna dit", "Eerst dit"]
    status = next(s for s in response.context["statuses"] if s.module == first)
    assert (status.status, status.percent) == ("busy", 25)
    assert "Uw leerlijn als Huisarts" in page and "Voortgang: 25%" in page


def test_training_home_queries_stay_flat_with_50_modules(
    client, professional, django_assert_max_num_queries
):
    modules = [make_module(lessons=2, questions=1) for _ in range(50)]
    client.force_login(professional)
    for m in modules[:10]:
        read_lesson(client, m, 1)
    with django_assert_max_num_queries(8):  # measured: 7 (session, user, profile, 4 reads)
        response = client.get(reverse("training:home"))
    assert len(response.context["statuses"]) >= 50


def test_a_module_without_questions_does_not_loop_after_the_lessons(client, professional):
    module = make_module(lessons=1, questions=0)
    client.force_login(professional)
    response = finish_lessons(client, module)
    assert response.url == reverse("training:unit", args=[module.slug, 1])
    assert client.get(reverse("training:result", args=[module.slug])).status_code == 302
    assert client.get(response.url).status_code == 200

import pytest

from training.models import LearningPath, Lesson, Module, QuestionKind

pytestmark = pytest.mark.django_db

STARTER = ["herkennen", "signaleren", "doorverwijzen"]


@pytest.mark.parametrize("slug", STARTER)
def test_starter_modules_ship_published_with_enough_lessons_and_questions(slug):
    module = Module.objects.get(slug=slug)
    assert module.published
    assert module.lessons.count() >= 4
    assert module.questions.count() >= 6


@pytest.mark.parametrize("slug", STARTER)
def test_every_starter_question_has_feedback_per_option_and_a_valid_answer_key(slug):
    for question in Module.objects.get(slug=slug).questions.prefetch_related("options"):
        options = list(question.options.all())
        assert len(options) >= 3
        assert all(option.feedback.strip() for option in options)
        correct = sum(option.is_correct for option in options)
        assert correct == 1 if question.kind == QuestionKind.SINGLE else correct >= 2
        assert (
            question.explanation.strip() and question.review_lesson.module_id == question.module_id
        )


def test_starter_content_covers_the_topics_the_gemeente_asked_for():
    text = " ".join(
        f"{title} {body}"
        for title, body in Lesson.objects.filter(module__slug__in=STARTER).values_list(
            "title", "body"
        )
    ).lower()
    for term in [
        "vindplaatsen",
        "zorgt u voor iemand?",
        "ontspoorde mantelzorg",
        "jonge mantelzorgers",
        "werkende mantelzorgers",
        "8 vraaggebieden",
        "warm doorverwijzen",
        "sociale kaart",
        "respijtzorg",
        "mantelzorgwaardering",
        "veilig thuis",
    ]:
        assert term in text, term


def test_every_profession_has_a_learning_path_over_the_three_modules():
    for path in LearningPath.objects.prefetch_related("steps__module"):
        assert sorted(step.module.slug for step in path.steps.all()) == sorted(STARTER)

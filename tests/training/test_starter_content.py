import pytest

from training.models import LearningPath, Lesson, Module, Question, QuestionKind

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
        assert question.explanation.strip()
        assert question.goal.module_id == question.module_id
        assert question.goal.lesson.module_id == question.module_id


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


# Every starter question (both variants of every goal), found by a phrase of its case, and the
# lesson that teaches what it asks. Written by hand from reading the lessons, apart from the
# data that makes the mapping, so a wrong link in the content fails here.
LESSON_FOR_CASE = {
    "herkennen": {
        "dochter Linda": "De woorden die werken",
        "schoonzoon Ahmed": "De woorden die werken",
        "Mevrouw Smit": "Waarom mantelzorgers het zelf niet zeggen",
        "Meneer Van Dam": "Waarom mantelzorgers het zelf niet zeggen",
        "Mevrouw Bakker": "Waar u mantelzorgers tegenkomt",
        "Meneer El Idrissi": "Waar u mantelzorgers tegenkomt",
        "meneer De Boer": "Wie is mantelzorger?",
        "Sara (16)": "Wie is mantelzorger?",
        "Op welke plekken": "Waar u mantelzorgers tegenkomt",
        "nog nergens hulp vragen": "Waar u mantelzorgers tegenkomt",
        "mevrouw Visser": "Waarom mantelzorgers het zelf niet zeggen",
        "meneer Hendriks": "Waarom mantelzorgers het zelf niet zeggen",
    },
    "signaleren": {
        "Mevrouw Hoekstra": "Signalen van overbelasting",
        "Meneer Postma": "Signalen van overbelasting",
        "meneer Mulder": "Als de zorg ontspoort",
        "mevrouw Verbeek": "Als de zorg ontspoort",
        "Daan (14)": "Jonge en werkende mantelzorgers",
        "Lotte (12)": "Jonge en werkende mantelzorgers",
        "Esther (45)": "Jonge en werkende mantelzorgers",
        "Kees (52)": "Jonge en werkende mantelzorgers",
        "Meneer Peters": "Het gesprek over belasting",
        "Mevrouw Wouters": "Het gesprek over belasting",
        "Mevrouw Yilmaz": "Het gesprek over belasting",
        "Meneer Öztürk": "Het gesprek over belasting",
    },
    "doorverwijzen": {
        "Mevrouw De Vries": "De 8 vraaggebieden",
        "Meneer Claassen": "De 8 vraaggebieden",
        "meneer Kok": "Warm doorverwijzen",
        "Mevrouw Boer": "Warm doorverwijzen",
        "Mevrouw Dijkstra": "Tijdelijke vervanging van de zorg",
        "Meneer Jacobs": "Tijdelijke vervanging van de zorg",
        "mantelzorgcafé": "De sociale kaart gebruiken",
        "lotgenotengroep. U wilt dit vastleggen": "De sociale kaart gebruiken",
        "Meneer Bos": "Erkenning en de mantelzorgwaardering",
        "Mevrouw Prins": "Erkenning en de mantelzorgwaardering",
        "'Verwijzing nodig: ja'": "De sociale kaart gebruiken",
        "'Verwijzing nodig: nee": "De sociale kaart gebruiken",
    },
}


@pytest.mark.parametrize("slug", STARTER)
def test_every_starter_question_points_to_the_lesson_that_teaches_it(slug):
    questions = list(
        Question.objects.filter(module__slug=slug).select_related("goal__lesson", "goal__unit")
    )
    cases = LESSON_FOR_CASE[slug]
    assert len(questions) == len(cases)
    for question in questions:
        matches = [case for case in cases if case in question.situation]
        assert len(matches) == 1, (question.situation, matches)
        assert question.goal.lesson.title == cases[matches[0]], question.situation
        # The question is asked in the unit of the lesson that teaches it.
        assert question.goal.unit_id == question.goal.lesson.unit_id


def test_the_question_about_linda_sends_the_reader_to_the_words_that_work():
    """The bug from the issue: it pointed to "Waar u mantelzorgers tegenkomt"."""
    question = Question.objects.get(situation__contains="dochter Linda")
    assert question.goal.lesson.title == "De woorden die werken"


@pytest.mark.parametrize("slug", STARTER)
def test_starter_modules_come_in_units_of_at_most_ten_minutes_with_two_variants_per_goal(slug):
    module = Module.objects.get(slug=slug)
    units = list(module.units.all())
    assert len(units) >= 3 and all(1 <= unit.minutes <= 10 for unit in units)
    assert sum(unit.minutes for unit in units) == module.minutes
    assert all(lesson.unit.module_id == module.pk for lesson in module.lessons.all())
    goals = list(module.goals.prefetch_related("questions"))
    assert len(goals) >= 6
    for goal in goals:
        variants = list(goal.questions.all())
        assert len(variants) >= 2, goal.text
        assert len({q.situation for q in variants}) == len(variants)

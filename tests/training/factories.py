import factory

from training.models import (
    LearningGoal,
    Lesson,
    Module,
    Option,
    Question,
    QuestionKind,
    Referral,
    Unit,
)


class ModuleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Module

    title = factory.Sequence(lambda n: f"Testmodule {n}")
    slug = factory.Sequence(lambda n: f"testmodule-{n}")
    summary = "Een korte module om te testen."
    target_professions = factory.LazyFunction(lambda: ["huisarts"])
    minutes = 15
    accreditation_points = 1
    published = True
    pass_mark = 50
    order = factory.Sequence(lambda n: 100 + n)


class UnitFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Unit

    module = factory.SubFactory(ModuleFactory)
    order = factory.Sequence(lambda n: n)
    title = factory.Sequence(lambda n: f"Deel {n}")
    minutes = 5


class LessonFactory(factory.django.DjangoModelFactory):
    """A lesson in a unit of its own (pass `unit` to put two lessons in one unit)."""

    class Meta:
        model = Lesson

    module = factory.SubFactory(ModuleFactory)
    order = factory.Sequence(lambda n: n)
    unit = factory.SubFactory(
        UnitFactory,
        module=factory.SelfAttribute("..module"),
        order=factory.SelfAttribute("..order"),
    )
    title = factory.Sequence(lambda n: f"Les {n}")
    body = "Een les met **vet** en een lijst:\n\n- een\n- twee"


def _unit_for(goal) -> Unit:
    """The unit of the goal's lesson, else the module's last unit, else a new one."""
    if goal.lesson is not None:
        return goal.lesson.unit
    last = Unit.objects.filter(module=goal.module).order_by("-order", "-pk").first()
    return last or UnitFactory(module=goal.module, title="Vragen")


class LearningGoalFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = LearningGoal

    module = factory.SubFactory(ModuleFactory)
    lesson = None
    unit = factory.LazyAttribute(_unit_for)
    order = factory.Sequence(lambda n: n)
    text = factory.Sequence(lambda n: f"Leerdoel {n}")


class QuestionFactory(factory.django.DjangoModelFactory):
    """A single-answer question with one right option ("Goed") and one wrong ("Fout"), testing
    a goal of its own (taught by `review_lesson` when given); pass `goal` for a variant."""

    class Meta:
        model = Question
        skip_postgeneration_save = True

    class Params:
        review_lesson = None

    module = factory.SubFactory(ModuleFactory)
    goal = factory.SubFactory(
        LearningGoalFactory,
        module=factory.SelfAttribute("..module"),
        lesson=factory.SelfAttribute("..review_lesson"),
        order=factory.SelfAttribute("..order"),
    )
    order = factory.Sequence(lambda n: n)
    situation = "Mevrouw komt met haar man op het spreekuur."
    prompt = factory.Sequence(lambda n: f"Wat doet u? ({n})")
    kind = QuestionKind.SINGLE
    explanation = "Vraag altijd ook naar de mantelzorger."

    @factory.post_generation
    def options(self, create, extracted, **kwargs):
        if not create:
            return
        for i, (text, correct) in enumerate(extracted or [("Goed", True), ("Fout", False)]):
            Option.objects.create(
                question=self,
                order=i,
                text=text,
                is_correct=correct,
                feedback=f"Uitleg bij {text.lower()}: {'klopt' if correct else 'klopt niet'}.",
            )


def make_module(*, lessons: int = 2, questions: int = 2, **kwargs) -> Module:
    """A module of one unit: its lessons, then its questions (one goal each)."""
    module = ModuleFactory(**kwargs)
    unit = UnitFactory(module=module, order=1, title="Alles") if lessons else None
    for i in range(lessons):
        LessonFactory(module=module, unit=unit, order=i, title=f"Les {i + 1}")
    for i in range(questions):
        QuestionFactory(module=module, order=i, prompt=f"Vraag {i + 1}?")
    return module


class ReferralFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Referral
        skip_postgeneration_save = True

    profession = "huisarts"
    warm = False

    @factory.post_generation
    def vraaggebieden(self, create, extracted, **kwargs):
        if create and extracted:
            self.vraaggebieden.set(extracted)

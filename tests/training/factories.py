import factory

from training.models import Lesson, Module, Option, Question, QuestionKind, Referral


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


class LessonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Lesson

    module = factory.SubFactory(ModuleFactory)
    order = factory.Sequence(lambda n: n)
    title = factory.Sequence(lambda n: f"Les {n}")
    body = "Een les met **vet** en een lijst:\n\n- een\n- twee"


class QuestionFactory(factory.django.DjangoModelFactory):
    """A single-answer question with one right option ("Goed") and one wrong ("Fout")."""

    class Meta:
        model = Question
        skip_postgeneration_save = True

    module = factory.SubFactory(ModuleFactory)
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
    module = ModuleFactory(**kwargs)
    for i in range(lessons):
        LessonFactory(module=module, order=i, title=f"Les {i + 1}")
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

from datetime import timedelta

import factory
from django.utils import timezone

from accounts.models import Role
from panel.models import (
    Choice,
    PanelMember,
    Poll,
    Question,
    QuestionKind,
    Spiegelgesprek,
)
from tests.accounts.factories import UserFactory


class PanelMemberFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PanelMember

    user = factory.SubFactory(UserFactory, role=Role.CAREGIVER)
    consent_version = "2026-1"
    consent_at = factory.LazyFunction(timezone.now)


class PollFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Poll

    title = factory.Sequence(lambda n: f"Peiling {n}")
    intro = "Een korte peiling."
    opens_at = factory.LazyFunction(lambda: timezone.now() - timedelta(days=1))
    closes_at = factory.LazyFunction(lambda: timezone.now() + timedelta(days=7))
    anonymous = True


class QuestionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Question

    poll = factory.SubFactory(PollFactory)
    order = factory.Sequence(lambda n: n + 1)
    text = factory.Sequence(lambda n: f"Vraag {n}?")
    kind = QuestionKind.SINGLE


class ChoiceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Choice

    question = factory.SubFactory(QuestionFactory)
    order = factory.Sequence(lambda n: n + 1)
    text = factory.Sequence(lambda n: f"Keuze {n}")


SCALE = [
    (1, "Heel slecht", "😞"),
    (2, "Slecht", "😟"),
    (3, "Gaat wel", "😐"),
    (4, "Goed", "😊"),
    (5, "Heel goed", "😄"),
]


def make_poll(**kwargs) -> Poll:
    """A three-question poll: one choice, several choices (max 2), a 1–5 scale, plus free text."""
    with_text = kwargs.pop("with_text", True)
    poll = PollFactory(**kwargs)
    q1 = QuestionFactory(
        poll=poll, order=1, kind=QuestionKind.SINGLE, text="Weet u waar u hulp kunt vragen?"
    )
    for i, text in enumerate(["Ja", "Een beetje", "Nee"], 1):
        ChoiceFactory(question=q1, order=i, text=text)
    q2 = QuestionFactory(
        poll=poll, order=2, kind=QuestionKind.MULTIPLE, max_choices=2, text="Wat helpt u het meest?"
    )
    for i, text in enumerate(
        ["Informatie", "Iemand om mee te praten", "Hulp in huis", "Vervanging van de zorg"], 1
    ):
        ChoiceFactory(question=q2, order=i, text=text)
    q3 = QuestionFactory(poll=poll, order=3, kind=QuestionKind.SCALE, text="Hoe gaat het met u?")
    for value, text, face in SCALE:
        ChoiceFactory(question=q3, order=value, text=text, value=value, face=face)
    if with_text:
        QuestionFactory(poll=poll, order=4, kind=QuestionKind.TEXT, text="Wilt u nog iets zeggen?")
    return poll


def answers_for(poll: Poll, text: str = "") -> list:
    from panel.services.polls import AnswerInput

    out = []
    for q in poll.questions.order_by("order"):
        if q.kind == QuestionKind.TEXT:
            if text:
                out.append(AnswerInput(question_id=q.pk, text=text))
        else:
            out.append(
                AnswerInput(question_id=q.pk, choice_ids=(q.choices.order_by("order").first().pk,))
            )
    return out


class SpiegelgesprekFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Spiegelgesprek

    title = factory.Sequence(lambda n: f"Spiegelgesprek {n}")
    intro = "We praten over hulp die past."
    starts_at = factory.LazyFunction(
        lambda: (timezone.now() + timedelta(days=10)).replace(second=0, microsecond=0)
    )
    duration = 120
    place = "Wijkcentrum De Weide, Meppel"
    accessibility = "Gelijkvloers, met invalidentoilet."
    caregiver_places = 8
    listener_places = 30

"""Test data for the werkgroep: polls with votes made in bulk (snapshot fields as panel's
cast_vote stores them), action points and outcomes."""

import random
from datetime import timedelta

import factory
from django.utils import timezone

from panel.models import (
    Answer,
    Choice,
    ModerationStatus,
    Participation,
    Poll,
    Question,
    QuestionKind,
)
from panel.services.polls import recount_results
from sociale_kaart.models import Wijk
from tests.panel.factories import PanelMemberFactory, SpiegelgesprekFactory, make_poll  # noqa: F401
from werkgroep.models import ActionPoint, ActionStatus


class ActionPointFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ActionPoint

    title = factory.Sequence(lambda n: f"Actiepunt {n}")
    description = "Wat we willen bereiken."
    said = "Mantelzorgers willen weten waar ze terecht kunnen."
    done = "We maken een folder en een vast telefoonnummer."
    status = ActionStatus.IDEA


def wijken(n: int = 3) -> list[Wijk]:
    names = ["Centrum", "Noord", "Oost", "Zuid", "West"][:n]
    return [
        Wijk.objects.get_or_create(slug=name.lower(), defaults={"name": name})[0] for name in names
    ]


def add_votes(poll: Poll, rows: list[dict]) -> None:
    """rows: [{"wijk": Wijk|None, "age_band": str, "relation": str, "works": bool|None,
    "choices": {question_id: [choice_id, ...]}, "text": str}] — one per respondent."""
    questions = list(poll.questions.order_by("order"))
    participations, answers = [], []
    for row in rows:
        participations.append(Participation(member=None, poll=poll))
        snapshot = {
            "wijk": row.get("wijk"),
            "age_band": row.get("age_band", ""),
            "relation": row.get("relation", ""),
            "works": row.get("works"),
            "care_hours": row.get("care_hours", ""),
        }
        for q in questions:
            if q.kind == QuestionKind.TEXT:
                if row.get("text"):
                    answers.append(
                        Answer(
                            question=q,
                            text=row["text"],
                            status=row.get("status", ModerationStatus.PENDING),
                            **snapshot,
                        )
                    )
                continue
            for choice_id in row["choices"].get(q.pk, []):
                answers.append(Answer(question=q, choice_id=choice_id, **snapshot))
    Participation.objects.bulk_create(participations, batch_size=500)
    Answer.objects.bulk_create(answers, batch_size=500)
    recount_results(poll_id=poll.pk)  # bulk rows bypass cast_vote's counters


def random_votes(poll: Poll, n: int, *, seed: int = 1) -> None:
    rng = random.Random(seed)
    places = wijken(3) + [None]
    choices = {
        q.pk: [c.pk for c in q.choices.order_by("order")]
        for q in poll.questions.exclude(kind=QuestionKind.TEXT)
    }
    kinds = dict(poll.questions.values_list("pk", "kind"))
    rows = []
    for _ in range(n):
        picks = {}
        for qid, ids in choices.items():
            picks[qid] = (
                rng.sample(ids, 2) if kinds[qid] == QuestionKind.MULTIPLE else [rng.choice(ids)]
            )
        rows.append(
            {
                "wijk": rng.choice(places),
                "age_band": rng.choice(["35-54", "55-66", "67-79", ""]),
                "relation": rng.choice(["partner", "parent", "child"]),
                "works": rng.choice([True, False, None]),
                "choices": picks,
            }
        )
    add_votes(poll, rows)


def closed_gesprek(**kwargs):
    return SpiegelgesprekFactory(starts_at=timezone.now() - timedelta(days=7), **kwargs)


def first_choice_question(poll: Poll) -> Question:
    return poll.questions.get(order=1)


def choice_ids(question: Question) -> list[int]:
    return list(
        Choice.objects.filter(question=question).order_by("order").values_list("pk", flat=True)
    )

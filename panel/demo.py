"""Demo panel: 60 members in 6 wijken, three polls, two spiegelgesprekken. Safe to run twice."""

import random
from collections.abc import Sequence
from datetime import timedelta
from typing import TypedDict

from django.db import transaction
from django.utils import timezone

from accounts.models import Role, User
from accounts.services import create_account
from panel.models import (
    Answer,
    Audience,
    Choice,
    ContactPoint,
    ModerationStatus,
    PanelMember,
    Participation,
    Poll,
    Question,
    QuestionKind,
    Registration,
    RegistrationKind,
    RegistrationStatus,
    ResultsVisibility,
    Spiegelgesprek,
)
from panel.services.members import PRIVACY_VERSION
from panel.services.polls import recount_results
from sociale_kaart.models import Vraaggebied, Wijk

# Demo members per wijk (mantelzorger@demo.nl makes 60); the last two are small groups.
WIJK_SIZES = {
    "Centrum": 17,
    "Haveltermade": 14,
    "Koedijkslanden": 12,
    "Nijeveen": 9,
    "Oosterboer": 4,
    "Berggierslanden": 3,
}
AGE_BANDS = ["18-34", "35-54", "35-54", "55-66", "55-66", "67-79", "80+", "0-17"]
RELATIONS = ["partner", "parent", "parent", "child", "family", "friend"]
HOURS = ["0-7", "8-19", "8-19", "20-39", "40+"]
ScaleChoice = tuple[int, str, str]  # value, label, face
# kind, text, max_choices, vraaggebied code, choices
QuestionSpec = tuple[str, str, int | None, str | None, Sequence[str | ScaleChoice]]


class PollSpec(TypedDict):
    title: str
    intro: str
    when: tuple[int, int]  # opens and closes, in days from now
    questions: list[QuestionSpec]


SCALE: list[ScaleChoice] = [
    (1, "Heel slecht", "😞"),
    (2, "Slecht", "😟"),
    (3, "Gaat wel", "😐"),
    (4, "Goed", "😊"),
    (5, "Heel goed", "😄"),
]
EXTRA_ANONYMOUS_RESPONSES = 200  # earlier respondents who are no longer in the demo panel

# Questions about how the caregiver is doing: the lowest two answers lead to the help page.
WELLBEING_QUESTIONS = {"Hoe gaat het nu met u?"}

POLLS: list[PollSpec] = [
    {
        "title": "Hulp die past bij u",
        "intro": "Een paar korte vragen over hulp bij de zorg. Het kost twee minuten.",
        "when": (-3, 11),
        "questions": [
            (
                QuestionKind.SINGLE,
                "Weet u waar u terecht kunt met vragen over de zorg?",
                None,
                "informatie",
                ["Ja", "Een beetje", "Nee"],
            ),
            (
                QuestionKind.MULTIPLE,
                "Welke hulp zou u het meest helpen?",
                2,
                "respijtzorg",
                [
                    "Iemand die de zorg even overneemt",
                    "Hulp in huis",
                    "Iemand om mee te praten",
                    "Hulp bij formulieren",
                ],
            ),
            (QuestionKind.SCALE, "Hoe gaat het nu met u?", None, "emotionele_steun", SCALE),
            (QuestionKind.TEXT, "Wilt u nog iets zeggen?", None, None, []),
        ],
    },
    {
        "title": "Vervanging van de zorg",
        "intro": "Vragen over tijdelijke vervanging van de zorg.",
        "when": (-60, -30),
        "questions": [
            (
                QuestionKind.SINGLE,
                "Heeft u het afgelopen jaar vervanging van de zorg gehad?",
                None,
                "respijtzorg",
                ["Ja", "Nee, maar ik had het wel nodig", "Nee, ik had het niet nodig"],
            ),
            (
                QuestionKind.SCALE,
                "Hoe makkelijk was het om vervanging te regelen?",
                None,
                "respijtzorg",
                SCALE,
            ),
            (
                QuestionKind.MULTIPLE,
                "Wat maakt het moeilijk?",
                3,
                "respijtzorg",
                [
                    "Ik weet niet waar het kan",
                    "Het kost te veel",
                    "De persoon wil het niet",
                    "Er is geen plek",
                    "Vervoer is lastig",
                ],
            ),
            (QuestionKind.TEXT, "Wat zou u helpen?", None, None, []),
        ],
    },
    {
        "title": "Werk en zorg",
        "intro": "Vragen voor wie werkt en zorgt.",
        "when": (7, 21),
        "questions": [
            (
                QuestionKind.SINGLE,
                "Weet uw werkgever dat u voor iemand zorgt?",
                None,
                "advies",
                ["Ja", "Nee", "Ik werk niet"],
            ),
            (QuestionKind.SCALE, "Hoe goed gaan werk en zorg samen?", None, "advies", SCALE),
        ],
    },
]
TEXTS = [
    "Meer hulp in de avond zou fijn zijn.",
    "Ik wist niet dat dit bestond.",
    "Het loket was erg vriendelijk.",
    "Vervoer naar de dagbesteding is een probleem.",
    "Graag een vast contactpersoon.",
]

GESPREKKEN = [
    ("Vervanging van de zorg: wat werkt?", 12, "respijtzorg", 8, 30),
    ("Werk en zorg combineren", -20, "advies", 8, 30),
]


def _members(rng: random.Random) -> list[PanelMember]:
    members = []
    number = 0
    for wijk_name, size in WIJK_SIZES.items():
        wijk = Wijk.objects.filter(name=wijk_name).first()
        for _ in range(size):
            number += 1
            email = f"panellid{number:02d}@demo.nl"
            user = User.objects.filter(email=email).first() or create_account(
                email=email,
                role=Role.CAREGIVER,
                wijk=wijk,
                verified=True,
                first_name="Panellid",
                last_name=f"{number:02d}",
            )
            member = PanelMember.objects.filter(user=user).first()
            if member is None:
                member = PanelMember.objects.create(
                    user=user,
                    consent_version=PRIVACY_VERSION,
                    consent_at=timezone.now(),
                    wijk=wijk,
                    age_band=rng.choice(AGE_BANDS),
                    relation=rng.choice(RELATIONS),
                    care_hours=rng.choice(HOURS),
                    works=rng.choice([True, False, None]),
                    joined_at=timezone.now() - timedelta(days=rng.randint(10, 300)),
                )
            members.append(member)
    return members


def _poll(spec: PollSpec) -> Poll:
    now = timezone.now().replace(minute=0, second=0, microsecond=0)
    start, end = spec["when"]
    poll = Poll.objects.create(
        title=spec["title"],
        intro=spec["intro"],
        opens_at=now + timedelta(days=start),
        closes_at=now + timedelta(days=end),
        audience=Audience.ALL,
        anonymous=True,
        results_visibility=ResultsVisibility.AFTER_ANSWER,
        published_at=now + timedelta(days=min(start, 0)),  # the demo's polls are published
    )
    for order, (kind, text, max_choices, code, choices) in enumerate(spec["questions"], 1):
        question = Question.objects.create(
            poll=poll,
            order=order,
            kind=kind,
            text=text,
            max_choices=max_choices,
            vraaggebied=Vraaggebied.objects.filter(code=code).first() if code else None,
            wellbeing=text in WELLBEING_QUESTIONS,
        )
        for i, choice in enumerate(choices, 1):
            if isinstance(choice, tuple):
                value, label, face = choice
                Choice.objects.create(
                    question=question, order=i, text=label, value=value, face=face
                )
            else:
                Choice.objects.create(question=question, order=i, text=choice)
    return poll


def _former_members(poll: Poll, count: int) -> None:
    """People who were in the panel while the poll was open and left afterwards: what leaving
    keeps of them is a blank row (no account, no answers linked), which the response rate counts."""
    PanelMember.objects.bulk_create(
        PanelMember(
            user=None,
            joined_at=poll.opens_at - timedelta(days=30),
            left_at=poll.closes_at + timedelta(days=7),
        )
        for _ in range(count)
    )


def _respond(poll: Poll, respondents: list, rng: random.Random) -> None:
    """Bulk responses; a respondent is a member or None (an earlier, anonymous respondent)."""
    questions = list(poll.questions.prefetch_related("choices"))
    participations, answers = [], []
    for member in respondents:
        participations.append(Participation(poll=poll, member=member))
        snap = {
            "wijk_id": member.wijk_id
            if member
            else rng.choice(list(Wijk.objects.values_list("pk", flat=True))),
            "age_band": member.age_band if member else rng.choice(AGE_BANDS),
            "relation": member.relation if member else rng.choice(RELATIONS),
            "works": member.works if member else rng.choice([True, False]),
        }
        for question in questions:
            choices = list(question.choices.all())
            if question.kind == QuestionKind.TEXT:
                if rng.random() < 0.15:
                    answers.append(
                        Answer(
                            question=question,
                            text=rng.choice(TEXTS),
                            status=rng.choice(
                                [ModerationStatus.PENDING, ModerationStatus.APPROVED]
                            ),
                            **snap,
                        )
                    )
            elif question.kind == QuestionKind.MULTIPLE:
                for choice in rng.sample(choices, rng.randint(1, question.max_choices or 1)):
                    answers.append(Answer(question=question, choice=choice, **snap))
            else:
                weights = (
                    [1 + i for i in range(len(choices))]
                    if question.kind == QuestionKind.SCALE
                    else None
                )
                answers.append(
                    Answer(
                        question=question, choice=rng.choices(choices, weights=weights)[0], **snap
                    )
                )
    Participation.objects.bulk_create(participations)
    Answer.objects.bulk_create(answers, batch_size=500)
    recount_results(poll_id=poll.pk)  # bulk rows bypass cast_vote's counters


def _gesprekken(caregivers: list[PanelMember]) -> None:
    now = timezone.now().replace(minute=0, second=0, microsecond=0)
    listeners = list(
        User.objects.filter(email__in=["huisarts@demo.nl", "wijkteam@demo.nl", "werkgroep@demo.nl"])
    )
    for title, days, code, places, listener_places in GESPREKKEN:
        if Spiegelgesprek.objects.filter(title=title).exists():
            continue
        gesprek = Spiegelgesprek.objects.create(
            title=title,
            intro="Mantelzorgers vertellen. Professionals en beleidsmakers luisteren.",
            starts_at=(now + timedelta(days=days)).replace(hour=18, minute=30)
            if days > 0
            else (now + timedelta(days=days)).replace(hour=14),
            duration=120,
            place="Wijkcentrum Het Palet, Meppel (demo)",
            accessibility="Gelijkvloers. Er is een invalidentoilet. Parkeren voor de deur.",
            caregiver_places=places,
            listener_places=listener_places,
        )
        gesprek.vraaggebieden.set(Vraaggebied.objects.filter(code=code))
        upcoming = days > 0
        people = caregivers[: places + 3] if upcoming else caregivers[20:26]
        for i, member in enumerate(people):
            Registration.objects.create(
                gesprek=gesprek,
                user=member.account,
                kind=RegistrationKind.CAREGIVER,
                status=RegistrationStatus.REGISTERED if i < places else RegistrationStatus.WAITING,
                replacement_care=i % 3 == 0,
                transport=i % 4 == 0,
                diet="Geen varkensvlees" if i == 2 else "",
                accessibility="Ik gebruik een rollator" if i == 1 else "",
                topics="Vervanging in de avond is moeilijk te vinden." if i % 2 == 0 else "",
                created_at=timezone.now() + timedelta(seconds=i),
            )
        for user in listeners:
            Registration.objects.create(
                gesprek=gesprek,
                user=user,
                kind=RegistrationKind.LISTENER,
                status=RegistrationStatus.REGISTERED,
            )


@transaction.atomic
def load() -> str:
    rng = random.Random(4)
    joke = User.objects.filter(email="mantelzorger@demo.nl").first()
    joke_member = None
    if joke is not None:
        joke_member = PanelMember.objects.filter(user=joke).first() or PanelMember.objects.create(
            user=joke,
            consent_version=PRIVACY_VERSION,
            consent_at=timezone.now(),
            wijk=joke.profile.wijk or Wijk.objects.filter(name="Centrum").first(),
            age_band="55-66",
            relation="partner",
            care_hours="20-39",
            works=False,
        )
    members = _members(rng)
    created_polls = 0
    for index, spec in enumerate(POLLS):
        if Poll.objects.filter(title=spec["title"]).exists():
            continue
        poll = _poll(spec)
        created_polls += 1
        if index == 0:  # open: some members answered, Joke not yet
            _respond(poll, members[::3], rng)
        elif index == 1:  # closed: all demo members plus earlier members who have left since
            everyone = members + ([joke_member] if joke_member else [])
            # Only people who were already members can have answered.
            answered = [m for m in everyone if m.joined_at <= poll.closes_at]
            former = max(EXTRA_ANONYMOUS_RESPONSES, 260 - len(answered))
            _former_members(poll, former)
            _respond(poll, answered + [None] * former, rng)
    _gesprekken(members)
    if not ContactPoint.objects.filter(active=True).exists():
        ContactPoint.objects.create(
            name="Contactpunt Mantelzorg (demo)",
            email="info@contactpunt-mantelzorg-demo.example",
        )
    total = PanelMember.objects.filter(left_at=None).count()
    return f"{total} panel members, {created_polls} polls created, {Spiegelgesprek.objects.count()} spiegelgesprekken"

"""Bench data, made fast with bulk inserts (import only after django.setup(): it uses models).

Sessions are written straight into the session table, so 10,000 members are "logged in"
without 10,000 password hashes or login round trips.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import timedelta

from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.contrib.sessions.backends.db import SessionStore
from django.contrib.sessions.models import Session
from django.db import connection, transaction
from django.utils import timezone

from accounts.models import Profession, Profile, Role, User
from accounts.services import create_account
from panel.models import Answer, Choice, PanelMember, Participation, Poll, Question, Spiegelgesprek
from panel.services.polls import recount_results
from sociale_kaart.models import Wijk

MODEL_BACKEND = "django.contrib.auth.backends.ModelBackend"


@dataclass
class Seed:
    member_ids: list[int]
    sessions: list[str]  # session key per member, same order
    vote_poll: int  # the poll the throughput members answer
    vote_draft: dict  # session draft {question_id: {"c": [choice]}} for vote_poll
    live_poll: int  # the poll the websocket watchers follow
    live_draft: dict
    gesprek: int  # 10 caregiver places
    werkgroep_session: str
    professional_session: str


def _session(user, extra: dict | None = None) -> Session:
    store = SessionStore()
    data = {
        SESSION_KEY: str(user.pk),
        BACKEND_SESSION_KEY: MODEL_BACKEND,
        HASH_SESSION_KEY: user.get_session_auth_hash(),
        **(extra or {}),
    }
    return Session(
        session_key=secrets.token_hex(16),
        session_data=store.encode(data),
        expire_date=timezone.now() + timedelta(days=1),
    )


def _poll(title: str, questions: list[tuple[str, str, list[str]]]):

    now = timezone.now()
    poll = Poll.objects.create(
        title=title,
        intro="Bench",
        opens_at=now - timedelta(hours=1),
        closes_at=now + timedelta(days=1),
    )
    draft = {}
    for order, (kind, text, choices) in enumerate(questions, 1):
        question = Question.objects.create(
            poll=poll,
            order=order,
            text=text,
            kind=kind,
            max_choices=2 if kind == "multiple" else None,
        )
        made = Choice.objects.bulk_create(
            Choice(question=question, order=i, text=c, value=i if kind == "scale" else None)
            for i, c in enumerate(choices, 1)
        )
        draft[str(question.pk)] = {"c": [made[-1].pk]}
    return poll, draft


FLASH_POLL = [
    ("single", "Weet u waar u hulp kunt vragen?", ["Ja", "Een beetje", "Nee"]),
    (
        "multiple",
        "Wat helpt u het meest?",
        ["Informatie", "Iemand om mee te praten", "Hulp in huis", "Vervanging"],
    ),
    ("scale", "Hoe gaat het met u?", ["Heel slecht", "Slecht", "Gaat wel", "Goed", "Heel goed"]),
]


@transaction.atomic
def seed(*, members: int, watchers: int) -> Seed:

    wijken = [
        Wijk.objects.get_or_create(name=f"Wijk {i}", slug=f"wijk-{i}")[0] for i in range(1, 9)
    ]
    users = User.objects.bulk_create(
        User(email=f"lid{i}@bench.example", password="!bench", first_name="Lid", last_name=str(i))
        for i in range(members)
    )
    Profile.objects.bulk_create(
        Profile(user=u, role=Role.CAREGIVER, wijk=wijken[i % 8]) for i, u in enumerate(users)
    )
    now = timezone.now()
    panel_members = PanelMember.objects.bulk_create(
        PanelMember(
            user=u,
            consent_version="2026-1",
            consent_at=now,
            wijk=wijken[i % 8],
            age_band="",
            relation="",
            care_hours="",
            works=bool(i % 2),
        )
        for i, u in enumerate(users)
    )
    vote_poll, vote_draft = _poll("Bench: stempeiling", FLASH_POLL)
    live_poll, live_draft = _poll("Bench: live", FLASH_POLL)
    draft_key_vote, draft_key_live = f"panel_poll_{vote_poll.pk}", f"panel_poll_{live_poll.pk}"
    sessions = [
        _session(u, {draft_key_vote: vote_draft, draft_key_live: live_draft}) for u in users
    ]
    Session.objects.bulk_create(sessions, batch_size=2000)
    # The watchers answered the live poll already (so they may see its live results).
    first_choices = {int(q): d["c"][0] for q, d in live_draft.items()}
    Participation.objects.bulk_create(
        Participation(member=m, poll=live_poll) for m in panel_members[:watchers]
    )
    Answer.objects.bulk_create(
        Answer(question_id=q, choice_id=c, wijk_id=m.wijk_id, works=m.works)
        for m in panel_members[:watchers]
        for q, c in first_choices.items()
    )

    recount_results(poll_id=live_poll.pk)  # bulk rows bypass cast_vote's counters
    gesprek = Spiegelgesprek.objects.create(
        title="Bench: spiegelgesprek",
        starts_at=now + timedelta(days=14),
        place="Wijkcentrum",
        caregiver_places=10,
        listener_places=10,
    )

    werkgroep = create_account(email="werkgroep@bench.example", role=Role.WERKGROEP, verified=True)
    professional = create_account(
        email="huisarts@bench.example",
        role=Role.PROFESSIONAL,
        profession=Profession.HUISARTS,
        verified=True,
    )
    extra = [_session(werkgroep), _session(professional)]
    Session.objects.bulk_create(extra)
    return Seed(
        member_ids=[m.pk for m in panel_members],
        sessions=[s.session_key for s in sessions],
        vote_poll=vote_poll.pk,
        vote_draft=vote_draft,
        live_poll=live_poll.pk,
        live_draft=live_draft,
        gesprek=gesprek.pk,
        werkgroep_session=extra[0].session_key,
        professional_session=extra[1].session_key,
    )


def results_poll_with_votes(votes: int, *, poll_id: int | None = None) -> int:
    """A one-question poll holding exactly `votes` votes (participation + answer each), made in
    SQL so a million rows take seconds. Adds to an existing poll to grow it step by step."""

    if poll_id is None:
        poll, _ = _poll("Bench: uitslag", [FLASH_POLL[0]])
        poll_id = poll.pk
    current = Participation.objects.filter(poll_id=poll_id).count()
    missing = votes - current
    if missing <= 0:
        return poll_id
    question = Question.objects.get(poll_id=poll_id)
    choice_ids = list(
        Choice.objects.filter(question=question).order_by("order").values_list("pk", flat=True)
    )
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {Participation._meta.db_table} (poll_id, member_id) "
            "SELECT %s, NULL FROM generate_series(1, %s)",
            [poll_id, missing],
        )
        cursor.execute(
            f"INSERT INTO {Answer._meta.db_table} (question_id, choice_id, text, status, hidden_reason, "
            "age_band, relation, works, created_at) "
            "SELECT %s, (ARRAY[%s, %s, %s])[1 + (g %% 3)], '', '', '', '', '', (g %% 2 = 0), now() "
            "FROM generate_series(1, %s) AS g",
            [question.pk, *choice_ids[:3], missing],
        )
        cursor.execute(f"ANALYZE {Answer._meta.db_table}; ANALYZE {Participation._meta.db_table}")
    # The counters cast_vote would have kept for these votes (timed apart from the pages).

    recount_results(poll_id=poll_id)
    return poll_id

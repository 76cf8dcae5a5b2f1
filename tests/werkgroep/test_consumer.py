"""The live dashboard socket: only werkgroep and beheer get in; a vote pushes counts only."""

import json

import pytest
from asgiref.sync import async_to_sync
from channels.db import database_sync_to_async
from channels.testing import WebsocketCommunicator
from django.contrib.auth.models import AnonymousUser

from accounts.models import Role
from panel.models import Answer, ModerationStatus, QuestionKind
from panel.services.polls import cast_vote, moderate_answer
from tests.panel.factories import answers_for
from tests.werkgroep.factories import PanelMemberFactory, make_poll, wijken
from werkgroep.consumers import DashboardConsumer

# serialized_rollback: the teardown flush then does not re-create content types, which would
# clash with the browser tests that restore their serialized rows afterwards.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

HIDDEN = "Verborgen zin met de naam Klaasje Bakker"


def _communicator(user):
    communicator = WebsocketCommunicator(DashboardConsumer.as_asgi(), "/ws/werkgroep/dashboard/")
    communicator.scope["user"] = user
    return communicator


@pytest.mark.parametrize("role", [None, Role.CAREGIVER, Role.PROFESSIONAL])
def test_others_get_a_closed_socket(users_by_role, role):
    user = AnonymousUser() if role is None else users_by_role[role]

    async def scenario():
        communicator = _communicator(user)
        connected, code = await communicator.connect()
        await communicator.disconnect()
        return connected, code

    assert async_to_sync(scenario)() == (False, 4403)


@pytest.mark.parametrize("role", [Role.WERKGROEP, Role.ADMIN])
def test_a_vote_reaches_the_werkgroep_dashboard_as_counts_only(users_by_role, role):
    poll = make_poll()
    member = PanelMemberFactory(wijk=wijken(1)[0])
    text_q = poll.questions.get(kind=QuestionKind.TEXT)
    hidden = Answer.objects.create(question=text_q, text=HIDDEN, status=ModerationStatus.PENDING)
    moderate_answer(
        answer_id=hidden.pk, approve=False, reason="Naam", by=users_by_role[Role.WERKGROEP]
    )

    def vote():
        cast_vote(member=member, poll=poll, answers=answers_for(poll, text="Nog een verhaal"))

    async def scenario():
        communicator = _communicator(users_by_role[role])
        connected, _ = await communicator.connect()
        assert connected
        await database_sync_to_async(vote)()
        message = await communicator.receive_json_from(timeout=5)
        await communicator.disconnect()
        return message

    message = async_to_sync(scenario)()
    assert message == {
        "type": "polls",
        "polls": [{"id": poll.pk, "responses": 1, "audience_size": 1, "response_rate": 1.0}],
    }
    raw = json.dumps(message)
    assert HIDDEN not in raw and "Klaasje" not in raw and "Nog een verhaal" not in raw
    assert member.user.email not in raw


def test_dashboards_on_one_process_share_one_read_per_vote(users_by_role, monkeypatch):
    from werkgroep import results

    poll = make_poll()
    member = PanelMemberFactory(wijk=wijken(1)[0])
    reads = []
    real = results.open_polls_live

    def counting():
        reads.append(1)
        return real()

    monkeypatch.setattr(results, "open_polls_live", counting)

    def vote():
        cast_vote(member=member, poll=poll, answers=answers_for(poll, text="Kort verhaal"))

    async def scenario():
        communicators = [_communicator(users_by_role[Role.WERKGROEP]) for _ in range(3)]
        for communicator in communicators:
            assert (await communicator.connect())[0]
        await database_sync_to_async(vote)()
        messages = [await c.receive_json_from(timeout=5) for c in communicators]
        for communicator in communicators:
            await communicator.disconnect()
        return messages

    messages = async_to_sync(scenario)()
    assert all(m["polls"][0]["responses"] == 1 for m in messages)
    assert len(reads) == 1

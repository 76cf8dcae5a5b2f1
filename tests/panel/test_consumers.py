import pytest
from asgiref.sync import async_to_sync
from channels.routing import URLRouter
from channels.testing import WebsocketCommunicator
from django.contrib.auth.models import AnonymousUser

from panel import events
from panel.events import broadcast_poll_update
from panel.routing import websocket_urlpatterns
from panel.services.polls import cast_vote
from tests.panel.factories import PanelMemberFactory, answers_for, make_poll

pytestmark = pytest.mark.django_db(transaction=True)


def connect(user, poll, session=None):
    communicator = WebsocketCommunicator(
        URLRouter(websocket_urlpatterns), f"/ws/panel/vragen/{poll.pk}/"
    )
    communicator.scope["user"] = user
    communicator.scope["session"] = session or {}
    return communicator


def test_a_participant_gets_fresh_counts_when_someone_votes():
    member, other = PanelMemberFactory(), PanelMemberFactory()
    poll = make_poll()
    cast_vote(member=member, poll=poll, answers=answers_for(poll))
    assert events.flush(timeout=5)  # this vote's update is out before anyone listens

    async def scenario():
        communicator = connect(member.user, poll)
        connected, _ = await communicator.connect()
        assert connected
        from channels.db import database_sync_to_async

        await database_sync_to_async(cast_vote)(member=other, poll=poll, answers=answers_for(poll))
        message = await communicator.receive_json_from(timeout=5)
        await communicator.disconnect()
        return message

    message = async_to_sync(scenario)()
    assert message["respondents"] == 2
    assert message["questions"][0]["choices"][0]["count"] == 2
    assert "text" not in str(message)


@pytest.mark.parametrize("who", ["anonymous", "member who did not answer"])
def test_people_who_may_not_see_results_are_refused(who):
    poll = make_poll()
    user = AnonymousUser() if who == "anonymous" else PanelMemberFactory().user

    async def scenario():
        communicator = connect(user, poll)
        connected, code = await communicator.connect()
        return connected, code

    assert async_to_sync(scenario)() == (False, 4403)


def test_an_invited_participant_without_login_may_listen():
    member = PanelMemberFactory()
    poll = make_poll()
    cast_vote(member=member, poll=poll, answers=answers_for(poll))

    async def scenario():
        communicator = connect(
            AnonymousUser(), poll, session={"panel_invites": {str(poll.pk): member.pk}}
        )
        connected, _ = await communicator.connect()
        await communicator.disconnect()
        return connected

    assert async_to_sync(scenario)() is True
    broadcast_poll_update(poll.pk)  # nobody listening: no error


def test_participants_on_one_process_share_one_read_per_vote(monkeypatch):
    from panel import consumers

    voters = [PanelMemberFactory() for _ in range(3)]
    late = PanelMemberFactory()
    poll = make_poll()
    for voter in voters:
        cast_vote(member=voter, poll=poll, answers=answers_for(poll))
    assert events.flush(timeout=5)  # these votes' updates are out before anyone listens
    reads = []
    real = consumers.results_message

    def counting(poll_id):
        reads.append(poll_id)
        return real(poll_id)

    monkeypatch.setattr(consumers, "results_message", counting)

    async def scenario():
        from channels.db import database_sync_to_async

        communicators = [connect(voter.user, poll) for voter in voters]
        for communicator in communicators:
            assert (await communicator.connect())[0]
        await database_sync_to_async(cast_vote)(member=late, poll=poll, answers=answers_for(poll))
        messages = [await c.receive_json_from(timeout=5) for c in communicators]
        for communicator in communicators:
            await communicator.disconnect()
        return messages

    messages = async_to_sync(scenario)()
    assert [m["respondents"] for m in messages] == [4, 4, 4]
    assert reads == [poll.pk]

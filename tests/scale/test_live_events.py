"""Live events through a real Redis channel layer, sent by the process's background sender:
a vote from a plain thread (as a gunicorn worker's) reaches a websocket consumer, and the
sender rides out Redis going away and coming back without any caller noticing."""

import asyncio
import logging
import threading

import pytest
from channels.layers import channel_layers, get_channel_layer
from channels.routing import URLRouter
from channels.testing import WebsocketCommunicator
from django.db import connections
from django.test import override_settings

from mantelkring.broadcaster import Broadcaster
from panel import events
from panel.routing import websocket_urlpatterns
from panel.services.polls import cast_vote
from tests.panel.factories import PanelMemberFactory, answers_for, make_poll


def _redis_layer(url: str):
    return override_settings(
        CHANNEL_LAYERS={
            "default": {
                "BACKEND": "channels_redis.core.RedisChannelLayer",
                "CONFIG": {"hosts": [{"address": url, "socket_connect_timeout": 1}]},
            }
        }
    )


@pytest.fixture
def fresh_sender(monkeypatch):
    """The panel's sender with no history; still the real background thread and loop."""
    sender = Broadcaster(events._send)
    monkeypatch.setattr(events, "_broadcaster", sender)
    yield sender
    sender.close(timeout=2)


def _vote_in_a_plain_thread(member, poll) -> threading.Thread:
    """A thread without an event loop or asgiref's marks: a gunicorn request thread."""

    def vote():
        try:
            cast_vote(member=member, poll=poll, answers=answers_for(poll))
        finally:
            connections.close_all()

    thread = threading.Thread(target=vote)
    thread.start()
    return thread


@pytest.mark.django_db(transaction=True)
def test_a_vote_from_a_plain_thread_reaches_a_websocket_consumer(redis_server, fresh_sender):
    watcher, voter = PanelMemberFactory(), PanelMemberFactory()
    poll = make_poll()
    cast_vote(member=watcher, poll=poll, answers=answers_for(poll))

    async def scenario():
        communicator = WebsocketCommunicator(
            URLRouter(websocket_urlpatterns), f"/ws/panel/vragen/{poll.pk}/"
        )
        communicator.scope["user"] = watcher.user
        communicator.scope["session"] = {}
        assert (await communicator.connect())[0]
        voting = _vote_in_a_plain_thread(voter, poll)
        try:
            return await communicator.receive_json_from(timeout=10)
        finally:
            await asyncio.to_thread(voting.join)
            await communicator.disconnect()

    with _redis_layer(redis_server.url):
        channel_layers.backends.clear()
        try:
            message = asyncio.run(scenario())
        finally:
            channel_layers.backends.clear()
    assert message["respondents"] == 2


def test_the_sender_rides_out_a_redis_restart(redis_server, fresh_sender, caplog):
    with _redis_layer(redis_server.url), caplog.at_level(logging.INFO, "mantelkring.broadcaster"):
        channel_layers.backends.clear()
        events.broadcast_poll_update(1)
        assert events.flush(timeout=5)
        assert caplog.records == []

        redis_server.stop()
        for poll_id in range(1, 50):
            events.broadcast_poll_update(poll_id)  # returns at once, raises nothing
        assert events.flush(timeout=10)
        assert [r.levelname for r in caplog.records] == ["ERROR"]  # once, not per vote

        redis_server.start()
        layer = get_channel_layer()

        async def join():
            channel = await layer.new_channel()
            await layer.group_add(events.poll_group(3), channel)
            return channel

        channel = asyncio.run(join())
        thread = fresh_sender._sender.thread
        events.broadcast_poll_update(3)
        received = asyncio.run(asyncio.wait_for(layer.receive(channel), 10))
        assert events.flush(timeout=5)  # the send is complete (both groups), and logged
        assert fresh_sender._sender.thread is thread  # the same sender, still running
    channel_layers.backends.clear()
    assert received == events.poll_updated_message(3)
    assert [r.levelname for r in caplog.records] == ["ERROR", "WARNING"]

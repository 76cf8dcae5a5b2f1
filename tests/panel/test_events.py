"""Broadcasts after a change go through the process's background sender to the channel
layer: merged per poll in a burst, never raised to the caller, logged once when the layer is
down, and working again when it is back."""

import logging
import math
import time

import pytest
from channels.layers import channel_layers

from mantelkring.broadcaster import WINDOW_SECONDS, Broadcaster
from panel import events
from tests.panel.layers import CountingLayer

COUNTING = {"default": {"BACKEND": "tests.panel.layers.CountingLayer"}}
DEAD_REDIS = {
    "default": {
        "BACKEND": "channels_redis.core.RedisChannelLayer",
        "CONFIG": {"hosts": [{"address": "redis://127.0.0.1:1/0", "socket_connect_timeout": 1}]},
    }
}


@pytest.fixture
def layer(settings):
    """Use `layer(CHANNEL_LAYERS)` to switch layers; the counting layer to start with."""

    def use(config):
        settings.CHANNEL_LAYERS = config
        channel_layers.backends.clear()

    CountingLayer.sent = []
    use(COUNTING)
    yield use
    channel_layers.backends.clear()


@pytest.fixture
def fresh_sender(monkeypatch):
    """The panel's sender with no history (the process's one may be mid-outage from another
    test); still the real background thread and loop."""
    sender = Broadcaster(events._send)
    monkeypatch.setattr(events, "_broadcaster", sender)
    yield sender
    sender.close(timeout=2)


def test_a_burst_of_votes_on_three_polls_costs_a_few_sends_per_poll(layer, fresh_sender):
    started = time.monotonic()
    for n in range(200):
        events.broadcast_poll_update(poll_id=n % 3 + 1)
    elapsed = time.monotonic() - started
    assert events.flush(timeout=5)

    most = 2 + math.ceil(elapsed / WINDOW_SECONDS)  # leading, one per window, trailing
    for poll_id in (1, 2, 3):
        to_poll = [m for group, m in CountingLayer.sent if group == events.poll_group(poll_id)]
        to_all = [
            m
            for group, m in CountingLayer.sent
            if group == events.ALL_POLLS_GROUP and m["poll_id"] == poll_id
        ]
        assert 1 <= len(to_poll) <= most
        assert to_all == to_poll == [events.poll_updated_message(poll_id)] * len(to_poll)


def test_a_burst_of_sign_ups_tells_the_dashboard_a_few_times(layer, fresh_sender):
    started = time.monotonic()
    for _ in range(50):
        events.broadcast_dashboard_change()
    elapsed = time.monotonic() - started
    assert events.flush(timeout=5)
    assert 1 <= len(CountingLayer.sent) <= 2 + math.ceil(elapsed / WINDOW_SECONDS)
    assert set(map(str, CountingLayer.sent)) == {
        str((events.ALL_POLLS_GROUP, {"type": events.DASHBOARD_CHANGED}))
    }


def test_a_dead_layer_is_logged_once_and_sending_resumes_when_it_is_back(
    layer, fresh_sender, caplog
):
    layer(DEAD_REDIS)
    with caplog.at_level(logging.INFO, logger="mantelkring.broadcaster"):
        started = time.perf_counter()
        for vote in range(30):
            events.broadcast_poll_update(poll_id=vote % 3 + 1)  # never raises, never waits
            events.broadcast_dashboard_change()
        assert time.perf_counter() - started < 0.5
        assert events.flush(timeout=10)
        events.broadcast_poll_update(poll_id=1)  # a second burst, still down
        assert events.flush(timeout=10)
        down = [(r.levelname, r.getMessage()[:27]) for r in caplog.records]

        layer(COUNTING)  # the layer is back; the same sender thread goes on
        events.broadcast_poll_update(poll_id=7)
        assert events.flush(timeout=5)
    assert down == [("ERROR", "Live updates cannot be sent")]
    assert caplog.records[-1].levelname == "WARNING"
    assert caplog.records[-1].getMessage().startswith("Live updates are sent again")
    assert CountingLayer.sent == [
        (events.poll_group(7), events.poll_updated_message(7)),
        (events.ALL_POLLS_GROUP, events.poll_updated_message(7)),
    ]

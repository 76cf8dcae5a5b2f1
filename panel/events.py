"""Live events of the panel: the channel group names and the broadcasts after a change.

Both the panel's consumer (live results for one poll) and the werkgroep dashboard consumer
take their group names from here, so sender and listeners cannot drift apart. Events carry
only a poll id; consumers reread what they may show.

The broadcasts are sent in the background by one sender per process, merged per poll within
a short window (mantelkring.broadcaster): the caller, a request thread that has just
committed, never waits for the channel layer, and a burst of votes on one poll costs a few
sends instead of one per vote.
"""

import logging
from collections.abc import Hashable

from channels.layers import get_channel_layer

from mantelkring.broadcaster import Broadcaster

logger = logging.getLogger(__name__)

ALL_POLLS_GROUP = "polls"  # every open poll: the werkgroep dashboard listens here
POLL_UPDATED = "poll.updated"  # message type; consumers handle it in `poll_updated`
DASHBOARD_CHANGED = "dashboard.changed"  # members or registrations changed: reread the counts
_DASHBOARD = "dashboard"  # the broadcaster's key for a dashboard change (poll keys are ints)


def poll_group(poll_id: int) -> str:
    """The group of live result pages of one poll."""
    return f"poll-{poll_id}"


def poll_updated_message(poll_id: int) -> dict:
    return {"type": POLL_UPDATED, "poll_id": poll_id}


async def _send(key: Hashable) -> None:
    layer = get_channel_layer()
    if layer is None:
        return
    if key == _DASHBOARD:
        await layer.group_send(ALL_POLLS_GROUP, {"type": DASHBOARD_CHANGED})
        return
    assert isinstance(key, int)
    message = poll_updated_message(key)
    await layer.group_send(poll_group(key), message)
    await layer.group_send(ALL_POLLS_GROUP, message)


_broadcaster = Broadcaster(_send)


def broadcast_poll_update(poll_id: int) -> None:
    """Tell live result pages of this poll and the werkgroep dashboard. Call from on_commit.

    Returns at once: the send happens in the background (see the module docstring), so a
    request never waits for a slow or dead channel layer, nor for a closing server loop
    during shutdown (the vote is stored; only the live update is lost).
    """
    try:
        _broadcaster.request(poll_id)
    except Exception:  # a dead channel layer (or a process shutting down) must never lose a vote
        logger.exception("Could not broadcast update of poll %s", poll_id)


def broadcast_dashboard_change() -> None:
    """Tell the werkgroep dashboard that counts other than votes changed (panel members,
    spiegelgesprek registrations). Call from on_commit; the message carries nothing."""
    try:
        _broadcaster.request(_DASHBOARD)
    except Exception:  # a dead channel layer must never lose a sign-up
        logger.exception("Could not broadcast a dashboard change")


def flush(timeout: float = 1.0) -> bool:
    """Wait (at most `timeout` seconds) until the broadcasts asked for so far in this process
    are sent. For tests and commands; requests in a server never call it."""
    return _broadcaster.flush(timeout)


def close(timeout: float = 1.0) -> None:
    """Send what is pending (at most `timeout` seconds) and stop this process's sender thread,
    e.g. before forking a child; the next broadcast starts it again. Runs by itself at exit."""
    _broadcaster.close(timeout)

"""Live events of the panel: the channel group names and the broadcast after a vote.

Both the panel's consumer (live results for one poll) and the werkgroep dashboard consumer
take their group names from here, so sender and listeners cannot drift apart. Events carry
only a poll id; consumers reread what they may show.
"""

import asyncio
import logging
import os
from concurrent.futures import Future

from asgiref.sync import SyncToAsync, async_to_sync
from channels.layers import BaseChannelLayer, get_channel_layer

logger = logging.getLogger(__name__)

ALL_POLLS_GROUP = "polls"  # every open poll: the werkgroep dashboard listens here
POLL_UPDATED = "poll.updated"  # message type; consumers handle it in `poll_updated`


def poll_group(poll_id: int) -> str:
    """The group of live result pages of one poll."""
    return f"poll-{poll_id}"


def poll_updated_message(poll_id: int) -> dict[str, str | int]:
    return {"type": POLL_UPDATED, "poll_id": poll_id}


def _server_loop() -> asyncio.AbstractEventLoop | None:
    """The ASGI server's event loop when this thread runs a sync view for it, else None.

    asgiref records it for the threads of sync_to_async (the same lookup async_to_sync makes).
    """
    if getattr(SyncToAsync.threadlocal, "main_event_loop_pid", None) != os.getpid():
        return None
    return getattr(SyncToAsync.threadlocal, "main_event_loop", None)


def _log_failure(future: Future) -> None:
    if not future.cancelled() and future.exception() is not None:
        logger.error("Could not broadcast a poll update", exc_info=future.exception())


def broadcast_poll_update(poll_id: int) -> None:
    """Tell live result pages of this poll and the werkgroep dashboard. Call from on_commit.

    Inside a server the send is handed to the server's event loop and not waited for: a
    request thread never blocks on it, not on a slow channel layer and not on a loop that is
    closing during shutdown (the vote is stored; only the live update is lost). Outside a
    server (commands, tests) it is sent before returning.
    """
    try:
        layer = get_channel_layer()
        if layer is None:
            return
        loop = _server_loop()
        if loop is None or loop.is_closed() or not loop.is_running():
            # No server loop to hand it to (or a finished one): send it from a loop of its
            # own, one hop for both groups instead of one per group.
            async_to_sync(_send_poll_updated)(layer, poll_id)
            return
        future = asyncio.run_coroutine_threadsafe(_send_poll_updated(layer, poll_id), loop)
        future.add_done_callback(_log_failure)
    except Exception:  # a dead channel layer must never lose a vote
        logger.exception("Could not broadcast update of poll %s", poll_id)


DASHBOARD_CHANGED = "dashboard.changed"  # members or registrations changed: reread the counts


def broadcast_dashboard_change() -> None:
    """Tell the werkgroep dashboard that counts other than votes changed (panel members,
    spiegelgesprek registrations). Call from on_commit; the message carries nothing."""
    try:
        layer = get_channel_layer()
        if layer is None:
            return
        async_to_sync(layer.group_send)(ALL_POLLS_GROUP, {"type": DASHBOARD_CHANGED})
    except Exception:  # a dead channel layer must never lose a sign-up
        logger.exception("Could not broadcast a dashboard change")


async def _send_poll_updated(layer: BaseChannelLayer, poll_id: int) -> None:
    message = poll_updated_message(poll_id)
    await layer.group_send(poll_group(poll_id), message)
    await layer.group_send(ALL_POLLS_GROUP, message)

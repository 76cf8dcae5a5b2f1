"""Live events of the panel: the channel group names and the broadcast after a vote.

Both the panel's consumer (live results for one poll) and the werkgroep dashboard consumer
take their group names from here, so sender and listeners cannot drift apart. Events carry
only a poll id; consumers reread what they may show.
"""

import logging

from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer

logger = logging.getLogger(__name__)

ALL_POLLS_GROUP = "polls"  # every open poll: the werkgroep dashboard listens here
POLL_UPDATED = "poll.updated"  # message type; consumers handle it in `poll_updated`


def poll_group(poll_id: int) -> str:
    """The group of live result pages of one poll."""
    return f"poll-{poll_id}"


def poll_updated_message(poll_id: int) -> dict:
    return {"type": POLL_UPDATED, "poll_id": poll_id}


def broadcast_poll_update(poll_id: int) -> None:
    """Tell live result pages of this poll and the werkgroep dashboard. Call from on_commit."""
    try:
        layer = get_channel_layer()
        if layer is None:
            return
        # One hop into the event loop for both groups instead of one per group.
        async_to_sync(_send_poll_updated)(layer, poll_id)
    except Exception:  # a dead channel layer must never lose a vote
        logger.exception("Could not broadcast update of poll %s", poll_id)


async def _send_poll_updated(layer, poll_id: int) -> None:
    message = poll_updated_message(poll_id)
    await layer.group_send(poll_group(poll_id), message)
    await layer.group_send(ALL_POLLS_GROUP, message)

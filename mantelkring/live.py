"""Coalescing for live updates: one database read per process per burst, not one per socket.

A vote sends one `poll.updated` event; every websocket consumer in the group receives it and
would re-read the results. With 250 dashboards on a worker that is 250 identical reads per
vote. `coalesced(key, compute)` lets all consumers of one process that ask within the same
burst share one read:

    from mantelkring.live import coalesced
    ...
    async def poll_updated(self, event):
        await self.send_json(await coalesced(("poll", event["poll_id"]), partial(results_message, event["poll_id"])))

Freshness: a caller only joins a read that has not started yet, so every caller gets data
read after its own event arrived (events are sent after commit), never an older snapshot.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Hashable
from typing import Any

from channels.db import database_sync_to_async

# How long the first caller waits for others from the same burst before reading.
WINDOW_SECONDS = 0.005

_pending: dict[Hashable, asyncio.Future] = {}


async def coalesced(
    key: Hashable, compute: Callable[[], Any], *, window: float = WINDOW_SECONDS
) -> Any:
    """Result of the sync `compute()` (run in a thread with database access), shared by all
    callers with the same key that arrive before the read starts."""
    future = _pending.get(key)
    if future is not None and not future.done():
        return await asyncio.shield(future)
    loop = asyncio.get_running_loop()
    future = loop.create_future()
    _pending[key] = future
    try:
        await asyncio.sleep(window)
    finally:
        # From here on, new callers start a new read: this one may predate their event.
        if _pending.get(key) is future:
            del _pending[key]
    try:
        result = await database_sync_to_async(compute)()
    except BaseException as error:
        future.set_exception(error)
        future.exception()  # mark retrieved: joiners re-raise it themselves
        raise
    future.set_result(result)
    return result

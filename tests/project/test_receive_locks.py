"""The suite's own guard against a channels-redis lock left over from an earlier test's event
loop (tests/conftest.py, _fresh_receive_locks): reproduced here without a Redis server."""

import asyncio

import pytest
from channels.layers import channel_layers
from channels_redis.core import RedisChannelLayer

from tests.conftest import _fresh_receive_locks

KEY = "asgi:specific.test!"


async def _leave_a_lock_behind(layer: RedisChannelLayer) -> None:
    """A receiver holds the lock, a second one waits for it and is cancelled (a consumer closed
    mid-receive): the lock stays in the layer, bound to this loop."""
    await layer.receive_clean_locks.acquire(KEY)
    waiter = asyncio.ensure_future(layer.receive_clean_locks.acquire(KEY))
    await asyncio.sleep(0)
    waiter.cancel()
    await asyncio.gather(waiter, return_exceptions=True)
    layer.receive_clean_locks.release(KEY)


async def _two_receivers(layer: RedisChannelLayer) -> None:
    await layer.receive_clean_locks.acquire(KEY)
    waiter = asyncio.ensure_future(layer.receive_clean_locks.acquire(KEY))
    await asyncio.sleep(0)
    layer.receive_clean_locks.release(KEY)
    await waiter
    layer.receive_clean_locks.release(KEY)


@pytest.fixture
def layer(monkeypatch):
    layer = RedisChannelLayer(hosts=["redis://127.0.0.1:1"])
    monkeypatch.setattr(channel_layers, "backends", {"default": layer})
    return layer


def test_a_lock_left_by_an_earlier_loop_breaks_the_next_loops_receivers(layer):
    asyncio.run(_leave_a_lock_behind(layer))
    with pytest.raises(RuntimeError, match="different event loop"):
        asyncio.run(_two_receivers(layer))


def test_between_tests_every_layer_gets_new_receive_locks(layer):
    asyncio.run(_leave_a_lock_behind(layer))
    _fresh_receive_locks()
    asyncio.run(_two_receivers(layer))  # no "bound to a different event loop"

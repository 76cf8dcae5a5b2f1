import asyncio

from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer


def test_an_idle_receiver_outlives_the_blocking_read():
    """A websocket consumer waits on the channel layer. With Redis, channels_redis blocks 5 s
    per read and redis-py 8 times reads out after 5 s unless told otherwise, which killed
    idle websockets. Wait longer than that, then deliver. (In-memory layer: trivially true.)"""

    async def scenario():
        layer = get_channel_layer()
        channel = await layer.new_channel()
        waiting = asyncio.ensure_future(layer.receive(channel))
        await asyncio.wait({waiting}, timeout=6.5)  # idle past the 5 s blocking read
        assert not waiting.done() or waiting.exception() is None
        await layer.send(channel, {"type": "poll.updated", "poll_id": 1})
        return await asyncio.wait_for(waiting, timeout=10)

    message = async_to_sync(scenario)()
    assert message == {"type": "poll.updated", "poll_id": 1}

"""mantelkring.live.coalesced: one read per burst, never an older snapshot."""

import asyncio

from asgiref.sync import async_to_sync

from mantelkring.live import coalesced

# async_to_sync, not asyncio.run: under asyncio.run, database_sync_to_async starts asgiref's
# global single-thread executor in the pytest process; the browser tests' server is forked
# from that process and inherits the executor without its thread, so every websocket consumer
# there waits forever on its first database call.


def test_callers_in_one_burst_share_one_read():
    calls = []

    def compute():
        calls.append(1)
        return len(calls)

    async def burst():
        return await asyncio.gather(*(coalesced(("poll", 1), compute) for _ in range(250)))

    assert async_to_sync(burst)() == [1] * 250
    assert len(calls) == 1


def test_a_caller_arriving_after_the_read_started_gets_a_new_read():
    reads = []
    started = None

    def compute():
        reads.append(len(reads) + 1)
        started.set()
        return reads[-1]

    async def scenario():
        nonlocal started
        started = asyncio.Event()
        first = asyncio.create_task(coalesced(("poll", 2), compute))
        await started.wait()  # the first read is under way: a later event must not join it
        second = await coalesced(("poll", 2), compute)
        return await first, second

    assert async_to_sync(scenario)() == (1, 2)


def test_different_keys_do_not_share_and_errors_reach_every_caller():
    def boom():
        raise ValueError("database away")

    async def scenario():
        results = await asyncio.gather(
            *(coalesced(("poll", 3), boom) for _ in range(5)), return_exceptions=True
        )
        other = await coalesced(("poll", 4), lambda: "ok")
        return results, other

    results, other = async_to_sync(scenario)()
    assert all(isinstance(r, ValueError) for r in results)
    assert other == "ok"

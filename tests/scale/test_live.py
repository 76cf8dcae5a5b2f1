"""mantelkring.live.coalesced: one read per burst, never an older snapshot."""

import asyncio

from mantelkring.live import coalesced


def test_callers_in_one_burst_share_one_read():
    calls = []

    def compute():
        calls.append(1)
        return len(calls)

    async def burst():
        return await asyncio.gather(*(coalesced(("poll", 1), compute) for _ in range(250)))

    assert asyncio.run(burst()) == [1] * 250
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

    assert asyncio.run(scenario()) == (1, 2)


def test_different_keys_do_not_share_and_errors_reach_every_caller():
    def boom():
        raise ValueError("database away")

    async def scenario():
        results = await asyncio.gather(*(coalesced(("poll", 3), boom) for _ in range(5)), return_exceptions=True)
        other = await coalesced(("poll", 4), lambda: "ok")
        return results, other

    results, other = asyncio.run(scenario())
    assert all(isinstance(r, ValueError) for r in results)
    assert other == "ok"

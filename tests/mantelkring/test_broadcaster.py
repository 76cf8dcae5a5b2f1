"""The background sender of live events (mantelkring.broadcaster): callers never wait, sends
are merged per key with a leading edge, failures are logged once, forks and exits are clean.

The sends here are recorders standing in for a channel layer; tests/panel/test_events.py and
tests/scale/test_live_events.py send through real layers."""

import asyncio
import logging
import math
import subprocess
import sys
import textwrap
import threading
import time

import pytest
from asgiref.sync import sync_to_async

from mantelkring import broadcaster
from mantelkring.broadcaster import WINDOW_SECONDS, Broadcaster, Throttle


class Recorder:
    """A send that records each key with the time and thread it started on. While `held` is
    clear, sends wait (a slow channel layer)."""

    def __init__(self):
        self.sends: list[tuple[object, float, int]] = []
        self.started = threading.Event()
        self.held = threading.Event()
        self.held.set()

    async def __call__(self, key):
        self.sends.append((key, time.monotonic(), threading.get_ident()))
        self.started.set()
        while not self.held.is_set():
            await asyncio.sleep(0.001)

    def keys(self):
        return [key for key, _at, _thread in self.sends]


@pytest.fixture
def make_sender():
    """Broadcaster(send, ...) whose thread is stopped after the test."""
    made = []

    def make(send, **options):
        made.append(Broadcaster(send, **options))
        return made[-1]

    yield make
    for sender in made:
        sender.close(timeout=1)


async def settle():
    """Let the loop run what was handed to it (request → schedule → task → send)."""
    for _ in range(5):
        await asyncio.sleep(0)


def test_a_caller_returns_at_once_while_the_channel_layer_hangs(make_sender):
    recorder = Recorder()
    recorder.held.clear()
    sender = make_sender(recorder)
    sender.request(1)
    assert recorder.started.wait(5)  # the first send is stuck
    started = time.perf_counter()
    for n in range(1_000):
        sender.request(n % 2 + 1)
    assert time.perf_counter() - started < 0.5  # 1,000 calls, none waited for the send
    recorder.held.set()
    assert sender.flush(5)
    assert recorder.keys().count(1) == 2  # the stuck send, then one for all requests after it
    assert recorder.keys().count(2) in (1, 2)


def test_a_burst_costs_a_few_sends_per_key_and_the_last_starts_after_the_last_request(make_sender):
    recorder = Recorder()
    sender = make_sender(recorder)
    last_request = {}
    started = time.monotonic()
    for n in range(200):
        sender.request(n % 3)
        last_request[n % 3] = time.monotonic()
    elapsed = time.monotonic() - started
    assert sender.flush(5)
    # A leading send, then at most one per window while the burst lasted, then one trailing.
    most = 2 + math.ceil(elapsed / WINDOW_SECONDS)
    for key in range(3):
        starts = [at for k, at, _thread in recorder.sends if k == key]
        assert 1 <= len(starts) <= most
        assert max(starts) >= last_request[key]  # nothing asked for goes unsent


def test_the_first_request_after_a_quiet_spell_goes_out_at_once_and_later_ones_wait():
    recorder = Recorder()

    async def scenario():
        throttle = Throttle(asyncio.get_running_loop(), recorder, window=60)
        throttle.request(1)
        await settle()
        first = recorder.keys()
        throttle.request(1)
        throttle.request(1)
        await settle()
        within_window = recorder.keys()
        await throttle.drain()  # flush: skip the window
        return first, within_window, recorder.keys()

    assert asyncio.run(scenario()) == ([1], [1], [1, 1])


def test_a_request_during_a_send_gets_one_more_send_after_it():
    recorder = Recorder()
    recorder.held.clear()

    async def scenario():
        throttle = Throttle(asyncio.get_running_loop(), recorder, window=0)
        throttle.request(1)
        await settle()
        for _ in range(3):  # the send in flight may have read before these changes
            throttle.request(1)
        await settle()
        in_flight = recorder.keys()
        recorder.held.set()
        await throttle.drain()
        return in_flight, recorder.keys()

    assert asyncio.run(scenario()) == ([1], [1, 1])


def test_a_failing_layer_is_logged_once_until_a_send_works_again(caplog):
    broken = True
    sent = []

    async def send(key):
        if broken:
            raise ConnectionError("Redis is down")
        sent.append(key)

    async def burst(throttle, keys):
        for key in keys:
            throttle.request(key)
        await throttle.drain()

    async def scenario():
        nonlocal broken
        throttle = Throttle(asyncio.get_running_loop(), send, window=0)
        await burst(throttle, range(5))
        await burst(throttle, range(5, 10))
        broken = False
        await burst(throttle, [10])
        broken = True
        await burst(throttle, [11])

    with caplog.at_level(logging.INFO, logger="mantelkring.broadcaster"):
        asyncio.run(scenario())
    assert sent == [10]
    assert [(r.levelname, r.getMessage()[:27]) for r in caplog.records] == [
        ("ERROR", "Live updates cannot be sent"),  # once for ten lost updates
        ("WARNING", "Live updates are sent again"),
        ("ERROR", "Live updates cannot be sent"),  # a new outage
    ]
    assert "10 were lost" in caplog.records[1].getMessage()


def test_a_hanging_send_is_given_up_after_the_timeout(monkeypatch, caplog):
    monkeypatch.setattr(broadcaster, "SEND_TIMEOUT_SECONDS", 0.05)

    async def hang(key):
        await asyncio.Event().wait()

    async def scenario():
        throttle = Throttle(asyncio.get_running_loop(), hang, window=0)
        throttle.request(1)
        await asyncio.wait_for(throttle.drain(), 5)
        return throttle.pending()

    with caplog.at_level(logging.ERROR, logger="mantelkring.broadcaster"):
        assert asyncio.run(scenario()) is False
    assert len(caplog.records) == 1


def test_under_an_asgi_server_the_send_runs_on_the_servers_loop(make_sender):
    """A sync view runs in a thread of sync_to_async: its broadcast goes to the server's loop
    (where the consumers and their connections are), not to a thread of its own."""
    recorder = Recorder()
    sender = make_sender(recorder)

    async def view_then_wait():
        await sync_to_async(sender.request)(1)
        for _ in range(100):
            if recorder.sends:
                break
            await asyncio.sleep(0.01)
        return threading.get_ident()

    loop_thread = asyncio.run(view_then_wait())
    assert [(key, thread) for key, _at, thread in recorder.sends] == [(1, loop_thread)]
    assert sender._sender is None  # no thread of its own was started


def _run(script: str) -> tuple[subprocess.CompletedProcess, float]:
    started = time.monotonic()
    result = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(script)],
        capture_output=True,
        text=True,
        timeout=30,
    )
    return result, time.monotonic() - started


def test_a_forked_child_gets_a_sender_of_its_own():
    result, _elapsed = _run(
        """
        import os, threading, warnings
        from mantelkring.broadcaster import Broadcaster

        sent = []

        async def send(key):
            sent.append((key, os.getpid(), threading.current_thread().name))

        sender = Broadcaster(send)
        sender.request("parent")
        assert sender.flush(5)
        parent_thread = sender._sender.thread
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", DeprecationWarning)  # fork with threads running
            pid = os.fork()
        if pid == 0:
            forgotten = sender._sender is None
            sender.request("child")
            ok = sender.flush(5) and sent[-1] == ("child", os.getpid(), "live-events")
            os._exit(0 if forgotten and ok and sender._sender.thread is not parent_thread else 1)
        _pid, status = os.waitpid(pid, 0)
        sender.request("parent again")
        assert sender.flush(5)
        print(os.waitstatus_to_exitcode(status), [key for key, *_ in sent])
        """
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["0", "['parent',", "'parent", "again']"]


def test_pending_sends_go_out_at_interpreter_exit():
    result, _elapsed = _run(
        """
        import threading
        from mantelkring.broadcaster import Broadcaster

        sent = threading.Event()

        async def send(key):
            print(key, flush=True)
            sent.set()

        sender = Broadcaster(send, window=60)
        sender.request("first")  # sent at once
        assert sent.wait(5)
        sender.request("again")  # waits for a window that outlives the process
        """
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["first", "again"]


def test_a_hanging_channel_layer_never_holds_up_the_exit():
    result, elapsed = _run(
        """
        import asyncio
        from mantelkring.broadcaster import Broadcaster

        async def hang(key):
            await asyncio.Event().wait()

        sender = Broadcaster(hang)
        for key in range(10):
            sender.request(key)
        """
    )
    assert result.returncode == 0, result.stderr
    assert elapsed < broadcaster.EXIT_FLUSH_SECONDS + 4  # start-up, at most 1 s of flush, exit


@pytest.mark.parametrize("window", [0, WINDOW_SECONDS])
def test_memory_stays_bounded_by_the_keys_not_the_requests(window):
    recorder = Recorder()

    async def scenario():
        throttle = Throttle(asyncio.get_running_loop(), recorder, window=window)
        for n in range(10_000):
            throttle.request(n % 4)
        sizes = len(throttle._requested)
        await throttle.drain()
        return sizes, throttle.pending()

    assert asyncio.run(scenario()) == (4, False)


def test_a_sender_that_cannot_start_is_not_kept(monkeypatch, make_sender):
    """At interpreter shutdown no thread can start: that request fails (the caller logs it),
    and nothing half-made is kept for later requests."""
    recorder = Recorder()
    sender = make_sender(recorder)
    real_start = threading.Thread.start

    def refuse(thread):
        raise RuntimeError("can't create new thread at interpreter shutdown")

    monkeypatch.setattr(threading.Thread, "start", refuse)
    with pytest.raises(RuntimeError):
        sender.request(1)
    assert sender._sender is None
    monkeypatch.setattr(threading.Thread, "start", real_start)
    sender.request(2)
    assert sender.flush(5)
    assert recorder.keys() == [2]


def test_close_sends_what_is_pending_and_ends_the_thread(make_sender):
    recorder = Recorder()
    sender = make_sender(recorder, window=60)
    sender.request(1)
    assert recorder.started.wait(5)
    sender.request(1)  # a trailing send, due in a minute
    thread = sender._sender.thread
    sender.close(timeout=5)
    thread.join(5)
    assert recorder.keys() == [1, 1]
    assert not thread.is_alive()

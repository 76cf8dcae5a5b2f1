"""Live events sent in the background: one long-lived sender per process, coalesced per key.

A request thread that has just stored a vote asks for "poll 12 changed" and returns at once:
`Broadcaster.request(key)` takes a lock, adds the key to a set and, if the sender is not
already woken, wakes it. The sending happens on an event loop:

- under an ASGI server (daphne, uvicorn) on the server's own loop, the one its websocket
  consumers run on: it already holds the channel layer's connections, and the in-memory
  layer (`make run` without Redis) only reaches consumers from that loop;
- everywhere else (gunicorn's request threads, commands, tests) on the loop of one daemon
  thread per process, started on first use and again in a forked child (gunicorn forks its
  workers). Its loop owns its channel layer connections for the life of the process, instead
  of a new loop and new Redis connections for every vote (what `async_to_sync` costs).

Per key the sends are throttled with a leading edge (`Throttle`): the first request after a
quiet spell is sent at once; requests during the next WINDOW_SECONDS are merged into one
trailing send. A burst of 500 votes on one poll costs a few sends, not 500. Listeners only
reread on a message, so merging loses nothing: every request is followed by a send that
starts after it.

A failing send (Redis down) is logged once until a send succeeds again; the data behind it
is already stored, only a live update is lost. Pending keys are a set (memory is bounded by
the number of distinct keys), and no caller ever waits for a send: `flush(timeout)` is for
tests and commands that want delivery before going on, and for interpreter exit (at most
EXIT_FLUSH_SECONDS).
"""

from __future__ import annotations

import asyncio
import atexit
import logging
import math
import os
import threading
import time
import weakref
from collections.abc import Awaitable, Callable, Hashable
from concurrent.futures import TimeoutError as FutureTimeout

from asgiref.sync import SyncToAsync

logger = logging.getLogger(__name__)

# Merge window per key. Single events go out at once (leading edge); in a burst, the latest
# event waits at most this long for its send, well inside the live target (p95 < 250 ms from
# vote to dashboard), while at 100+ votes/s on one poll a send carries five or more votes.
WINDOW_SECONDS = 0.05
# One send (both groups of a poll) that takes longer than this is given up and logged: a
# hanging Redis must not keep a key's next send waiting forever.
SEND_TIMEOUT_SECONDS = 5.0
# At interpreter exit, pending sends get this long; the process never waits longer.
EXIT_FLUSH_SECONDS = 1.0

Send = Callable[[Hashable], Awaitable[None]]


class Throttle:
    """Per-key throttle with a leading edge, running on one event loop.

    `request` may be called from any thread; everything else runs on the loop. Each key has
    at most one send in flight; a request that arrives while its key is in flight, or within
    WINDOW of the start of its last send, is served by one trailing send.
    """

    def __init__(self, loop: asyncio.AbstractEventLoop, send: Send, window: float) -> None:
        self.loop = loop
        self._send = send
        self._window = window
        self._lock = threading.Lock()
        self._requested: set[Hashable] = set()  # asked for, not yet seen by the loop
        self._woken = False
        # On the loop only:
        self._timers: dict[Hashable, asyncio.TimerHandle] = {}  # trailing sends, due later
        self._in_flight: dict[Hashable, asyncio.Task] = {}
        self._again: set[Hashable] = set()  # requested while in flight: send once more after
        self._started: dict[Hashable, float] = {}  # loop time the last send of a key started
        self._failing = False
        self._lost = 0

    def request(self, key: Hashable) -> None:
        """Ask for a send of `key`; returns at once (RuntimeError if the loop is closed)."""
        with self._lock:
            self._requested.add(key)
            if self._woken:
                return
            self._woken = True
        try:
            self.loop.call_soon_threadsafe(self._take_requested)
        except RuntimeError:
            with self._lock:
                self._woken = False
            raise

    def _take_requested(self) -> None:
        with self._lock:
            keys, self._requested = self._requested, set()
            self._woken = False
        for key in keys:
            self._schedule(key)

    def _schedule(self, key: Hashable) -> None:
        if key in self._timers:
            return  # a trailing send is due; it starts after this request
        if key in self._in_flight:
            self._again.add(key)  # the send in flight may predate this request
            return
        wait = self._started.get(key, -math.inf) + self._window - self.loop.time()
        if wait <= 0:
            self._fire(key)
        else:
            self._timers[key] = self.loop.call_later(wait, self._fire, key)

    def _fire(self, key: Hashable) -> None:
        self._timers.pop(key, None)
        now = self.loop.time()
        if len(self._started) > 256:  # forget keys that are quiet again: memory stays bounded
            self._started = {k: t for k, t in self._started.items() if now - t < self._window}
        self._started[key] = now
        task = self.loop.create_task(self._deliver(key))
        self._in_flight[key] = task
        task.add_done_callback(lambda task: self._finished(key, task))

    def _finished(self, key: Hashable, task: asyncio.Task) -> None:
        del self._in_flight[key]
        if key in self._again:
            self._again.discard(key)
            if not task.cancelled():  # cancelled: the loop is stopping, start nothing new
                self._schedule(key)

    async def _deliver(self, key: Hashable) -> None:
        try:
            await asyncio.wait_for(self._send(key), SEND_TIMEOUT_SECONDS)
        except Exception:
            self._lost += 1
            if not self._failing:
                self._failing = True
                logger.exception(
                    "Live updates cannot be sent (the data is stored; only the live update "
                    "is lost). Logged once until a send works again."
                )
            return
        if self._failing:
            logger.warning("Live updates are sent again (%s were lost meanwhile).", self._lost)
            self._failing, self._lost = False, 0

    async def drain(self) -> None:
        """Send everything requested so far now (skipping the windows), and wait for it."""
        self._take_requested()
        while self._timers or self._in_flight:
            for key in list(self._timers):
                self._timers[key].cancel()
                self._fire(key)
            if self._in_flight:
                await asyncio.wait(list(self._in_flight.values()))
            await asyncio.sleep(0)  # let done callbacks schedule the keys asked for again

    def pending(self) -> bool:
        return bool(self._requested or self._timers or self._in_flight)


class _SenderThread:
    """One daemon thread running one event loop, and the throttle on it."""

    def __init__(self, send: Send, window: float) -> None:
        self.pid = os.getpid()
        self.loop = asyncio.new_event_loop()
        self.throttle = Throttle(self.loop, send, window)
        self.thread = threading.Thread(target=self._run, name="live-events", daemon=True)
        try:
            self.thread.start()
        except BaseException:  # e.g. no new threads at interpreter shutdown
            self.loop.close()
            raise

    def _run(self) -> None:
        asyncio.set_event_loop(self.loop)
        try:
            self.loop.run_forever()
        finally:  # stopped (close() or exit): end what is left and let go of the connections
            for task in asyncio.all_tasks(self.loop):
                task.cancel()
            self.loop.run_until_complete(asyncio.sleep(0))
            self.loop.close()

    def flush(self, timeout: float) -> bool:
        if threading.current_thread() is self.thread:
            raise RuntimeError("flush() from the sender's own thread would wait for itself")
        try:
            future = asyncio.run_coroutine_threadsafe(self.throttle.drain(), self.loop)
        except RuntimeError:  # the loop is closed: nothing can be sent any more
            return False
        try:
            future.result(timeout)
        except FutureTimeout:
            return False
        return True

    def stop(self, timeout: float) -> None:
        self.flush(timeout)
        try:
            self.loop.call_soon_threadsafe(self.loop.stop)
        except RuntimeError:
            return
        self.thread.join(0.1)


class Broadcaster:
    """Send `send(key)` in the background for each requested key, throttled per key."""

    def __init__(self, send: Send, *, window: float = WINDOW_SECONDS) -> None:
        self._send = send
        self._window = window
        self._lock = threading.Lock()
        self._sender: _SenderThread | None = None
        self._on_server_loops: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, Throttle]
        self._on_server_loops = weakref.WeakKeyDictionary()
        _ALL.add(self)

    def request(self, key: Hashable) -> None:
        """Queue a send of `key` and return at once. Raises only when no loop can take it
        (interpreter shutdown); callers log that and go on."""
        loop = _server_loop()
        if loop is not None and loop.is_running():
            try:
                self._throttle_on(loop).request(key)
                return
            except RuntimeError:  # the server's loop closed under us: use our own thread
                pass
        self._own_sender().throttle.request(key)

    def flush(self, timeout: float = 1.0) -> bool:
        """Send what this process's sender thread has pending now and wait for it, at most
        `timeout` seconds. True when everything requested before the call was sent (or
        given up as failed). Sends on a server's loop are not waited for."""
        sender = self._sender
        if sender is None or sender.pid != os.getpid():
            return True
        return sender.flush(timeout)

    def _throttle_on(self, loop: asyncio.AbstractEventLoop) -> Throttle:
        throttle = self._on_server_loops.get(loop)
        if throttle is None:
            with self._lock:
                throttle = self._on_server_loops.setdefault(
                    loop, Throttle(loop, self._send, self._window)
                )
        return throttle

    def _own_sender(self) -> _SenderThread:
        sender = self._sender
        if sender is not None and sender.pid == os.getpid():
            return sender
        with self._lock:
            if self._sender is None or self._sender.pid != os.getpid():
                self._sender = _SenderThread(self._send, self._window)
            return self._sender

    def _forget_after_fork(self) -> None:
        # The parent's thread and loops do not exist in the child; its lock may be held.
        self._lock = threading.Lock()
        self._sender = None
        self._on_server_loops = weakref.WeakKeyDictionary()

    def close(self, timeout: float = 1.0) -> None:
        """Flush (at most `timeout` seconds), then stop this process's sender thread. A later
        request starts a new one. Runs by itself at interpreter exit."""
        with self._lock:
            sender, self._sender = self._sender, None
        if sender is not None and sender.pid == os.getpid():
            sender.stop(timeout)


def _server_loop() -> asyncio.AbstractEventLoop | None:
    """The event loop this thread runs, or the ASGI server's loop when this thread runs a
    sync view for it (asgiref records it for the threads of sync_to_async); else None."""
    try:
        return asyncio.get_running_loop()
    except RuntimeError:
        pass
    if getattr(SyncToAsync.threadlocal, "main_event_loop_pid", None) != os.getpid():
        return None
    return getattr(SyncToAsync.threadlocal, "main_event_loop", None)


_ALL: weakref.WeakSet[Broadcaster] = weakref.WeakSet()


def _after_fork_in_child() -> None:
    for broadcaster in list(_ALL):
        broadcaster._forget_after_fork()


def _at_exit() -> None:
    deadline = time.monotonic() + EXIT_FLUSH_SECONDS
    for broadcaster in list(_ALL):
        try:
            broadcaster.close(max(0.0, deadline - time.monotonic()))
        except Exception:  # never fail (or hang) the exit of a process over a live update
            logger.exception("Could not flush live updates at exit")


os.register_at_fork(after_in_child=_after_fork_in_child)
atexit.register(_at_exit)

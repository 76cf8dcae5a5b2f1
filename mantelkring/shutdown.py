"""A clean stop for daphne (`make run`): SIGTERM lets requests in progress finish.

daphne stops its reactor on SIGTERM and drops every open connection at once: a vote that was
being stored reached the database, but its voter saw a connection error. Here, before the
reactor shuts down, the server waits until the HTTP requests in progress have answered (at
most DRAIN_SECONDS), and answers requests that arrive meanwhile with a short 503. Websockets
are not waited for: their pages reconnect on their own.

uvicorn (production, docs/production.md) has its own graceful shutdown; this only hooks in
when twisted's reactor is running the application (daphne).
"""

import signal
import sys
import time
from typing import Any

# daphne installs twisted's asyncio reactor before it imports the application; importing the
# reactor anywhere else would install a default one, so only look when it is already there.
UNDER_TWISTED = "twisted.internet.reactor" in sys.modules
if UNDER_TWISTED:
    from twisted.internet import reactor as _twisted_reactor
    from twisted.internet import task

    reactor: Any = _twisted_reactor  # a module standing in for the reactor object

DRAIN_SECONDS = 8.0
_STOPPING_BODY = "De server start opnieuw op. Probeer het over een paar seconden nog eens.\n"


class _InFlight:
    requests = 0
    draining = False


async def _stopping(send) -> None:
    await send(
        {
            "type": "http.response.start",
            "status": 503,
            "headers": [
                (b"content-type", b"text/plain; charset=utf-8"),
                (b"retry-after", b"5"),
                (b"connection", b"close"),
            ],
        }
    )
    await send({"type": "http.response.body", "body": _STOPPING_BODY.encode()})


def track_requests(app):
    """ASGI wrapper that counts HTTP requests in progress (and refuses new ones when stopping)."""

    async def tracked(scope, receive, send):
        if scope["type"] != "http":
            return await app(scope, receive, send)
        if _InFlight.draining:
            return await _stopping(send)
        _InFlight.requests += 1
        try:
            return await app(scope, receive, send)
        finally:
            _InFlight.requests -= 1

    return tracked


def drain_before_reactor_shutdown() -> None:
    """Under daphne: on SIGTERM, wait for requests in progress, then stop the reactor.

    daphne's own shutdown cancels every application at once, so the waiting happens before
    the reactor is asked to stop: this replaces twisted's SIGTERM handler once it runs.
    """
    if not UNDER_TWISTED:
        return  # not daphne (uvicorn, tests, commands): nothing to hook into

    def stop_when_drained():
        if _InFlight.draining:  # a second SIGTERM: stop now
            reactor.stop()
            return
        _InFlight.draining = True
        deadline = time.monotonic() + DRAIN_SECONDS

        def check():
            if _InFlight.requests == 0 or time.monotonic() > deadline:
                poller.stop()
                # A moment for the last answers to leave their sockets.
                reactor.callLater(0.2, reactor.stop)

        poller = task.LoopingCall(check)
        poller.start(0.05)

    def on_sigterm(signum, frame):
        reactor.callFromThread(stop_when_drained)

    reactor.callWhenRunning(signal.signal, signal.SIGTERM, on_sigterm)

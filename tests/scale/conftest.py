"""Fixtures for the scale tests: a private Redis and real server processes on the test DB."""

import pytest
from django.db import connections

from tests.scale.servers import RedisServer, ServerProcess, test_database_url


@pytest.fixture
def redis_server(tmp_path):
    """A redis-server this test owns (it may stop and restart it)."""
    server = RedisServer(tmp_path)
    server.start()
    yield server
    server.stop()


@pytest.fixture
def start_server(tmp_path):
    """start_server(redis_url[, kind]) -> a running server process sharing the test database
    (kind "daphne": ASGI; "gunicorn": the production HTTP server, WSGI).

    Tests using it must commit their data (transactional db), like the browser tests.
    """
    started = []

    def _start(redis_url: str | None, kind: str = "daphne"):
        connections.close_all()  # never share a database socket with a child's start-up
        env = {"DATABASE_URL": test_database_url(), "DJANGO_DEBUG": "true"}
        env["REDIS_URL"] = redis_url or ""
        server = ServerProcess(env=env, log=tmp_path / f"server-{len(started)}.log", kind=kind)
        server.start()
        started.append(server)
        return server

    yield _start
    for server in started:
        server.stop()

"""Fixtures for the scale tests: a private Redis and real server processes on the test DB.

The processes themselves are managed by bench/processes.py, shared with the benchmark.
"""

import pytest
from django.db import connections

from bench.processes import RedisServer, ServerProcess


def child_database_url() -> str:
    """DATABASE_URL for a child process: the test database pytest-django made."""
    db = connections["default"].settings_dict
    if db["ENGINE"].endswith("sqlite3"):
        return f"sqlite:///{db['NAME']}"
    host, port = db.get("HOST") or "127.0.0.1", db.get("PORT") or 5432
    password = f":{db['PASSWORD']}" if db.get("PASSWORD") else ""
    return f"postgres://{db['USER']}{password}@{host}:{port}/{db['NAME']}"


@pytest.fixture
def redis_server(tmp_path):
    """A redis-server this test owns (it may stop and restart it)."""
    server = RedisServer(tmp_path)
    server.start()
    yield server
    server.stop()


@pytest.fixture
def start_server(tmp_path):
    """start_server(redis_url) -> a running ASGI server process sharing the test database.

    Tests using it must commit their data (transactional db), like the browser tests.
    """
    started = []

    def _start(redis_url: str | None):
        connections.close_all()  # never share a database socket with a child's start-up
        env = {"DATABASE_URL": child_database_url(), "DJANGO_DEBUG": "true"}
        env["REDIS_URL"] = redis_url or ""
        server = ServerProcess(
            env=env,
            log=tmp_path / f"server-{len(started)}.log",
            unset=["DJANGO_ALLOW_ASYNC_UNSAFE"],  # the tests' own relaxation, not the server's
        )
        server.start()
        started.append(server)
        return server

    yield _start
    for server in started:
        server.stop()

"""Real processes on this machine: a redis-server of our own and ASGI server processes.

Shared by the benchmark (`bench/run.py`) and the scale tests (`tests/scale/`). Everything
listens on 127.0.0.1 on free ports, is polled for readiness with a deadline (no fixed sleeps)
and is stopped by whoever started it. No Django here: the benchmark uses it before Django is
set up.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import IO, Literal

ROOT = Path(__file__).resolve().parent.parent
REDIS_SERVER = shutil.which("redis-server") or "/usr/bin/redis-server"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_until[T](
    predicate: Callable[[], T], *, timeout: float, what: str, interval: float = 0.05
) -> T:
    """The first truthy result of predicate(), polled until the deadline."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        result = predicate()
        if result:
            return result
        time.sleep(interval)
    raise TimeoutError(f"gave up waiting for {what} after {timeout}s")


def port_open(port: int) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=0.2):
            return True
    except OSError:
        return False


def machine_redis(port: int = 6379) -> str | None:
    """redis://127.0.0.1:<port> when the machine's own Redis answers PING there, else None."""
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=1) as sock:
            sock.sendall(b"PING\r\n")
            if sock.recv(16).startswith(b"+PONG"):
                return f"redis://127.0.0.1:{port}"
    except OSError:
        pass
    return None


class RedisServer:
    """A redis-server of our own: no persistence, in a work directory, on a fixed free port
    so that a restart comes back at the same address."""

    def __init__(self, workdir: Path):
        self.workdir = workdir
        self.port = free_port()
        self.process: subprocess.Popen[bytes] | None = None

    @property
    def address(self) -> str:
        """The server without a database number: append /<db>."""
        return f"redis://127.0.0.1:{self.port}"

    @property
    def url(self) -> str:
        return f"{self.address}/0"

    def start(self) -> None:
        self.process = subprocess.Popen(
            [
                REDIS_SERVER,
                *("--bind", "127.0.0.1", "--port", str(self.port)),
                *("--save", "", "--appendonly", "no"),
                *("--dir", str(self.workdir), "--daemonize", "no"),
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        wait_until(lambda: port_open(self.port), timeout=10, what="redis-server")

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=10)
        self.process = None
        wait_until(lambda: not port_open(self.port), timeout=10, what="redis-server to stop")


def _server_command(server: Literal["daphne", "uvicorn"], port: int) -> list[str]:
    application = "mantelkring.asgi:application"
    if server == "daphne":  # as `make run` starts it
        return [sys.executable, "-m", "daphne", "-b", "127.0.0.1", "-p", str(port), application]
    return [  # as deploy/Procfile and the systemd units start it
        *(sys.executable, "-m", "uvicorn", application),
        *("--host", "127.0.0.1", "--port", str(port)),
        *("--no-access-log", "--lifespan", "off", "--log-level", "warning"),
    ]


class ServerProcess:
    """One ASGI server process on its own loopback port, serving the project from ROOT.

    `env` is added to this process's environment; `unset` names variables to leave out.
    """

    def __init__(
        self,
        *,
        env: dict[str, str],
        log: Path,
        server: Literal["daphne", "uvicorn"] = "daphne",
        unset: Iterable[str] = (),
    ):
        self.port = free_port()
        self.env, self.log, self.server, self.unset = env, log, server, tuple(unset)
        self.process: subprocess.Popen[bytes] | None = None
        self._log_file: IO[bytes] | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def launch(self) -> None:
        """Start the process without waiting for it to serve (see wait_healthy)."""
        env = {**os.environ, **self.env}
        for name in self.unset:
            env.pop(name, None)
        self._log_file = open(self.log, "wb")  # noqa: SIM115 - closed in stop()
        self.process = subprocess.Popen(
            _server_command(self.server, self.port),
            cwd=ROOT,
            env=env,
            stdout=self._log_file,
            stderr=subprocess.STDOUT,
        )

    def healthy(self) -> bool:
        if self.process is None or self.process.poll() is not None:
            raise RuntimeError(f"server exited: {self.log.read_text()[-2000:]}")
        try:
            with urllib.request.urlopen(f"{self.url}/healthz", timeout=1) as response:
                return response.status == 200
        except (urllib.error.URLError, OSError):
            return False

    def wait_healthy(self, timeout: float = 30) -> None:
        wait_until(self.healthy, timeout=timeout, what=f"server on port {self.port}", interval=0.1)

    def start(self, timeout: float = 30) -> None:
        self.launch()
        self.wait_healthy(timeout)

    def stop(self, timeout: float = 10) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=5)
        self.process = None
        if self._log_file:
            self._log_file.close()
            self._log_file = None


class Workers:
    """N uvicorn processes, one per loopback port, as deploy/Procfile runs them; started
    together (a context manager) and stopped together."""

    def __init__(self, n: int, env: dict[str, str], logdir: Path):
        self.servers = [
            ServerProcess(env=env, log=logdir / f"uvicorn-{i}.log", server="uvicorn")
            for i in range(n)
        ]
        self.ports = [server.port for server in self.servers]

    def __enter__(self) -> Workers:
        for server in self.servers:
            server.launch()
        try:
            for server in self.servers:
                server.wait_healthy(timeout=60)
        except BaseException:
            self.__exit__()
            raise
        return self

    def __exit__(self, *exc: object) -> None:
        for server in self.servers:
            if server.process and server.process.poll() is None:
                server.process.terminate()
        for server in self.servers:
            server.stop(timeout=15)

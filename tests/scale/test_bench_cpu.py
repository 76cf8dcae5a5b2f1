"""The bench's CPU accounting reads /proc: a busy process shows up in its own group."""

import os
import subprocess
import sys
import time

from bench.cpu import CpuMeter, backend_database, process_groups, process_ticks


def _burn(seconds: float) -> None:
    end = time.process_time() + seconds
    while time.process_time() < end:
        pass


def test_cpu_spent_by_this_process_is_counted_as_client():
    with CpuMeter(lambda: process_groups(workers=[], database="nothing")) as meter:
        _burn(0.3)
    per_request = meter.per_request(10)
    assert per_request["client"] >= 20  # 300 ms over 10 requests, minus clock-tick rounding
    assert per_request["total"] >= per_request["client"]
    assert per_request["workers"] == 0


def test_a_workers_children_are_workers_too():
    parent = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import subprocess, sys; subprocess.run([sys.executable, '-c', 'import time; time.sleep(5)'])",
        ]
    )
    try:
        deadline = time.monotonic() + 5
        while time.monotonic() < deadline:
            workers = process_groups(workers=[parent.pid], database="nothing")["workers"]
            if len(workers) == 2:
                break
            time.sleep(0.05)
        assert parent.pid in workers and len(workers) == 2
        assert os.getpid() not in workers
    finally:
        parent.kill()
        parent.wait()
    assert process_ticks(parent.pid) is None  # gone: read as None, never an error


def test_postgres_backends_belong_to_their_database():
    assert backend_database("postgres: 15/main: postgres bench 127.0.0.1(36390) idle") == "bench"
    assert backend_database("postgres: postgres other 127.0.0.1(1) SELECT") == "other"
    assert backend_database("postgres: app db [local] idle") == "db"
    assert backend_database("postgres: 15/main: checkpointer ") is None
    assert backend_database("postgres: walwriter") is None
    assert backend_database("/usr/lib/postgresql/15/bin/postgres -D /var/lib/x") is None

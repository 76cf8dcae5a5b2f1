"""CPU per request, per process group, read from /proc (Linux) before and after a scenario.

Groups: the server's worker processes (and their children), PostgreSQL (the bench database's
backends and the server's own background processes; other databases' backends are other
people's), Redis, the load client (this process) and everything else on the machine ("other":
the machine's busy time minus the groups, i.e. other people's work on a shared machine).
CPU per request is steadier than requests per second when the machine is shared.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from pathlib import Path

TICK = os.sysconf("SC_CLK_TCK")
PROC = Path("/proc")


def process_ticks(pid: int) -> int | None:
    """utime + stime of one process (all its threads), in clock ticks; None if it is gone."""
    try:
        raw = (PROC / str(pid) / "stat").read_text()
    except OSError:
        return None
    fields = raw[raw.rindex(")") + 2 :].split()  # after "pid (comm) "
    return int(fields[11]) + int(fields[12])  # fields 14 and 15 of stat(5)


def machine_busy_ticks() -> int:
    """All CPUs' non-idle time (user, nice, system, irq, softirq), in clock ticks."""
    with open(PROC / "stat") as stat:
        values = [int(v) for v in stat.readline().split()[1:]]
    user, nice, system, _idle, _iowait, irq, softirq = values[:7]
    return user + nice + system + irq + softirq


def _processes() -> Iterable[tuple[int, int, str, str]]:
    """(pid, parent pid, comm, cmdline) of every process we may read."""
    for entry in PROC.iterdir():
        if not entry.name.isdigit():
            continue
        try:
            raw = (entry / "stat").read_text()
            cmdline = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
        except OSError:
            continue
        comm = raw[raw.index("(") + 1 : raw.rindex(")")]
        ppid = int(raw[raw.rindex(")") + 2 :].split()[1])
        yield int(entry.name), ppid, comm, cmdline


def backend_database(cmdline: str) -> str | None:
    """The database of a PostgreSQL client backend, from its title: "postgres: [cluster: ]
    <user> <database> <client> <state>"; None for the server's own processes."""
    parts = cmdline.split()
    if not parts or parts[0] != "postgres:":
        return None
    if len(parts) > 1 and parts[1].endswith(":"):  # cluster_name, e.g. "15/main:"
        parts = parts[1:]
    if len(parts) >= 4 and ("(" in parts[3] or parts[3] == "[local]"):
        return parts[2]
    return None


def process_groups(*, workers: Iterable[int], database: str) -> dict[str, set[int]]:
    """The pids of each group now (workers: the given pids and their descendants)."""
    procs = list(_processes())
    worker_pids = set(workers)
    grew = True
    while grew:  # descendants (gunicorn's master forks its workers)
        children = {pid for pid, ppid, _c, _l in procs if ppid in worker_pids} - worker_pids
        worker_pids |= children
        grew = bool(children)
    postgres, redis = set(), set()
    for pid, _ppid, comm, cmdline in procs:
        if comm == "postgres" or cmdline.startswith("postgres:"):
            if backend_database(cmdline) in (None, database):
                postgres.add(pid)
        elif comm.startswith("redis-server"):
            redis.add(pid)
    return {
        "workers": worker_pids,
        "postgres": postgres,
        "redis": redis,
        "client": {os.getpid()},
    }


class CpuMeter:
    """with CpuMeter(groups) as meter: ...; then meter.per_request(n) -> ms per request."""

    def __init__(self, groups: Callable[[], dict[str, set[int]]]):
        self.groups = groups

    def __enter__(self) -> CpuMeter:
        self.pids = self.groups()
        self.start = {pid: process_ticks(pid) for pids in self.pids.values() for pid in pids}
        self.machine_start = machine_busy_ticks()
        return self

    def __exit__(self, *exc) -> None:
        self.machine_end = machine_busy_ticks()
        later = self.groups()  # processes started during the scenario count from zero
        self.spent: dict[str, int] = {}
        for name in self.pids:
            ticks = 0
            for pid in self.pids[name] | later[name]:
                end = process_ticks(pid)
                if end is not None:
                    ticks += end - (self.start.get(pid) or 0)
            self.spent[name] = ticks

    def per_request(self, requests: int) -> dict[str, float]:
        """Milliseconds of CPU per request for each group, "other" and "total"."""
        n = max(requests, 1)
        out = {name: round(ticks / TICK * 1000 / n, 2) for name, ticks in self.spent.items()}
        # The machine's counters and each process's are sampled and rounded apart, so the
        # machine can read a tick or two below the parts: the total is never less than them.
        busy = max(self.machine_end - self.machine_start, sum(self.spent.values()))
        out["other"] = round(max(busy - sum(self.spent.values()), 0) / TICK * 1000 / n, 2)
        out["total"] = round(busy / TICK * 1000 / n, 2)
        return out

"""`make bench`: Mantelkring measured against its own limits, on this machine, in one run.

Starts the site the production way (N uvicorn worker processes on loopback ports, PostgreSQL
database `bench` with a connection pool, Redis cache and channel layer in their own Redis
databases), seeds 10,000 panel members, runs bounded load with an asyncio client on raw
sockets (loopback only; every phase stops by count and by time) and prints a table plus one
summary line. Nothing here is a test: it measures.

    python bench/run.py [--workers 2] [--quick]

The parts: bench/processes.py (Redis and the worker processes, shared with tests/scale),
bench/seed.py (the data), bench/load.py (scenarios over the network), bench/inprocess.py
(scenarios through Django's test client), bench/report.py (the table and the summary).
"""

from __future__ import annotations

import argparse
import json
import os
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import django  # noqa: E402 (after the path is set)
import psycopg  # noqa: E402
import redis as redis_lib  # noqa: E402
from django.db import connections  # noqa: E402 (lazy: reads settings on first use)

from bench import load  # noqa: E402
from bench.processes import RedisServer, Workers, machine_redis  # noqa: E402
from bench.report import log, machine, report  # noqa: E402

DB_NAME = "bench"
PG = "postgres://postgres@127.0.0.1:5432"


class Sizes:
    """How much data and load a run uses; --quick makes everything smaller."""

    def __init__(self, quick: bool):
        self.members = 2_000 if quick else 10_000
        self.watchers = 100 if quick else 500
        self.live_votes = 5 if quick else 20
        self.signups = 400 if quick else 2_000
        self.dashboard = (1_000, 10_000, 50_000) if quick else (1_000, 100_000, 1_000_000)


def recreate_database() -> None:
    with psycopg.connect(f"{PG}/postgres", autocommit=True) as conn:
        conn.execute(f"DROP DATABASE IF EXISTS {DB_NAME} WITH (FORCE)")
        conn.execute(f"CREATE DATABASE {DB_NAME}")


def drop_database() -> None:
    with psycopg.connect(f"{PG}/postgres", autocommit=True) as conn:
        conn.execute(f"DROP DATABASE IF EXISTS {DB_NAME} WITH (FORCE)")


def bench_env(redis: str) -> dict[str, str]:
    return {
        "DJANGO_SETTINGS_MODULE": "mantelkring.settings",
        "DJANGO_DEBUG": "false",
        "DJANGO_SECRET_KEY": "bench-" + secrets.token_urlsafe(48),
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost,testserver",
        "DJANGO_SECURE_SSL_REDIRECT": "false",
        "DATABASE_URL": f"{PG}/{DB_NAME}",
        "MANTELKRING_DB_POOL": "true",
        "MANTELKRING_DB_POOL_MAX_SIZE": "20",
        "REDIS_URL": f"{redis}/3",
        "REDIS_CHANNEL_URL": f"{redis}/9",
        "DJANGO_TASKS_BACKEND": "django_tasks_db.DatabaseBackend",
        "MANTELKRING_MAIL_VIA_TASKS": "true",
        "MANTELKRING_BENCH": "true",
        "DJANGO_LOG_LEVEL": "ERROR",
    }


def prepare(redis: str) -> None:
    """An empty database and Redis databases, migrated, static files collected."""
    recreate_database()
    for db in (3, 9):
        redis_lib.Redis.from_url(f"{redis}/{db}").flushdb()
    for command in (
        ["migrate", "--noinput", "-v", "0"],
        ["collectstatic", "--noinput", "-v", "0"],
    ):
        subprocess.run(
            [sys.executable, "manage.py", *command], cwd=ROOT, env={**os.environ}, check=True
        )


def measure(args: argparse.Namespace, sizes: Sizes, env: dict[str, str], tmp: Path) -> dict:
    django.setup()
    # Models can only be imported once Django is set up with the environment made above
    # (bench/ is exempt from the no-imports-in-functions rule for this reason).
    from bench import inprocess
    from bench import seed as seed_module
    from panel import models

    results: dict = {"machine": machine(), "workers": args.workers, "database": DB_NAME}
    t = time.perf_counter()
    seed = seed_module.seed(members=sizes.members, watchers=sizes.watchers)
    log(f"seeded {sizes.members:,} members with sessions in {time.perf_counter() - t:.1f}s")
    connections.close_all()
    live_voters = seed.sessions[sizes.watchers : sizes.watchers + sizes.live_votes]
    voters = seed.sessions[sizes.watchers + sizes.live_votes :]
    signers = seed.sessions[-sizes.signups :]
    with Workers(args.workers, env, tmp) as workers:
        log(f"{args.workers} uvicorn workers on ports {workers.ports}")
        results["weight"] = load.bench_weight(
            workers.ports[0],
            {
                "poll page": (f"/panel/vragen/{seed.vote_poll}/vraag/1/", voters[-1]),
                "training home": ("/training/", seed.professional_session),
            },
        )
        log(f"weight: {results['weight']}")
        results["bare"] = load.bench_bare(workers.ports, voters, args.concurrency)
        log(f"bare view: {results['bare']}")
        results["votes"] = load.bench_votes(workers.ports, voters, seed.vote_poll, args.concurrency)
        log(f"votes: {results['votes']}")
        signup = load.bench_signups(workers.ports, signers, seed.gesprek, args.concurrency)
        counts = {
            s: models.Registration.objects.filter(gesprek_id=seed.gesprek, status=s).count()
            for s in ("registered", "waiting")
        }
        stored_votes = models.Participation.objects.filter(poll_id=seed.vote_poll).count()
        connections.close_all()
        signup.update(
            counts,
            per_min=round(signup["per_s"] * 60),
            attempts=len(signers),
            exact=counts["registered"] == 10
            and sum(counts.values()) == len(signers)
            and signup["errors"] == 0,
        )
        results["signups"] = signup
        results["votes"]["stored"] = stored_votes
        log(f"sign-ups: {signup}; votes stored: {stored_votes}")
        results["live"] = load.bench_live(
            workers.ports,
            [seed.werkgroep_session] * sizes.watchers,
            live_voters,
            seed.live_poll,
            "/ws/werkgroep/dashboard/",
        )
        log(f"live: {results['live']}")
    results["anatomy"] = inprocess.bench_vote_anatomy(seed, voters[-200:])
    log(f"vote anatomy (in-process): {results['anatomy']}")
    log("dashboard: growing one poll to " + ", ".join(f"{n:,}" for n in sizes.dashboard) + " votes")
    results["dashboard"] = inprocess.bench_dashboard(seed, sizes.dashboard)
    log(f"dashboard: {results['dashboard']}")
    connections.close_all()
    return results


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--concurrency", type=int, default=48)
    parser.add_argument("--quick", action="store_true", help="smaller sizes, for trying the script")
    parser.add_argument(
        "--private-redis",
        action="store_true",
        help="start a redis-server of its own even when the machine's Redis answers on 6379",
    )
    args = parser.parse_args()
    sizes = Sizes(args.quick)
    # A stopped bench still stops its workers, its Redis and drops its database.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    started = time.monotonic()
    tmp = Path(tempfile.mkdtemp(prefix="mantelkring-bench-"))
    private_redis = None
    redis = None if args.private_redis else machine_redis()
    if redis is None:
        private_redis = RedisServer(tmp)
        private_redis.start()
        redis = private_redis.address
    env = bench_env(redis)
    os.environ.update(env)
    try:
        log(f"database '{DB_NAME}' on {PG}, Redis {redis} (db 3 cache, db 9 channel layer)")
        prepare(redis)
        results = measure(args, sizes, env, tmp)
        results["seconds"] = time.monotonic() - started
        print(report(results), flush=True)
        out = ROOT / "bench" / "results"
        out.mkdir(exist_ok=True)
        (out / "latest.json").write_text(json.dumps(results, indent=2, default=str))
        return 0
    finally:
        try:
            connections.close_all()
        except Exception as error:  # noqa: BLE001 - cleaning up; the database is dropped next
            log(f"closing connections: {error!r}")
        drop_database()
        if private_redis is not None:
            private_redis.stop()
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())

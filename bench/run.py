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
import cProfile
import json
import os
import pstats
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
from bench.cpu import process_groups  # noqa: E402
from bench.processes import RedisServer, Workers, machine_redis  # noqa: E402
from bench.report import log, machine, report  # noqa: E402

# Another checkout's bench on the same machine can pick its own database and Redis databases.
DB_NAME = os.environ.get("BENCH_DATABASE", "bench")
REDIS_DBS = tuple(int(n) for n in os.environ.get("BENCH_REDIS_DBS", "3,9").split(","))
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
        "REDIS_URL": f"{redis}/{REDIS_DBS[0]}",
        "REDIS_CHANNEL_URL": f"{redis}/{REDIS_DBS[1]}",
        "DJANGO_TASKS_BACKEND": "django_tasks_db.DatabaseBackend",
        "MANTELKRING_MAIL_VIA_TASKS": "true",
        "MANTELKRING_BENCH": "true",
        "DJANGO_LOG_LEVEL": "ERROR",
    }


def prepare(redis: str) -> None:
    """An empty database and Redis databases, migrated, static files collected."""
    recreate_database()
    for db in REDIS_DBS:
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

    results: dict = {
        "machine": machine(),
        "workers": args.workers,
        "database": DB_NAME,
        "redis_dbs": REDIS_DBS,
        "http_server": args.http,
        "http": {},
    }
    t = time.perf_counter()
    seed = seed_module.seed(members=sizes.members, watchers=sizes.watchers)
    log(f"seeded {sizes.members:,} members with sessions in {time.perf_counter() - t:.1f}s")
    load.MEMBER_COOKIES.update(seed.cookies)
    if args.anatomy_only:  # a quick figure for one change of the vote path
        profiler = None
        if args.profile:  # warm up first (imports, caches); wall time, waits included
            inprocess.bench_vote_anatomy(seed, seed.sessions[-400:-200])
            profiler = cProfile.Profile()
        anatomy = inprocess.bench_vote_anatomy(seed, seed.sessions[-200:], profiler=profiler)
        if profiler is not None:
            stats = pstats.Stats(profiler, stream=sys.stdout)
            stats.sort_stats("cumulative").print_stats(60)
            stats.sort_stats("tottime").print_stats(30)
        inside = inprocess.bench_bare_in_process(seed.sessions[-1000:])
        print(f"vote anatomy (in-process): {anatomy}; bare in-process: {inside}", flush=True)
        return {}
    if args.pages_only:  # which page, and which of its queries, grows with the data
        pages = inprocess.bench_dashboard(seed, sizes.dashboard, slowest=5)
        print(f"pages (in-process): {json.dumps(pages, indent=1)}", flush=True)
        return {}
    peers = seed_module.peer_questions(3)  # the tutorial view; vote-once on each server
    connections.close_all()
    live_voters = seed.sessions[sizes.watchers : sizes.watchers + sizes.live_votes]
    voters = seed.sessions[sizes.watchers + sizes.live_votes :]
    signers = seed.sessions[-sizes.signups :]
    per_server = min(4000, (len(voters) - 200) // 2)
    with (
        Workers(args.workers, env, tmp, "uvicorn") as asgi,
        Workers(args.workers, env, tmp, "gunicorn") as wsgi,
    ):
        servers = {"uvicorn": asgi, "gunicorn": wsgi}
        http = servers[args.http]
        log(f"uvicorn on {asgi.ports}, gunicorn on {wsgi.ports}; production HTTP: {args.http}")
        results["weight"] = load.bench_weight(
            http.ports[0],
            {
                "poll page": (f"/panel/vragen/{seed.vote_poll}/vraag/1/", voters[-1]),
                "training home": ("/training/", seed.professional_session),
            },
        )
        log(f"weight: {results['weight']}")
        for k, (name, server) in enumerate(servers.items()):

            def groups(server=server):
                return process_groups(workers=server.pids, database=DB_NAME)

            mine = voters[k * per_server : (k + 1) * per_server]
            ports, n = server.ports, args.concurrency
            row = results["http"][name] = {}
            row["bare"] = load.with_cpu(groups, load.bench_bare, ports, (mine * 2)[:8000], n)
            row["tutorial"] = load.with_cpu(
                groups, load.bench_peer, ports, mine, *peers[0], n, once=False
            )
            row["peer"] = load.with_cpu(
                groups, load.bench_peer, ports, mine, *peers[1 + k], n, once=True
            )
            row["votes"] = load.with_cpu(groups, load.bench_votes, ports, mine, seed.vote_poll, n)
            for key, value in row.items():
                log(f"{name} {key}: {value}")
        results["bare"] = results["http"][args.http]["bare"]
        results["votes"] = results["http"][args.http]["votes"]
        signup = load.bench_signups(http.ports, signers, seed.gesprek, args.concurrency)
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
            asgi.ports,
            [seed.werkgroep_session] * sizes.watchers,
            live_voters,
            seed.live_poll,
            "/ws/werkgroep/dashboard/",
            vote_ports=http.ports,
        )
        log(f"live: {results['live']}")
    results["bare_in_process"] = inprocess.bench_bare_in_process((voters * 2)[:1000])
    log(f"bare view in-process: {results['bare_in_process']}")
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
        "--http",
        choices=("gunicorn", "uvicorn"),
        default="gunicorn",
        help="the server that takes HTTP in production (the other is measured beside it)",
    )
    parser.add_argument(
        "--anatomy-only",
        action="store_true",
        help="only the in-process vote anatomy and bare view (no servers): about a minute",
    )
    parser.add_argument(
        "--pages-only",
        action="store_true",
        help="only the werkgroep and results pages at growing poll sizes, with the queries "
        "whose time grows the most (no servers): a few minutes",
    )
    parser.add_argument(
        "--profile",
        action="store_true",
        help="with --anatomy-only: a cProfile of the in-process votes (printed; figures skewed)",
    )
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
        log(
            f"database '{DB_NAME}' on {PG}, Redis {redis} (db {REDIS_DBS[0]} cache, db {REDIS_DBS[1]} channel layer)"
        )
        prepare(redis)
        results = measure(args, sizes, env, tmp)
        if not results:  # --anatomy-only or --pages-only printed their figures
            return 0
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

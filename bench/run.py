"""`make bench`: Mantelkring measured against its own limits, on this machine, in one run.

Starts the site the production way (N uvicorn worker processes on loopback ports, PostgreSQL
database `bench` with a connection pool, Redis cache and channel layer in their own Redis
databases), seeds 10,000 panel members, runs bounded load with an asyncio client on raw
sockets (loopback only; every phase stops by count and by time) and prints a table plus one
summary line. Nothing here is a test: it measures.

    python bench/run.py [--workers 2] [--quick]
"""

from __future__ import annotations

import argparse
import asyncio
import gzip
import json
import os
import platform
import re
import secrets
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.client import HttpConnection, WebSocket  # noqa: E402 (after the path is set)

DB_NAME = "bench"
PG = "postgres://postgres@127.0.0.1:5432"
CSRF = "benchcsrf" + "0123456789abcdef0123456"  # 32 letters/digits: a valid CSRF secret
MEMBERS = 10_000
WATCHERS = 500
LIVE_VOTES = 20
SIGNUPS = 2_000
DASHBOARD_SIZES = (1_000, 100_000, 1_000_000)

TARGETS = {
    "votes_per_s": 1000,
    "vote_ratio": 0.5,
    "signups_per_min": 2000,
    "dash_ratio": 1.5,
    "dash_ms": 200,
    "live_p95_ms": 250,
    "poll_page_kb": 60,
}


def log(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S', time.gmtime())} UTC] {message}", flush=True)


def pct(values: list[float], p: float) -> float:
    if not values:
        return float("nan")
    values = sorted(values)
    return values[min(len(values) - 1, round(p / 100 * (len(values) - 1)))]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


# Services -----------------------------------------------------------------------------------


def redis_base(tmp: Path) -> tuple[str, subprocess.Popen | None]:
    """The machine's Redis on 6379 if it answers, else a private redis-server on a free port."""
    try:
        with socket.create_connection(("127.0.0.1", 6379), timeout=1) as sock:
            sock.sendall(b"PING\r\n")
            if sock.recv(16).startswith(b"+PONG"):
                return "redis://127.0.0.1:6379", None
    except OSError:
        pass
    port = free_port()
    proc = subprocess.Popen(
        [
            shutil.which("redis-server") or "redis-server",
            "--bind",
            "127.0.0.1",
            "--port",
            str(port),
            "--save",
            "",
            "--appendonly",
            "no",
            "--dir",
            str(tmp),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return f"redis://127.0.0.1:{port}", proc
        except OSError:
            time.sleep(0.05)
    raise RuntimeError("could not start redis-server")


def recreate_database() -> None:
    import psycopg

    with psycopg.connect(f"{PG}/postgres", autocommit=True) as conn:
        conn.execute(f"DROP DATABASE IF EXISTS {DB_NAME} WITH (FORCE)")
        conn.execute(f"CREATE DATABASE {DB_NAME}")


def drop_database() -> None:
    import psycopg

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


class Workers:
    """N uvicorn processes, one per loopback port, as deploy/Procfile runs them."""

    def __init__(self, n: int, env: dict[str, str], logdir: Path):
        self.ports = [free_port() for _ in range(n)]
        self.env, self.logdir = env, logdir
        self.procs: list[subprocess.Popen] = []

    def __enter__(self):
        for port in self.ports:
            log_file = open(self.logdir / f"uvicorn-{port}.log", "wb")
            self.procs.append(
                subprocess.Popen(
                    [
                        sys.executable,
                        "-m",
                        "uvicorn",
                        "mantelkring.asgi:application",
                        "--host",
                        "127.0.0.1",
                        "--port",
                        str(port),
                        "--no-access-log",
                        "--lifespan",
                        "off",
                        "--log-level",
                        "warning",
                    ],
                    cwd=ROOT,
                    env={**os.environ, **self.env},
                    stdout=log_file,
                    stderr=subprocess.STDOUT,
                )
            )
        deadline = time.monotonic() + 60
        for port in self.ports:
            while True:
                try:
                    with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=1) as r:
                        if r.status == 200:
                            break
                except OSError:
                    pass
                if time.monotonic() > deadline:
                    raise RuntimeError(f"worker on port {port} did not start; see {self.logdir}")
                time.sleep(0.1)
        return self

    def __exit__(self, *exc):
        for proc in self.procs:
            proc.terminate()
        for proc in self.procs:
            try:
                proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                proc.kill()


# Load ---------------------------------------------------------------------------------------


async def run_load(
    items: list, *, ports: list[int], concurrency: int, max_seconds: float, one
) -> dict:
    """Send one request per item from `concurrency` keep-alive connections spread over the
    ports; stops when the items run out or after max_seconds. `one(conn, item)` -> bool ok."""
    queue = list(reversed(items))
    latencies: list[float] = []
    errors: list[str] = []
    deadline = time.monotonic() + max_seconds

    async def worker(index: int):
        conn = HttpConnection("127.0.0.1", ports[index % len(ports)])
        try:
            while queue and time.monotonic() < deadline:
                item = queue.pop()
                started = time.perf_counter()
                try:
                    ok = await one(conn, item)
                except Exception as error:  # noqa: BLE001 - counted and shown
                    ok, _ = False, errors.append(repr(error)[:200])
                    await conn.close()
                latencies.append(time.perf_counter() - started)
                if ok is not True:
                    errors.append(str(ok)[:200])
        finally:
            await conn.close()

    started = time.perf_counter()
    await asyncio.gather(*(worker(i) for i in range(concurrency)))
    elapsed = time.perf_counter() - started
    done = len(latencies)
    return {
        "requests": done,
        "errors": len(errors),
        "first_errors": errors[:3],
        "seconds": round(elapsed, 2),
        "per_s": round((done - len(errors)) / elapsed, 1),
        "p50_ms": round(pct(latencies, 50) * 1000, 1),
        "p95_ms": round(pct(latencies, 95) * 1000, 1),
    }


def _auth(conn: HttpConnection, session: str | None) -> dict[str, str]:
    conn.cookies = {"csrftoken": CSRF}
    if session:
        conn.cookies["sessionid"] = session
    return {"X-CSRFToken": CSRF}


def bench_bare(ports, sessions, concurrency) -> dict:
    async def one(conn, session):
        r = await conn.request("POST", "/bench/bare", form={}, headers=_auth(conn, session))
        return True if r.status == 200 else f"HTTP {r.status}"

    items = (sessions * 3)[:8000]
    return asyncio.run(
        run_load(items, ports=ports, concurrency=concurrency, max_seconds=25, one=one)
    )


def bench_votes(ports, sessions, poll_id, concurrency) -> dict:
    path = f"/panel/vragen/{poll_id}/versturen/"

    async def one(conn, session):
        r = await conn.request("POST", path, form={}, headers=_auth(conn, session))
        if r.status == 302 and r.headers.get("location", "").endswith("/bedankt/"):
            return True
        return f"HTTP {r.status} {r.headers.get('location', '')}"

    return asyncio.run(
        run_load(sessions, ports=ports, concurrency=concurrency, max_seconds=60, one=one)
    )


def bench_signups(ports, sessions, gesprek_id, concurrency) -> dict:
    path = f"/panel/gesprekken/{gesprek_id}/"

    async def one(conn, session):
        r = await conn.request(
            "POST", path, form={"topics": "Respijtzorg"}, headers=_auth(conn, session)
        )
        return True if r.status == 302 else f"HTTP {r.status}"

    return asyncio.run(
        run_load(sessions, ports=ports, concurrency=concurrency, max_seconds=60, one=one)
    )


def bench_live(ports, watcher_sessions, voter_sessions, poll_id, ws_path) -> dict:
    """500 websocket dashboards spread over the workers; each vote is timed from the moment its
    request is sent (an upper bound on vote-committed → message-received) to each arrival."""

    # Arrival times: wrap recv so each task stamps its own arrival.
    original = WebSocket.recv

    async def stamped(self):
        message = await original(self)
        self.arrived = time.perf_counter()
        return message

    async def scenario_stamped():
        sockets = []
        for i, session in enumerate(watcher_sessions):
            sockets.append(
                await WebSocket.connect(
                    "127.0.0.1", ports[i % len(ports)], ws_path, cookies={"sessionid": session}
                )
            )
        latencies, lost, votes, late, closed = [], 0, 0, set(), set()
        deadline = time.monotonic() + 150
        voter = HttpConnection("127.0.0.1", ports[0])
        for k, session in enumerate(voter_sessions):
            if time.monotonic() > deadline:
                break
            receivers = [asyncio.create_task(asyncio.wait_for(stamped(ws), 15)) for ws in sockets]
            await asyncio.sleep(0)
            await voter.close()
            voter.port = ports[k % len(ports)]
            sent = time.perf_counter()
            r = await voter.request(
                "POST",
                f"/panel/vragen/{poll_id}/versturen/",
                form={},
                headers=_auth(voter, session),
            )
            if r.status != 302:
                raise RuntimeError(f"live vote failed: HTTP {r.status}")
            votes += 1
            for ws, task in zip(sockets, receivers, strict=True):
                try:
                    await task
                    latencies.append(ws.arrived - sent)
                except TimeoutError:
                    lost += 1
                    late.add(id(ws))
                except (ConnectionError, asyncio.IncompleteReadError):
                    lost += 1
                    closed.add(id(ws))
        await voter.close()
        for ws in sockets:
            await ws.close()
        return latencies, lost, votes, len(late), len(closed)

    latencies, lost, votes, late, closed = asyncio.run(scenario_stamped())
    return {
        "clients": len(watcher_sessions),
        "votes": votes,
        "messages": len(latencies),
        "lost": lost,
        "sockets_timed_out": late,
        "sockets_closed": closed,
        "p50_ms": round(pct(latencies, 50) * 1000, 1),
        "p95_ms": round(pct(latencies, 95) * 1000, 1),
        "p99_ms": round(pct(latencies, 99) * 1000, 1),
    }


def bench_weight(port: int, pages: dict[str, tuple[str, str]]) -> dict:
    """Bytes of each page's HTML + the CSS and JS it links: as served (whitenoise gzip for
    static files, HTML gzipped as nginx does, level 5) and uncompressed."""

    async def measure(path, session):
        conn = HttpConnection("127.0.0.1", port)
        conn.cookies = {"sessionid": session}
        page = await conn.request("GET", path)
        if page.status != 200:
            raise RuntimeError(f"weight: {path} answered HTTP {page.status}")
        html = page.body
        assets = (
            re.findall(rb'<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"', html)
            + re.findall(rb'<link[^>]+href="([^"]+)"[^>]+rel="stylesheet"', html)
            + re.findall(rb'<script[^>]+src="([^"]+)"', html)
        )
        raw, zipped = len(html), len(gzip.compress(html, compresslevel=5))
        files = {}
        for href in dict.fromkeys(a.decode() for a in assets):
            plain = await conn.request("GET", href)
            packed = await conn.request("GET", href, headers={"Accept-Encoding": "gzip"})
            files[href] = (len(plain.body), len(packed.body))
            raw += len(plain.body)
            zipped += len(packed.body)
        await conn.close()
        return {
            "html_bytes": len(html),
            "assets": len(files),
            "raw_bytes": raw,
            "gzip_bytes": zipped,
        }

    async def all_pages():
        return {name: await measure(path, session) for name, (path, session) in pages.items()}

    return asyncio.run(all_pages())


def bench_vote_anatomy(seed, sessions: list[str]) -> dict:
    """Where a vote's time goes, in-process (no network, one at a time): queries, commits,
    database time, broadcast time. The sessions still hold a draft for the live poll."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from panel import events

    original = events.broadcast_poll_update
    spent = []

    def timed(poll_id):
        t = time.perf_counter()
        original(poll_id)
        spent.append(time.perf_counter() - t)

    events.broadcast_poll_update = timed
    client = Client()
    totals, queries, commits, db_time, cpu_times = [], [], [], [], []
    try:
        for session in sessions:
            client.cookies["sessionid"] = session
            client.cookies["csrftoken"] = CSRF
            with CaptureQueriesContext(connection) as ctx:
                t, cpu = time.perf_counter(), time.process_time()
                response = client.post(
                    f"/panel/vragen/{seed.live_poll}/versturen/", {}, HTTP_X_CSRFTOKEN=CSRF
                )
                totals.append(time.perf_counter() - t)
                cpu_times.append(time.process_time() - cpu)
            if response.status_code != 302:
                raise RuntimeError(f"anatomy vote: HTTP {response.status_code}")
            sql = [q for q in ctx.captured_queries if q["sql"] not in ("BEGIN",)]
            queries.append(
                sum(1 for q in sql if not q["sql"].startswith(("COMMIT", "SAVEPOINT", "RELEASE")))
            )
            commits.append(sum(1 for q in sql if q["sql"].startswith("COMMIT")))
            db_time.append(sum(float(q["time"]) for q in ctx.captured_queries))
    finally:
        events.broadcast_poll_update = original
    return {
        "votes": len(totals),
        "ms_per_vote": round(statistics.median(totals) * 1000, 1),
        "cpu_ms": round(statistics.median(cpu_times) * 1000, 1),
        "queries": statistics.median(queries),
        "commits": statistics.median(commits),
        "db_ms": round(statistics.median(db_time) * 1000, 1),
        "broadcast_ms": round(statistics.median(spent) * 1000, 1) if spent else None,
    }


# Dashboard (in-process) ---------------------------------------------------------------------


def bench_dashboard(seed, sizes) -> dict:
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from bench.seed import results_poll_with_votes
    from panel import selectors
    from panel.models import PanelMember, Participation

    viewer = PanelMember.objects.get(pk=seed.member_ids[0])
    member_client = Client()
    member_client.cookies["sessionid"] = seed.sessions[0]
    werkgroep_client = Client()
    werkgroep_client.cookies["sessionid"] = seed.werkgroep_session
    poll_id = None
    out = {}
    for size in sizes:
        started = time.perf_counter()
        poll_id = results_poll_with_votes(size - (1 if poll_id is None else 0), poll_id=poll_id)
        Participation.objects.get_or_create(poll_id=poll_id, member=viewer)
        log(f"  {size:,} votes in place ({time.perf_counter() - started:.1f}s)")
        pages = {
            "results page": (member_client, f"/panel/vragen/{poll_id}/uitslag/"),
            "werkgroep dashboard": (werkgroep_client, "/werkgroep/"),
            "werkgroep results": (werkgroep_client, f"/werkgroep/peilingen/{poll_id}/"),
        }
        row = {}
        for name, (client, path) in pages.items():
            timings, queries, status = [], None, None
            for _ in range(9):
                with CaptureQueriesContext(connection) as ctx:
                    t = time.perf_counter()
                    response = client.get(path)
                    timings.append(time.perf_counter() - t)
                status = response.status_code
                queries = len(ctx.captured_queries)
            row[name] = {
                "ms": round(statistics.median(timings[2:]) * 1000, 1),
                "queries": queries,
                "status": status,
            }
        timings = []
        for _ in range(7):
            t = time.perf_counter()
            selectors.poll_results(poll_id=poll_id)
            timings.append(time.perf_counter() - t)
        row["poll_results selector"] = {
            "ms": round(statistics.median(timings) * 1000, 1),
            "queries": None,
            "status": None,
        }
        out[size] = row
    return out


# Report -------------------------------------------------------------------------------------


def machine() -> str:
    try:
        with open("/proc/cpuinfo") as info:
            cpu = next(
                line.split(":", 1)[1].strip() for line in info if line.startswith("model name")
            )
    except (OSError, StopIteration):
        cpu = "?"
    mem = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return f"{os.cpu_count()} cores ({cpu}), {mem:.0f} GiB, Python {platform.python_version()}, load {os.getloadavg()[0]:.1f}"


def verdict(ok: bool) -> str:
    return "OK" if ok else "MISS"


def report(r: dict) -> str:
    lines = [
        "",
        "=" * 78,
        f"Mantelkring bench — {r['machine']}",
        (
            f"workers: {r['workers']} × uvicorn, "
            f"PostgreSQL db '{DB_NAME}' (pool), Redis cache db 3 + channel layer db 9"
        ),
        "=" * 78,
    ]
    b, v = r["bare"], r["votes"]
    ratio = v["per_s"] / b["per_s"] if b["per_s"] else 0
    lines += [
        f"{'figure':34} {'measured':>26}  {'target':>16}",
        f"{'bare view req/s (p50/p95 ms)':34} {b['per_s']:>10} ({b['p50_ms']}/{b['p95_ms']}){'':>6}  {'':>16}",
        f"{'votes/s (p50/p95 ms)':34} {v['per_s']:>10} ({v['p50_ms']}/{v['p95_ms']}){'':>6}  {'>= 1000':>16} {verdict(v['per_s'] >= 1000)}",
        f"{'votes / bare view':34} {ratio:>26.2f}  {'>= 0.5':>16} {verdict(ratio >= 0.5)}",
    ]
    s = r["signups"]
    lines.append(
        f"{'sign-ups/min (registered/waiting)':34} {s['per_min']:>12} ({s['registered']}/{s['waiting']}){'':>4}  "
        f"{'>= 2000, 10 reg.':>16} {verdict(s['per_min'] >= 2000 and s['exact'])}"
    )
    d = r["dashboard"]
    for page in (
        "werkgroep dashboard",
        "werkgroep results",
        "results page",
        "poll_results selector",
    ):
        small, big = d[DASHBOARD_SIZES[0]][page], d[DASHBOARD_SIZES[-1]][page]
        times = "/".join(str(d[n][page]["ms"]) for n in DASHBOARD_SIZES)
        queries = "/".join(str(d[n][page]["queries"]) for n in DASHBOARD_SIZES)
        grow = big["ms"] / small["ms"] if small["ms"] else 0
        ok = grow <= 1.5 and big["ms"] <= 200 and len(set(queries.split("/"))) == 1
        lines.append(
            f"{page + ' ms 1k/100k/1M':34} {times:>26}  {'1M<=1.5x1k,<=200':>16} {verdict(ok)}"
        )
        if page != "poll_results selector":
            lines.append(f"{'  queries 1k/100k/1M':34} {queries:>26}  {'equal':>16}")
    live = r["live"]
    lines.append(
        f"{'live p50/p95/p99 ms':34} {live['p50_ms']}/{live['p95_ms']}/{live['p99_ms']:>10}  {'p95 < 250':>16} {verdict(live['p95_ms'] < 250)}"
    )
    lines.append(
        f"{'  clients/votes/messages/lost':34} {live['clients']}/{live['votes']}/{live['messages']}/{live['lost']:>8}"
    )
    for name, w in r["weight"].items():
        lines.append(
            f"{'weight ' + name + ' KB gzip (raw)':34} {w['gzip_bytes'] / 1024:>14.1f} ({w['raw_bytes'] / 1024:.1f})"
            f"{'':>6}  {'<= 60 KB' if name == 'poll page' else '':>16} "
            f"{verdict(w['gzip_bytes'] <= 60 * 1024) if name == 'poll page' else ''}"
        )
    a = r["anatomy"]
    lines.append(
        f"{'vote anatomy (in-process, median)':34} {a['ms_per_vote']} ms ({a['cpu_ms']} ms CPU), {a['queries']} queries, "
        f"{a['commits']} commits, db {a['db_ms']} ms, broadcast {a['broadcast_ms']} ms"
    )
    lines.append(f"run time: {r['seconds']:.0f} s")

    def dash(page):
        small, big = d[DASHBOARD_SIZES[0]][page], d[DASHBOARD_SIZES[-1]][page]
        grow = big["ms"] / small["ms"] if small["ms"] else float("inf")
        ok = grow <= 1.5 and big["ms"] <= 200 and small["queries"] == big["queries"]
        return (
            f"{page} 1M {big['ms']}ms = {grow:.1f}x 1k, q {small['queries']}->{big['queries']}",
            ok,
        )

    dash_parts = [dash(p) for p in ("werkgroep dashboard", "werkgroep results", "results page")]
    dash_text = "; ".join(t for t, _ in dash_parts)
    dash_ok = all(ok for _, ok in dash_parts)
    poll_w = r["weight"]["poll page"]["gzip_bytes"] / 1024
    summary = (
        f"SUMMARY votes {v['per_s']:.0f}/s (>=1000 {verdict(v['per_s'] >= 1000)}), "
        f"{ratio:.2f}x bare (>=0.5 {verdict(ratio >= 0.5)}); "
        f"sign-ups {s['per_min']:.0f}/min {s['registered']}+{s['waiting']} (>=2000 exact {verdict(s['per_min'] >= 2000 and s['exact'])}); "
        f"{dash_text} (<=1.5x, <=200ms, same queries {verdict(dash_ok)}); "
        f"live p95 {live['p95_ms']}ms (<250 {verdict(live['p95_ms'] < 250)}); "
        f"poll page {poll_w:.1f}KB gz (<=60 {verdict(poll_w <= 60)})"
    )
    lines += ["-" * 78, summary]
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--concurrency", type=int, default=48)
    parser.add_argument("--quick", action="store_true", help="smaller sizes, for trying the script")
    args = parser.parse_args()
    global MEMBERS, SIGNUPS, DASHBOARD_SIZES, WATCHERS, LIVE_VOTES
    if args.quick:
        MEMBERS, SIGNUPS, DASHBOARD_SIZES, WATCHERS, LIVE_VOTES = (
            2_000,
            400,
            (1_000, 10_000, 50_000),
            100,
            5,
        )
    # A stopped bench still stops its workers, its Redis and drops its database.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    started = time.monotonic()
    tmp = Path(tempfile.mkdtemp(prefix="mantelkring-bench-"))
    redis, private_redis = redis_base(tmp)
    env = bench_env(redis)
    os.environ.update(env)
    results: dict = {"machine": machine(), "workers": args.workers}
    try:
        log(f"database '{DB_NAME}' on {PG}, Redis {redis} (db 3 cache, db 9 channel layer)")
        recreate_database()
        import redis as redis_lib

        for db in (3, 9):
            redis_lib.Redis.from_url(f"{redis}/{db}").flushdb()
        for command in (
            ["migrate", "--noinput", "-v", "0"],
            ["collectstatic", "--noinput", "-v", "0"],
        ):
            subprocess.run(
                [sys.executable, "manage.py", *command], cwd=ROOT, env={**os.environ}, check=True
            )
        import django

        django.setup()
        from bench.seed import seed as make_seed

        t = time.perf_counter()
        seed = make_seed(members=MEMBERS, watchers=WATCHERS)
        log(f"seeded {MEMBERS:,} members with sessions in {time.perf_counter() - t:.1f}s")
        from django.db import connections

        connections.close_all()
        live_voters = seed.sessions[WATCHERS : WATCHERS + LIVE_VOTES]
        voters = seed.sessions[WATCHERS + LIVE_VOTES :]
        signers = seed.sessions[-SIGNUPS:]
        with Workers(args.workers, env, tmp) as workers:
            log(f"{args.workers} uvicorn workers on ports {workers.ports}")
            results["weight"] = bench_weight(
                workers.ports[0],
                {
                    "poll page": (f"/panel/vragen/{seed.vote_poll}/vraag/1/", voters[-1]),
                    "training home": ("/training/", seed.professional_session),
                },
            )
            log(f"weight: {results['weight']}")
            results["bare"] = bench_bare(workers.ports, voters, args.concurrency)
            log(f"bare view: {results['bare']}")
            results["votes"] = bench_votes(workers.ports, voters, seed.vote_poll, args.concurrency)
            log(f"votes: {results['votes']}")
            signup = bench_signups(workers.ports, signers, seed.gesprek, args.concurrency)
            from panel.models import Participation, Registration

            counts = {
                s: Registration.objects.filter(gesprek_id=seed.gesprek, status=s).count()
                for s in ("registered", "waiting")
            }
            stored_votes = Participation.objects.filter(poll_id=seed.vote_poll).count()
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
            results["live"] = bench_live(
                workers.ports,
                [seed.werkgroep_session] * WATCHERS,
                live_voters,
                seed.live_poll,
                "/ws/werkgroep/dashboard/",
            )
            log(f"live: {results['live']}")
        results["anatomy"] = bench_vote_anatomy(seed, voters[-200:])
        log(f"vote anatomy (in-process): {results['anatomy']}")
        log(
            "dashboard: growing one poll to "
            + ", ".join(f"{n:,}" for n in DASHBOARD_SIZES)
            + " votes"
        )
        results["dashboard"] = bench_dashboard(seed, DASHBOARD_SIZES)
        log(f"dashboard: {results['dashboard']}")
        connections.close_all()
        results["seconds"] = time.monotonic() - started
        print(report(results), flush=True)
        out = ROOT / "bench" / "results"
        out.mkdir(exist_ok=True)
        (out / "latest.json").write_text(json.dumps(results, indent=2, default=str))
        return 0
    finally:
        try:
            from django.db import connections

            connections.close_all()
        except Exception as error:  # noqa: BLE001 - cleaning up; the database is dropped next
            log(f"closing connections: {error!r}")
        drop_database()
        if private_redis is not None:
            private_redis.terminate()
            private_redis.wait(timeout=10)
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())

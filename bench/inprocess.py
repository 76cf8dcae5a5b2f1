"""Measurements inside this process, through Django's test client (no network).

Import this module only after django.setup(): it imports the apps' models.
"""

from __future__ import annotations

import statistics
import time

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from bench.load import CSRF, MEMBER_COOKIES
from bench.report import log
from bench.seed import results_poll_with_votes
from panel import events, selectors
from panel.models import PanelMember, Participation


def bench_bare_in_process(sessions: list[str]) -> dict:
    """CPU per bare request through Django's synchronous handler in this process (the test
    client: same settings, middleware, cookies and database; no server, no network)."""
    client = Client(enforce_csrf_checks=True)
    client.cookies["csrftoken"] = CSRF

    def login(session):
        client.cookies["sessionid"] = session
        for name, value in MEMBER_COOKIES.get(session, {}).items():
            client.cookies[name] = value

    for session in sessions[:50]:  # warm-up
        login(session)
        client.post("/bench/bare", {}, HTTP_X_CSRFTOKEN=CSRF)
    cpu, wall = time.process_time(), time.perf_counter()
    for session in sessions:
        login(session)
        response = client.post("/bench/bare", {}, HTTP_X_CSRFTOKEN=CSRF)
        if response.status_code != 200:
            raise RuntimeError(f"in-process bare view: HTTP {response.status_code}")
    return {
        "requests": len(sessions),
        "cpu_ms": round((time.process_time() - cpu) * 1000 / len(sessions), 2),
        "wall_ms": round((time.perf_counter() - wall) * 1000 / len(sessions), 2),
    }


def bench_vote_anatomy(seed, sessions: list[str], profiler=None) -> dict:
    """Where a vote's time goes, in-process (no network, one at a time): queries, commits,
    database time, broadcast time. The sessions still hold a draft for the live poll.
    With a profiler (cProfile.Profile), the votes themselves are profiled (not the timing)."""
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
            for name, value in MEMBER_COOKIES.get(session, {}).items():
                client.cookies[name] = value
            with CaptureQueriesContext(connection) as ctx:
                t, cpu = time.perf_counter(), time.process_time()
                if profiler is not None:
                    profiler.enable()
                response = client.post(
                    f"/panel/vragen/{seed.live_poll}/versturen/", {}, HTTP_X_CSRFTOKEN=CSRF
                )
                if profiler is not None:
                    profiler.disable()
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


def bench_dashboard(seed, sizes, slowest: int = 0) -> dict:
    """Each page's median server time and query count at each poll size; with `slowest`,
    also that many of its slowest queries of the last request (time in ms, SQL shortened)."""
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
            # every indicator over the last twelve months, against the twelve before
            "werkgroep monitor": (werkgroep_client, "/werkgroep/monitor/"),
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
            if slowest:
                ranked = sorted(ctx.captured_queries, key=lambda q: -float(q["time"]))
                row[name]["slowest"] = [
                    (round(float(q["time"]) * 1000, 1), q["sql"][:160]) for q in ranked[:slowest]
                ]
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

"""The benchmark's report: the table and the one-line summary printed at the end of a run."""

from __future__ import annotations

import os
import platform
import time


def log(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S', time.gmtime())} UTC] {message}", flush=True)


def pct(values: list[float], p: float) -> float:
    if not values:
        return float("nan")
    values = sorted(values)
    return values[min(len(values) - 1, round(p / 100 * (len(values) - 1)))]


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


def vote_peer_ratio(r: dict, server: str) -> float:
    """Panel votes per second ÷ tutorial + unique row per second, on one server."""
    row = r["http"][server]
    return row["votes"]["per_s"] / row["peer"]["per_s"] if row["peer"]["per_s"] else 0.0


def vote_peer_cpu(r: dict, server: str) -> float:
    """Worker CPU per panel vote ÷ per tutorial + unique row (steadier than the rates)."""
    row = r["http"][server]
    peer = row["peer"]["cpu_ms"]["workers"]
    return row["votes"]["cpu_ms"]["workers"] / peer if peer else 0.0


def bare_cpu_ratio(r: dict, server: str) -> float:
    """Worker CPU per bare request through the server ÷ per bare request in-process."""
    inside = r["bare_in_process"]["cpu_ms"]
    return r["http"][server]["bare"]["cpu_ms"]["workers"] / inside if inside else 0.0


def http_table(r: dict) -> str:
    """Each view on each server: rate, latency and CPU per request by process group."""
    groups = ("workers", "postgres", "redis", "client", "other", "total")
    lines = [
        "same client, cookies and database; CPU in ms per successful request",
        f"{'server / view':32} {'req/s':>7} {'p50 ms':>7} "
        + " ".join(f"{g[:8]:>8}" for g in groups),
    ]
    names = {
        "bare": "bare (SELECT 1)",
        "tutorial": "tutorial vote",
        "peer": "tutorial + unique row",
        "votes": "panel vote",
    }
    for server, row in r["http"].items():
        for key, label in names.items():
            x = row[key]
            lines.append(
                f"{server + ' ' + label:32} {x['per_s']:>7} {x['p50_ms']:>7} "
                + " ".join(f"{x['cpu_ms'][g]:>8}" for g in groups)
                + (f"  ({x['errors']} errors)" if x["errors"] else "")
            )
    inside = r["bare_in_process"]
    lines.append(
        f"{'in-process bare (sync handler)':32} {'':>7} {inside['wall_ms']:>7} {inside['cpu_ms']:>8}"
    )
    for server in r["http"]:
        lines.append(
            f"{server}: vote/peer {vote_peer_ratio(r, server):.2f} "
            f"(CPU {vote_peer_cpu(r, server):.2f}), "
            f"bare server/in-process CPU {bare_cpu_ratio(r, server):.1f}"
        )
    return "\n".join(lines)


def report(r: dict) -> str:
    lines = [
        "",
        "=" * 78,
        f"Mantelkring bench — {r['machine']}",
        (
            f"HTTP: {r['http_server']} ({r['workers']} workers); websockets: {r['workers']} × "
            f"uvicorn; PostgreSQL db '{r['database']}' (pool), Redis cache db "
            f"{r['redis_dbs'][0]} + channel layer db {r['redis_dbs'][1]}"
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
    sizes = sorted(d)  # votes in the poll at each step: 1k/100k/1M in a full run
    for page in (
        "werkgroep dashboard",
        "werkgroep results",
        "werkgroep monitor",
        "results page",
        "poll_results selector",
    ):
        small, big = d[sizes[0]][page], d[sizes[-1]][page]
        times = "/".join(str(d[n][page]["ms"]) for n in sizes)
        queries = "/".join(str(d[n][page]["queries"]) for n in sizes)
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
    lines += ["", http_table(r), ""]
    a = r["anatomy"]
    lines.append(
        f"{'vote anatomy (in-process, median)':34} {a['ms_per_vote']} ms ({a['cpu_ms']} ms CPU), {a['queries']} queries, "
        f"{a['commits']} commits, db {a['db_ms']} ms, broadcast {a['broadcast_ms']} ms"
    )
    lines.append(f"run time: {r['seconds']:.0f} s")

    def dash(page):
        small, big = d[sizes[0]][page], d[sizes[-1]][page]
        grow = big["ms"] / small["ms"] if small["ms"] else float("inf")
        ok = grow <= 1.5 and big["ms"] <= 200 and small["queries"] == big["queries"]
        return (
            f"{page} 1M {big['ms']}ms = {grow:.1f}x 1k, q {small['queries']}->{big['queries']}",
            ok,
        )

    dash_parts = [
        dash(p)
        for p in ("werkgroep dashboard", "werkgroep results", "werkgroep monitor", "results page")
    ]
    dash_text = "; ".join(t for t, _ in dash_parts)
    dash_ok = all(ok for _, ok in dash_parts)
    poll_w = r["weight"]["poll page"]["gzip_bytes"] / 1024
    server = r["http_server"]
    other = "uvicorn" if server == "gunicorn" else "gunicorn"
    vote_peer, bare_cpu = vote_peer_ratio(r, server), bare_cpu_ratio(r, server)
    summary = (
        f"SUMMARY {server}: vote/peer={vote_peer:.2f} (>=1.0 {verdict(vote_peer >= 1.0)}), "
        f"bare server/in-process CPU={bare_cpu:.1f} (<=3 {verdict(bare_cpu <= 3)}), "
        f"vote/peer CPU={vote_peer_cpu(r, server):.2f} "
        f"[{other}: vote/peer={vote_peer_ratio(r, other):.2f}, "
        f"bare server/in-process CPU={bare_cpu_ratio(r, other):.1f}]; "
        f"votes {v['per_s']:.0f}/s (>=1000 {verdict(v['per_s'] >= 1000)}), "
        f"{ratio:.2f}x bare (>=0.5 {verdict(ratio >= 0.5)}); "
        f"sign-ups {s['per_min']:.0f}/min {s['registered']}+{s['waiting']} (>=2000 exact {verdict(s['per_min'] >= 2000 and s['exact'])}); "
        f"{dash_text} (<=1.5x, <=200ms, same queries {verdict(dash_ok)}); "
        f"live p95 {live['p95_ms']}ms (<250 {verdict(live['p95_ms'] < 250)}); "
        f"poll page {poll_w:.1f}KB gz (<=60 {verdict(poll_w <= 60)})"
    )
    lines += ["-" * 78, summary]
    return "\n".join(lines)

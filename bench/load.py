"""Load over the network: bounded scenarios against running worker processes.

Every scenario talks only to loopback ports (bench/client.py refuses anything else) and
stops by count and by time. Results are plain dicts for bench/report.py.
"""

from __future__ import annotations

import asyncio
import gzip
import re
import time

from bench.client import HttpConnection, WebSocket
from bench.report import pct

CSRF = "benchcsrf" + "0123456789abcdef0123456"  # 32 letters/digits: a valid CSRF secret


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

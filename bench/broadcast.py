"""CPU and wall time of `broadcast_poll_update`, as a request thread pays it (not a test).

    REDIS_CHANNEL_URL=redis://127.0.0.1:6379/7 python bench/broadcast.py [--calls 1000]

Calls it N times from this (sync, serverless) thread, as gunicorn's request threads do,
spread over a few polls (in a burst, or --spaced apart so that no two calls share a send),
and prints the CPU of the whole process per call (every thread,
so a background sender's work is counted too) and the caller's wall time per call. If the
module offers `flush`, the time to deliver what is still pending is included.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mantelkring.settings")
os.environ.setdefault("REDIS_URL", "redis://127.0.0.1:6379/6")
os.environ.setdefault("REDIS_CHANNEL_URL", "redis://127.0.0.1:6379/7")

import django  # noqa: E402 (after the environment is set)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--calls", type=int, default=1000)
    parser.add_argument("--polls", type=int, default=3)
    parser.add_argument(
        "--spaced",
        type=float,
        default=0.0,
        help="seconds between calls (e.g. 0.06: no two calls share a send); 0 = a burst",
    )
    args = parser.parse_args()
    django.setup()
    from panel import events  # after setup (bench/ may import in functions)

    for poll_id in range(args.polls):  # warm-up: connections, imports
        events.broadcast_poll_update(poll_id)
    flush = getattr(events, "flush", None)
    if flush:
        flush(5)
    cpu, caller_wall = time.process_time(), 0.0
    for n in range(args.calls):
        wall = time.perf_counter()
        events.broadcast_poll_update(n % args.polls)
        caller_wall += time.perf_counter() - wall
        if args.spaced:
            time.sleep(args.spaced)
    if flush:
        flush(5)
    cpu = time.process_time() - cpu
    print(
        f"{args.calls} calls over {args.polls} polls, {args.spaced}s apart "
        f"({os.environ['REDIS_CHANNEL_URL']}): "
        f"{cpu * 1000 / args.calls:.3f} ms CPU per call (whole process), "
        f"{caller_wall * 1000 / args.calls:.3f} ms caller wall per call"
    )


if __name__ == "__main__":
    main()

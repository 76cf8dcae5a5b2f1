"""Readiness check for load balancers and monitoring: /readyz.

/healthz (mantelkring.views) is the liveness check: 200 when the database answers.
/readyz also looks at Redis (cache and channel layer). Redis being down does not make the
site unusable (votes and sign-ups are stored, pages are served, only live updates pause), so
readiness is 503 only when the database is unreachable; a Redis outage is reported as
"degraded" with status 200, for monitoring to alert on without taking workers out of rotation.
"""

import time

import redis
from django.conf import settings
from django.db import connection
from django.http import HttpRequest, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET


def _check_database() -> str:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception:  # noqa: BLE001 - any failure means unreachable
        return "unreachable"
    return "ok"


def _ping(url: str) -> str:
    try:
        client = redis.Redis.from_url(url, socket_connect_timeout=0.5, socket_timeout=0.5)
        try:
            client.ping()
        finally:
            client.close()
    except Exception:  # noqa: BLE001 - any failure means unreachable
        return "unreachable"
    return "ok"


def _check_cache() -> str:
    url = getattr(settings, "REDIS_URL", "")
    return _ping(url) if url else "local"


def _check_channel_layer() -> str:
    url = getattr(settings, "REDIS_CHANNEL_URL", "") or getattr(settings, "REDIS_URL", "")
    return _ping(url) if url else "in-memory"


@never_cache
@require_GET
def readyz(request: HttpRequest) -> JsonResponse:
    started = time.perf_counter()
    checks = {
        "database": _check_database(),
        "cache": _check_cache(),
        "channel_layer": _check_channel_layer(),
    }
    if checks["database"] != "ok":
        status, code = "error", 503
    elif "unreachable" in checks.values():
        status, code = "degraded", 200
    else:
        status, code = "ok", 200
    return JsonResponse(
        {"status": status, **checks, "ms": round((time.perf_counter() - started) * 1000, 1)},
        status=code,
    )

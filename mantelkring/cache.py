"""A Redis cache that fails open: when Redis is down the site keeps working.

The cache holds only things we can lose (rate-limit counters, cached fragments). Django's
RedisCache raises on a connection error, which would turn every login or vote into a 500
while Redis is down. This backend logs the outage, answers as if the key were missing (and as if
`add` succeeded, so cache-based locks such as allauth's rate-limit lock fail open too) and
stops trying for a few seconds (a small circuit breaker), so a dead or hanging Redis costs at
most one short timeout per process every BREAKER_SECONDS instead of one per request.
"""

import logging
import threading
import time

from django.core.cache.backends.redis import RedisCache, RedisCacheClient
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger("mantelkring.cache")

_OUTAGE_ERRORS = (RedisConnectionError, RedisTimeoutError, OSError)


class OneClientPerPool(RedisCacheClient):
    """Django's Redis cache client, keeping one redis.Redis per connection pool.

    Django builds a new redis.Redis for every operation, and redis-py's constructor fills a
    table of ~170 response callbacks each time: about 0.06 ms CPU, twice the GET itself, on
    every request that reads a poll's version token. A redis.Redis may be shared between
    threads (each command takes its own connection from the pool; after a fork the pool
    starts afresh by itself)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients: dict[int, object] = {}

    def get_client(self, key=None, *, write=False):
        # django-stubs leave out the private helpers this uses (they are Django's own).
        pool = self._get_connection_pool(write)  # type: ignore[attr-defined]
        client = self._clients.get(id(pool))  # pools live as long as this object
        if client is None:
            new = self._client(connection_pool=pool)  # type: ignore[attr-defined]
            client = self._clients.setdefault(id(pool), new)
        return client


class ResilientRedisCache(RedisCache):
    BREAKER_SECONDS = 5.0

    def __init__(self, server, params):
        options = dict(params.get("OPTIONS", {}))
        self.breaker_seconds = float(options.pop("BREAKER_SECONDS", self.BREAKER_SECONDS))
        # Short socket timeouts: a hanging Redis must not hold requests for long.
        options.setdefault("socket_connect_timeout", 0.5)
        options.setdefault("socket_timeout", 0.5)
        super().__init__(server, {**params, "OPTIONS": options})
        self._class = OneClientPerPool
        self._open_until = 0.0
        self._lock = threading.Lock()

    @property
    def available(self) -> bool:
        """False while the breaker is open (Redis failed less than BREAKER_SECONDS ago)."""
        return time.monotonic() >= self._open_until

    def _guard(self, name, fallback, call):
        if not self.available:
            return fallback()
        try:
            return call()
        except _OUTAGE_ERRORS as error:
            with self._lock:
                if self.available:
                    logger.warning(
                        "Redis cache unreachable (%s: %s); failing open for %.0fs",
                        name,
                        error,
                        self.breaker_seconds,
                    )
                self._open_until = time.monotonic() + self.breaker_seconds
            return fallback()

    def add(self, key, value, timeout=None, version=None):
        return self._guard(
            "add",
            lambda: True,
            lambda: super(ResilientRedisCache, self).add(key, value, timeout, version),
        )

    def get(self, key, default=None, version=None):
        return self._guard(
            "get",
            lambda: default,
            lambda: super(ResilientRedisCache, self).get(key, default, version),
        )

    def set(self, key, value, timeout=None, version=None):
        return self._guard(
            "set",
            lambda: None,
            lambda: super(ResilientRedisCache, self).set(key, value, timeout, version),
        )

    def touch(self, key, timeout=None, version=None):
        return self._guard(
            "touch",
            lambda: False,
            lambda: super(ResilientRedisCache, self).touch(key, timeout, version),
        )

    def delete(self, key, version=None):
        return self._guard(
            "delete", lambda: False, lambda: super(ResilientRedisCache, self).delete(key, version)
        )

    def get_many(self, keys, version=None):
        return self._guard(
            "get_many", dict, lambda: super(ResilientRedisCache, self).get_many(keys, version)
        )

    def has_key(self, key, version=None):
        return self._guard(
            "has_key", lambda: False, lambda: super(ResilientRedisCache, self).has_key(key, version)
        )

    def incr(self, key, delta=1, version=None):
        return self._guard(
            "incr",
            lambda: delta,
            lambda: super(ResilientRedisCache, self).incr(key, delta, version),
        )

    def set_many(self, data, timeout=None, version=None):
        return self._guard(
            "set_many",
            lambda: list(data),
            lambda: super(ResilientRedisCache, self).set_many(data, timeout, version),
        )

    def delete_many(self, keys, version=None):
        return self._guard(
            "delete_many",
            lambda: None,
            lambda: super(ResilientRedisCache, self).delete_many(keys, version),
        )

    def clear(self):
        return self._guard("clear", lambda: False, lambda: super(ResilientRedisCache, self).clear())

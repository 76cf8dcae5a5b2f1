"""CI's second pass must really run on PostgreSQL and Redis: fail loudly, never skip."""

import os

from django.conf import settings
from django.db import connection


def test_the_suite_runs_on_the_engines_it_was_asked_for(db):
    if os.environ.get("MANTELKRING_REQUIRE_SERVICES") == "1":
        import redis

        assert connection.vendor == "postgresql"
        assert (
            settings.CHANNEL_LAYERS["default"]["BACKEND"] == "channels_redis.core.RedisChannelLayer"
        )
        assert redis.Redis.from_url(settings.REDIS_URL).ping()
    else:
        # The default run (`make run`, `make test`) needs neither PostgreSQL nor Redis.
        assert connection.vendor == "sqlite"
        assert (
            settings.CHANNEL_LAYERS["default"]["BACKEND"] == "channels.layers.InMemoryChannelLayer"
        )

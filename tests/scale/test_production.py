"""The production setup: deploy checks, readiness, a cache that fails open, e-mail via tasks."""

import os
import subprocess
import sys

import pytest
from django.core import mail
from django.core.cache import caches
from django.test import override_settings
from django.urls import reverse

from bench.processes import ROOT, free_port
from mantelkring.cache import ResilientRedisCache


def _env_example() -> dict[str, str]:
    values = {}
    for line in (ROOT / "deploy" / "env.example").read_text().splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            name, _, value = line.partition("=")
            values[name] = value
    return values


def _manage(*args, env: dict[str, str], timeout: int = 120) -> subprocess.CompletedProcess:
    full_env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("DJANGO_", "DATABASE_", "REDIS_", "DB_", "MANTELKRING_"))
    }
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        check=False,
        cwd=ROOT,
        env={**full_env, **env},
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def test_deploy_check_is_clean_with_the_example_production_environment():
    env = _env_example()
    env["DJANGO_SECRET_KEY"] = (
        "k" + "Zq3_9xVb-T1m" * 5
    )  # 61 characters, varied: what check --deploy asks
    result = _manage("check", "--deploy", "--fail-level", "WARNING", env=env)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_settings_use_pool_resilient_cache_and_separate_channel_db():
    env = {**_env_example(), "DJANGO_SECRET_KEY": "x" * 60}
    code = (
        "from django.conf import settings as s;"
        "print(s.DATABASES['default']['OPTIONS']['pool']['max_size'], s.DATABASES['default']['CONN_MAX_AGE']);"
        "print(s.CACHES['default']['BACKEND']);"
        "h = s.CHANNEL_LAYERS['default']['CONFIG']['hosts'][0];"
        "print(h['address'], h['socket_timeout'] > 5, h['max_connections'] > 100);"
        "print(s.MAILERS['default']['BACKEND'], 'django_tasks_db' in s.INSTALLED_APPS)"
    )
    result = _manage("shell", "--no-imports", "-c", code, env=env)
    assert result.returncode == 0, result.stderr
    assert (
        result.stdout.split("\n")[:4]
        == [
            "16 0",
            "mantelkring.cache.ResilientRedisCache",
            "redis://127.0.0.1:6379/1 True True",  # above channels-redis's 5 s pop and redis-py's 100 cap
            "mantelkring.mail.QueuedEmailBackend True",
        ]
    )


@pytest.mark.django_db
def test_readyz_is_ok_when_everything_answers(client):
    with override_settings(REDIS_URL="", REDIS_CHANNEL_URL=""):
        response = client.get(reverse("readyz"))
    assert response.status_code == 200
    assert response.json()["status"] == "ok"
    assert response.json()["database"] == "ok"


@pytest.mark.django_db
def test_readyz_reports_redis_down_as_degraded_not_as_unavailable(client):
    dead = f"redis://127.0.0.1:{free_port()}/0"
    with override_settings(REDIS_URL=dead, REDIS_CHANNEL_URL=dead):
        response = client.get(reverse("readyz"))
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "degraded"
    assert body["cache"] == "unreachable"
    assert body["channel_layer"] == "unreachable"
    assert body["database"] == "ok"


def test_resilient_cache_answers_like_an_empty_cache_when_redis_is_down():
    cache = ResilientRedisCache(f"redis://127.0.0.1:{free_port()}/0", {})
    assert cache.get("k", "fallback") == "fallback"
    cache.set("k", 1)
    assert cache.add("k", 1) is True  # a lock nobody can hold: rate limits fail open
    assert cache.incr("k", 3) == 3
    assert cache.get_many(["a", "b"]) == {}
    assert cache.get_or_set("k", 7) == 7
    assert cache.available is False  # breaker open: the next calls do not even try


def test_resilient_cache_works_normally_when_redis_answers(redis_server):
    cache = ResilientRedisCache(redis_server.url, {})
    cache.set("k", {"a": 1})
    assert cache.get("k") == {"a": 1}
    assert cache.incr("n", 2) == 2 if cache.add("n", 0) else True
    assert cache.available is True


def test_resilient_cache_builds_its_redis_client_once_not_per_operation(redis_server):
    """Django's Redis cache makes a new redis.Redis per operation, and redis-py fills a table
    of ~170 response callbacks in each one: three times the CPU of the GET itself."""
    cache = ResilientRedisCache(redis_server.url, {})
    cache.set("k", 1)
    client = cache._cache.get_client("k")
    assert cache.get("k") == 1
    assert cache._cache.get_client("other") is client
    assert cache._cache.get_client("k", write=True) is client  # one server: one pool


@pytest.mark.django_db
def test_login_is_served_not_500_when_the_redis_cache_is_down(client, caregiver):
    dead = f"redis://127.0.0.1:{free_port()}/0"
    broken = {"default": {"BACKEND": "mantelkring.cache.ResilientRedisCache", "LOCATION": dead}}
    with override_settings(CACHES=broken):
        assert caches["default"].get("anything") is None
        response = client.post(
            reverse("account_login"), {"login": caregiver.email, "password": "wrong password here"}
        )
        assert response.status_code == 200  # the form with its error, rate limit failed open
        response = client.get(reverse("healthz"))
        assert response.status_code == 200


def test_mail_through_the_task_queue_arrives_with_its_html_part():
    mailers = {
        "default": {"BACKEND": "mantelkring.mail.QueuedEmailBackend"},
        "direct": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"},
    }
    with override_settings(
        MAILERS=mailers,
        TASKS={"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}},
    ):
        message = mail.EmailMultiAlternatives(
            "Uw code", "Code: 123456", "noreply@example.org", ["joke@example.org"]
        )
        message.attach_alternative("<p>Code: <b>123456</b></p>", "text/html")
        message.attach("agenda.ics", b"BEGIN:VCALENDAR", "text/calendar")
        assert message.send() == 1
    sent = mail.outbox[-1]
    assert (sent.subject, sent.body, sent.to) == ("Uw code", "Code: 123456", ["joke@example.org"])
    assert sent.alternatives[0][0] == "<p>Code: <b>123456</b></p>"
    assert sent.attachments[0][0] == "agenda.ics"


def test_db_worker_sends_mail_queued_by_a_request_process(tmp_path):
    """The real production path: the web process only stores the task, the worker sends it."""
    env = {
        "DATABASE_URL": f"sqlite:///{tmp_path / 'worker.sqlite3'}",
        "DJANGO_TASKS_BACKEND": "django_tasks_db.DatabaseBackend",
        "MANTELKRING_MAIL_VIA_TASKS": "true",
        "DJANGO_EMAIL_BACKEND": "django.core.mail.backends.console.EmailBackend",
    }
    assert _manage("migrate", "--noinput", "-v", "0", env=env).returncode == 0
    send = "from django.core.mail import send_mail; print(send_mail('Welkom', 'Hallo Joke', None, ['joke@example.org']))"
    queued = _manage("shell", "--no-imports", "-c", send, env=env)
    assert queued.returncode == 0, queued.stderr
    assert "Hallo Joke" not in queued.stdout  # not sent inside the "request"
    worker = _manage("db_worker", "--batch", "--no-startup-delay", env=env)
    assert worker.returncode == 0, worker.stderr
    assert "Subject: Welkom" in worker.stdout and "Hallo Joke" in worker.stdout

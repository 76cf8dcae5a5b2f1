"""E-mail always goes through the task queue; a mail server that does not answer never shows
as an error, and a failed mail is retried with back-off and listed for beheer (issue 15, 5)."""

import os
import subprocess
import sys
from datetime import timedelta

from django.core import mail
from django.core.mail import EmailMessage
from django.tasks import default_task_backend
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from bench.processes import ROOT, free_port
from mantelkring.mail import MAX_ATTEMPTS, deliver_email, message_as_data
from mantelkring.models import FailedEmail

IMMEDIATE = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}
DEFERRING = {"default": {"BACKEND": "django.tasks.backends.dummy.DummyBackend"}}


def _unreachable_smtp() -> dict:
    return {
        "default": {"BACKEND": "mantelkring.mail.QueuedEmailBackend"},
        "direct": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {"host": "127.0.0.1", "port": free_port(), "timeout": 2},
        },
    }


def test_the_default_configuration_sends_every_mail_through_the_queue():
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("DJANGO_", "MANTELKRING_", "DATABASE_", "REDIS_"))
    }
    result = subprocess.run(
        [
            sys.executable,
            "manage.py",
            "shell",
            "--no-imports",
            "-c",
            "from django.conf import settings as s; "
            "print(s.MAILERS['default']['BACKEND']); print(s.MAILERS['direct']['BACKEND'])",
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [
        "mantelkring.mail.QueuedEmailBackend",
        "django.core.mail.backends.console.EmailBackend",
    ]


def test_asking_for_a_login_code_with_the_mail_server_down_is_no_error(client, caregiver):
    with override_settings(MAILERS=_unreachable_smtp(), TASKS=IMMEDIATE):
        response = client.post(reverse("account_request_login_code"), {"email": caregiver.email})
    assert response.status_code in (200, 302)
    failed = FailedEmail.objects.get()
    assert failed.recipients == caregiver.email
    assert failed.attempts == 1
    assert "Connection refused" in failed.error or "refused" in failed.error.lower()


def test_a_failed_mail_is_retried_later_with_back_off(db):
    message = message_as_data(EmailMessage("Onderwerp", "Tekst", to=["a@example.org"]))
    with override_settings(MAILERS=_unreachable_smtp(), TASKS=DEFERRING):
        default_task_backend.clear()
        before = timezone.now()
        deliver_email.call(message, attempt=1)
        deliver_email.call(message, attempt=2)
        retries = list(default_task_backend.results)
    assert [r.kwargs["attempt"] for r in retries] == [2, 3]
    first, second = (r.task.run_after - before for r in retries)
    assert timedelta(seconds=50) < first < second  # the wait grows
    failed = FailedEmail.objects.get()
    assert failed.attempts == 2 and not failed.given_up


def test_a_mail_that_keeps_failing_is_given_up_and_listed_for_beheer(client, admin_user):
    message = message_as_data(EmailMessage("Onderwerp", "Tekst", to=["a@example.org"]))
    with override_settings(MAILERS=_unreachable_smtp(), TASKS=DEFERRING):
        default_task_backend.clear()
        deliver_email.call(message, attempt=MAX_ATTEMPTS)
        assert default_task_backend.results == []
    failed = FailedEmail.objects.get()
    assert failed.given_up
    client.force_login(admin_user)
    page = client.get(reverse("admin:mantelkring_failedemail_changelist")).content.decode()
    assert "a@example.org" in page


def test_a_retry_that_succeeds_marks_the_mail_delivered(db):
    message = message_as_data(EmailMessage("Onderwerp", "Tekst", to=["a@example.org"]))
    with override_settings(MAILERS=_unreachable_smtp(), TASKS=DEFERRING):
        deliver_email.call(message, attempt=1)
    deliver_email.call(message, attempt=2)  # the test mailer (locmem) works
    assert len(mail.outbox) == 1
    assert FailedEmail.objects.get().delivered_at is not None

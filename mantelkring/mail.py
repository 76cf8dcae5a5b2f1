"""E-mail through the task queue: web requests never wait for SMTP.

The default mailer is QueuedEmailBackend (settings): it turns each message into plain data and
enqueues `deliver_email` (Django's tasks framework). In production the task worker
(`manage.py db_worker`, django-tasks-db) sends it with the "direct" mailer (SMTP); with the
default immediate task backend (`make run`) it is sent at once. Every sender in the code base
(allauth's login codes, sign-up and join mails, the apps' confirmations) goes through this
without knowing about it.

A message that fails is never an error page: it is logged, recorded as a FailedEmail (listed
in the admin) and, where the task backend can wait, tried again later with a growing wait.
"""

import base64
import logging
import uuid
from datetime import timedelta

from django.core.mail import EmailMultiAlternatives, mailers
from django.core.mail.backends.base import BaseEmailBackend
from django.tasks import default_task_backend, task
from django.utils import timezone

from mantelkring.models import FailedEmail

logger = logging.getLogger(__name__)

MAX_ATTEMPTS = 5
FIRST_WAIT = timedelta(minutes=1)  # then 4, 16, 64 minutes


def retry_wait(attempt: int) -> timedelta:
    return FIRST_WAIT * 4 ** (attempt - 1)


def message_as_data(message) -> dict:
    return {
        "id": uuid.uuid4().hex,
        "subject": str(message.subject),
        "body": str(message.body),
        "from_email": message.from_email,
        "to": list(message.to),
        "cc": list(message.cc),
        "bcc": list(message.bcc),
        "reply_to": list(message.reply_to),
        "headers": {str(k): str(v) for k, v in (message.extra_headers or {}).items()},
        "alternatives": [
            [str(content), mimetype] for content, mimetype in getattr(message, "alternatives", [])
        ],
        "attachments": [
            [
                name,
                base64.b64encode(
                    content if isinstance(content, bytes) else str(content).encode()
                ).decode(),
                mimetype,
            ]
            for name, content, mimetype in (
                (a.filename, a.content, a.mimetype) if hasattr(a, "filename") else tuple(a)
                for a in message.attachments
            )
        ],
    }


def _as_email(message: dict) -> EmailMultiAlternatives:
    email = EmailMultiAlternatives(
        subject=message["subject"],
        body=message["body"],
        from_email=message["from_email"],
        to=message["to"],
        cc=message["cc"],
        bcc=message["bcc"],
        reply_to=message["reply_to"],
        headers=message["headers"],
    )
    for content, mimetype in message["alternatives"]:
        email.attach_alternative(content, mimetype)
    for name, content, mimetype in message["attachments"]:
        email.attach(name, base64.b64decode(content), mimetype)
    return email


def _record_failure(message: dict, *, attempt: int, error: Exception, retry_at) -> None:
    FailedEmail.objects.update_or_create(
        message_id=message.get("id") or uuid.uuid4().hex,
        defaults={
            "recipients": ", ".join([*message["to"], *message["cc"], *message["bcc"]]),
            "subject": message["subject"][:300],
            "error": f"{type(error).__name__}: {error}",
            "attempts": attempt,
            "next_attempt_at": retry_at,
            "given_up": retry_at is None,
        },
    )


@task
def deliver_email(message: dict, attempt: int = 1) -> int:
    """Send one queued message with the "direct" mailer; returns the number sent."""
    try:
        sent = mailers["direct"].send_messages([_as_email(message)])
    except Exception as error:  # noqa: BLE001 - any mail failure is retried, never raised
        can_wait = default_task_backend.supports_defer and attempt < MAX_ATTEMPTS
        retry_at = timezone.now() + retry_wait(attempt) if can_wait else None
        logger.warning(
            "E-mail %r to %s failed (attempt %d): %s; %s",
            message["subject"],
            message["to"],
            attempt,
            error,
            f"next try at {retry_at:%H:%M}" if retry_at else "given up",
        )
        _record_failure(message, attempt=attempt, error=error, retry_at=retry_at)
        if retry_at is not None:
            deliver_email.using(run_after=retry_at).enqueue(message, attempt=attempt + 1)
        return 0
    if attempt > 1:
        FailedEmail.objects.filter(message_id=message.get("id")).update(
            delivered_at=timezone.now(), next_attempt_at=None
        )
    return sent


class QueuedEmailBackend(BaseEmailBackend):
    def send_messages(self, email_messages) -> int:
        count = 0
        for message in email_messages:
            if not message.recipients():
                continue
            deliver_email.enqueue(message_as_data(message))
            count += 1
        return count

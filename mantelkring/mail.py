"""E-mail through the task queue: web requests never wait for SMTP.

With MANTELKRING_MAIL_VIA_TASKS on (production, see docs/production.md) the default mailer is
QueuedEmailBackend: it turns each message into plain data and enqueues `deliver_email`
(Django's tasks framework). The task worker (`manage.py db_worker`, django-tasks-db) sends it
with the "direct" mailer (SMTP). Every sender in the code base (allauth's login codes, the
apps' confirmations) goes through this without knowing about it.
"""

import base64

from django.core.mail import EmailMultiAlternatives, mailers
from django.core.mail.backends.base import BaseEmailBackend
from django.tasks import task


def _as_data(message) -> dict:
    return {
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


@task
def deliver_email(message: dict) -> int:
    """Send one queued message with the "direct" mailer; returns the number sent."""
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
    return mailers["direct"].send_messages([email])


class QueuedEmailBackend(BaseEmailBackend):
    def send_messages(self, email_messages) -> int:
        count = 0
        for message in email_messages:
            if not message.recipients():
                continue
            deliver_email.enqueue(_as_data(message))
            count += 1
        return count

"""The panel's tasks, under the name a task worker or a timer looks for (panel.tasks).

Defined in panel.services.tasks, beside the services that enqueue them.
"""

from panel.services.tasks import (
    send_contact_request,
    send_due_reminders,
    send_poll_invitations,
    send_registration_mail,
)

__all__ = [
    "send_contact_request",
    "send_due_reminders",
    "send_poll_invitations",
    "send_registration_mail",
]

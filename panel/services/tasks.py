"""Tasks are thin shells: they take ids and call a service or the mail module.

They live inside the services package because services enqueue them (a confirmation mail
after a sign-up): defined here, nothing outside the package has to import back into it.
"""

from django.tasks import task

from panel import mail
from panel.services import contact, mailings


@task
def send_registration_mail(*, registration_id: int, what: str) -> None:
    mail.send_registration_mail(registration_id=registration_id, what=what)


@task
def send_due_reminders() -> int:
    return mailings.send_due_reminders()


@task
def send_poll_invitations(*, poll_id: int) -> int:
    return mailings.send_poll_invitations(poll_id=poll_id)


@task
def send_contact_request(*, contact_request_id: int) -> bool:
    return contact.send_contact_request(contact_request_id=contact_request_id)

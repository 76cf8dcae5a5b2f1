"""Tasks are thin shells: they take ids and call a service or the mail module."""

from django.tasks import task


@task
def send_registration_mail(*, registration_id: int, what: str) -> None:
    from panel import mail

    mail.send_registration_mail(registration_id=registration_id, what=what)


@task
def send_due_reminders() -> int:
    from panel import services

    return services.send_due_reminders()


@task
def send_poll_invitations(*, poll_id: int) -> int:
    from panel import services

    return services.send_poll_invitations(poll_id=poll_id)

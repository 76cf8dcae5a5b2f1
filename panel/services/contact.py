"""Mailing a request to be contacted to the contact point (run by a task, after commit)."""

from django.db import transaction
from django.utils import timezone

from panel import mail
from panel.models import ContactPoint, ContactRequest


def active_contact_point() -> ContactPoint | None:
    return ContactPoint.objects.filter(active=True).first()


def send_contact_request(*, contact_request_id: int) -> bool:
    """Mail the request to the contact point, then wipe the personal data. False if there is no
    contact point (the request waits) or it was sent before."""
    with transaction.atomic():
        request = ContactRequest.objects.select_for_update().get(pk=contact_request_id)
        point = active_contact_point()
        if request.sent_at is not None or point is None:
            return False
        mail.send_contact_request_mail(point=point, request=request)
        request.name = request.phone = request.email = ""
        request.sent_at = timezone.now()
        request.save(update_fields=["name", "phone", "email", "sent_at"])
    return True

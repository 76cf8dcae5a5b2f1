"""E-mails of the panel, with a calendar file (.ics) for spiegelgesprekken."""

from datetime import UTC, datetime

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy
from icalendar import Calendar, Event

from panel.models import (
    ContactPoint,
    ContactRequest,
    PanelMember,
    Poll,
    Registration,
    Spiegelgesprek,
)
from panel.tokens import make_cancel_token

SUBJECTS = {
    "confirmation": gettext_lazy("U bent aangemeld voor het spiegelgesprek"),
    "waiting": gettext_lazy("U staat op de wachtlijst voor het spiegelgesprek"),
    "promoted": gettext_lazy("Er is een plaats vrij: u bent aangemeld"),
    "reminder": gettext_lazy("Herinnering: binnenkort uw spiegelgesprek"),
    "cancelled": gettext_lazy("U bent afgemeld voor het spiegelgesprek"),
    "gesprek_cancelled": gettext_lazy("Het spiegelgesprek gaat niet door"),
    "gesprek_changed": gettext_lazy(
        "Het spiegelgesprek is veranderd: kijk naar de datum en plaats"
    ),
    "invitation": gettext_lazy("Uw mening telt: een korte vraag"),
    "contact_request": gettext_lazy("Een mantelzorger vraagt of u contact opneemt"),
    "join_code": gettext_lazy("Uw code om mee te doen met het panel"),
    "join_not_possible": gettext_lazy("Meedoen met het panel"),
}


def absolute(path: str) -> str:
    return settings.SITE_URL.rstrip("/") + path


# SEQUENCE must go up with every revision of an appointment, or calendar apps keep the old
# date and place (RFC 5545). Seconds since this moment do, without storing a counter: a mail
# sent later carries a higher number (fits in 32 bits until 2094).
SEQUENCE_EPOCH = datetime(2026, 1, 1, tzinfo=UTC)


def gesprek_ics(gesprek: Spiegelgesprek) -> bytes:
    now = timezone.now()
    calendar = Calendar()
    calendar.add("prodid", "-//Mantelkring//Spiegelgesprek//NL")
    calendar.add("version", "2.0")
    event = Event()
    event.add("uid", f"spiegelgesprek-{gesprek.pk}@mantelkring")
    event.add("dtstamp", now)
    event.add("sequence", max(0, int((now - SEQUENCE_EPOCH).total_seconds())))
    event.add("dtstart", gesprek.starts_at)
    event.add("dtend", gesprek.ends_at)
    event.add("summary", f"Spiegelgesprek: {gesprek.title}")
    event.add("location", gesprek.place or gesprek.online_link)
    if gesprek.online_link:
        event.add("url", gesprek.online_link)
    event.add("description", gesprek.intro)
    calendar.add_component(event)
    return calendar.to_ical()


def send_registration_mail(*, registration_id: int, what: str) -> None:
    registration = (
        Registration.objects.select_related("gesprek", "user").filter(pk=registration_id).first()
    )
    if registration is None:
        return
    if what == "confirmation" and registration.status == "waiting":
        what = "waiting"
    gesprek = registration.gesprek
    context = {
        "registration": registration,
        "gesprek": gesprek,
        "what": what,
        "cancel_url": absolute(
            reverse("panel:cancel_by_link", args=[make_cancel_token(registration)])
        ),
        "detail_url": absolute(reverse("panel:gesprek", args=[gesprek.pk])),
    }
    message = EmailMessage(
        subject=settings.ACCOUNT_EMAIL_SUBJECT_PREFIX + str(SUBJECTS[what]),
        body=render_to_string("panel/email/registration.txt", context),
        to=[registration.user.email],
    )
    if what in ("confirmation", "promoted", "reminder") or (
        what == "gesprek_changed" and registration.status == "registered"
    ):
        message.attach("spiegelgesprek.ics", gesprek_ics(gesprek), "text/calendar")
    message.send()


def send_invitation(*, member: PanelMember, poll: Poll, token: str) -> None:
    context = {"poll": poll, "url": absolute(reverse("panel:invitation", args=[poll.pk, token]))}
    EmailMessage(
        subject=settings.ACCOUNT_EMAIL_SUBJECT_PREFIX + str(SUBJECTS["invitation"]),
        body=render_to_string("panel/email/invitation.txt", context),
        to=[member.account.email],
    ).send()


def send_contact_request_mail(*, point: ContactPoint, request: ContactRequest) -> None:
    """To the contact point: who to call. Nothing about the poll or the answers."""
    EmailMessage(
        subject=settings.ACCOUNT_EMAIL_SUBJECT_PREFIX + str(SUBJECTS["contact_request"]),
        body=render_to_string(
            "panel/email/contact_request.txt", {"point": point, "request": request}
        ),
        to=[point.email],
        reply_to=[request.email] if request.email else [],
    ).send()


def send_join_code(*, email: str, code: str) -> None:
    EmailMessage(
        subject=settings.ACCOUNT_EMAIL_SUBJECT_PREFIX + str(SUBJECTS["join_code"]),
        body=render_to_string("panel/email/join_code.txt", {"code": code}),
        to=[email],
    ).send()


def send_join_not_possible(*, email: str) -> None:
    """For an address that belongs to a professional, werkgroep or beheer account."""
    context = {"login_url": absolute(reverse("account_login"))}
    EmailMessage(
        subject=settings.ACCOUNT_EMAIL_SUBJECT_PREFIX + str(SUBJECTS["join_not_possible"]),
        body=render_to_string("panel/email/join_not_possible.txt", context),
        to=[email],
    ).send()

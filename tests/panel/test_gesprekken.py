from datetime import timedelta

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from accounts.models import Role
from panel.exceptions import AlreadyRegistered, GesprekPast, NotAllowedPlace
from panel.mail import gesprek_ics
from panel.models import Registration, RegistrationKind, Spiegelgesprek
from panel.selectors import upcoming_gesprekken
from panel.services.gesprekken import cancel_registration, register_for_gesprek
from panel.services.mailings import send_due_reminders
from panel.tokens import CANCEL_LINK_MARGIN, make_cancel_token
from tests.accounts.factories import UserFactory
from tests.panel.factories import SpiegelgesprekFactory

pytestmark = pytest.mark.django_db


def caregivers(n):
    return [UserFactory(role=Role.CAREGIVER) for _ in range(n)]


def register(user, gesprek, kind=RegistrationKind.CAREGIVER, **needs):
    return register_for_gesprek(gesprek_id=gesprek.pk, user=user, kind=kind, **needs)


def test_places_fill_up_then_the_waiting_list(django_capture_on_commit_callbacks, mailoutbox):
    gesprek = SpiegelgesprekFactory(caregiver_places=2)
    people = caregivers(3)
    with django_capture_on_commit_callbacks(execute=True):
        statuses = [register(u, gesprek).status for u in people]
    assert statuses == ["registered", "registered", "waiting"]
    assert [m.subject for m in mailoutbox][-1].endswith(
        "U staat op de wachtlijst voor het spiegelgesprek"
    )


def test_the_confirmation_mail_has_a_valid_calendar_file(
    django_capture_on_commit_callbacks, mailoutbox, caregiver
):
    gesprek = SpiegelgesprekFactory(title="Hulp die past")
    with django_capture_on_commit_callbacks(execute=True):
        register(caregiver, gesprek)
    (mail,) = mailoutbox
    assert mail.to == [caregiver.email]
    name, content, mimetype = mail.attachments[0]
    assert (name, mimetype) == ("spiegelgesprek.ics", "text/calendar")
    event = Calendar.from_ical(content).walk("VEVENT")[0]
    assert event.decoded("dtstart") == gesprek.starts_at
    assert event.decoded("dtend") == gesprek.starts_at + timedelta(minutes=120)
    assert "Hulp die past" in str(event.get("summary"))
    assert "/panel/afmelden/" in mail.body


def test_cancelling_promotes_the_first_waiting_person_and_mails_them(
    django_capture_on_commit_callbacks, mailoutbox
):
    gesprek = SpiegelgesprekFactory(caregiver_places=1)
    first, second, third = caregivers(3)
    registrations = [register(u, gesprek) for u in (first, second, third)]
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        cancel_registration(registration_id=registrations[0].pk, user=first)
    statuses = dict(Registration.objects.values_list("user_id", "status"))
    assert statuses == {first.pk: "cancelled", second.pk: "registered", third.pk: "waiting"}
    promoted = [m for m in mailoutbox if m.to == [second.email]]
    assert promoted and "plaats vrij" in promoted[0].subject
    assert promoted[0].attachments  # with the calendar file


def test_listeners_can_never_take_caregiver_places(professional, werkgroep_user, caregiver):
    gesprek = SpiegelgesprekFactory()
    for user in (professional, werkgroep_user):
        with pytest.raises(NotAllowedPlace):
            register(user, gesprek, kind=RegistrationKind.CAREGIVER)
    with pytest.raises(NotAllowedPlace):
        register(caregiver, gesprek, kind=RegistrationKind.LISTENER)
    assert register(professional, gesprek, kind=RegistrationKind.LISTENER).status == "registered"


def test_a_professional_posting_the_caregiver_form_gets_a_listener_place(client, professional):
    gesprek = SpiegelgesprekFactory()
    client.force_login(professional)
    client.post(
        reverse("panel:gesprek", args=[gesprek.pk]),
        {"replacement_care": "on", "diet": "geen vlees"},
    )
    registration = Registration.objects.get()
    assert (registration.kind, registration.replacement_care) == ("listener", False)


def test_one_active_registration_per_person(caregiver):
    gesprek = SpiegelgesprekFactory()
    register(caregiver, gesprek)
    with pytest.raises(AlreadyRegistered):
        register(caregiver, gesprek)


def test_a_past_gesprek_takes_no_registrations(caregiver):
    gesprek = SpiegelgesprekFactory(starts_at=timezone.now() - timedelta(days=1))
    with pytest.raises(GesprekPast):
        register(caregiver, gesprek)


def test_the_reminder_is_sent_once_not_twice(
    django_capture_on_commit_callbacks, mailoutbox, caregiver, settings
):
    settings.PANEL_REMINDER_HOURS = 24
    soon = SpiegelgesprekFactory(starts_at=timezone.now() + timedelta(hours=20))
    later = SpiegelgesprekFactory(starts_at=timezone.now() + timedelta(days=5))
    register(caregiver, soon)
    register(caregiver, later)
    mailoutbox.clear()
    assert send_due_reminders() == 1
    call_command("send_panel_reminders")
    assert send_due_reminders() == 0
    assert len(mailoutbox) == 1 and mailoutbox[0].subject.endswith(
        "Herinnering: binnenkort uw spiegelgesprek"
    )
    assert Registration.objects.get(gesprek=soon).reminded_at is not None


def test_the_reminder_lead_time_is_a_setting(caregiver, settings, mailoutbox):
    gesprek = SpiegelgesprekFactory(starts_at=timezone.now() + timedelta(hours=40))
    register(caregiver, gesprek)
    assert send_due_reminders() == 0
    settings.PANEL_REMINDER_HOURS = 48
    assert send_due_reminders() == 1


def test_cancel_by_signed_link(client, caregiver):
    gesprek = SpiegelgesprekFactory()
    registration = register(caregiver, gesprek)
    url = reverse("panel:cancel_by_link", args=[make_cancel_token(registration)])
    assert "Wilt u zich afmelden?" in client.get(url).content.decode()
    assert "U bent afgemeld" in client.post(url).content.decode()
    registration.refresh_from_db()
    assert registration.status == "cancelled"


def test_a_tampered_cancel_link_is_refused(client, caregiver):
    registration = register(caregiver, SpiegelgesprekFactory())
    token = make_cancel_token(registration)
    response = client.post(reverse("panel:cancel_by_link", args=[token[:-2] + "xx"]))
    assert response.status_code == 400
    assert "Deze link klopt niet" in response.content.decode()
    registration.refresh_from_db()
    assert registration.status == "registered"


def test_cancel_from_the_account(client, caregiver):
    registration = register(caregiver, SpiegelgesprekFactory())
    client.force_login(caregiver)
    client.post(reverse("panel:cancel_registration", args=[registration.pk]))
    registration.refresh_from_db()
    assert registration.status == "cancelled"


def test_nobody_can_cancel_someone_elses_registration(client, caregiver):
    other = UserFactory(role=Role.CAREGIVER)
    registration = register(other, SpiegelgesprekFactory())
    client.force_login(caregiver)
    assert (
        client.post(reverse("panel:cancel_registration", args=[registration.pk])).status_code == 404
    )
    registration.refresh_from_db()
    assert registration.status == "registered"


def test_a_caregiver_sees_only_their_own_registration_on_the_page(client, caregiver):
    other = UserFactory(role=Role.CAREGIVER, email="ander@example.org")
    gesprek = SpiegelgesprekFactory()
    register(other, gesprek, topics="Mijn geheime zorgen")
    client.force_login(caregiver)
    page = client.get(reverse("panel:gesprek", args=[gesprek.pk])).content.decode()
    assert "ander@example.org" not in page and "Mijn geheime zorgen" not in page
    assert "Meld mij aan" in page


def test_caregiver_signs_up_with_needs_through_the_page(client, caregiver, mailoutbox):
    gesprek = SpiegelgesprekFactory()
    client.force_login(caregiver)
    response = client.post(
        reverse("panel:gesprek", args=[gesprek.pk]),
        {"replacement_care": "on", "transport": "on", "topics": "Vervanging in de avond"},
        follow=True,
    )
    assert "U bent aangemeld" in response.content.decode()
    registration = Registration.objects.get()
    assert (registration.kind, registration.replacement_care, registration.transport) == (
        "caregiver",
        True,
        True,
    )


def test_organisers_see_needs_on_the_list_and_checkin(client, werkgroep_user, caregiver):
    gesprek = SpiegelgesprekFactory()
    register(caregiver, gesprek, transport=True, diet="Glutenvrij")
    client.force_login(werkgroep_user)
    old = client.get(reverse("panel:organise_gesprek", args=[gesprek.pk]))
    assert old.url == reverse("werkgroep:planning_gesprek", args=[gesprek.pk])  # moved there
    page = client.get(old.url).content.decode()
    assert (caregiver.get_full_name() or caregiver.email) in page and "Glutenvrij" in page
    checkin = client.get(
        reverse("panel:checkin_list", args=[gesprek.pk]), follow=True
    ).content.decode()
    assert "Glutenvrij" in checkin and "vervoer" in checkin
    row = next(r for r in upcoming_gesprekken() if r.id == gesprek.pk)
    assert row.caregivers_taken == 1 and row.needs.transport == 1 and row.needs.diet == 1


def test_a_cancel_link_expires_after_the_gesprek_has_ended(client, caregiver):
    """Issue 15, finding 6: a cancel-by-link token works until the gesprek's end plus a day."""
    gesprek = SpiegelgesprekFactory()
    registration = register(caregiver, gesprek)
    url = reverse("panel:cancel_by_link", args=[make_cancel_token(registration)])
    Spiegelgesprek.objects.filter(pk=gesprek.pk).update(
        starts_at=timezone.now() - CANCEL_LINK_MARGIN - timedelta(minutes=gesprek.duration + 1)
    )
    for response in (client.get(url), client.post(url)):
        assert response.status_code == 400
        assert "Deze link werkt niet meer" in response.content.decode()
    registration.refresh_from_db()
    assert registration.status == "registered"


def test_a_cancel_link_still_works_just_after_the_gesprek(client, caregiver):
    gesprek = SpiegelgesprekFactory()
    registration = register(caregiver, gesprek)
    url = reverse("panel:cancel_by_link", args=[make_cancel_token(registration)])
    Spiegelgesprek.objects.filter(pk=gesprek.pk).update(
        starts_at=timezone.now() - timedelta(minutes=gesprek.duration + 60)
    )
    assert client.get(url).status_code == 200


def test_a_later_appointment_file_replaces_the_earlier_one_in_the_agenda(monkeypatch):
    # Calendar apps take a changed appointment only when its SEQUENCE went up (RFC 5545).
    gesprek = SpiegelgesprekFactory()
    first = Calendar.from_ical(gesprek_ics(gesprek)).walk("VEVENT")[0]
    later = timezone.now() + timedelta(seconds=5)
    monkeypatch.setattr("panel.mail.timezone.now", lambda: later)
    second = Calendar.from_ical(gesprek_ics(gesprek)).walk("VEVENT")[0]
    assert first["UID"] == second["UID"]
    assert int(second["SEQUENCE"]) > int(first["SEQUENCE"]) >= 0

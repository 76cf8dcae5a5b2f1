"""Spiegelgesprek planning in the werkgroep area: create, change, call off (with a Dutch
e-mail to everyone registered), needs per person with a "geregeld" tick, the phone number a
caregiver chose to give for that purpose, and Dutch dates."""

import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts.models import Role
from panel import selectors
from panel.exceptions import GesprekCancelled
from panel.models import Registration, RegistrationStatus, Spiegelgesprek
from panel.services.gesprekken import cancel_registration, register_for_gesprek
from tests.accounts.factories import UserFactory
from tests.panel.factories import SpiegelgesprekFactory
from tests.werkgroep.test_studio_preview import assert_dutch

pytestmark = pytest.mark.django_db

ENGLISH_DATES = re.compile(
    r"\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|"
    r"June|July|August|September|October|November|December)\b"
)


@pytest.fixture
def wg(client, werkgroep_user):
    client.force_login(werkgroep_user)
    return client


def form_data(**changes) -> dict:
    starts = timezone.localtime() + timedelta(days=14)
    data = {
        "title": "Spiegelgesprek over respijtzorg",
        "intro": "We praten over vervanging van de zorg.",
        "starts_at": starts.strftime("%Y-%m-%dT19:00"),
        "duration": "120",
        "place": "Wijkcentrum De Weide",
        "online_link": "",
        "accessibility": "Gelijkvloers",
        "caregiver_places": "2",
        "listener_places": "10",
    }
    data.update(changes)
    return data


def caregiver(n: int):
    return UserFactory(role=Role.CAREGIVER, email=f"mz{n}@example.org")


def test_the_werkgroep_plans_a_spiegelgesprek(wg):
    response = wg.post(reverse("werkgroep:planning_new"), form_data(vraaggebieden=[]))
    gesprek = Spiegelgesprek.objects.get()
    assert response.url == reverse("werkgroep:planning_gesprek", args=[gesprek.pk])
    assert (gesprek.caregiver_places, gesprek.listener_places, gesprek.place) == (
        2,
        10,
        "Wijkcentrum De Weide",
    )
    assert gesprek.pk in {g.id for g in selectors.upcoming_gesprekken()}


def test_an_online_gesprek_needs_no_address(wg):
    wg.post(
        reverse("werkgroep:planning_new"),
        form_data(place="", online_link="https://meet.example.org/spiegel"),
    )
    assert Spiegelgesprek.objects.get().online_link == "https://meet.example.org/spiegel"


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"place": "", "online_link": ""}, "Vul een adres of een online link in."),
        ({"starts_at": "9999-12-31T23:59"}, "Kies een datum binnen twee jaar"),
        ({"starts_at": "gisteren"}, "Deze datum of tijd klopt niet"),
        ({"caregiver_places": "0"}, "Vul 1 of meer in."),
        ({"duration": "veel"}, "Vul een heel getal in."),
        ({"title": "x" * 1_000_000}, "De titel is te lang"),
    ],
)
def test_wrong_input_gets_a_dutch_message(wg, changes, message):
    response = wg.post(reverse("werkgroep:planning_new"), form_data(**changes))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Spiegelgesprek.objects.exists()


def test_more_places_go_to_the_people_waiting(wg, mailoutbox, django_capture_on_commit_callbacks):
    gesprek = SpiegelgesprekFactory(caregiver_places=1)
    first = register_for_gesprek(gesprek_id=gesprek.pk, user=caregiver(1), kind="caregiver")
    waiting = register_for_gesprek(gesprek_id=gesprek.pk, user=caregiver(2), kind="caregiver")
    assert waiting.status == RegistrationStatus.WAITING
    mailoutbox.clear()
    data = _edit(gesprek, caregiver_places="2")  # more places, same date and place
    with django_capture_on_commit_callbacks(execute=True):
        wg.post(reverse("werkgroep:planning_edit", args=[gesprek.pk]), data)
    waiting.refresh_from_db()
    assert waiting.status == RegistrationStatus.REGISTERED
    assert [m.to for m in mailoutbox] == [[waiting.user.email]]
    assert first.status == RegistrationStatus.REGISTERED


def test_calling_off_mails_everyone_registered_in_dutch(
    wg, mailoutbox, django_capture_on_commit_callbacks
):
    gesprek = SpiegelgesprekFactory(caregiver_places=1)
    people = [caregiver(i) for i in range(3)]
    for user in people:
        register_for_gesprek(gesprek_id=gesprek.pk, user=user, kind="caregiver")
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = wg.post(
            reverse("werkgroep:planning_cancel", args=[gesprek.pk]),
            {"reason": "De gespreksleider is ziek."},
            follow=True,
        )
    assert "3 mensen krijgen daarover een e-mail" in response.content.decode()
    assert sorted(m.to[0] for m in mailoutbox) == sorted(u.email for u in people)
    mail = mailoutbox[0]
    assert "gaat niet door" in mail.subject
    assert "gaat helaas niet door" in mail.body and "De gespreksleider is ziek." in mail.body
    assert "Meld u dan af" not in mail.body
    assert not Registration.objects.exclude(status=RegistrationStatus.CANCELLED).exists()
    assert gesprek.pk not in {g.id for g in selectors.upcoming_gesprekken()}
    with pytest.raises(GesprekCancelled):
        register_for_gesprek(gesprek_id=gesprek.pk, user=caregiver(9), kind="caregiver")


def _edit(gesprek, **changes) -> dict:
    """The edit form as it stands for this gesprek, with these changes."""
    current = {
        "title": gesprek.title,
        "intro": gesprek.intro,
        "starts_at": timezone.localtime(gesprek.starts_at).strftime("%Y-%m-%dT%H:%M"),
        "place": gesprek.place,
        "accessibility": gesprek.accessibility,
        "caregiver_places": str(gesprek.caregiver_places),
    }
    return form_data(**{**current, **changes})


def test_a_new_date_or_place_mails_everyone_signed_up(
    wg, mailoutbox, django_capture_on_commit_callbacks
):
    gesprek = SpiegelgesprekFactory(caregiver_places=2)
    people = [caregiver(i) for i in range(4)]
    for user in people:  # two registered, two waiting
        register_for_gesprek(gesprek_id=gesprek.pk, user=user, kind="caregiver")
    cancel_registration(
        registration_id=Registration.objects.get(user=people[3], gesprek=gesprek).pk
    )
    mailoutbox.clear()
    later = timezone.localtime(gesprek.starts_at + timedelta(days=7))
    data = _edit(gesprek, starts_at=later.strftime("%Y-%m-%dT%H:%M"), place="Bibliotheek Meppel")
    with django_capture_on_commit_callbacks(execute=True):
        wg.post(reverse("werkgroep:planning_edit", args=[gesprek.pk]), data)
    assert sorted(m.to[0] for m in mailoutbox) == sorted(u.email for u in people[:3])
    mail = next(m for m in mailoutbox if m.to == [people[0].email])
    assert "veranderd" in mail.subject
    assert "Bibliotheek Meppel" in mail.body and later.strftime("%Y") in mail.body
    assert [a[0] for a in mail.attachments] == ["spiegelgesprek.ics"]
    waiting = next(m for m in mailoutbox if m.to == [people[2].email])
    assert waiting.attachments == []  # no appointment for the agenda while waiting


def test_a_change_that_is_not_about_when_or_where_mails_nobody(
    wg, mailoutbox, django_capture_on_commit_callbacks
):
    gesprek = SpiegelgesprekFactory()
    register_for_gesprek(gesprek_id=gesprek.pk, user=caregiver(1), kind="caregiver")
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        wg.post(
            reverse("werkgroep:planning_edit", args=[gesprek.pk]),
            _edit(gesprek, intro="Een betere uitleg."),
        )
    assert Spiegelgesprek.objects.get(pk=gesprek.pk).intro == "Een betere uitleg."
    assert mailoutbox == []


def test_a_person_who_gets_a_place_on_the_new_date_gets_one_mail(
    wg, mailoutbox, django_capture_on_commit_callbacks
):
    gesprek = SpiegelgesprekFactory(caregiver_places=1)
    first = register_for_gesprek(gesprek_id=gesprek.pk, user=caregiver(1), kind="caregiver")
    waiting = register_for_gesprek(gesprek_id=gesprek.pk, user=caregiver(2), kind="caregiver")
    mailoutbox.clear()
    data = _edit(gesprek, place="Bibliotheek Meppel", caregiver_places="2")
    with django_capture_on_commit_callbacks(execute=True):
        wg.post(reverse("werkgroep:planning_edit", args=[gesprek.pk]), data)
    subjects = {m.to[0]: m.subject for m in mailoutbox}
    assert len(mailoutbox) == 2
    assert "veranderd" in subjects[first.user.email]
    assert "plaats vrij" in subjects[waiting.user.email]


def test_the_organiser_sees_needs_and_ticks_them_off(wg, client):
    gesprek = SpiegelgesprekFactory()
    user = caregiver(1)
    client.force_login(user)
    client.post(
        reverse("panel:gesprek", args=[gesprek.pk]),
        {"replacement_care": "on", "transport": "on", "phone": "06 12345678"},
    )
    registration = Registration.objects.get(user=user)
    assert registration.phone == "06 12345678"


def test_the_organiser_sees_needs_and_the_phone_and_ticks_them_off(client, werkgroep_user):
    gesprek = SpiegelgesprekFactory()
    user = caregiver(1)
    client.force_login(user)
    form = client.get(reverse("panel:gesprek", args=[gesprek.pk])).content.decode()
    assert "We gebruiken het nummer nergens anders voor." in form
    client.post(
        reverse("panel:gesprek", args=[gesprek.pk]),
        {"replacement_care": "on", "transport": "on", "phone": "06 12345678"},
    )
    registration = Registration.objects.get(user=user)
    assert registration.phone == "06 12345678"
    client.force_login(werkgroep_user)
    url = reverse("werkgroep:planning_gesprek", args=[gesprek.pk])
    html = client.get(url).content.decode()
    assert "06 12345678" in html and "Nog 2 dingen te regelen." in html
    client.post(
        reverse("werkgroep:planning_arranged", args=[gesprek.pk]),
        {"registration": registration.pk, "need": "transport", "arranged": "yes"},
    )
    registration.refresh_from_db()
    assert registration.transport_arranged and not registration.replacement_care_arranged
    assert "Nog 1 ding te regelen." in client.get(url).content.decode()
    checkin = client.get(reverse("werkgroep:planning_checkin", args=[gesprek.pk])).content.decode()
    assert "vervoer (geregeld)" in checkin and (user.get_full_name() or user.email) in checkin


def test_a_phone_number_is_only_kept_when_help_is_needed(client):
    gesprek = SpiegelgesprekFactory()
    user = caregiver(1)
    client.force_login(user)
    client.post(reverse("panel:gesprek", args=[gesprek.pk]), {"phone": "06 12345678"})
    assert Registration.objects.get(user=user).phone == ""


def test_a_wrong_phone_number_gets_a_dutch_message(client):
    gesprek = SpiegelgesprekFactory()
    client.force_login(caregiver(1))
    response = client.post(
        reverse("panel:gesprek", args=[gesprek.pk]), {"transport": "on", "phone": "bel me maar"}
    )
    assert "Dit telefoonnummer klopt niet" in response.content.decode()
    assert not Registration.objects.exists()


def test_a_forged_tick_is_not_found(wg):
    gesprek = SpiegelgesprekFactory()
    other = SpiegelgesprekFactory()
    registration = register_for_gesprek(gesprek_id=other.pk, user=caregiver(1), kind="caregiver")
    url = reverse("werkgroep:planning_arranged", args=[gesprek.pk])
    assert wg.post(url, {"registration": registration.pk, "need": "transport"}).status_code == 404
    assert wg.post(url, {"registration": "x", "need": "transport"}).status_code == 404


def test_planning_pages_show_dutch_dates(wg):
    gesprek = SpiegelgesprekFactory()
    for url in (
        reverse("werkgroep:planning"),
        reverse("werkgroep:planning_gesprek", args=[gesprek.pk]),
        reverse("werkgroep:planning_checkin", args=[gesprek.pk]),
        reverse("werkgroep:planning_cancel", args=[gesprek.pk]),
        reverse("werkgroep:planning_edit", args=[gesprek.pk]),
    ):
        html = wg.get(url).content.decode()
        assert not ENGLISH_DATES.search(html), url
    month = [
        "januari",
        "februari",
        "maart",
        "april",
        "mei",
        "juni",
        "juli",
        "augustus",
        "september",
        "oktober",
        "november",
        "december",
    ][timezone.localtime(gesprek.starts_at).month - 1]
    assert month in wg.get(reverse("werkgroep:planning")).content.decode()


def test_planning_pages_are_dutch(wg):
    gesprek = SpiegelgesprekFactory()
    register_for_gesprek(
        gesprek_id=gesprek.pk, user=caregiver(1), kind="caregiver", transport=True, phone="0612"
    )
    pages = [
        reverse("werkgroep:planning"),
        reverse("werkgroep:planning_new"),
        reverse("werkgroep:planning_gesprek", args=[gesprek.pk]),
        reverse("werkgroep:planning_edit", args=[gesprek.pk]),
        reverse("werkgroep:planning_cancel", args=[gesprek.pk]),
        reverse("werkgroep:planning_checkin", args=[gesprek.pk]),
    ]
    for url in pages:
        assert_dutch(wg.get(url).content.decode())
    assert_dutch(wg.post(reverse("werkgroep:planning_new"), {"online_link": "x"}).content.decode())

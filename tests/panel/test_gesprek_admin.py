"""The Django admin shows spiegelgesprekken but changes nothing: a new date or place, or
calling one off, must reach the people signed up, and only the werkgroep's planning pages
(panel.planning) send that e-mail. Beheer still sees every gesprek and who signed up."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts.models import Role
from panel.models import Registration, Spiegelgesprek
from panel.services.gesprekken import register_for_gesprek
from tests.accounts.factories import UserFactory
from tests.panel.factories import SpiegelgesprekFactory, make_poll

pytestmark = pytest.mark.django_db


@pytest.fixture
def gesprek_with_people(mailoutbox):
    gesprek = SpiegelgesprekFactory(title="Vervoer naar de dagopvang")
    for n in range(2):
        user = UserFactory(role=Role.CAREGIVER, email=f"mz{n}@example.org")
        register_for_gesprek(gesprek_id=gesprek.pk, user=user, kind="caregiver")
    mailoutbox.clear()
    return gesprek


def change_url(gesprek: Spiegelgesprek) -> str:
    return reverse("admin:panel_spiegelgesprek_change", args=[gesprek.pk])


def _changed_form(gesprek: Spiegelgesprek) -> dict:
    """The admin's change form, filled in as beheer would: a week later, another place, and
    called off, with the registrations inline unchanged."""
    later = timezone.localtime(gesprek.starts_at + timedelta(days=7))
    now = timezone.localtime()
    registrations = list(gesprek.registrations.order_by("pk"))
    data = {
        "title": gesprek.title,
        "intro": gesprek.intro,
        "starts_at_0": later.strftime("%d-%m-%Y"),
        "starts_at_1": later.strftime("%H:%M:%S"),
        "duration": gesprek.duration,
        "place": "Bibliotheek, Kerkplein 1",
        "accessibility": gesprek.accessibility,
        "online_link": "",
        "caregiver_places": gesprek.caregiver_places,
        "listener_places": gesprek.listener_places,
        "cancelled_at_0": now.strftime("%d-%m-%Y"),
        "cancelled_at_1": now.strftime("%H:%M:%S"),
        "cancel_reason": "Ziek",
        "registrations-TOTAL_FORMS": len(registrations),
        "registrations-INITIAL_FORMS": len(registrations),
        "registrations-MIN_NUM_FORMS": 0,
        "registrations-MAX_NUM_FORMS": 1000,
        "_save": "Opslaan",
    }
    for i, registration in enumerate(registrations):
        data[f"registrations-{i}-id"] = registration.pk
        data[f"registrations-{i}-gesprek"] = gesprek.pk
    return data


def test_the_admin_cannot_move_or_call_off_a_gesprek_with_registrations(
    admin_client, gesprek_with_people, mailoutbox
):
    gesprek = gesprek_with_people
    before = Spiegelgesprek.objects.values().get(pk=gesprek.pk)
    response = admin_client.post(change_url(gesprek), _changed_form(gesprek))
    assert response.status_code == 403
    assert Spiegelgesprek.objects.values().get(pk=gesprek.pk) == before
    assert mailoutbox == []


def test_the_admin_cannot_delete_a_gesprek_or_add_one(admin_client, gesprek_with_people):
    gesprek = gesprek_with_people
    delete = reverse("admin:panel_spiegelgesprek_delete", args=[gesprek.pk])
    assert admin_client.post(delete, {"post": "yes"}).status_code == 403
    assert Registration.objects.filter(gesprek=gesprek).count() == 2
    assert admin_client.get(reverse("admin:panel_spiegelgesprek_add")).status_code == 403


def test_beheer_sees_the_gesprek_who_signed_up_and_where_to_change_it(
    admin_client, gesprek_with_people
):
    gesprek = gesprek_with_people
    planning = reverse("werkgroep:planning_gesprek", args=[gesprek.pk])
    listing = admin_client.get(reverse("admin:panel_spiegelgesprek_changelist"))
    assert listing.status_code == 200
    assert "Vervoer naar de dagopvang" in listing.content.decode()
    assert planning in listing.content.decode()
    page = admin_client.get(change_url(gesprek)).content.decode()
    assert "mz0@example.org" in page and "mz1@example.org" in page
    assert planning in page and "Wijzigen of afzeggen kan op de planningpagina" in page


def test_the_poll_admin_links_to_the_studio(admin_client):
    poll = make_poll()
    page = admin_client.get(reverse("admin:panel_poll_change", args=[poll.pk])).content.decode()
    assert reverse("werkgroep:studio_edit", args=[poll.pk]) in page

"""Every id in a panel URL, tried by a caregiver it does not belong to."""

import pytest
from django.db import IntegrityError, transaction
from django.urls import reverse

from accounts.models import Role
from panel.models import Participation, Registration, RegistrationKind
from panel.services.gesprekken import register_for_gesprek
from panel.services.polls import cast_vote
from tests.accounts.factories import UserFactory
from tests.panel.factories import PanelMemberFactory, SpiegelgesprekFactory, answers_for, make_poll

pytestmark = pytest.mark.django_db


@pytest.fixture
def someone_else(wijk):
    other = PanelMemberFactory(wijk=wijk)
    poll = make_poll(anonymous=False)
    cast_vote(member=other, poll=poll, answers=answers_for(poll, text="Alleen voor mij"))
    gesprek = SpiegelgesprekFactory()
    registration = register_for_gesprek(
        gesprek_id=gesprek.pk,
        user=other.user,
        kind=RegistrationKind.CAREGIVER,
        topics="Geheim onderwerp",
    )
    return {"poll": poll, "gesprek": gesprek, "registration": registration}


def test_a_caregiver_cannot_see_results_of_a_poll_they_did_not_answer(client, member, someone_else):
    client.force_login(member.user)
    response = client.get(reverse("panel:poll_results", args=[someone_else["poll"].pk]))
    assert response.status_code == 403
    assert "Alleen voor mij" not in response.content.decode()


def test_a_caregiver_cannot_reach_the_thanks_page_of_someone_elses_response(
    client, member, someone_else
):
    client.force_login(member.user)
    response = client.get(reverse("panel:poll_thanks", args=[someone_else["poll"].pk]))
    assert response.url == reverse("panel:poll", args=[someone_else["poll"].pk])


def test_a_caregiver_cannot_cancel_or_see_someone_elses_registration(client, member, someone_else):
    client.force_login(member.user)
    registration = someone_else["registration"]
    assert (
        client.post(reverse("panel:cancel_registration", args=[registration.pk])).status_code == 404
    )
    assert Registration.objects.get(pk=registration.pk).status == "registered"
    page = client.get(reverse("panel:gesprek", args=[someone_else["gesprek"].pk])).content.decode()
    assert "Geheim onderwerp" not in page


@pytest.mark.parametrize("name", ["organise_gesprek", "checkin_list"])
def test_a_caregiver_cannot_open_the_organiser_lists(client, member, someone_else, name):
    client.force_login(member.user)
    response = client.get(reverse(f"panel:{name}", args=[someone_else["gesprek"].pk]))
    assert response.status_code == 403


def test_my_data_and_exports_hold_only_my_own_rows(client, member, someone_else):
    client.force_login(member.user)
    for name in ("my_data", "export_json", "export_csv"):
        body = client.get(reverse(f"panel:{name}")).content.decode()
        assert "Alleen voor mij" not in body and "Geheim onderwerp" not in body
        assert someone_else["poll"].title not in body


def test_a_professional_cannot_cancel_a_caregivers_place(client, someone_else):
    client.force_login(UserFactory(role=Role.PROFESSIONAL))
    registration = someone_else["registration"]
    assert (
        client.post(reverse("panel:cancel_registration", args=[registration.pk])).status_code == 404
    )


def test_the_database_itself_refuses_a_second_response(member, poll):
    Participation.objects.create(member=member, poll=poll)
    with pytest.raises(IntegrityError), transaction.atomic():
        Participation.objects.create(member=member, poll=poll)

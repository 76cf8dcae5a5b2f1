"""Control over what I shared: needs shown, changed and wiped on cancelling; cancelling asks
once; Mijn gegevens lists each registration once; a member can take back free text."""

import json

import pytest
from django.urls import reverse

from panel.models import Answer, Registration, RegistrationStatus
from panel.services.gesprekken import cancel_registration, register_for_gesprek
from panel.services.polls import cast_vote
from tests.panel.factories import SpiegelgesprekFactory, answers_for, make_poll
from tests.panel.readability import flesch_douma

pytestmark = pytest.mark.django_db


def register(user, gesprek, **needs):
    return register_for_gesprek(gesprek_id=gesprek.pk, user=user, kind="caregiver", **needs)


NEEDS = {"replacement_care": True, "transport": True, "diet": "Geen vlees", "topics": "Rollator"}


def test_the_confirmation_mail_repeats_the_needs(
    caregiver, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        register(caregiver, SpiegelgesprekFactory(), **NEEDS)
    body = mailoutbox[0].body
    assert "U heeft iemand nodig die de zorg overneemt." in body
    assert "U heeft vervoer nodig." in body
    assert "Eten en drinken: Geen vlees" in body
    assert "Waar u over wilt praten: Rollator" in body
    assert "Klopt dit niet? Wijzig het op de website" in body


def test_the_page_shows_the_needs_and_they_can_be_changed_without_cancelling(client, caregiver):
    gesprek = SpiegelgesprekFactory()
    registration = register(caregiver, gesprek, **NEEDS)
    client.force_login(caregiver)
    page = client.get(reverse("panel:gesprek", args=[gesprek.pk])).content.decode()
    assert "Wat u ons liet weten" in page and "Rollator" in page
    form = client.get(reverse("panel:gesprek", args=[gesprek.pk]) + "?wijzig=1").content.decode()
    assert 'name="topics"' in form and "Rollator" in form
    response = client.post(
        reverse("panel:gesprek", args=[gesprek.pk]), {"transport": "on", "diet": "Halal"}
    )
    assert response.status_code == 302
    registration.refresh_from_db()
    assert registration.status == RegistrationStatus.REGISTERED
    assert (registration.replacement_care, registration.transport) == (False, True)
    assert (registration.diet, registration.topics) == ("Halal", "")
    assert Registration.objects.count() == 1


def test_cancelling_asks_once_before_it_happens(client, caregiver):
    gesprek = SpiegelgesprekFactory()
    registration = register(caregiver, gesprek)
    client.force_login(caregiver)
    page = client.get(reverse("panel:gesprek", args=[gesprek.pk])).content.decode()
    url = reverse("panel:cancel_registration", args=[registration.pk])
    assert f'href="{url}"' in page  # a link to the question, not a button that cancels
    question = client.get(url)
    assert "Weet u zeker dat u zich afmeldt?" in question.content.decode()
    registration.refresh_from_db()
    assert registration.status == RegistrationStatus.REGISTERED
    client.post(url)
    registration.refresh_from_db()
    assert registration.status == RegistrationStatus.CANCELLED


def test_a_cancelled_registration_keeps_no_needs(caregiver):
    registration = register(caregiver, SpiegelgesprekFactory(), accessibility="Rolstoel", **NEEDS)
    cancel_registration(registration_id=registration.pk, user=caregiver)
    registration.refresh_from_db()
    assert not registration.replacement_care and not registration.transport
    assert (registration.accessibility, registration.diet, registration.topics) == ("", "", "")


def test_my_data_lists_each_gesprek_once_with_its_status(client, member):
    gesprek = SpiegelgesprekFactory(title="Praten over vervanging")
    first = register(member.user, gesprek)
    cancel_registration(registration_id=first.pk, user=member.user)
    register(member.user, gesprek)
    client.force_login(member.user)
    page = client.get(reverse("panel:my_data")).content.decode()
    assert page.count("Praten over vervanging") == 1
    assert "Praten over vervanging</a>: aangemeld" in page
    data = json.loads(client.get(reverse("panel:export_json")).content)
    assert [r["status"] for r in data["aanmeldingen"]] == ["Aangemeld"]
    assert set(data) == {"account", "panellid", "deelnames", "antwoorden", "aanmeldingen"}
    assert "Download als JSON" not in page


def test_a_member_takes_back_free_text_from_a_poll_on_their_name(client, member):
    poll = make_poll(anonymous=False)
    cast_vote(member=member, poll=poll, answers=answers_for(poll, text="Mijn buurvrouw helpt"))
    text = Answer.objects.get(question__poll=poll, choice=None)
    client.force_login(member.user)
    page = client.get(reverse("panel:my_data")).content.decode()
    assert "Mijn buurvrouw helpt" in page
    client.post(reverse("panel:withdraw_answer", args=[text.pk]))
    assert not Answer.objects.filter(pk=text.pk).exists()
    assert Answer.objects.filter(question__poll=poll).count() == 3  # the three choices stay


def test_nobody_takes_back_someone_elses_answer(client, member, caregiver):
    from tests.panel.factories import PanelMemberFactory

    other = PanelMemberFactory()
    poll = make_poll(anonymous=False)
    cast_vote(member=other, poll=poll, answers=answers_for(poll, text="Van een ander"))
    text = Answer.objects.get(question__poll=poll, choice=None)
    client.force_login(member.user)
    assert client.post(reverse("panel:withdraw_answer", args=[text.pk])).status_code == 404
    assert Answer.objects.filter(pk=text.pk).exists()


def test_texts_say_truthfully_that_the_werkgroep_reads_free_text(client, member):
    client.force_login(member.user)
    for anonymous in (True, False):
        poll = make_poll(anonymous=anonymous)
        page = client.get(reverse("panel:poll", args=[poll.pk])).content.decode()
        assert "Niemand ziet wat u zelf zei" not in page
        assert "Alleen u ziet het" not in page
        assert "Wat u zelf schrijft, leest de werkgroep" in page


def test_the_demo_poll_intro_does_not_count_questions_wrongly():
    from panel.demo import POLLS

    for spec in POLLS:
        assert "Drie korte vragen" not in spec["intro"]


def test_the_new_pages_are_plain_dutch(client, member):
    gesprek = SpiegelgesprekFactory()
    registration = register(member.user, gesprek, **NEEDS)
    client.force_login(member.user)
    for url in (
        reverse("panel:cancel_registration", args=[registration.pk]),
        reverse("panel:gesprek", args=[gesprek.pk]),
        reverse("panel:my_data"),
    ):
        assert flesch_douma(client.get(url).content.decode()) >= 65, url

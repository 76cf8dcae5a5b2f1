"""Joining needs proof of the address (issue 15, finding 2): nothing is stored until the code
sent to the address is confirmed, and the flow answers every address the same way."""

import re

import pytest
from django.urls import reverse

from accounts.models import Role, User
from panel.models import PanelMember
from tests.accounts.factories import UserFactory
from tests.panel.factories import PanelMemberFactory

pytestmark = pytest.mark.django_db

STEPS = ("wijk", "leeftijd", "zorg-voor", "uren")


def _walk_the_wizard(client, email: str, wijk=None):
    client.post(reverse("panel:join"), {"email": email})
    client.post(reverse("panel:join_step", args=["toestemming"]), {"consent": "on"})
    client.post(reverse("panel:join_step", args=["wijk"]), {"value": str(wijk.pk) if wijk else ""})
    client.post(reverse("panel:join_step", args=["leeftijd"]), {"value": "35-54"})
    client.post(reverse("panel:join_step", args=["zorg-voor"]), {"value": ""})
    client.post(reverse("panel:join_step", args=["uren"]), {"value": "8-19"})
    return client.post(reverse("panel:join_step", args=["werk"]), {"value": "yes"}, follow=True)


def _code(mail) -> str:
    return re.search(r"^\s*([A-Z0-9]{6})\s*$", mail.body, re.MULTILINE).group(1)


def test_nothing_is_stored_before_the_code_is_confirmed(client, wijk, mailoutbox):
    response = _walk_the_wizard(client, "nieuw@example.org", wijk)
    assert response.redirect_chain[-1][0] == reverse("panel:join_confirm")
    assert not User.objects.filter(email="nieuw@example.org").exists()
    assert not PanelMember.objects.exists()
    (mail,) = mailoutbox
    assert mail.to == ["nieuw@example.org"]
    response = client.post(reverse("panel:join_confirm"), {"code": _code(mail)})
    assert response.status_code == 302
    assert response["Location"] == reverse("panel:home")
    member = PanelMember.objects.get(user__email="nieuw@example.org")
    assert (member.wijk, member.age_band, member.care_hours, member.works) == (
        wijk,
        "35-54",
        "8-19",
        True,
    )
    assert member.consent_version and member.consent_at is not None
    assert member.user.profile.role == Role.CAREGIVER
    assert member.user.emailaddress_set.get().verified
    assert client.get(reverse("panel:home")).status_code == 200


def test_a_wrong_code_stores_nothing_and_three_wrong_codes_end_the_attempt(client, mailoutbox):
    _walk_the_wizard(client, "nieuw@example.org")
    right = _code(mailoutbox[0])
    wrong = "AAAAAA" if right != "AAAAAA" else "BBBBBB"
    for _ in range(3):
        response = client.post(reverse("panel:join_confirm"), {"code": wrong})
        assert response.status_code == 200
    response = client.post(reverse("panel:join_confirm"), {"code": right}, follow=True)
    assert not PanelMember.objects.exists()
    assert not User.objects.filter(email="nieuw@example.org").exists()
    assert "te vaak een verkeerde code" in response.content.decode()


def _answer_for(client, email: str, mailoutbox) -> tuple[int, str, str]:
    mailoutbox.clear()
    response = _walk_the_wizard(client, email)
    page = response.content.decode().replace(email, "<adres>")
    page = re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", page)
    return response.status_code, response.redirect_chain[-1][0], page


def test_every_address_gets_the_same_answer_on_screen(client, mailoutbox, professional):
    caregiver_member = PanelMemberFactory(user=UserFactory(role=Role.CAREGIVER))
    werkgroep = UserFactory(role=Role.WERKGROEP)
    answers = []
    for email in (
        "onbekend@example.org",
        caregiver_member.user.email,
        professional.email,
        werkgroep.email,
    ):
        client.cookies.clear()
        answers.append(_answer_for(client, email, mailoutbox))
        assert "ander soort account" not in answers[-1][2]
    assert all(answer == answers[0] for answer in answers)


def test_a_staff_address_gets_its_explanation_by_e_mail_and_no_code(
    client, mailoutbox, professional
):
    _walk_the_wizard(client, professional.email)
    (mail,) = mailoutbox
    assert mail.to == [professional.email]
    assert "ander soort account" in mail.body
    assert not re.search(r"^\s*[A-Z0-9]{6}\s*$", mail.body, re.MULTILINE)
    response = client.post(reverse("panel:join_confirm"), {"code": "ABCDEF"})
    assert response.status_code == 200
    assert not PanelMember.objects.filter(user=professional).exists()
    assert professional.profile.role == Role.PROFESSIONAL


def test_a_member_who_joins_again_is_logged_in_after_the_code(client, mailoutbox):
    member = PanelMemberFactory(user=UserFactory(role=Role.CAREGIVER), age_band="55-66")
    _walk_the_wizard(client, member.user.email)
    client.post(reverse("panel:join_confirm"), {"code": _code(mailoutbox[0])})
    member.refresh_from_db()
    assert member.age_band == "55-66"  # nothing overwritten
    assert client.get(reverse("panel:home")).status_code == 200


def test_the_confirm_page_without_a_pending_join_starts_over(client):
    response = client.get(reverse("panel:join_confirm"))
    assert response.status_code == 302
    assert response["Location"] == reverse("panel:join")

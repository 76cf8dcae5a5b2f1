import csv
import io
import json
import re
from datetime import timedelta

import pytest
from django.core import signing
from django.urls import reverse

from accounts.models import Role, User
from panel.exceptions import NotAMember
from panel.models import Answer, PanelMember, Participation, Registration, RegistrationKind
from panel.selectors import panel_growth, panel_size, poll_results
from panel.services.gesprekken import register_for_gesprek
from panel.services.mailings import send_poll_invitations
from panel.services.members import leave_panel
from panel.services.polls import cast_vote
from panel.tokens import INVITE_SALT, make_invitation_token
from tests.accounts.factories import UserFactory
from tests.panel.factories import PanelMemberFactory, SpiegelgesprekFactory, answers_for, make_poll
from tests.panel.test_poll_views import answer_all

pytestmark = pytest.mark.django_db


def test_joining_asks_one_thing_per_screen_and_logs_in_by_code(client, wijk, mailoutbox):
    response = client.post(reverse("panel:join"), {"email": "nieuw@example.org"})
    assert response.url == reverse("panel:join_step", args=["toestemming"])
    client.post(response.url, {"consent": "on"})
    client.post(reverse("panel:join_step", args=["wijk"]), {"value": str(wijk.pk)})
    client.post(reverse("panel:join_step", args=["leeftijd"]), {"value": "35-54"})
    client.post(reverse("panel:join_step", args=["zorg-voor"]), {"value": ""})  # skipped
    client.post(reverse("panel:join_step", args=["uren"]), {"value": "8-19"})
    response = client.post(reverse("panel:join_step", args=["werk"]), {"value": "yes"})
    assert response.url == reverse("panel:join_confirm")
    assert not PanelMember.objects.exists()  # nothing stored before the code is confirmed
    (mail,) = mailoutbox
    code = re.search(r"^([A-Z0-9]{6})$", mail.body, re.MULTILINE).group(1)
    response = client.post(reverse("panel:join_confirm"), {"code": code})
    assert response.status_code == 302
    member = PanelMember.objects.get(user__email="nieuw@example.org")
    assert (member.wijk, member.age_band, member.relation, member.care_hours, member.works) == (
        wijk,
        "35-54",
        "",
        "8-19",
        True,
    )
    assert member.consent_version == "2026-1" and member.consent_at is not None
    assert member.user.profile.role == Role.CAREGIVER
    assert client.get(reverse("panel:home")).status_code == 200


def test_joining_without_consent_gets_a_dutch_message(client):
    client.post(reverse("panel:join"), {"email": "nieuw@example.org"})
    response = client.post(reverse("panel:join_step", args=["toestemming"]), {})
    assert "Zet een vinkje als u mee wilt doen" in response.content.decode()
    assert client.get(reverse("panel:join_step", args=["wijk"])).url == reverse(
        "panel:join_step", args=["toestemming"]
    )
    assert not PanelMember.objects.exists()


def test_joining_with_a_bad_email_gets_a_dutch_message(client):
    response = client.post(reverse("panel:join"), {"email": "geen-adres"})
    assert "Dit e-mailadres klopt niet" in response.content.decode()


def test_a_professional_cannot_join_the_panel(client, professional):
    client.force_login(professional)
    assert client.get(reverse("panel:join")).status_code == 403


def test_export_contains_all_my_answers_and_registrations(client, member):
    identified = make_poll(anonymous=False)
    anonymous = make_poll(anonymous=True)
    cast_vote(
        member=member, poll=identified, answers=answers_for(identified, text="Meer avondzorg")
    )
    cast_vote(member=member, poll=anonymous, answers=answers_for(anonymous))
    gesprek = SpiegelgesprekFactory(title="Gesprek over respijt")
    register_for_gesprek(
        gesprek_id=gesprek.pk, user=member.user, kind=RegistrationKind.CAREGIVER, transport=True
    )
    client.force_login(member.user)
    data = json.loads(client.get(reverse("panel:export_json")).content)
    assert data["account"]["emailadres"] == member.user.email
    assert {p["vragenlijst"] for p in data["deelnames"]} == {identified.title, anonymous.title}
    assert len(data["antwoorden"]) == 4
    assert "Meer avondzorg" in {a["antwoord"] for a in data["antwoorden"]}
    assert (
        data["aanmeldingen"][0]["gesprek"] == "Gesprek over respijt"
        and data["aanmeldingen"][0]["vervoer_nodig"] == "ja"
        and data["aanmeldingen"][0]["status"] == "Aangemeld"
    )
    rows = list(csv.reader(io.StringIO(client.get(reverse("panel:export_csv")).content.decode())))
    assert ["antwoorden", "4", "antwoord", "Meer avondzorg"] in rows
    assert any(r[0] == "aanmeldingen" and r[3] == "Gesprek over respijt" for r in rows)


def test_leaving_deletes_personal_data_keeps_totals_and_unlinks_everything(client, member, wijk):
    identified = make_poll(anonymous=False)
    other = PanelMemberFactory(wijk=wijk)
    cast_vote(member=member, poll=identified, answers=answers_for(identified, text="Mijn tekst"))
    cast_vote(member=other, poll=identified, answers=answers_for(identified))
    gesprek = SpiegelgesprekFactory(caregiver_places=1)
    register_for_gesprek(
        gesprek_id=gesprek.pk, user=member.user, kind=RegistrationKind.CAREGIVER, topics="Privé"
    )
    waiting = UserFactory(role=Role.CAREGIVER)
    register_for_gesprek(gesprek_id=gesprek.pk, user=waiting, kind=RegistrationKind.CAREGIVER)
    before = poll_results(poll_id=identified.pk)
    user_id, email = member.user.pk, member.user.email
    client.force_login(member.user)
    response = client.post(reverse("panel:leave"))
    assert response.url == reverse("home")
    assert poll_results(poll_id=identified.pk) == before
    assert not User.objects.filter(pk=user_id).exists()
    assert not User.objects.filter(email=email).exists()
    assert not Registration.objects.filter(user_id=user_id).exists()
    assert not Registration.objects.filter(topics="Privé").exists()
    member.refresh_from_db()
    assert (
        member.user is None
        and member.wijk is None
        and member.age_band == ""
        and member.works is None
    )
    assert member.consent_at is None and member.left_at is not None
    assert not Participation.objects.filter(member=member).exists()
    assert not Answer.objects.filter(member=member).exists()
    assert Answer.objects.filter(text="Mijn tekst", member=None).exists()
    assert Registration.objects.get(user=waiting).status == "registered"  # the place moved on
    assert panel_size() == 1
    assert sum(row.left for row in panel_growth()) == 1
    assert client.get(reverse("panel:home")).status_code == 302  # logged out


def test_a_member_who_left_can_no_longer_vote_with_an_old_invitation(client, member):
    poll = make_poll()
    token = make_invitation_token(member=member, poll=poll)
    leave_panel(member=member)
    response = client.get(reverse("panel:invitation", args=[poll.pk, token]))
    assert response.status_code == 400


def test_only_a_member_who_takes_part_has_an_account(member):
    assert member.account == member.user
    leave_panel(member=member)
    member.refresh_from_db()
    with pytest.raises(NotAMember):
        _ = member.account


# Invitations -------------------------------------------------------------------------------


def test_an_invitation_link_lets_a_member_answer_without_logging_in(client, member):
    poll = make_poll()
    response = client.get(
        reverse("panel:invitation", args=[poll.pk, make_invitation_token(member=member, poll=poll)])
    )
    assert response.url == reverse("panel:poll", args=[poll.pk])
    answer_all(client, poll)
    assert Participation.objects.filter(member=member, poll=poll).count() == 1


def test_an_invitation_for_another_poll_is_refused(client, member):
    poll, other = make_poll(), make_poll()
    response = client.get(
        reverse(
            "panel:invitation", args=[other.pk, make_invitation_token(member=member, poll=poll)]
        )
    )
    assert response.status_code == 400 and "Deze link klopt niet" in response.content.decode()
    assert client.get(reverse("panel:poll", args=[other.pk])).status_code == 302  # to login, not in


def test_a_tampered_invitation_is_refused(client, member, poll):
    token = make_invitation_token(member=member, poll=poll)
    forged = signing.dumps(
        {"m": member.pk + 1, "p": poll.pk}, salt=INVITE_SALT + "x", compress=True
    )
    for bad in (token[:-3] + "abc", forged, "nonsense"):
        response = client.get(reverse("panel:invitation", args=[poll.pk, bad]))
        assert response.status_code == 400
    assert "panel_invites" not in client.session


def test_a_signed_invitation_without_a_member_id_is_refused(client, member, poll):
    for data in ({"p": poll.pk}, {"m": None, "p": poll.pk}):
        token = signing.dumps(data, salt=INVITE_SALT, compress=True)
        response = client.get(reverse("panel:invitation", args=[poll.pk, token]))
        assert response.status_code == 400
    assert "panel_invites" not in client.session


def test_an_expired_invitation_is_refused(client, member, poll, settings):
    token = make_invitation_token(member=member, poll=poll)
    settings.PANEL_INVITATION_DAYS = -1
    response = client.get(reverse("panel:invitation", args=[poll.pk, token]))
    assert response.status_code == 400 and "Deze link is verlopen" in response.content.decode()


def test_invitations_are_mailed_once_to_the_audience(member, mailoutbox):
    poll = make_poll()
    PanelMemberFactory()
    assert send_poll_invitations(poll_id=poll.pk) == 2
    assert send_poll_invitations(poll_id=poll.pk) == 0
    assert len(mailoutbox) == 2
    body = next(m.body for m in mailoutbox if m.to == [member.user.email])
    assert f"/panel/vragen/{poll.pk}/uitnodiging/" in body


def test_invitation_command_skips_scheduled_polls(member, mailoutbox):
    from django.core.management import call_command
    from django.utils import timezone

    make_poll(
        opens_at=timezone.now() + timedelta(days=1), closes_at=timezone.now() + timedelta(days=5)
    )
    call_command("send_poll_invitations")
    assert mailoutbox == []


def test_joining_again_and_again_is_rate_limited_like_allauths_code_form(client, mailoutbox):
    statuses = []
    for _ in range(5):
        client.post(reverse("panel:join"), {"email": "vaak@example.org"})
        client.post(reverse("panel:join_step", args=["toestemming"]), {"consent": "on"})
        for step in ("wijk", "leeftijd", "zorg-voor", "uren"):
            client.post(reverse("panel:join_step", args=[step]), {"value": ""})
        response = client.post(
            reverse("panel:join_step", args=["werk"]), {"value": ""}, follow=True
        )
        statuses.append("Wacht een minuut" in response.content.decode())
    assert statuses == [False, False, False, True, True]
    assert len(mailoutbox) == 3
    assert not PanelMember.objects.filter(user__email="vaak@example.org").exists()

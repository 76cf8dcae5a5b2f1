"""A poll is a concept until it is published: whatever its times, no caregiver sees or
answers it on any read path (home, poll pages, invitation link, results, websocket, mail)."""

import re
from datetime import timedelta

import pytest
from django.contrib.admin.sites import site
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone

from panel import consumers, selectors
from panel.access import INVITES_KEY, can_see_results
from panel.exceptions import PollNotOpenYet
from panel.models import Poll, PollStatus, Question
from panel.services.mailings import send_poll_invitations
from panel.services.polls import cast_vote
from panel.tokens import make_invitation_token
from tests.panel.factories import answers_for, make_poll

pytestmark = pytest.mark.django_db


@pytest.fixture
def concept(db):
    """Made through the ORM with default values, open by its times: still a concept."""
    now = timezone.now()
    poll = Poll.objects.create(
        title="Nog niet klaar",
        opens_at=now - timedelta(hours=1),
        closes_at=now + timedelta(days=3),
    )
    question = Question.objects.create(poll=poll, order=1, text="Hoe gaat het?", kind="single")
    question.choices.create(order=1, text="Goed")
    question.choices.create(order=2, text="Slecht")
    return poll


def test_a_poll_made_with_default_values_is_a_concept(concept):
    assert concept.published_at is None
    assert concept.status == PollStatus.DRAFT


def test_a_concept_is_not_on_the_caregivers_home(client, member, concept):
    client.force_login(member.user)
    response = client.get(reverse("panel:home"))
    assert concept not in selectors.open_polls_for(member)
    assert "Nog niet klaar" not in response.content.decode()


@pytest.mark.parametrize(
    ("name", "extra"),
    [
        ("panel:poll", []),
        ("panel:poll_question", [1]),
        ("panel:poll_review", []),
        ("panel:poll_thanks", []),
        ("panel:poll_results", []),
    ],
)
def test_every_poll_page_of_a_concept_is_not_found_for_a_caregiver(
    client, member, concept, name, extra
):
    client.force_login(member.user)
    assert client.get(reverse(name, args=[concept.pk, *extra])).status_code == 404
    assert client.post(reverse(name, args=[concept.pk, *extra])).status_code == 404


def test_an_invitation_link_to_a_concept_is_not_found(client, member, concept):
    token = make_invitation_token(member=member, poll=concept)
    response = client.get(reverse("panel:invitation", args=[concept.pk, token]))
    assert response.status_code == 404
    assert INVITES_KEY not in client.session


def test_a_concept_cannot_be_answered_through_the_service(member, concept):
    with pytest.raises(PollNotOpenYet):
        cast_vote(member=member, poll=concept, answers=answers_for(concept))
    assert not concept.participations.exists()


def test_nobody_sees_results_of_a_concept_or_listens_to_them(member, concept):
    assert can_see_results(concept, member) is False
    scope = {"user": member.user, "session": {}}
    assert consumers._may_see(scope, concept.pk) is False


def test_a_concept_sends_no_invitations(member, concept, mailoutbox):
    assert send_poll_invitations(poll_id=concept.pk) == 0
    assert mailoutbox == []


def test_a_concept_is_not_counted_on_the_werkgroep_dashboard(concept):
    assert concept.pk not in {p.id for p in selectors.polls_overview()}


def test_a_published_poll_is_visible_again(client, member):
    poll = make_poll()
    client.force_login(member.user)
    assert client.get(reverse("panel:poll", args=[poll.pk])).status_code == 200


def test_the_admin_cannot_add_or_change_polls(admin_user):
    request = RequestFactory().get("/admin/")
    request.user = admin_user
    for model in (Poll, Question):
        admin = site._registry[model]
        assert not admin.has_add_permission(request)
        assert not admin.has_change_permission(request)


def test_new_polls_are_new_for_a_week_on_the_caregivers_home(client, member):
    fresh = make_poll(title="Verse peiling")
    old = make_poll(
        title="Oude peiling",
        opens_at=timezone.now() - timedelta(days=10),
        published_at=timezone.now() - timedelta(days=10),
    )
    assert fresh.is_new and not old.is_new
    client.force_login(member.user)
    html = client.get(reverse("panel:home")).content.decode()
    items = re.findall(r"<li class=\"mk-card\">.*?</li>", html, re.S)
    fresh_item = next(i for i in items if "Verse peiling" in i)
    old_item = next(i for i in items if "Oude peiling" in i)
    assert "Nieuw" in fresh_item and "Nieuw" not in old_item

"""Repeat a poll (a linked copy) and ask caregivers whether a done action point helps, with
the result on /wij-deden/ only once the follow-up poll is published and closed."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from panel import poll_editing, publishing
from panel.models import Poll, PollStatus
from tests.werkgroep.factories import ActionPointFactory, make_poll, random_votes
from werkgroep.exceptions import ActionNotDone
from werkgroep.models import ActionStatus, FollowUpPoll
from werkgroep.services import ask_if_it_helps

pytestmark = pytest.mark.django_db


@pytest.fixture
def wg(client, werkgroep_user):
    client.force_login(werkgroep_user)
    return client


def shape(poll: Poll) -> list:
    return [
        (
            q.order,
            q.kind,
            q.text,
            q.max_choices,
            [(c.order, c.text, c.value, c.face) for c in q.choices.order_by("order")],
        )
        for q in poll.questions.order_by("order")
    ]


def test_a_repeat_copies_questions_and_options_and_links_to_the_original(wg):
    original = make_poll()
    random_votes(original, 8)
    response = wg.post(reverse("werkgroep:studio_repeat", args=[original.pk]))
    copy = Poll.objects.exclude(pk=original.pk).get()
    assert response.url == reverse("werkgroep:studio_edit", args=[copy.pk])
    assert copy.repeat_of == original and list(original.repeats.all()) == [copy]
    assert shape(copy) == shape(original)
    assert copy.status == PollStatus.DRAFT
    assert not copy.participations.exists()
    assert set(copy.questions.values_list("pk", flat=True)).isdisjoint(
        original.questions.values_list("pk", flat=True)
    )
    assert (copy.anonymous, copy.audience, copy.results_visibility) == (
        original.anonymous,
        original.audience,
        original.results_visibility,
    )


def test_a_repeat_can_be_published_at_once():
    copy = poll_editing.repeat_poll(poll_id=make_poll().pk)
    publishing.publish_poll(poll_id=copy.pk)
    assert Poll.objects.get(pk=copy.pk).status == PollStatus.SCHEDULED


def test_a_follow_up_poll_is_a_linked_concept_about_the_action(wg, werkgroep_user):
    point = ActionPointFactory(status=ActionStatus.DONE, title="Vervoer naar de dagopvang")
    response = wg.post(reverse("werkgroep:action_follow_up", args=[point.pk]))
    link = FollowUpPoll.objects.get(action_point=point)
    assert response.url == reverse("werkgroep:studio_edit", args=[link.poll.pk])
    assert link.poll.status == PollStatus.DRAFT
    assert "Vervoer naar de dagopvang" in link.poll.title
    assert publishing.poll_problems(link.poll, now=timezone.now()) == []
    assert link.created_by == werkgroep_user
    page = wg.get(reverse("werkgroep:action", args=[point.pk])).content.decode()
    assert link.poll.title in page


def test_no_follow_up_poll_for_an_action_that_is_not_done(wg):
    point = ActionPointFactory(status=ActionStatus.IN_PROGRESS)
    with pytest.raises(ActionNotDone):
        ask_if_it_helps(action_point=point, by=None)
    response = wg.post(reverse("werkgroep:action_follow_up", args=[point.pk]), follow=True)
    assert "nog niet klaar" in response.content.decode()
    assert not FollowUpPoll.objects.exists()


def _closed(poll: Poll) -> None:
    Poll.objects.filter(pk=poll.pk).update(
        opens_at=timezone.now() - timedelta(days=10), closes_at=timezone.now() - timedelta(days=1)
    )


def test_wij_deden_shows_the_follow_up_result_only_when_published_and_closed(client):
    point = ActionPointFactory(status=ActionStatus.DONE, is_public=True, title="Vast nummer")
    poll = ask_if_it_helps(action_point=point, by=None)
    random_votes(poll, 12)

    def page() -> str:
        return client.get(reverse("wij_deden")).content.decode()

    _closed(poll)  # closed by its times, but never published: a concept
    assert "Helpt dit u?" not in page()
    Poll.objects.filter(pk=poll.pk).update(
        published_at=timezone.now() - timedelta(days=11),
        closes_at=timezone.now() + timedelta(days=1),
    )
    assert "Helpt dit u?" not in page()  # published and still open
    _closed(poll)
    html = page()
    assert "Helpt dit u?" in html and "12 mensen gaven antwoord" in html
    assert "Ja, veel" in html


def test_a_small_follow_up_result_is_suppressed_on_wij_deden(client):
    point = ActionPointFactory(status=ActionStatus.DONE, is_public=True)
    poll = ask_if_it_helps(action_point=point, by=None)
    random_votes(poll, 3)
    Poll.objects.filter(pk=poll.pk).update(published_at=timezone.now() - timedelta(days=11))
    _closed(poll)
    html = client.get(reverse("wij_deden")).content.decode()
    assert "&lt;5 mensen gaven antwoord" in html
    assert "Ja, veel:" not in html

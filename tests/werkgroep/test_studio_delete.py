"""Deleting a concept in the poll studio: only a concept nobody saw, after a page that asks,
never a published poll (not even in a race with publishing), and links to the concept (a
repeat, a follow-up of an action point, an action point's evidence) do not break."""

import threading
from datetime import timedelta

import pytest
from django.db import connection
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from accounts.models import Role
from panel import poll_editing, publishing
from panel.models import Choice, Poll, PollInvitation, PollStatus, Question, QuestionKind
from tests.panel.factories import PanelMemberFactory
from tests.werkgroep.factories import ActionPointFactory, make_poll, random_votes
from werkgroep import evidence
from werkgroep.exceptions import ConceptCited
from werkgroep.models import ActionStatus, FollowUpPoll
from werkgroep.services import ask_if_it_helps, delete_concept_poll

pytestmark = pytest.mark.django_db


@pytest.fixture
def wg(client, werkgroep_user):
    client.force_login(werkgroep_user)
    return client


def concept(title: str = "Hoe gaat het met de dagopvang?") -> Poll:
    poll = poll_editing.create_poll(title=title)
    question = poll_editing.add_question(poll_id=poll.pk, kind=QuestionKind.SINGLE, text="Vraag?")
    for text in ("Ja", "Nee"):
        poll_editing.add_choice(question_id=question.pk, text=text)
    return poll


def delete_url(poll: Poll) -> str:
    return reverse("werkgroep:studio_delete", args=[poll.pk])


def edit_url(poll: Poll) -> str:
    return reverse("werkgroep:studio_edit", args=[poll.pk])


# The page that asks, then the POST -------------------------------------------------------------


def test_the_editor_of_a_concept_links_to_deleting_it(wg):
    poll = concept()
    assert delete_url(poll) in wg.get(edit_url(poll)).content.decode()


def test_the_editor_of_a_published_poll_does_not_offer_deleting(wg):
    poll = make_poll()
    assert delete_url(poll) not in wg.get(edit_url(poll)).content.decode()


def test_deleting_asks_first_and_a_get_deletes_nothing(wg):
    poll = concept()
    page = wg.get(delete_url(poll)).content.decode()
    assert "Weet u zeker dat u het concept „Hoe gaat het met de dagopvang?” wilt" in page
    assert 'method="post"' in page and "csrfmiddlewaretoken" in page
    assert Poll.objects.filter(pk=poll.pk).exists()


def test_a_concept_is_deleted_with_its_questions_and_options(wg):
    poll = concept()
    response = wg.post(delete_url(poll), follow=True)
    assert response.redirect_chain[-1][0] == reverse("werkgroep:studio")
    assert "Het concept is verwijderd." in response.content.decode()
    assert not Poll.objects.filter(pk=poll.pk).exists()
    assert not Question.objects.filter(poll_id=poll.pk).exists()
    assert not Choice.objects.filter(question__poll_id=poll.pk).exists()


def test_deleting_without_the_csrf_token_is_refused(werkgroep_user):
    client = Client(enforce_csrf_checks=True)
    client.force_login(werkgroep_user)
    poll = concept()
    assert client.post(delete_url(poll)).status_code == 403
    assert Poll.objects.filter(pk=poll.pk).exists()


@pytest.mark.parametrize("role", [Role.CAREGIVER, Role.PROFESSIONAL])
def test_other_roles_cannot_delete_a_concept(client, login_as, role):
    login_as(client, role)
    poll = concept()
    assert client.post(delete_url(poll)).status_code == 403
    assert Poll.objects.filter(pk=poll.pk).exists()


def test_beheer_may_delete_a_concept(client, login_as):
    login_as(client, Role.ADMIN)
    poll = concept()
    client.post(delete_url(poll))
    assert not Poll.objects.filter(pk=poll.pk).exists()


# Refused: anything that is not a concept nobody saw ----------------------------------------------


def _scheduled() -> Poll:
    return make_poll(
        opens_at=timezone.now() + timedelta(days=1), closes_at=timezone.now() + timedelta(days=8)
    )


def _closed() -> Poll:
    return make_poll(
        opens_at=timezone.now() - timedelta(days=8), closes_at=timezone.now() - timedelta(days=1)
    )


@pytest.mark.parametrize("make", [_scheduled, make_poll, _closed], ids=["gepland", "open", "dicht"])
def test_a_published_poll_is_not_deleted_and_the_studio_says_why(wg, make):
    poll = make()
    for response in (wg.get(delete_url(poll), follow=True), wg.post(delete_url(poll), follow=True)):
        assert response.redirect_chain[-1][0] == edit_url(poll)
        assert "Alleen een concept kunt u verwijderen." in response.content.decode()
    assert Poll.objects.filter(pk=poll.pk).exists()
    with pytest.raises(publishing.DeletePublished):
        publishing.delete_concept(poll_id=poll.pk)


def test_a_concept_with_answers_stays(wg):
    poll = concept()
    random_votes(poll, 3)  # answers stored directly, as data loaded in bulk would be
    response = wg.post(delete_url(poll), follow=True)
    assert "Daarom blijft ze bewaard." in response.content.decode()
    assert Poll.objects.filter(pk=poll.pk).exists()


def test_a_concept_with_invitations_stays():
    poll = concept()
    PollInvitation.objects.create(poll=poll, member=PanelMemberFactory())
    with pytest.raises(publishing.DeleteUsed):
        publishing.delete_concept(poll_id=poll.pk)
    assert Poll.objects.filter(pk=poll.pk).exists()


def test_a_scheduled_poll_back_in_concept_can_be_deleted():
    poll = concept()
    publishing.publish_poll(poll_id=poll.pk)
    publishing.unpublish_poll(poll_id=poll.pk)
    publishing.delete_concept(poll_id=poll.pk)
    assert not Poll.objects.filter(pk=poll.pk).exists()


@pytest.mark.django_db(transaction=True)
def test_a_parallel_publish_and_delete_do_not_both_win(mailoutbox):
    PanelMemberFactory()
    poll = concept()
    Poll.objects.filter(pk=poll.pk).update(opens_at=timezone.now())
    barrier = threading.Barrier(2)
    outcomes: dict[str, str] = {}

    def publish():
        try:
            barrier.wait()
            publishing.publish_poll(poll_id=poll.pk)
            outcomes["publish"] = "won"
        except Poll.DoesNotExist:
            outcomes["publish"] = "gone"
        finally:
            connection.close()

    def delete():
        try:
            barrier.wait()
            delete_concept_poll(poll_id=poll.pk)
            outcomes["delete"] = "won"
        except publishing.DeletePublished:
            outcomes["delete"] = "refused"
        finally:
            connection.close()

    threads = [threading.Thread(target=publish), threading.Thread(target=delete)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    if outcomes == {"publish": "won", "delete": "refused"}:
        assert Poll.objects.get(pk=poll.pk).status == PollStatus.OPEN
    else:
        assert outcomes == {"publish": "gone", "delete": "won"}
        assert not Poll.objects.filter(pk=poll.pk).exists()
        assert mailoutbox == []


# Links to the concept ------------------------------------------------------------------------


def test_deleting_a_repeat_leaves_the_original_as_it_was():
    original = make_poll()
    repeat = poll_editing.repeat_poll(poll_id=original.pk)
    publishing.delete_concept(poll_id=repeat.pk)
    assert Poll.objects.filter(pk=original.pk).exists()
    assert list(original.repeats.all()) == []


def test_repeats_of_a_deleted_concept_become_repeats_of_what_it_repeated(wg):
    first = _closed()
    middle = poll_editing.repeat_poll(poll_id=first.pk)
    last = poll_editing.repeat_poll(poll_id=middle.pk)
    page = wg.get(delete_url(middle)).content.decode()
    assert last.title in page and "Daarna zijn ze een herhaling van" in page
    wg.post(delete_url(middle))
    last.refresh_from_db()
    assert last.repeat_of_id == first.pk


def test_repeats_of_a_deleted_first_concept_stand_alone():
    first = concept()
    repeat = poll_editing.repeat_poll(poll_id=first.pk)
    publishing.delete_concept(poll_id=first.pk)
    repeat.refresh_from_db()
    assert repeat.repeat_of_id is None


def test_deleting_a_follow_up_concept_keeps_the_action_point_which_can_ask_again(wg):
    point = ActionPointFactory(status=ActionStatus.DONE, title="Vervoer naar de dagopvang")
    poll = ask_if_it_helps(action_point=point, by=None)
    page = wg.get(delete_url(poll)).content.decode()
    assert "Vervoer naar de dagopvang" in page and "Het actiepunt blijft bestaan." in page
    wg.post(delete_url(poll))
    assert not Poll.objects.filter(pk=poll.pk).exists()
    assert not FollowUpPoll.objects.filter(action_point=point).exists()
    assert wg.get(reverse("werkgroep:action", args=[point.pk])).status_code == 200
    again = ask_if_it_helps(action_point=point, by=None)
    assert FollowUpPoll.objects.get(action_point=point).poll == again


def test_a_concept_an_action_point_cites_is_not_deleted(wg):
    poll = concept()
    point = ActionPointFactory()
    evidence.cite_answer(
        action_point=point, choice_id=Choice.objects.filter(question__poll=poll).first().pk
    )
    response = wg.post(delete_url(poll), follow=True)
    assert "Een actiepunt noemt deze peiling als onderbouwing." in response.content.decode()
    assert Poll.objects.filter(pk=poll.pk).exists() and point.evidence.count() == 1
    with pytest.raises(ConceptCited):
        delete_concept_poll(poll_id=poll.pk)


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("werkgroep:studio_publish", {"when": "now"}),
        ("werkgroep:studio_close", {}),
        ("werkgroep:studio_unpublish", {}),
        ("werkgroep:studio_repeat", {}),
        ("werkgroep:studio_edit", {"action": "settings", "title": "Nieuw"}),
    ],
)
def test_a_poll_deleted_in_another_tab_meanwhile_is_not_found_not_an_error(
    wg, monkeypatch, name, data
):
    # The page read the poll; before the change locks it, another tab deleted the concept.
    poll = concept()
    stale = Poll.objects.get(pk=poll.pk)
    Poll.objects.filter(pk=poll.pk).delete()
    monkeypatch.setattr("werkgroep.studio._poll", lambda poll_id: stale)
    response = wg.post(reverse(name, args=[poll.pk]), data)
    assert response.status_code == 404

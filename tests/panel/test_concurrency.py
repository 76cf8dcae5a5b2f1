"""Races: parallel requests meet a Barrier, then the database decides. Runs on SQLite and PostgreSQL."""

import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connection

from accounts.models import Role
from panel.exceptions import AlreadyVoted
from panel.models import Answer, Participation, Registration, RegistrationKind
from panel.services.gesprekken import cancel_registration, register_for_gesprek
from panel.services.polls import cast_vote
from tests.accounts.factories import UserFactory
from tests.panel.factories import PanelMemberFactory, SpiegelgesprekFactory, answers_for, make_poll

pytestmark = pytest.mark.django_db(transaction=True)

N = 50


def run_together(n, fn):
    barrier = threading.Barrier(n)

    def worker(i):
        barrier.wait()
        try:
            return fn(i)
        except Exception as error:  # noqa: BLE001 - the outcome is what we count
            return error
        finally:
            connection.close()

    with ThreadPoolExecutor(max_workers=n) as pool:
        return list(pool.map(worker, range(n)))


def test_fifty_parallel_votes_of_one_member_store_exactly_one():
    member = PanelMemberFactory()
    poll = make_poll()
    answers = answers_for(poll, text="Eén keer")
    outcomes = run_together(N, lambda i: cast_vote(member=member, poll=poll, answers=answers))
    assert Participation.objects.filter(poll=poll).count() == 1
    assert Answer.objects.filter(question__poll=poll).count() == 4
    errors = [o for o in outcomes if isinstance(o, Exception)]
    assert len(errors) == N - 1 and all(isinstance(e, AlreadyVoted) for e in errors), errors[:3]


def test_fifty_parallel_signups_for_ten_places_give_ten_registered_and_forty_waiting(mailoutbox):
    gesprek = SpiegelgesprekFactory(caregiver_places=10)
    users = [UserFactory(role=Role.CAREGIVER) for _ in range(N)]
    outcomes = run_together(
        N,
        lambda i: register_for_gesprek(
            gesprek_id=gesprek.pk, user=users[i], kind=RegistrationKind.CAREGIVER
        ),
    )
    assert not [o for o in outcomes if isinstance(o, Exception)]
    assert Registration.objects.filter(gesprek=gesprek, status="registered").count() == 10
    assert Registration.objects.filter(gesprek=gesprek, status="waiting").count() == 40
    first_waiting = (
        Registration.objects.filter(gesprek=gesprek, status="waiting")
        .order_by("created_at", "pk")
        .first()
    )
    leaving = Registration.objects.filter(gesprek=gesprek, status="registered").first()
    mailoutbox.clear()
    cancel_registration(registration_id=leaving.pk, user=leaving.user)
    first_waiting.refresh_from_db()
    assert first_waiting.status == "registered"
    assert Registration.objects.filter(gesprek=gesprek, status="registered").count() == 10
    assert any(
        m.to == [first_waiting.user.email] and "plaats vrij" in m.subject for m in mailoutbox
    )


def test_parallel_double_submits_of_the_form_store_one_response():
    from django.test import Client
    from django.urls import reverse

    member = PanelMemberFactory()
    poll = make_poll(with_text=False)
    client = Client()
    client.force_login(member.user)
    session = client.session
    session[f"panel_poll_{poll.pk}"] = {
        str(a.question_id): {"c": list(a.choice_ids)} for a in answers_for(poll)
    }
    session.save()
    cookie = client.cookies
    clients = []
    for _ in range(10):
        c = Client()
        c.cookies = cookie
        clients.append(c)
    outcomes = run_together(
        10, lambda i: clients[i].post(reverse("panel:poll_review", args=[poll.pk])).status_code
    )
    assert outcomes == [302] * 10
    assert Participation.objects.filter(poll=poll).count() == 1
    assert Answer.objects.filter(question__poll=poll).count() == 3


def test_fifty_parallel_votes_of_different_members_are_all_counted():
    """The result counters take row locks; sorted keys mean parallel votes never deadlock, and
    no increment is lost."""
    from panel.selectors import breakdown_counts, poll_results

    members = [PanelMemberFactory(works=i % 2 == 0) for i in range(N)]
    poll = make_poll()
    answers = answers_for(poll)
    outcomes = run_together(N, lambda i: cast_vote(member=members[i], poll=poll, answers=answers))
    assert not [o for o in outcomes if isinstance(o, Exception)], outcomes[:3]
    results = poll_results(poll_id=poll.pk)
    assert results.respondents == N
    assert [q.choices[0].count for q in results.questions if q.kind != "text"] == [
        N,
        N,
        N,
    ]
    first = results.questions[0].choices[0].id
    assert breakdown_counts(question_id=results.questions[0].id, dimension="works") == {
        ("yes", first): N // 2,
        ("no", first): N // 2,
    }

from dataclasses import fields
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from panel import events
from panel.exceptions import AlreadyVoted, InvalidAnswer, NotInAudience, PollClosed, PollNotOpenYet
from panel.models import Answer, Audience, Participation
from panel.selectors import breakdown_counts, free_text_answers, poll_results, polls_overview
from panel.services.polls import AnswerInput, cast_vote, moderate_answer
from sociale_kaart.models import Wijk
from tests.panel.factories import PanelMemberFactory, answers_for, make_poll

pytestmark = pytest.mark.django_db


def test_a_vote_stores_one_participation_and_its_answers(member, poll):
    cast_vote(member=member, poll=poll, answers=answers_for(poll, text="Meer hulp graag"))
    assert Participation.objects.filter(poll=poll).count() == 1
    assert Answer.objects.filter(question__poll=poll).count() == 4
    assert Answer.objects.filter(member__isnull=False).count() == 0  # anonymous poll


def test_identified_polls_link_answers_to_the_member(member):
    poll = make_poll(anonymous=False)
    cast_vote(member=member, poll=poll, answers=answers_for(poll))
    assert Answer.objects.filter(member=member).count() == 3


def test_a_member_cannot_vote_twice(member, poll):
    cast_vote(member=member, poll=poll, answers=answers_for(poll))
    with pytest.raises(AlreadyVoted):
        cast_vote(member=member, poll=poll, answers=answers_for(poll))
    assert Participation.objects.count() == 1


def test_a_closed_poll_refuses_votes_and_stores_nothing(member):
    poll = make_poll(
        opens_at=timezone.now() - timedelta(days=9), closes_at=timezone.now() - timedelta(days=1)
    )
    with pytest.raises(PollClosed):
        cast_vote(member=member, poll=poll, answers=answers_for(poll))
    assert not Answer.objects.exists() and not Participation.objects.exists()


def test_a_scheduled_poll_refuses_votes(member):
    poll = make_poll(
        opens_at=timezone.now() + timedelta(days=1), closes_at=timezone.now() + timedelta(days=9)
    )
    with pytest.raises(PollNotOpenYet):
        cast_vote(member=member, poll=poll, answers=answers_for(poll))
    assert not Participation.objects.exists()


def test_a_poll_for_other_wijken_refuses_votes(member):
    poll = make_poll(audience=Audience.WIJKEN)
    poll.wijken.add(Wijk.objects.create(name="Nijeveen", slug="nijeveen"))
    with pytest.raises(NotInAudience):
        cast_vote(member=member, poll=poll, answers=answers_for(poll))
    assert not Participation.objects.exists()


def test_a_forged_choice_id_from_another_question_stores_nothing(member, poll):
    answers = answers_for(poll)
    other = poll.questions.get(order=2).choices.first().pk
    answers[0] = AnswerInput(question_id=answers[0].question_id, choice_ids=(other,))
    with pytest.raises(InvalidAnswer):
        cast_vote(member=member, poll=poll, answers=answers)
    assert not Answer.objects.exists() and not Participation.objects.exists()


def test_more_choices_than_the_maximum_are_refused(member, poll):
    answers = answers_for(poll)
    q2 = poll.questions.get(order=2)
    answers[1] = AnswerInput(
        question_id=q2.pk, choice_ids=tuple(q2.choices.values_list("pk", flat=True)[:3])
    )
    with pytest.raises(InvalidAnswer):
        cast_vote(member=member, poll=poll, answers=answers)
    assert not Participation.objects.exists()


def test_over_long_text_is_refused(member, poll):
    with pytest.raises(InvalidAnswer):
        cast_vote(member=member, poll=poll, answers=answers_for(poll, text="x" * 501))
    assert not Answer.objects.exists()


def test_results_count_choices_and_texts_without_texts(member, poll):
    cast_vote(member=member, poll=poll, answers=answers_for(poll, text="Meer hulp graag"))
    results = poll_results(poll_id=poll.pk)
    assert results.respondents == 1
    first = results.questions[0]
    assert first.choices[0].count == 1 and first.choices[0].percent == 100
    assert "Meer hulp graag" not in repr(results)
    assert results.questions[3].total == 1


def test_results_queries_do_not_grow_with_votes(django_assert_num_queries, poll, wijk):
    for _ in range(3):
        cast_vote(member=PanelMemberFactory(wijk=wijk), poll=poll, answers=answers_for(poll))
    with django_assert_num_queries(5):
        poll_results(poll_id=poll.pk)
    for _ in range(10):
        cast_vote(member=PanelMemberFactory(wijk=wijk), poll=poll, answers=answers_for(poll))
    with django_assert_num_queries(5):
        poll_results(poll_id=poll.pk)


def test_breakdown_uses_the_snapshot(member, poll, wijk):
    cast_vote(member=member, poll=poll, answers=answers_for(poll))
    q1 = poll.questions.get(order=1)
    choice = q1.choices.first()
    # Groups are keyed by id or code (panel.breakdown), never by name.
    assert breakdown_counts(question_id=q1.pk, dimension="wijk") == {(wijk.pk, choice.pk): 1}
    assert breakdown_counts(question_id=q1.pk, dimension="works") == {("yes", choice.pk): 1}


def test_overview_gives_rate_per_audience(member, poll):
    PanelMemberFactory()
    cast_vote(member=member, poll=poll, answers=answers_for(poll))
    row = next(r for r in polls_overview() if r.id == poll.pk)
    assert (row.status, row.audience_size, row.responses, row.response_rate) == (
        "open",
        2,
        1,
        0.5,
    )


def test_moderation_hides_a_text_with_a_reason(member, poll, werkgroep_user):
    cast_vote(member=member, poll=poll, answers=answers_for(poll, text="Naam van de buurman"))
    answer = free_text_answers(status="pending")[0]
    # Nothing about who wrote it.
    assert {f.name for f in fields(answer)} == {
        "id",
        "question_id",
        "text",
        "status",
        "created",
        "reason",
    }  # no member
    moderate_answer(answer_id=answer.id, approve=False, reason="Bevat een naam", by=werkgroep_user)
    assert free_text_answers(status="hidden")[0].id == answer.id


def test_a_vote_is_broadcast_after_commit(member, poll, django_capture_on_commit_callbacks):
    from asgiref.sync import async_to_sync
    from channels.layers import get_channel_layer

    layer = get_channel_layer()
    channel = async_to_sync(layer.new_channel)()
    async_to_sync(layer.group_add)(f"poll-{poll.pk}", channel)
    with django_capture_on_commit_callbacks(execute=True):
        cast_vote(member=member, poll=poll, answers=answers_for(poll))
    assert events.flush(timeout=5)  # sent in the background; wait for it
    assert async_to_sync(layer.receive)(channel) == {"type": "poll.updated", "poll_id": poll.pk}


def test_a_dead_channel_layer_does_not_lose_the_vote(
    member, poll, settings, django_capture_on_commit_callbacks
):
    settings.CHANNEL_LAYERS = {
        "default": {
            "BACKEND": "channels_redis.core.RedisChannelLayer",
            "CONFIG": {"hosts": ["redis://127.0.0.1:1/0"]},
        }
    }
    from channels.layers import channel_layers

    channel_layers.backends.clear()
    try:
        with django_capture_on_commit_callbacks(execute=True):
            cast_vote(member=member, poll=poll, answers=answers_for(poll))
        assert events.flush(timeout=5)  # the send was tried (and failed) in the background
    finally:
        channel_layers.backends.clear()
    assert Participation.objects.filter(poll=poll).count() == 1


def _counted_from_answers(poll):
    """The results and breakdowns counted the slow way, straight from the stored answers."""
    from django.db.models import Count

    answers = Answer.objects.filter(question__poll=poll, choice__isnull=False).order_by()
    per_choice = dict(answers.values_list("choice").annotate(n=Count("pk")))
    breakdowns = {}
    for question in poll.questions.exclude(kind="text"):
        for dimension in ("wijk", "age_band", "relation", "works"):
            field = "wijk_id" if dimension == "wijk" else dimension
            breakdowns[(question.pk, dimension)] = sorted(
                answers.filter(question=question)
                .values_list(field, "choice")
                .annotate(n=Count("pk")),
                key=repr,
            )
    return Participation.objects.filter(poll=poll).count(), per_choice, breakdowns


def _counted_from_tallies(poll):
    results = poll_results(poll_id=poll.pk)
    per_choice = {c.id: c.count for q in results.questions for c in q.choices if c.count}
    works = {"yes": True, "no": False, None: None}
    breakdowns = {}
    for question in poll.questions.exclude(kind="text"):
        for dimension in ("wijk", "age_band", "relation", "works"):
            rows = []
            for (key, choice), n in breakdown_counts(
                question_id=question.pk, dimension=dimension
            ).items():
                if dimension == "works":
                    value = works[key]
                elif dimension == "wijk":
                    value = key
                else:
                    value = "" if key is None else key
                rows.append((value, choice, n))
            breakdowns[(question.pk, dimension)] = sorted(rows, key=repr)
    return results.respondents, per_choice, breakdowns


def test_result_counters_match_a_count_of_the_answers(poll, wijk):
    """Votes with different snapshots and several choices: the counters kept in cast_vote give
    exactly what counting the answers gives, before and after a rebuild, and after leaving."""
    from panel.services.members import leave_panel
    from panel.services.polls import recount_results

    noord = Wijk.objects.create(name="Noord", slug="noord")
    multiple = poll.questions.get(kind="multiple")
    members = [
        PanelMemberFactory(wijk=wijk, age_band="67-79", relation="partner", works=True),
        PanelMemberFactory(wijk=noord, age_band="", relation="parent", works=False),
        PanelMemberFactory(wijk=None, works=None),
        PanelMemberFactory(wijk=wijk, age_band="67-79", works=True),
    ]
    for i, member in enumerate(members):
        answers = [a for a in answers_for(poll, text="Tekst") if a.question_id != multiple.pk]
        picks = tuple(
            multiple.choices.order_by("order").values_list("pk", flat=True)[i % 3 : i % 3 + 2]
        )
        cast_vote(
            member=member,
            poll=poll,
            answers=[*answers, AnswerInput(question_id=multiple.pk, choice_ids=picks)],
        )
    expected = _counted_from_answers(poll)
    assert (
        expected[0] == 4 and sum(expected[1].values()) == 4 * 2 + 4 * 2
    )  # single + scale, 2 picks each
    assert _counted_from_tallies(poll) == expected
    leave_panel(member=members[0])
    assert _counted_from_tallies(poll) == expected
    recount_results(poll_id=poll.pk)
    assert _counted_from_tallies(poll) == expected


def test_a_vote_is_one_write_statement_on_postgresql_and_stores_what_the_orm_would(member):
    """PostgreSQL: participation, answers and counters in one statement (data-modifying CTEs);
    SQLite: three statements in a transaction. The rows are the same either way."""
    poll = make_poll(anonymous=False)
    with CaptureQueriesContext(connection) as queries:
        participation = cast_vote(member=member, poll=poll, answers=answers_for(poll, text="Rust"))
    writes = [q["sql"] for q in queries.captured_queries if q["sql"].startswith(("INSERT", "WITH"))]
    assert len(writes) == (1 if connection.vendor == "postgresql" else 3), writes
    assert Participation.objects.get(poll=poll, member=member).pk == participation.pk
    text = Answer.objects.get(question__poll=poll, choice__isnull=True)
    assert (text.text, text.status, text.member_id, text.wijk_id, text.works) == (
        "Rust",
        "pending",
        member.pk,
        member.wijk_id,
        member.works,
    )
    assert text.created_at is not None and text.hidden_reason == ""
    assert Answer.objects.filter(question__poll=poll, choice__isnull=False).count() == 3
    with pytest.raises(AlreadyVoted):  # the whole statement fails: nothing more is stored
        cast_vote(member=member, poll=poll, answers=answers_for(poll, text="Nog eens"))
    assert Answer.objects.filter(question__poll=poll).count() == 4
    assert poll_results(poll_id=poll.pk).respondents == 1


def test_free_text_is_stored_exactly_as_written(member):
    """The PostgreSQL statement carries the answers as JSON: quotes, backslashes, percent
    signs, line breaks and characters outside ASCII come back unchanged."""
    poll = make_poll(anonymous=False)
    written = 'Zeg "nee" \\ of {ja}, 50% – ’t kan 👍\nTweede\tregel'
    cast_vote(member=member, poll=poll, answers=answers_for(poll, text=written))
    assert Answer.objects.get(question__poll=poll, choice__isnull=True).text == written


def test_a_breakdown_keys_wijken_by_id_and_a_removed_wijk_counts_as_unknown(member, poll, wijk):
    cast_vote(member=member, poll=poll, answers=answers_for(poll))
    other = Wijk.objects.create(name="Nijeveen", slug="nijeveen")
    cast_vote(member=PanelMemberFactory(wijk=other), poll=poll, answers=answers_for(poll))
    q1 = poll.questions.get(order=1)
    choice = q1.choices.first()
    assert breakdown_counts(question_id=q1.pk, dimension="wijk") == {
        (wijk.pk, choice.pk): 1,
        (other.pk, choice.pk): 1,
    }
    other.delete()
    assert breakdown_counts(question_id=q1.pk, dimension="wijk") == {
        (wijk.pk, choice.pk): 1,
        (None, choice.pk): 1,
    }

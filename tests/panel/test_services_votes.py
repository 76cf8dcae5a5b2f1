from datetime import timedelta

import pytest
from django.utils import timezone

from panel.exceptions import AlreadyVoted, InvalidAnswer, NotInAudience, PollClosed, PollNotOpenYet
from panel.models import Answer, Audience, Participation
from panel.selectors import breakdown_counts, free_text_answers, poll_results, polls_overview
from panel.services import AnswerInput, cast_vote, moderate_answer
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
    poll = make_poll(opens_at=timezone.now() - timedelta(days=9), closes_at=timezone.now() - timedelta(days=1))
    with pytest.raises(PollClosed):
        cast_vote(member=member, poll=poll, answers=answers_for(poll))
    assert not Answer.objects.exists() and not Participation.objects.exists()


def test_a_scheduled_poll_refuses_votes(member):
    poll = make_poll(opens_at=timezone.now() + timedelta(days=1), closes_at=timezone.now() + timedelta(days=9))
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
    answers[1] = AnswerInput(question_id=q2.pk, choice_ids=tuple(q2.choices.values_list("pk", flat=True)[:3]))
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
    assert results["respondents"] == 1
    first = results["questions"][0]
    assert first["choices"][0]["count"] == 1 and first["choices"][0]["percent"] == 100
    assert "Meer hulp graag" not in repr(results)
    assert results["questions"][3]["total"] == 1


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
    assert breakdown_counts(question_id=q1.pk, dimension="wijk") == {("Centrum", choice.pk): 1}
    assert breakdown_counts(question_id=q1.pk, dimension="works") == {("Betaald werk", choice.pk): 1}


def test_overview_gives_rate_per_audience(member, poll):
    PanelMemberFactory()
    cast_vote(member=member, poll=poll, answers=answers_for(poll))
    row = next(r for r in polls_overview() if r["id"] == poll.pk)
    assert (row["status"], row["audience_size"], row["responses"], row["response_rate"]) == ("open", 2, 1, 0.5)


def test_moderation_hides_a_text_with_a_reason(member, poll, werkgroep_user):
    cast_vote(member=member, poll=poll, answers=answers_for(poll, text="Naam van de buurman"))
    answer = free_text_answers(status="pending")[0]
    assert set(answer) == {"id", "question_id", "text", "status", "created"}
    moderate_answer(answer_id=answer["id"], approve=False, reason="Bevat een naam", by=werkgroep_user)
    assert free_text_answers(status="hidden")[0]["id"] == answer["id"]


def test_a_vote_is_broadcast_after_commit(member, poll, django_capture_on_commit_callbacks):
    from asgiref.sync import async_to_sync
    from channels.layers import get_channel_layer

    layer = get_channel_layer()
    channel = async_to_sync(layer.new_channel)()
    async_to_sync(layer.group_add)(f"poll-{poll.pk}", channel)
    with django_capture_on_commit_callbacks(execute=True):
        cast_vote(member=member, poll=poll, answers=answers_for(poll))
    assert async_to_sync(layer.receive)(channel) == {"type": "poll.updated", "poll_id": poll.pk}


def test_a_dead_channel_layer_does_not_lose_the_vote(member, poll, settings, django_capture_on_commit_callbacks):
    settings.CHANNEL_LAYERS = {"default": {"BACKEND": "channels_redis.core.RedisChannelLayer",
                                           "CONFIG": {"hosts": ["redis://127.0.0.1:1/0"]}}}
    from channels.layers import channel_layers

    channel_layers.backends.clear()
    try:
        with django_capture_on_commit_callbacks(execute=True):
            cast_vote(member=member, poll=poll, answers=answers_for(poll))
    finally:
        channel_layers.backends.clear()
    assert Participation.objects.filter(poll=poll).count() == 1

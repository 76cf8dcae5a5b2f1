"""The per-process poll cache: no reads while nothing changed, fresh after any change, and
never stale when the shared cache (Redis) is gone."""

from unittest import mock

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from panel import poll_cache, poll_editing
from panel.models import Audience
from sociale_kaart.models import Wijk
from tests.panel.factories import make_poll

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()
    poll_cache._entries.clear()
    yield
    poll_cache._entries.clear()


def _texts(poll):
    return [(q.text, [c.text for c in q.choices.all()]) for q in poll.questions.all()]


def test_a_second_read_runs_no_query():
    poll = make_poll()
    first = poll_cache.get_poll(poll.pk)
    with CaptureQueriesContext(connection) as queries:
        again = poll_cache.get_poll(poll.pk)
        texts = _texts(again)
        wijken = list(again.wijken.all())
    assert len(queries) == 0
    assert texts == _texts(first) and wijken == []
    assert [q.order for q in again.questions.all()] == sorted(
        q.order for q in again.questions.all()
    )


def test_a_missing_poll_is_none():
    assert poll_cache.get_poll(987654) is None


def test_each_reader_gets_its_own_copy():
    poll = make_poll()
    mine = poll_cache.get_poll(poll.pk)
    mine.title = "Veranderd in één request"
    assert poll_cache.get_poll(poll.pk).title == poll.title


def test_changes_through_the_orm_are_seen_at_once():
    poll = make_poll()
    poll_cache.get_poll(poll.pk)
    question = poll.questions.order_by("order").first()
    question.text = "Nieuwe vraag?"
    question.save()
    assert _texts(poll_cache.get_poll(poll.pk))[0][0] == "Nieuwe vraag?"
    choice = question.choices.order_by("order").first()
    choice.text = "Nieuw antwoord"
    choice.save()
    assert _texts(poll_cache.get_poll(poll.pk))[0][1][0] == "Nieuw antwoord"
    choice.delete()
    assert "Nieuw antwoord" not in _texts(poll_cache.get_poll(poll.pk))[0][1]
    poll.title = "Nieuwe titel"
    poll.save()
    assert poll_cache.get_poll(poll.pk).title == "Nieuwe titel"


def test_wijken_changes_are_seen():
    poll = make_poll(audience=Audience.WIJKEN)
    wijk = Wijk.objects.create(name="Nijeveen", slug="nijeveen")
    assert list(poll_cache.get_poll(poll.pk).wijken.all()) == []
    poll.wijken.add(wijk)
    assert list(poll_cache.get_poll(poll.pk).wijken.all()) == [wijk]
    poll.wijken.clear()
    assert list(poll_cache.get_poll(poll.pk).wijken.all()) == []


def test_another_process_invalidating_makes_this_one_reload():
    """invalidate() in another worker only changes the shared token; our entry is then old."""
    poll = make_poll()
    poll_cache.get_poll(poll.pk)
    type(poll).objects.filter(pk=poll.pk).update(title="Gewijzigd elders")  # no signals
    assert poll_cache.get_poll(poll.pk).title == poll.title  # nobody said it changed
    cache.set(poll_cache._token_key(poll.pk), "another process's new version", timeout=None)
    assert poll_cache.get_poll(poll.pk).title == "Gewijzigd elders"


def test_invalidate_is_the_call_for_changes_without_signals():
    poll = make_poll()
    poll_cache.get_poll(poll.pk)
    type(poll).objects.filter(pk=poll.pk).update(title="Gepubliceerd")
    poll_cache.invalidate(poll.pk)
    assert poll_cache.get_poll(poll.pk).title == "Gepubliceerd"


def test_without_the_shared_cache_every_read_goes_to_the_database():
    """Redis down: the cache fails open (get -> None, add/set do nothing). Nothing is kept,
    so a change made meanwhile is never hidden."""
    poll = make_poll()
    poll_cache.get_poll(poll.pk)
    with (
        mock.patch.object(cache, "get", return_value=None),
        mock.patch.object(cache, "add", return_value=False),
        mock.patch.object(cache, "set"),
    ):
        type(poll).objects.filter(pk=poll.pk).update(title="Terwijl Redis weg was")
        with CaptureQueriesContext(connection) as queries:
            assert poll_cache.get_poll(poll.pk).title == "Terwijl Redis weg was"
        assert len(queries) >= 1
        assert poll_cache._entries == {}


def test_entries_are_not_used_past_their_age():
    poll = make_poll()
    poll_cache.get_poll(poll.pk)
    type(poll).objects.filter(pk=poll.pk).update(title="Na vijf minuten")
    with mock.patch.object(
        poll_cache.time, "monotonic", return_value=poll_cache.time.monotonic() + 301
    ):
        assert poll_cache.get_poll(poll.pk).title == "Na vijf minuten"


def test_options_moved_in_the_poll_studio_reach_the_cached_poll():
    # The studio renumbers options with bulk_update, which sends no model signal.
    poll = poll_editing.create_poll(title="Dagopvang")
    question = poll_editing.add_question(poll_id=poll.pk, kind="single", text="Kent u het?")
    for text in ("Ja", "Nee", "Weet ik niet"):
        poll_editing.add_choice(question_id=question.pk, text=text)
    assert _texts(poll_cache.get_poll(poll.pk)) == [("Kent u het?", ["Ja", "Nee", "Weet ik niet"])]
    last = question.choices.get(text="Weet ik niet")
    poll_editing.move_choice(choice_id=last.pk, step=-1)
    assert _texts(poll_cache.get_poll(poll.pk)) == [("Kent u het?", ["Ja", "Weet ik niet", "Nee"])]

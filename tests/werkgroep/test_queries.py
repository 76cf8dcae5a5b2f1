"""The dashboard and the results page cost the same number of queries for 10 or 5,000 votes."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from panel.models import Answer, ModerationStatus, QuestionKind
from tests.werkgroep.factories import make_poll, random_votes


def _queries(client, url) -> int:
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


def _with_votes(n: int):
    poll = make_poll()
    random_votes(poll, n, seed=n)
    text_q = poll.questions.get(kind=QuestionKind.TEXT)
    Answer.objects.bulk_create(
        Answer(question=text_q, text=f"Antwoord {i}", status=ModerationStatus.APPROVED)
        for i in range(min(n, 50))
    )
    return poll


@pytest.mark.parametrize("page", ["dashboard", "poll_results", "report", "coverage"])
def test_queries_do_not_grow_with_votes(client, werkgroep_user, page):
    client.force_login(werkgroep_user)
    counts = []
    for n in (10, 5000):
        poll = _with_votes(n)
        url = (
            reverse(f"werkgroep:{page}", args=[poll.pk])
            if page == "poll_results"
            else reverse(f"werkgroep:{page}")
        )
        if page != "poll_results":
            Answer.objects.exclude(question__poll=poll).delete()  # same number of polls each time
            from panel.models import Poll

            Poll.objects.exclude(pk=poll.pk).delete()
        counts.append(_queries(client, url))
    assert counts[0] == counts[1], counts
    assert counts[1] <= 40

"""The demo shows the studio: a concept, a scheduled poll, a repeated pair with results to
compare, and a follow-up poll on a done action point whose result is on /wij-deden/."""

import io

import pytest
from django.core.management import call_command
from django.urls import reverse

from panel.models import Poll, PollStatus
from panel.selectors import poll_results
from werkgroep.models import ActionStatus, FollowUpPoll

pytestmark = pytest.mark.django_db


def test_the_demo_has_every_studio_example_and_loads_twice(client):
    call_command("demo", stdout=io.StringIO())
    call_command("demo", stdout=io.StringIO())
    statuses = [p.status for p in Poll.objects.all()]
    assert statuses.count(PollStatus.DRAFT) == 1
    assert PollStatus.SCHEDULED in statuses
    repeat = Poll.objects.get(title="Hoe gaat het met u? (najaar)")
    original = repeat.repeat_of
    assert original.title == "Hoe gaat het met u? (voorjaar)"
    assert original.status == repeat.status == PollStatus.CLOSED
    assert poll_results(poll_id=original.pk).respondents >= 5
    assert poll_results(poll_id=repeat.pk).respondents >= 5
    follow_up = FollowUpPoll.objects.get()
    assert follow_up.action_point.status == ActionStatus.DONE
    assert follow_up.poll.status == PollStatus.CLOSED
    html = client.get(reverse("wij_deden")).content.decode()
    assert "Helpt dit u?" in html
    assert Poll.objects.filter(repeat_of__isnull=False).count() == 1

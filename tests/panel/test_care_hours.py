"""The answer's snapshot carries the hours of care per week, so results break down by it."""

import pytest
from django.urls import reverse

from panel.models import Answer, CareHours
from panel.selectors import breakdown_counts
from panel.services.polls import cast_vote
from tests.panel.factories import PanelMemberFactory, answers_for, make_poll
from tests.werkgroep.tables import xlsx_sections

pytestmark = pytest.mark.django_db


def test_a_vote_keeps_the_hours_of_care_without_a_link_to_the_member(caregiver):
    member = PanelMemberFactory(user=caregiver, care_hours=CareHours.FROM_20)
    poll = make_poll()
    cast_vote(member=member, poll=poll, answers=answers_for(poll))
    assert set(Answer.objects.values_list("care_hours", "member")) == {("20-39", None)}
    question = poll.questions.get(order=1)
    first = question.choices.order_by("order").first()
    assert breakdown_counts(question_id=question.pk, dimension="care_hours") == {
        ("20-39", first.pk): 1
    }


def test_the_werkgroep_breaks_results_down_by_hours_of_care_on_the_page_and_in_the_export(
    client, werkgroep_user
):
    poll = make_poll()
    for hours in [CareHours.UNDER_8] * 6 + [CareHours.FROM_40] * 2:
        member = PanelMemberFactory(care_hours=hours)
        cast_vote(member=member, poll=poll, answers=answers_for(poll))
    client.force_login(werkgroep_user)
    page = client.get(
        reverse("werkgroep:poll_results", args=[poll.pk]), {"uitsplitsing": "care_hours"}
    ).content.decode()
    assert "Minder dan 8 uur per week" in page
    assert "40 uur of meer per week" in page
    sheets = xlsx_sections(
        client.get(reverse("werkgroep:export_poll", args=[poll.pk, "xlsx"])).content
    )
    sheet = sheets["Per uren zorg per week"]
    row = next(r for r in sheet if r and r[0] == "40 uur of meer per week")
    assert "<5" in row  # two people: a small cell
    assert 2 not in row

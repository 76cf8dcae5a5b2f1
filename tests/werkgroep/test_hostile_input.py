"""Input that used to answer 500 (issue 15, finding 4): a Dutch message or a 404 instead."""

from datetime import date

import pytest
from django.urls import reverse

from tests.werkgroep.factories import ActionPointFactory, closed_gesprek
from training.selectors import referral_counts
from werkgroep.models import Evidence, EvidenceKind, OutcomeItem, OutcomeKind

EXTREME_DATES = ["9999-12-31", "0001-01-01"]


@pytest.mark.parametrize("day", EXTREME_DATES)
def test_an_extreme_evidence_date_is_refused_with_a_dutch_message(client, werkgroep_user, day):
    point = ActionPointFactory()
    client.force_login(werkgroep_user)
    response = client.post(
        reverse("werkgroep:action", args=[point.pk]),
        {"action": "referrals", "ref-date_from": day, "ref-date_to": day},
    )
    assert response.status_code == 200
    assert "Kies een datum tussen 2000 en 2100." in response.content.decode()
    assert not Evidence.objects.exists()
    assert client.get(reverse("werkgroep:action", args=[point.pk])).status_code == 200


@pytest.mark.parametrize(
    ("date_from", "date_to"),
    [
        (date(9999, 12, 31), date(9999, 12, 31)),
        (date(1, 1, 1), date(1, 1, 1)),
        (date(1, 1, 1), date(9999, 12, 31)),
    ],
)
def test_the_referral_selector_survives_any_date(db, date_from, date_to):
    assert referral_counts(group_by=["vraaggebied"], date_from=date_from, date_to=date_to) == []


def test_an_action_point_with_stored_extreme_evidence_still_opens(client, werkgroep_user):
    """Rows saved before the forms were bounded (or through the admin) must not break the page."""
    point = ActionPointFactory()
    Evidence.objects.create(
        action_point=point,
        kind=EvidenceKind.REFERRALS,
        referral_from=date(1, 1, 1),
        referral_to=date(9999, 12, 31),
    )
    client.force_login(werkgroep_user)
    assert client.get(reverse("werkgroep:action", args=[point.pk])).status_code == 200


@pytest.mark.parametrize("day", [*EXTREME_DATES, "99999-01-01", "gisteren", "2026-02-30"])
def test_the_report_page_takes_any_date_in_its_query(client, werkgroep_user, day):
    client.force_login(werkgroep_user)
    response = client.get(reverse("werkgroep:report"), {"date_from": day, "date_to": day})
    assert response.status_code == 200


@pytest.mark.parametrize("item_id", ["abc", "1e9", "-1", "99999999999999999999999", ""])
def test_deleting_an_outcome_with_a_strange_id_is_no_error(client, werkgroep_user, item_id):
    gesprek = closed_gesprek()
    item = OutcomeItem.objects.create(gesprek=gesprek, kind=OutcomeKind.THEME, text="Thema")
    client.force_login(werkgroep_user)
    response = client.post(
        reverse("werkgroep:gesprek", args=[gesprek.pk]), {"action": "delete", "item_id": item_id}
    )
    assert response.status_code in (302, 404)
    assert OutcomeItem.objects.filter(pk=item.pk).exists()


@pytest.mark.parametrize("evidence_id", ["abc", "99999999999999999999999"])
def test_removing_evidence_with_a_strange_id_is_no_error(client, werkgroep_user, evidence_id):
    point = ActionPointFactory()
    client.force_login(werkgroep_user)
    response = client.post(
        reverse("werkgroep:action", args=[point.pk]),
        {"action": "remove-evidence", "evidence_id": evidence_id},
    )
    assert response.status_code in (302, 404)

from importlib import import_module

import pytest
from django.urls import reverse

from tests.panel.readability import flesch_douma
from werkgroep.models import ActionPoint, ActionStatus, OutcomeItem


@pytest.fixture
def demo(db):
    for name in ("sociale_kaart", "accounts", "training", "panel", "werkgroep"):
        import_module(f"{name}.demo").load()


def test_demo_makes_eight_action_points_in_every_status_five_public(demo):
    assert ActionPoint.objects.count() == 8
    assert set(ActionPoint.objects.values_list("status", flat=True)) == set(ActionStatus.values)
    assert ActionPoint.objects.filter(is_public=True).count() == 5
    assert OutcomeItem.objects.filter(kind="quote").count() >= 1
    # every demo action point has a history that ends in its status
    for point in ActionPoint.objects.all():
        assert point.status_changes.order_by("changed_at", "pk").last().to_status == point.status


def test_demo_can_load_twice(demo):
    from werkgroep import demo as werkgroep_demo

    werkgroep_demo.load()
    assert ActionPoint.objects.count() == 8
    assert OutcomeItem.objects.count() == 7


def test_wij_deden_scores_65_or_more_on_flesch_douma(client, demo):
    html = client.get(reverse("wij_deden")).content.decode()
    assert "Eén telefoonnummer voor alle vragen" in html
    assert flesch_douma(html) >= 65


def test_the_coverage_map_shows_offers_signals_and_gaps(client, demo, werkgroep_user):
    client.force_login(werkgroep_user)
    html = client.get(reverse("werkgroep:coverage")).content.decode()
    assert html.count("<tr>") == 9  # header + 8 vraaggebieden
    assert "signalen" in html and "aanbod" in html

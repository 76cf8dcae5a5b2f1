"""Numbers with the right noun: "1 punt", "1,5 punten", "1 peiling open" (0, 1 and 2)."""

import re
from decimal import Decimal

import pytest
from django.template import Context, Template
from django.urls import reverse

from accounts.models import Role
from tests.panel.factories import PollFactory
from tests.training.factories import ModuleFactory


@pytest.mark.parametrize(
    ("points", "text"),
    [
        (Decimal("0"), "0 punten"),
        (Decimal("1"), "1 punt<"),
        (Decimal("1.5"), "1,5 punten"),
        (Decimal("2"), "2 punten"),
    ],
)
def test_a_module_says_punt_or_punten(client, login_as, points, text):
    module = ModuleFactory(accreditation_points=points)
    login_as(client, Role.PROFESSIONAL)
    html = client.get(reverse("training:module", args=[module.slug])).content.decode()
    assert text in html


@pytest.mark.parametrize(
    ("points", "text"),
    [(Decimal("1"), "1 accreditatiepunt<"), (Decimal("2.5"), "2,5 accreditatiepunten")],
)
def test_a_module_card_says_accreditatiepunt_or_accreditatiepunten(client, login_as, points, text):
    ModuleFactory(accreditation_points=points, target_professions=["huisarts"])
    login_as(client, Role.PROFESSIONAL)
    html = client.get(reverse("training:home")).content.decode()
    assert text in html


@pytest.mark.parametrize(("count", "label"), [(0, "peilingen"), (1, "peiling"), (2, "peilingen")])
def test_the_werkgroep_dashboard_counts_open_polls_in_words_that_fit(
    client, login_as, count, label
):
    PollFactory.create_batch(count)
    login_as(client, Role.WERKGROEP)
    html = client.get(reverse("werkgroep:dashboard")).content.decode()
    assert re.search(rf'wg-kpi">{count}</p><p class="utrecht-paragraph">{label} open<', html), html[
        :3000
    ]


@pytest.mark.parametrize(
    ("value", "expected"), [(0, 0), (1, 1), (Decimal("1.0"), 1), (1.5, 2), ("x", 2), (None, 2)]
)
def test_plural_count_picks_a_whole_number_for_the_plural_choice(value, expected):
    rendered = Template("{% load mantelkring %}{{ v|plural_count }}").render(Context({"v": value}))
    assert rendered == str(expected)

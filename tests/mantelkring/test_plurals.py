"""Numbers with the right noun: "1 peiling open", "2 peilingen open" (0, 1 and 2). Training's
"1 punt" / "1,5 punten" is tested with training (points_label)."""

import re

import pytest
from django.urls import reverse

from accounts.models import Role
from tests.panel.factories import PollFactory


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

"""An action point cites one answer (with its share), one trend or one referral figure, shown
with the number and the date it was taken; the number stays as it was when cited."""

import pytest
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format

from sociale_kaart.models import Vraaggebied
from tests.training.factories import ReferralFactory
from tests.werkgroep.factories import ActionPointFactory, add_votes
from tests.werkgroep.reporting_data import at
from tests.werkgroep.test_trends import series  # noqa: F401 - fixture
from werkgroep import evidence
from werkgroep.citations import citation
from werkgroep.models import Evidence, EvidenceKind

pytestmark = pytest.mark.django_db


def _detail(client, point) -> str:
    return client.get(reverse("werkgroep:action", args=[point.pk])).content.decode()


def test_an_answer_is_cited_with_its_share_number_and_date(client, werkgroep_user, series):  # noqa: F811
    point = ActionPointFactory()
    ja = series[2].questions.get(order=1).choices.get(order=1)
    client.force_login(werkgroep_user)
    response = client.post(
        reverse("werkgroep:action_cite", args=[point.pk]),
        {"cite": "answer", "a-choice": ja.pk, "a-note": "De helft weet het niet."},
    )
    assert response.status_code == 302
    today = date_format(timezone.localdate(), "j F Y")
    page = _detail(client, point)
    assert (
        "27 van de 60 mensen (45%) kozen “Hulp vinden 3: Weet u waar u hulp kunt vragen?: Ja”."
        in page
    )
    assert f"(genomen op {today})" in page
    # more votes later do not change what was cited
    add_votes(series[2], [{"choices": {ja.question_id: [ja.pk]}}] * 10)
    assert "27 van de 60 mensen (45%)" in _detail(client, point)


def test_a_small_cited_number_is_shown_as_under_five_without_a_share(series):  # noqa: F811
    point = ActionPointFactory()
    scale_choice = series[0].questions.get(order=3).choices.get(order=2)  # nobody chose it
    cited = evidence.cite_answer(action_point=point, choice_id=scale_choice.pk)
    text = citation(cited).text
    assert text.startswith("<5 van de 60 mensen kozen")
    assert "%" not in text


def test_a_trend_is_cited_with_every_round(client, werkgroep_user, series):  # noqa: F811
    point = ActionPointFactory()
    ja = series[2].questions.get(order=1).choices.get(order=1)
    client.force_login(werkgroep_user)
    client.post(
        reverse("werkgroep:action_cite", args=[point.pk]),
        {"cite": "trend", "t-answer": f"{series[0].pk}:{ja.pk}"},
    )
    cited = Evidence.objects.get(action_point=point)
    assert cited.kind == EvidenceKind.TREND and cited.trend_poll == series[0]
    assert (
        "Trend: Hulp vinden 1: Weet u waar u hulp kunt vragen?: “Ja”: "
        "30% (01-01-2026, 60) → 30% (01-03-2026, 60) → 45% (01-05-2026, 60)"
    ) in _detail(client, point)


def test_a_referral_figure_is_cited_with_its_period_and_share_warm(client, werkgroep_user):
    vraaggebied = Vraaggebied.objects.order_by("order").first()
    for day in range(1, 7):
        ReferralFactory(created_at=at(2026, 3, day), warm=day <= 3, vraaggebieden=[vraaggebied])
    ReferralFactory(created_at=at(2026, 5, 1), vraaggebieden=[vraaggebied])
    point = ActionPointFactory()
    client.force_login(werkgroep_user)
    client.post(
        reverse("werkgroep:action_cite", args=[point.pk]),
        {
            "cite": "referrals",
            "r-vraaggebied": vraaggebied.pk,
            "r-date_from": "2026-03-01",
            "r-date_to": "2026-03-31",
        },
    )
    page = _detail(client, point)
    assert (
        f"6 doorverwijzingen voor {vraaggebied.name} van 1 maart 2026 tot en met 31 maart 2026, waarvan 50% warm."
        in page
    )


def test_a_citation_of_an_answer_that_does_not_exist_gets_a_dutch_message(client, werkgroep_user):
    point = ActionPointFactory()
    client.force_login(werkgroep_user)
    response = client.post(
        reverse("werkgroep:action_cite", args=[point.pk]), {"cite": "answer", "a-choice": 999999}
    )
    assert response.status_code == 200
    assert "Selecteer een geldige keuze" in response.content.decode()
    assert not Evidence.objects.exists()
    with pytest.raises(evidence.CitationError):
        evidence.cite_answer(action_point=point, choice_id=999999)


def test_a_trend_is_only_stored_as_the_figure_it_was_when_cited(series):  # noqa: F811
    # A trend has no live figure to fall back on: without the taken figure it would show as
    # a referral count. The database refuses such a row.
    point = ActionPointFactory()
    latest = series[-1].questions.get(order=1)
    with pytest.raises(IntegrityError), transaction.atomic():
        Evidence.objects.create(
            action_point=point,
            kind=EvidenceKind.TREND,
            trend_poll=series[0],
            question=latest,
            choice=latest.choices.first(),
        )

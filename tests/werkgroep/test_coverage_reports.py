"""Coverage map, the gemeenteraad report, evidence on action points and the other exports."""

from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts.models import Profession, Role
from panel.models import Question
from sociale_kaart.models import Vraaggebied, Wijk
from tests.accounts.factories import UserFactory
from tests.sociale_kaart.factories import OfferFactory
from tests.werkgroep.factories import (
    ActionPointFactory,
    add_votes,
    choice_ids,
    closed_gesprek,
    make_poll,
)
from tests.werkgroep.tables import csv_sections, xlsx_sections
from training.services import log_referral
from werkgroep import coverage, selectors
from werkgroep.models import ActionStatusChange, Evidence
from werkgroep.services import change_status, create_action_point, record_outcome


@pytest.fixture
def places(db):
    return {
        name: Wijk.objects.get_or_create(slug=name.lower(), defaults={"name": name})[0]
        for name in ("Noord", "Zuid")
    }


def _cell(data, code, wijk):
    row = next(r for r in data["rows"] if r["vraaggebied"].code == code)
    return next(c for c in row["cells"] if c["wijk"] == wijk)


def test_coverage_counts_offers_per_wijk_and_for_the_whole_gemeente(places):
    OfferFactory(vraaggebieden=["respijtzorg"], wijken=[places["Noord"]])
    OfferFactory(vraaggebieden=["informatie"], whole_municipality=True)
    data = coverage.coverage()
    assert _cell(data, "respijtzorg", places["Noord"])["offers"] == 1
    assert _cell(data, "respijtzorg", places["Zuid"])["gap"] is True
    assert _cell(data, "informatie", places["Zuid"])["offers"] == 1
    assert data["cells"] == 8 * 2 and data["gaps"] == 8 * 2 - 3


def test_coverage_marks_need_without_an_offer_from_polls_outcomes_and_referrals(
    places, werkgroep_user
):
    poll = make_poll()
    question = poll.questions.get(order=1)
    Question.objects.filter(pk=question.pk).update(
        vraaggebied=Vraaggebied.objects.get(code="respijtzorg")
    )
    add_votes(
        poll,
        [
            {
                "wijk": places["Zuid"],
                "choices": {q.pk: choice_ids(q)[:1] for q in poll.questions.exclude(kind="text")},
            }
            for _ in range(4)
        ],
    )
    record_outcome(
        gesprek_id=closed_gesprek().pk,
        kind="signal",
        text="Geen logeerplek in Zuid",
        by=werkgroep_user,
        vraaggebieden=Vraaggebied.objects.filter(code="respijtzorg"),
        wijk=places["Zuid"],
    )
    pro = UserFactory(role=Role.PROFESSIONAL, profession=Profession.HUISARTS)
    log_referral(user=pro, vraaggebied_codes=["respijtzorg"], wijk_id=places["Zuid"].pk)
    cell = _cell(coverage.coverage(), "respijtzorg", places["Zuid"])
    assert cell["need_without_offer"] is True
    assert cell["signals"] == "6"  # 4 answers + 1 signal + 1 referral
    assert _cell(coverage.coverage(), "respijtzorg", places["Noord"])["signals"] == "<5"


def test_the_report_covers_the_chosen_period_only(client, werkgroep_user, db):
    old = create_action_point(title="Oud punt", by=werkgroep_user)
    ActionStatusChange.objects.filter(action_point=old).update(
        changed_at=timezone.now() - timedelta(days=400)
    )
    new = create_action_point(title="Nieuw punt", by=werkgroep_user)
    change_status(action_point=new, status="planned", by=werkgroep_user)
    client.force_login(werkgroep_user)
    start = (date.today() - timedelta(days=30)).isoformat()
    html = client.get(
        reverse("werkgroep:report"), {"date_from": start, "date_to": date.today().isoformat()}
    ).content.decode()
    assert "Wat veranderde in deze periode" in html
    changes = html.split("Wat veranderde in deze periode")[1].split("</ul>")[0]
    assert "Nieuw punt" in changes and "Oud punt" not in changes


def test_the_report_says_what_is_wrong_with_a_bad_date(client, werkgroep_user):
    client.force_login(werkgroep_user)
    html = client.get(reverse("werkgroep:report"), {"date_from": "gisteren"}).content.decode()
    assert "Vul een datum in" in html


def test_poll_and_referral_evidence_can_be_added_and_show_figures(client, werkgroep_user):
    poll = make_poll()
    question = poll.questions.get(order=1)
    point = ActionPointFactory()
    pro = UserFactory(role=Role.PROFESSIONAL, profession=Profession.HUISARTS)
    for _ in range(3):
        log_referral(user=pro, vraaggebied_codes=["informatie"])
    client.force_login(werkgroep_user)
    url = reverse("werkgroep:action", args=[point.pk])
    assert (
        client.post(
            url, {"action": "poll", "poll-question": question.pk, "poll-note": "Veel nee"}
        ).status_code
        == 302
    )
    vraaggebied = Vraaggebied.objects.get(code="informatie")
    assert (
        client.post(url, {"action": "referrals", "ref-vraaggebied": vraaggebied.pk}).status_code
        == 302
    )
    assert Evidence.objects.filter(action_point=point).count() == 2
    figures = selectors.evidence_figures(point=point)
    assert figures[0]["question"] == question.text and figures[1]["count"] == 3


def test_referral_evidence_with_dates_the_wrong_way_round_gets_a_dutch_error(
    client, werkgroep_user
):
    point = ActionPointFactory()
    client.force_login(werkgroep_user)
    response = client.post(
        reverse("werkgroep:action", args=[point.pk]),
        {"action": "referrals", "ref-date_from": "2026-05-01", "ref-date_to": "2026-01-01"},
    )
    assert "Deze datum ligt voor de begindatum." in response.content.decode()


def test_action_point_and_referral_exports_hold_the_figures(client, werkgroep_user):
    create_action_point(
        title="Folder maken", by=werkgroep_user, status="not_feasible", reason="Geen geld"
    )
    pro = UserFactory(role=Role.PROFESSIONAL, profession=Profession.WIJKTEAM)
    log_referral(user=pro, vraaggebied_codes=["advies", "informatie"])
    client.force_login(werkgroep_user)
    actions = xlsx_sections(client.get(reverse("werkgroep:export_actions", args=["xlsx"])).content)[
        "Actiepunten"
    ]
    assert actions[1][:3] == ["Folder maken", "Niet haalbaar", "Geen geld"]
    referrals = csv_sections(
        client.get(reverse("werkgroep:export_referrals", args=["csv"])).content
    )
    header, row = referrals["Per vraaggebied"][0], referrals["Per vraaggebied"][1]
    # one referral with two vraaggebieden counts in both, so that sheet has no total column
    assert header == ["Maand", "Informatie", "Advies en begeleiding"]
    assert row[1:] == ["1", "1"]
    assert referrals["Per beroep"][1][1:] == ["1", "1"]

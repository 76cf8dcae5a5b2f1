"""The monitor on a known data set: each indicator per month and for the period against the
previous one (tests/werkgroep/reporting_data.py explains every number)."""

from datetime import date

import pytest
from django.urls import reverse

from panel.models import ContactRequest
from tests.werkgroep import reporting_data as data
from werkgroep import monitor as monitor_module
from werkgroep.monitor import monitor
from werkgroep.monitor_sections import count_section
from werkgroep.periods import Period, Step

pytestmark = pytest.mark.django_db


def figures(section) -> dict:
    return {f.label: (f.current, f.previous) for f in section.figures}


def series(section) -> dict:
    return {s.label: s.values for s in section.series}


@pytest.fixture
def result():
    data.everything()
    return monitor(period=data.PERIOD)


def test_the_previous_period_of_a_half_year_is_the_half_year_before():
    assert data.PERIOD.previous() == Period(start=date(2025, 7, 1), end=date(2025, 12, 31))
    odd = Period(start=date(2026, 1, 10), end=date(2026, 1, 19))
    assert odd.previous() == Period(start=date(2025, 12, 31), end=date(2026, 1, 9))


def test_a_period_is_cut_into_months_or_quarters_at_its_edges():
    period = Period(start=date(2026, 2, 15), end=date(2026, 7, 3))
    assert [(b.start, b.end) for b in period.buckets(Step.QUARTER)] == [
        (date(2026, 2, 15), date(2026, 3, 31)),
        (date(2026, 4, 1), date(2026, 6, 30)),
        (date(2026, 7, 1), date(2026, 7, 3)),
    ]
    assert [b.label for b in period.buckets(Step.QUARTER)] == ["K1 2026", "K2 2026", "K3 2026"]
    assert len(period.buckets(Step.MONTH)) == 6


def test_panel_members_joined_left_and_total_per_month_and_against_the_previous_period(result):
    section = result.section("members")
    assert series(section) == {
        "Leden aan het eind": [4, 7, 7, 8, 8, 8],
        "Erbij gekomen": [0, 4, 0, 1, 0, 0],
        "Gestopt": [0, 1, 0, 0, 0, 0],
    }
    assert figures(section) == {
        "Erbij gekomen": (5, 2),
        "Gestopt": (1, 1),
        "Leden aan het eind": (8, 4),
    }


def test_response_per_poll_is_responses_over_the_members_who_got_the_poll(result):
    section = result.section("polls")
    assert series(section)["Peilingen"] == [0, 0, 1, 0, 0, 0]
    assert series(section)["Gemiddelde respons"] == [None, None, 28.6, None, None, None]
    assert figures(section) == {
        "Peilingen": (1, 1),
        "Reacties": (2, 1),
        "Gemiddelde respons": (28.6, 25.0),
    }
    (table,) = section.tables
    assert table.rows == [["Voorjaar", "2026-03-01", "gesloten", 2, 7, 28.6]]


def test_professionals_trained_and_certificates_per_profession_and_organisation(result):
    section = result.section("training")
    assert series(section) == {
        "Nieuw getraind": [0, 0, 2, 0, 0, 0],
        "Certificaten": [0, 0, 1, 0, 0, 0],
    }
    assert figures(section) == {"Nieuw getrainde professionals": (2, 1), "Certificaten": (1, 1)}
    by_profession, by_organisation = section.tables
    assert by_profession.rows == [["Huisarts", 0, 1], ["Wijkverpleegkundige", 1, 0]]
    assert by_organisation.rows == [["De Kern", 1, 0], ["Geen organisatie", 0, 1]]


def test_referrals_per_month_warm_or_not_and_per_vraaggebied_profession_and_wijk(result):
    section = result.section("referrals")
    assert series(section) == {
        "Doorverwijzingen": [4, 0, 0, 0, 2, 0],
        "Waarvan warm": [3, 0, 0, 0, 1, 0],
    }
    assert figures(section) == {
        "Doorverwijzingen": (6, 2),
        "Waarvan warm": (4, 1),
        "Aandeel warm": (66.7, 50.0),
    }
    by_vraaggebied, by_profession, by_wijk = section.tables
    assert by_vraaggebied.rows[0][1:] == [3, 1, 4, 2]
    assert by_profession.rows == [
        ["Huisarts", 3, 1, 4, 2],
        ["Wijkteam / sociaal team", 1, 1, 2, 0],
    ]
    # per wijk goes through the small-cell rules: 4 warm in Centrum is "<5", and its total
    # is hidden too, or it would follow from the public column totals
    centrum = next(row for row in by_wijk.rows if row[0] == "Centrum")
    assert centrum == ["Centrum", "<5", "<5", "×"]


def test_spiegelgesprekken_held_and_caregivers_reached(result):
    section = result.section("gesprekken")
    assert series(section) == {
        "Gehouden": [0, 0, 0, 0, 1, 0],
        "Mantelzorgers bereikt": [0, 0, 0, 0, 3, 0],
    }
    assert figures(section) == {"Gehouden": (1, 1), "Mantelzorgers bereikt": (3, 2)}


def test_action_points_by_status_over_time_and_time_to_done(result):
    section = result.section("actions")
    values = series(section)
    assert values["Klaar"] == [1, 1, 2, 2, 2, 2]
    assert values["Idee"] == [1, 0, 0, 0, 1, 1]
    assert values["Gepland"] == [0, 1, 0, 0, 0, 0]
    assert values["Tijd tot klaar"] == [None, None, 60, None, None, None]
    assert figures(section) == {
        "Klaar gemeld": (1, 1),
        "Tijd tot klaar (mediaan, dagen)": (60, 92),
        "Nog open aan het eind": (1, 0),
    }


def test_quarters_add_the_months_up(result):
    quarters = monitor(period=data.PERIOD, step=Step.QUARTER)
    assert series(quarters.section("members"))["Erbij gekomen"] == [4, 1]
    assert series(quarters.section("referrals"))["Doorverwijzingen"] == [4, 2]


def test_the_monitor_page_shows_every_section_with_charts_and_tables(client, werkgroep_user):
    data.everything()
    client.force_login(werkgroep_user)
    response = client.get(
        reverse("werkgroep:monitor"), {"date_from": "2026-01-01", "date_to": "2026-06-30"}
    )
    assert response.status_code == 200
    body = response.content.decode()
    for title in ["Panelleden", "Respons op peilingen", "Doorverwijzingen", "Actiepunten"]:
        assert title in body
    assert body.count('<svg class="wg-svgchart"') >= 6
    assert "Toon de cijfers bij" in body


@pytest.mark.parametrize(
    "params",
    [
        {"date_from": "9999-12-31"},
        {"date_from": "2026-05-01", "date_to": "2026-01-01"},
        {"date_from": "1990-01-01", "date_to": "2026-01-01"},
        {"date_from": "gisteren", "step": "jaar"},
        {"date_to": "x" * 100000},
    ],
)
def test_a_hostile_period_gets_a_dutch_message_and_the_default_period(
    client, werkgroep_user, params
):
    client.force_login(werkgroep_user)
    response = client.get(reverse("werkgroep:monitor"), params)
    assert response.status_code == 200
    body = response.content.decode()
    assert any(
        message in body
        for message in [
            "Kies een datum tussen 2000 en 2100.",
            "De einddatum ligt voor de begindatum.",
            "Vul een datum in",
            "Kies een geldige optie",
        ]
    )


def test_the_monitor_queries_stay_flat_in_the_data_size(
    client, werkgroep_user, django_assert_max_num_queries
):
    client.force_login(werkgroep_user)
    data.everything()
    url = reverse("werkgroep:monitor")
    params = {"date_from": "2026-01-01", "date_to": "2026-06-30"}
    with django_assert_max_num_queries(40) as small:
        client.get(url, params)
    for _ in range(3):
        data.members()
        data.referrals()
        data.actions()
        data.polls()
    with django_assert_max_num_queries(len(small.captured_queries)):
        client.get(url, params)


def test_every_monitor_table_is_exportable_for_the_chosen_period(client, werkgroep_user):
    data.everything()
    client.force_login(werkgroep_user)
    params = {"date_from": "2026-01-01", "date_to": "2026-06-30", "step": "quarter"}
    response = client.get(reverse("werkgroep:monitor_export", args=["csv"]), params)
    assert response.status_code == 200
    text = response.content.decode("utf-8-sig")
    for caption in [
        "Deze periode en de vorige",
        "Panelleden",
        "Respons per peiling in deze periode",
        "Certificaten per beroep",
        "Per wijk, deze periode",
        "Actiepunten per status aan het eind van de periode",
    ]:
        assert caption in text
    lines = text.splitlines()
    referrals = lines.index("Periode;Doorverwijzingen;Waarvan warm")
    assert lines[referrals + 1 : referrals + 3] == ["K1 2026;4;3", "K2 2026;2;1"]
    members = lines.index("Periode;Leden aan het eind;Erbij gekomen;Gestopt")
    assert lines[members + 1 : members + 3] == ["K1 2026;7;4;1", "K2 2026;8;1;0"]


def test_a_new_indicator_plugs_in_with_one_builder(client, werkgroep_user, monkeypatch):
    requests = {date(2026, 2, 3): 2, date(2026, 2, 9): 1, date(2025, 11, 1): 4}

    def contact_requests(ctx):
        return count_section(
            ctx, key="other", title="Ander cijfer", label="Verzoeken", per_day=requests
        )

    monkeypatch.setattr(
        monitor_module, "SECTION_BUILDERS", [*monitor_module.SECTION_BUILDERS, contact_requests]
    )
    section = monitor(period=data.PERIOD).section("other")
    assert section.series[0].values == [0, 3, 0, 0, 0, 0]
    assert figures(section) == {"Verzoeken": (3, 4)}
    client.force_login(werkgroep_user)
    page = client.get(reverse("werkgroep:monitor"), data.PERIOD.as_params()).content.decode()
    assert "Ander cijfer" in page


def test_contact_requests_per_month_and_against_the_previous_period():
    for month, n in [(date(2025, 11, 1), 4), (date(2026, 2, 1), 2), (date(2026, 5, 1), 1)]:
        for _ in range(n):
            ContactRequest.objects.create(month=month, phone="0612345678")
    section = monitor(period=data.PERIOD).section("contact")
    assert section.series[0].values == [0, 2, 0, 0, 1, 0]
    assert figures(section) == {"Vragen om contact": (3, 4)}

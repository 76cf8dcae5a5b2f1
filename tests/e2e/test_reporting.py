"""The werkgroep's reporting in a real browser: pick a period, read the monitor and a trend
chart, write a conclusion in the council report and print it (page.pdf()); every page is
axe clean and has no sideways scrolling at 390 px."""

import io
import re

from django.urls import reverse
from playwright.sync_api import expect
from pypdf import PdfReader

from accounts.models import Role
from tests.accounts.factories import UserFactory
from tests.e2e.test_panel import log_in
from tests.werkgroep import reporting_data as data
from tests.werkgroep.factories import ActionPointFactory, add_votes, make_poll
from tests.werkgroep.test_trends import ROUNDS, _rows


def _repeated_polls():
    polls = []
    for i, month in enumerate([(2026, 1), (2026, 3), (2026, 5)], 1):
        poll = make_poll(
            title=f"Hulp vinden {i}",
            opens_at=data.at(*month, 1),
            closes_at=data.at(*month, 14),
            repeat_of=polls[-1] if polls else None,
        )
        add_votes(poll, _rows(poll, ROUNDS[i]))
        polls.append(poll)
    return polls


def _no_sideways_scrolling(page):
    overflow = page.evaluate(
        "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0, (page.url, overflow)


def test_the_werkgroep_reads_the_monitor_and_a_trend_and_prints_its_council_report(
    new_page, assert_accessible
):
    data.everything()
    polls = _repeated_polls()
    werkgroep = UserFactory(role=Role.WERKGROEP, email="monitor@example.org")
    page = new_page(viewport={"width": 1280, "height": 900})
    page.goto("/")
    log_in(page, werkgroep)

    # The monitor for the first half of 2026
    page.goto(reverse("werkgroep:dashboard"))
    page.get_by_role("link", name="Monitor").first.click()
    page.locator("#id_date_from").fill("2026-01-01")
    page.locator("#id_date_to").fill("2026-06-30")
    page.locator("#id_step").select_option("quarter")
    page.get_by_role("button", name="Toon deze periode").click()
    expect(page.get_by_role("heading", name="Panelleden")).to_be_visible()
    expect(page.get_by_role("img", name="Panelleden")).to_be_visible()
    members = page.locator("table.wg-figures").first
    expect(members.get_by_role("row", name=re.compile("Leden aan het eind"))).to_contain_text("8")
    page.get_by_text("Toon de cijfers bij Doorverwijzingen").click()
    expect(page.get_by_role("rowheader", name="K1 2026").first).to_be_visible()
    assert_accessible(page)

    # A trend chart over the three rounds, with its text summary and table
    page.get_by_role("link", name="Trends per vraag").click()
    page.get_by_role("link", name="Hulp vinden 1").click()
    chart = page.get_by_role("img", name="Weet u waar u hulp kunt vragen?")
    expect(chart).to_be_visible()
    expect(page.locator(".wg-summary").first).to_contain_text(
        "Ja: van 30% (18) in 01-01-2026 naar 45% (27) in 01-05-2026"
    )
    page.get_by_label("Uitsplitsen naar").select_option("wijk")
    page.get_by_role("button", name="Toon", exact=True).click()
    expect(page.get_by_role("cell", name="<5").first).to_be_visible()
    assert_accessible(page)

    # A council report: write a conclusion, then print it
    page.get_by_role("link", name="Raadsrapport").click()
    page.locator("#id_title").fill("Mantelzorg, eerste halfjaar 2026")
    page.locator("#id_date_from").fill("2026-01-01")
    page.locator("#id_date_to").fill("2026-06-30")
    page.get_by_role("button", name="Maak het rapport").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Mantelzorg, eerste halfjaar 2026")
    page.get_by_text("Tekst van de werkgroep bij “Doorverwijzingen” schrijven").click()
    page.locator("#id_referrals-conclusions").fill("Warme overdracht werkt: we gaan door.")
    page.get_by_role("button", name="Tekst bij “Doorverwijzingen” opslaan").click()
    expect(
        page.locator(".wg-council-text").get_by_text("Warme overdracht werkt: we gaan door.")
    ).to_be_visible()
    assert_accessible(page)

    pdf = page.pdf(prefer_css_page_size=True)
    pages = [p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages]
    text = " ".join(pages)
    assert "Warme overdracht werkt: we gaan door." in text
    assert "Gemeente Meppel" in pages[0]
    assert f"Pagina 1 van {len(pages)}" in pages[0]
    assert f"Pagina {len(pages)} van {len(pages)}" in pages[-1]
    assert "Per vraaggebied" in text and "Vorige periode" in text

    # Citing evidence is reachable and accessible too
    point = ActionPointFactory()
    page.goto(reverse("werkgroep:action_cite", args=[point.pk]))
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    assert_accessible(page)
    assert polls


def test_the_reporting_pages_need_no_sideways_scrolling_at_390_px(new_page, assert_accessible):
    data.everything()
    polls = _repeated_polls()
    werkgroep = UserFactory(role=Role.WERKGROEP, email="smal@example.org")
    page = new_page(viewport={"width": 390, "height": 844})
    page.goto("/")
    log_in(page, werkgroep)
    period = "?date_from=2026-01-01&date_to=2026-06-30"
    urls = [
        reverse("werkgroep:monitor") + period,
        reverse("werkgroep:trends"),
        reverse("werkgroep:trend", args=[polls[0].pk]) + "?uitsplitsing=wijk",
        reverse("werkgroep:council_list"),
    ]
    for url in urls:
        page.goto(url)
        expect(page.get_by_role("heading", level=1)).to_be_visible()
        _no_sideways_scrolling(page)
        assert_accessible(page)

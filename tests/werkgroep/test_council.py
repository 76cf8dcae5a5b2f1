"""The council report: a period against the previous one, the werkgroep's own texts with
author and date, publishing that freezes it, and a PDF with every table whole and page numbers."""

import io
import re

import pytest
from django.urls import reverse
from pypdf import PdfReader

from tests.werkgroep import reporting_data as data
from werkgroep import council
from werkgroep.council_pdf import latin1, report_pdf
from werkgroep.exceptions import ReportPublished
from werkgroep.models import CouncilReport
from werkgroep.periods import Step

pytestmark = pytest.mark.django_db


@pytest.fixture
def report(werkgroep_user):
    data.everything()
    return council.create_report(
        title="Mantelzorg in het eerste halfjaar 2026",
        period=data.PERIOD,
        step=Step.MONTH,
        by=werkgroep_user,
    )


def _pdf_text(body: bytes) -> tuple[PdfReader, list[str]]:
    reader = PdfReader(io.BytesIO(body))
    return reader, [page.extract_text() for page in reader.pages]


def _flat(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def test_the_report_compares_the_period_with_the_previous_one(report):
    view = council.report_view(report=report)
    assert view.data["previous"] == {"start": "2025-07-01", "end": "2025-12-31"}
    members = next(s for s in view.sections if s["key"] == "members")
    assert {f["label"]: (f["current"], f["previous"]) for f in members["figures"]}[
        "Leden aan het eind"
    ] == (8, 4)
    changes = next(s for s in view.sections if s["key"] == "changes")
    assert changes["tables"][0]["rows"] == [
        ["B", "nieuw → Idee (10 jan 2026) → Gepland (1 feb 2026) → Klaar (11 mrt 2026)", "Klaar"],
        ["C", "nieuw → Idee (1 mei 2026)", "Idee"],
    ]


def test_the_werkgroep_writes_a_summary_and_conclusions_per_section_with_author_and_date(
    client, werkgroep_user, report
):
    client.force_login(werkgroep_user)
    url = reverse("werkgroep:council", args=[report.pk])
    response = client.post(
        url,
        {
            "section": "referrals",
            "referrals-key": "referrals",
            "referrals-summary": "Meer warme overdrachten dan vorig halfjaar.",
            "referrals-conclusions": "We houden vast aan de training voor huisartsen.",
        },
    )
    assert response.status_code == 302
    page = client.get(url).content.decode()
    assert "Meer warme overdrachten dan vorig halfjaar." in page
    assert "Geschreven door Test Persoon" in page
    (text,) = report.sections.all()
    assert (text.key, text.written_by) == ("referrals", werkgroep_user)


def test_a_published_report_stays_as_it_was_published(client, werkgroep_user, report):
    council.save_section_text(
        report=report, key="summary", summary="Het panel groeit.", conclusions="", by=werkgroep_user
    )
    published = council.publish_report(report=report, by=werkgroep_user)
    data.members()  # more members join after publishing
    view = council.report_view(report=CouncilReport.objects.get(pk=report.pk))
    members = next(s for s in view.sections if s["key"] == "members")
    assert members["figures"][0]["current"] == 5  # as published, not 10
    assert published.published_at is not None
    with pytest.raises(ReportPublished):
        council.save_section_text(
            report=published, key="summary", summary="Anders.", conclusions="", by=werkgroep_user
        )
    with pytest.raises(ReportPublished):
        council.publish_report(report=published, by=werkgroep_user)
    client.force_login(werkgroep_user)
    response = client.post(
        reverse("werkgroep:council", args=[report.pk]),
        {"section": "summary", "summary-key": "summary", "summary-summary": "Anders."},
        follow=True,
    )
    assert "Dit rapport is gepubliceerd en verandert niet meer." in response.content.decode()
    assert report.sections.get().summary == "Het panel groeit."


def test_the_pdf_has_every_table_whole_and_page_numbers(client, werkgroep_user, report):
    council.save_section_text(
        report=report,
        key="actions",
        summary="Twee actiepunten zijn klaar.",
        conclusions="Sneller klaar dan vorig jaar.",
        by=werkgroep_user,
    )
    client.force_login(werkgroep_user)
    response = client.get(reverse("werkgroep:council_pdf", args=[report.pk]))
    assert response["Content-Type"] == "application/pdf"
    reader, pages = _pdf_text(response.content)
    text = _flat(" ".join(pages))
    view = council.report_view(report=report)
    tables = [t for s in view.sections for t in s["tables"]]
    assert len(tables) >= 12
    for table in tables:
        for column in table["columns"]:
            assert _flat(latin1(column)) in text, (table["caption"], column)
        for row in table["rows"]:
            assert _flat(latin1(str(row[0]))) in text, (table["caption"], row[0])
    for number, page in enumerate(pages, 1):
        assert f"Pagina {number} van {len(pages)}" in page
        assert "Gemeente Meppel" in page
    assert "Twee actiepunten zijn klaar." in text
    assert "Sneller klaar dan vorig jaar." in text
    # the wide table (status per month) is on a landscape page
    wide = [t for t in tables if len(t["columns"]) > council.WIDE_COLUMNS]
    assert wide
    landscape = [p for p in reader.pages if p.mediabox.width > p.mediabox.height]
    assert landscape


def test_the_pdf_of_a_published_report_is_made_from_what_was_published(werkgroep_user, report):
    council.publish_report(report=report, by=werkgroep_user)
    data.referrals()
    reloaded = CouncilReport.objects.get(pk=report.pk)
    text = _flat(" ".join(_pdf_text(report_pdf(council.report_view(report=reloaded)))[1]))
    assert "Gepubliceerd op" in text
    assert "Doorverwijzingen 6 2" in text  # the published figures, not 12 and 4


def test_the_printed_page_has_the_gemeente_and_date_in_its_margins(client, werkgroep_user, report):
    client.force_login(werkgroep_user)
    css = client.get(reverse("werkgroep:council_print_css", args=[report.pk])).content.decode()
    assert "@top-left" in css and "Meppel" in css
    page = client.get(reverse("werkgroep:council", args=[report.pk])).content.decode()
    assert reverse("werkgroep:council_print_css", args=[report.pk]) in page


def test_a_title_with_quotes_cannot_break_out_of_the_print_css(client, werkgroep_user, db):
    report = CouncilReport.objects.create(
        title='x"; } body { display: none } @page { content: "',
        period_start="2026-01-01",
        period_end="2026-02-01",
    )
    client.force_login(werkgroep_user)
    css = client.get(reverse("werkgroep:council_print_css", args=[report.pk])).content.decode()
    assert css.count('"') == 8  # four strings, each opened and closed once
    assert "body {" not in css and css.count("{") == css.count("}") == 6


def test_making_a_report_needs_a_title_and_a_period(client, werkgroep_user):
    client.force_login(werkgroep_user)
    response = client.post(
        reverse("werkgroep:council_list"), {"title": "", "date_from": "9999-12-31"}
    )
    body = response.content.decode()
    assert response.status_code == 200
    assert "Vul dit in." in body
    assert "Kies een datum tussen 2000 en 2100." in body
    response = client.post(
        reverse("werkgroep:council_list"),
        {
            "title": "Rapport 2026",
            "date_from": "2026-01-01",
            "date_to": "2026-06-30",
            "step": "quarter",
        },
    )
    report = CouncilReport.objects.get()
    assert response["Location"] == reverse("werkgroep:council", args=[report.pk])
    assert (report.step, report.status) == ("quarter", "draft")


def test_the_werkgroep_can_write_about_contact_requests_too(client, werkgroep_user, report):
    client.force_login(werkgroep_user)
    client.post(
        reverse("werkgroep:council", args=[report.pk]),
        {"section": "contact", "contact-key": "contact", "contact-summary": "Drie vragen."},
    )
    assert report.sections.get().key == "contact"

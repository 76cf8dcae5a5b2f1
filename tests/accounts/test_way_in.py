"""The way in for a new caregiver: the landing page, a code asked for an unknown address,
joining from every page for visitors, and the printable flyer."""

import io

import pytest
from django.core import mail
from django.test import override_settings
from django.urls import reverse
from pypdf import PdfReader

from accounts.models import User
from tests.panel.readability import flesch_douma, visible_text


def test_the_landing_page_leads_caregivers_to_joining_and_members_to_a_code(client, db):
    html = client.get("/").content.decode()
    assert f'href="{reverse("panel:join")}"' in html
    assert "Doe mee" in html
    assert f'href="{reverse("account_request_login_code")}"' in html


@pytest.mark.parametrize(
    "url",
    ["/", "/sociale-kaart/", "/wij-deden/", "/accounts/login/", "/accounts/login/code/"],
)
def test_joining_is_linked_from_every_page_a_visitor_sees(client, db, url):
    response = client.get(url)
    assert response.status_code == 200
    assert f'href="{reverse("panel:join")}"' in response.content.decode()


def test_an_unknown_address_gets_an_invitation_to_join_and_no_account(client, db):
    response = client.post(
        reverse("account_request_login_code"), {"email": "nieuw@example.org"}, follow=True
    )
    assert response.status_code == 200
    assert not User.objects.filter(email__iexact="nieuw@example.org").exists()
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["nieuw@example.org"]
    assert "Doe mee met het mantelzorgpanel" in message.subject
    assert "http://testserver" + reverse("panel:join") in message.body
    assert "Werkt u in zorg of welzijn?" in message.body
    assert "Je ontvang" not in message.body
    assert "Onbekend account" not in message.subject


def test_the_code_page_reads_the_same_for_a_known_and_an_unknown_address(client, caregiver):
    def page_for(email):
        client.logout()
        response = client.post(reverse("account_request_login_code"), {"email": email}, follow=True)
        return visible_text(response.content.decode()).replace(email, "ADRES")

    known = page_for(caregiver.email)
    unknown = page_for("nieuw@example.org")
    assert known == unknown
    assert "Doet u nog niet mee?" in known


@override_settings(MANTELKRING_GEMEENTE="Hattem", SITE_URL="https://mk.example.nl")
def test_the_flyer_is_an_a5_pdf_with_the_gemeente_and_the_join_address(client, db):
    response = client.get(reverse("flyer"))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(response.content))
    assert len(reader.pages) == 1
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (420, 595)  # A5 in points
    text = " ".join(reader.pages[0].extract_text().split())
    assert "Hattem" in text
    assert "https://mk.example.nl/panel/aanmelden/" in text
    assert "Zorgt u voor iemand?" in text


def test_the_flyer_draws_the_qr_code_for_the_join_address():
    import segno

    from panel.flyer import flyer_pdf

    url = "https://mk.example.nl/panel/aanmelden/"
    dark = sum(sum(row) for row in segno.make(url, error="m").matrix)
    content = PdfReader(io.BytesIO(flyer_pdf(join_url=url, help_url="x"))).pages[0]
    filled = content.get_contents().get_data().decode("latin-1").count(" re f")
    # One filled square per dark module of the QR code, plus the blue band at the top.
    assert filled == dark + 1


def test_the_flyer_text_is_plain_dutch():
    from panel.flyer import flyer_pdf

    pdf = flyer_pdf(join_url="https://x.nl/panel/aanmelden/", help_url="https://x.nl/hulp/")
    text = PdfReader(io.BytesIO(pdf)).pages[0].extract_text()
    paragraphs = "".join(f"<p>{line}</p>" for line in text.splitlines() if "http" not in line)
    assert flesch_douma(paragraphs) >= 65


def test_professionals_and_the_werkgroep_find_the_flyer(client, login_as):
    from accounts.models import Role

    for role, url in ((Role.PROFESSIONAL, "/training/"), (Role.WERKGROEP, "/werkgroep/")):
        login_as(client, role)
        assert f'href="{reverse("flyer")}"' in client.get(url).content.decode()


def test_the_landing_page_and_the_code_page_are_plain_dutch(client, db):
    assert flesch_douma(client.get("/").content.decode()) >= 65
    response = client.post(
        reverse("account_request_login_code"), {"email": "nieuw@example.org"}, follow=True
    )
    assert flesch_douma(response.content.decode()) >= 65


def test_the_join_invitation_mail_is_plain_dutch(client, db):
    client.post(reverse("account_request_login_code"), {"email": "nieuw@example.org"})
    body = mail.outbox[0].body
    paragraphs = "".join(f"<p>{line}</p>" for line in body.splitlines() if "http" not in line)
    assert flesch_douma(paragraphs) >= 65

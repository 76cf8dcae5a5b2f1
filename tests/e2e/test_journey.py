"""A new caregiver on a phone, keyboard only: from the landing page to a finished join, a
poll answered, and help when it goes badly. And the way in for an address we do not know."""

import re

from playwright.sync_api import expect

from accounts.models import User
from panel.models import ContactPoint, ContactRequest, QuestionKind, RegistrationKind
from panel.services.gesprekken import register_for_gesprek
from sociale_kaart.models import HelpNow
from tests.e2e.test_panel import log_in, press_button, tab_to, vote_outside_the_event_loop
from tests.panel.factories import PanelMemberFactory, SpiegelgesprekFactory, make_poll
from tests.sociale_kaart.factories import OfferFactory

PHONE = {"viewport": {"width": 390, "height": 844}}
CODE = re.compile(r"^\s*([A-Z0-9]{4}-?[A-Z0-9]{4}|[A-Z0-9]{6})\s*$", re.MULTILINE)


def no_sideways_scrolling(page) -> None:
    page.wait_for_load_state("load")
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= page.evaluate("document.documentElement.clientWidth"), page.url


def test_a_new_caregiver_goes_from_the_landing_page_to_a_finished_join_and_answers_a_poll(
    new_page, sent_mail
):
    poll = make_poll(title="Hoe gaat het met u?")
    poll.questions.filter(kind=QuestionKind.SCALE).update(wellbeing=True)
    OfferFactory(
        name="Mantelzorgconsulent",
        help_now=HelpNow.CONSULENT,
        whole_municipality=True,
        phone="0522-001002",
    )
    ContactPoint.objects.create(name="Steunpunt Mantelzorg", email="steunpunt@example.org")

    page = new_page(**PHONE)
    page.goto("/")
    no_sideways_scrolling(page)
    tab_to(page, page.get_by_role("link", name="Doe mee", exact=True))
    page.keyboard.press("Enter")

    expect(page.get_by_role("heading", level=1)).to_have_text("Doe mee met het panel")
    tab_to(page, page.get_by_label("Uw e-mailadres"))
    page.keyboard.type("nieuw.lid@example.org")
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Wat doen we met uw gegevens?")
    tab_to(page, page.get_by_label("Ik doe mee en ik vind dit goed"))
    page.keyboard.press("Space")
    press_button(page, "Volgende")
    for step in range(3, 7):  # the optional questions: skip them
        expect(page.locator(".mk-step")).to_have_text(f"Stap {step} van 7")
        press_button(page, "Volgende")
    expect(page.locator(".mk-step")).to_have_text("Stap 7 van 7")
    no_sideways_scrolling(page)
    press_button(page, "Klaar: stuur mij een code")

    expect(page).to_have_url(re.compile(r"/panel/aanmelden/bevestigen/"))
    mails = sent_mail()
    assert len(mails) == 1 and "nieuw.lid@example.org" in mails[0]
    code = CODE.search(mails[0].split("\n\n", 1)[1]).group(1)
    tab_to(page, page.get_by_role("textbox"))
    page.keyboard.type(code)
    page.keyboard.press("Enter")

    expect(page.get_by_role("heading", level=1)).to_have_text("Fijn dat u meedoet")
    no_sideways_scrolling(page)
    tab_to(page, page.get_by_role("link", name=re.compile("Beantwoord de vragen")))
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Hoe gaat het met u?")
    tab_to(page, page.get_by_role("link", name="Begin"))
    page.keyboard.press("Enter")

    expect(page.get_by_role("heading", level=1)).to_have_text("Vraag 1 van 4")
    tab_to(page, page.get_by_label("Ja", exact=True))
    page.keyboard.press("Space")
    press_button(page, "Volgende vraag")
    expect(page.get_by_role("heading", level=1)).to_have_text("Vraag 2 van 4")
    tab_to(page, page.get_by_label("Informatie"))
    page.keyboard.press("Space")
    press_button(page, "Volgende vraag")
    expect(page.get_by_role("heading", level=1)).to_have_text("Vraag 3 van 4")
    tab_to(page, page.get_by_label("Heel slecht"))
    page.keyboard.press("Space")
    expect(page.get_by_label("Heel slecht")).to_be_checked()
    press_button(page, "Volgende vraag")
    expect(page.get_by_role("heading", level=1)).to_have_text("Vraag 4 van 4")
    tab_to(page, page.get_by_role("textbox"))
    page.keyboard.type("ik kan bijna niet meer")
    no_sideways_scrolling(page)
    press_button(page, "Bekijk mijn antwoord")
    expect(page.get_by_role("heading", level=1)).to_have_text("Klopt dit?")
    press_button(page, "Verstuur mijn antwoord")

    # Not a plain thank-you: who to call now, and the offer to be called.
    expect(page.get_by_role("heading", level=1)).to_have_text("Hulp voor u")
    expect(page.get_by_role("link", name="Bel 0522-001002")).to_be_visible()
    no_sideways_scrolling(page)
    tab_to(page, page.get_by_label("Uw naam"))
    page.keyboard.type("Nina Nieuw")
    tab_to(page, page.get_by_label("Uw telefoonnummer"))
    page.keyboard.type("06-12345678")
    press_button(page, "Neem contact met mij op")
    expect(page.get_by_role("status").first).to_contain_text("Steunpunt Mantelzorg neemt contact")

    to_contact_point = [m for m in sent_mail() if "steunpunt@example.org" in m]
    assert len(to_contact_point) == 1 and "06-12345678" in to_contact_point[0]
    assert "ik kan bijna niet meer" not in to_contact_point[0]
    request = ContactRequest.objects.get()
    assert request.sent_at is not None and request.phone == ""


def test_an_unknown_address_asking_for_a_code_gets_the_join_mail_and_no_account(
    new_page, sent_mail
):
    page = new_page(**PHONE)
    page.goto("/")
    tab_to(page, page.get_by_role("link", name="Log in met een code"))
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Inloggen met een code")
    tab_to(page, page.get_by_label("E-mailadres"))
    page.keyboard.type("onbekend@example.org")
    page.keyboard.press("Enter")

    expect(page.get_by_role("heading", level=1)).to_have_text("Vul uw code in")
    expect(page.get_by_text("Doet u nog niet mee?")).to_be_visible()
    mails = sent_mail()
    assert len(mails) == 1
    assert "To: onbekend@example.org" in mails[0]
    assert "Doe mee met het mantelzorgpanel" in mails[0]
    assert "/panel/aanmelden/" in mails[0]
    assert "Werkt u in zorg of welzijn?" in mails[0]
    assert not User.objects.filter(email__iexact="onbekend@example.org").exists()


def test_the_new_caregiver_pages_have_no_axe_violations(new_page, assert_accessible):
    member = PanelMemberFactory()
    OfferFactory(name="Crisislijn", help_now=HelpNow.CRISIS, whole_municipality=True, phone="113")
    ContactPoint.objects.create(name="Steunpunt", email="steunpunt@example.org")
    identified = make_poll(anonymous=False)
    vote_outside_the_event_loop(member, identified)
    gesprek = SpiegelgesprekFactory()
    registration = register_for_gesprek(
        gesprek_id=gesprek.pk, user=member.user, kind=RegistrationKind.CAREGIVER, transport=True
    )
    page = new_page(**PHONE)
    page.goto("/")
    log_in(page, member.user)
    for url in (
        "/panel/hulp/",
        f"/panel/aanmeldingen/{registration.pk}/afmelden/",
        f"/panel/gesprekken/{gesprek.pk}/",
        f"/panel/gesprekken/{gesprek.pk}/?wijzig=1",
        "/panel/mijn-gegevens/",
    ):
        page.goto(url)
        assert_accessible(page)
        no_sideways_scrolling(page)
    page.goto("/panel/hulp/")
    page.get_by_role("button", name="Neem contact met mij op").click()  # the errors
    expect(page.locator(".utrecht-form-field-error-message").first).to_be_visible()
    assert_accessible(page)

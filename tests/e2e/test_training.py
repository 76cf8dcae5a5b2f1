"""A professional works through a module with the keyboard alone, and every training page
passes axe."""

import io
import re
from pathlib import Path

import pytest
import zxingcpp
from PIL import Image
from playwright.sync_api import expect
from pypdf import PdfReader

from accounts.models import Profession, Role
from sociale_kaart.models import Offer, Organisation, Wijk
from tests.accounts.factories import PASSWORD, UserFactory
from training.models import LearningGoal, Lesson, Module, Option, Question, Unit

# Declared here (not only requested by the shared autouse fixture) so pytest-django sees it
# at setup and serializes the migration-made rows (vraaggebieden, starter modules); without
# it they are gone after the first browser test when other tests run in the same session.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def make_small_module() -> Module:
    """Two units of five minutes, each one lesson and one question."""
    module = Module.objects.create(
        title="Kort oefenen",
        slug="kort-oefenen",
        summary="Twee delen van vijf minuten.",
        target_professions=["huisarts"],
        minutes=10,
        accreditation_points=1,
        accrediting_body="Testregister",
        published=True,
        pass_mark=50,
        order=0,
    )
    lessons = [
        ("Wie zorgt er thuis?", "Vraag: **zorgt u voor iemand?**", "Wat vraagt u de dochter?"),
        ("Signalen", "- moe\n- slecht slapen", "Wat doet u bij twijfel?"),
    ]
    for order, (title, body, prompt) in enumerate(lessons, start=1):
        unit = Unit.objects.create(module=module, order=order, title=title, minutes=5)
        lesson = Lesson.objects.create(
            module=module, unit=unit, order=order, title=title, body=body
        )
        goal = LearningGoal.objects.create(
            module=module, unit=unit, lesson=lesson, order=1, text=f"Doel: {title}"
        )
        question = Question.objects.create(
            module=module,
            goal=goal,
            order=1,
            situation="Een dochter komt mee.",
            prompt=prompt,
            explanation="Vraag naar de mantelzorger zelf.",
        )
        Option.objects.create(
            question=question,
            order=1,
            text="Hoe gaat het met u?",
            is_correct=True,
            feedback="Klopt: u vraagt naar haar.",
        )
        Option.objects.create(
            question=question,
            order=2,
            text="Niets vragen",
            is_correct=False,
            feedback="Zo mist u de mantelzorger.",
        )
    return module


def tab_to(page, locator, limit: int = 120) -> None:
    """Press Tab until the locator has focus: proves it can be reached by keyboard."""
    handle = locator.element_handle()
    for _ in range(limit):
        page.keyboard.press("Tab")
        if handle.evaluate("el => el === document.activeElement"):
            return
    raise AssertionError(f"could not reach {locator} with Tab")


def activate(page, locator) -> None:
    tab_to(page, locator)
    page.keyboard.press("Enter")


def login(page, email: str) -> None:
    page.goto("/accounts/login/")
    tab_to(page, page.get_by_label("E-mail", exact=False).first)
    page.keyboard.type(email)
    tab_to(page, page.locator("input[type=password]"))
    page.keyboard.type(PASSWORD)
    page.keyboard.press("Enter")
    expect(page.get_by_role("button", name="Uitloggen")).to_be_visible()


def test_a_professional_finishes_a_unit_leaves_resumes_the_next_and_gets_a_certificate(
    page, assert_accessible
):
    make_small_module()
    UserFactory(
        role=Role.PROFESSIONAL,
        profession=Profession.HUISARTS,
        email="zoe@example.org",
        first_name="Zoë",
        last_name="Brouwer",
    )
    login(page, "zoe@example.org")

    page.goto("/training/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Training")
    expect(page.get_by_role("heading", name="Uw leerlijn als Huisarts")).to_be_visible()
    assert_accessible(page)

    activate(page, page.get_by_role("link", name="Kort oefenen"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Kort oefenen")
    expect(page.get_by_role("link", name="Deel 2: Signalen")).to_be_visible()
    assert_accessible(page)
    activate(page, page.get_by_role("button", name="Begin met de module"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Wie zorgt er thuis?")
    assert_accessible(page)
    activate(page, page.get_by_role("button", name="Naar de vragen"))

    # Unit 1's question: the wrong answer, chosen with the arrow key. The feedback explains
    # the choice and does not give the right option away.
    expect(page.get_by_role("heading", level=1)).to_have_text("Vraag 1 van 1")
    assert_accessible(page)
    tab_to(page, page.get_by_role("radio", name="Hoe gaat het met u?"))
    page.keyboard.press("ArrowDown")
    expect(page.get_by_role("radio", name="Niets vragen")).to_be_checked()
    activate(page, page.get_by_role("button", name="Controleer mijn antwoord"))
    expect(page.get_by_text("Dit antwoord klopt niet helemaal.")).to_be_visible()
    expect(page.get_by_text("Zo mist u de mantelzorger.")).to_be_visible()
    expect(page.get_by_text("Klopt: u vraagt naar haar.")).to_have_count(0)
    assert_accessible(page)
    activate(page, page.get_by_role("link", name="Klaar met dit deel"))
    expect(page.get_by_text("Dit deel is klaar.")).to_be_visible()
    assert_accessible(page)
    page.set_viewport_size({"width": 390, "height": 800})
    assert page.evaluate("document.documentElement.scrollWidth <= 390")
    page.set_viewport_size({"width": 1280, "height": 800})

    # Leave, and come back later: the module goes on with the next unit.
    activate(page, page.get_by_role("link", name="Modules"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Training")
    activate(page, page.get_by_role("link", name="Kort oefenen"))
    activate(page, page.get_by_role("button", name="Ga verder waar u was"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Signalen")
    expect(page.get_by_text("Deel 2 van 2")).to_be_visible()
    activate(page, page.get_by_role("button", name="Naar de vragen"))

    # Unit 2's question: the right answer, chosen with the space bar.
    expect(page.get_by_role("heading", level=1)).to_have_text("Vraag 1 van 1")
    tab_to(page, page.get_by_role("radio", name="Hoe gaat het met u?"))
    page.keyboard.press("Space")
    activate(page, page.get_by_role("button", name="Controleer mijn antwoord"))
    expect(page.get_by_text("Goed gedaan. Dit antwoord klopt.")).to_be_visible()
    activate(page, page.get_by_role("link", name="Bekijk uw uitslag"))

    expect(page.get_by_role("heading", level=1)).to_have_text("U bent geslaagd")
    expect(page.get_by_text("Uw score is 50%.")).to_be_visible()
    expect(page.get_by_role("link", name="Lees de les: Wie zorgt er thuis?")).to_be_visible()
    assert_accessible(page)
    code = re.search(
        r"De code is (\S+)\.", page.get_by_text("Uw certificaat staat klaar.").inner_text()
    ).group(1)
    assert re.fullmatch(r"[2-9A-HJ-KMNP-Z]{5}-[2-9A-HJ-KMNP-Z]{5}", code)

    tab_to(page, page.get_by_role("link", name="Download certificaat (PDF)"))
    with page.expect_download() as download:
        page.keyboard.press("Enter")
    pdf = PdfReader(io.BytesIO(Path(download.value.path()).read_bytes())).pages[0]
    text = pdf.extract_text()
    assert code in text and "Zoë Brouwer" in text and "Kort oefenen" in text and "1 punt" in text
    # The QR code on the PDF leads to the check page of this certificate.
    qr = zxingcpp.read_barcodes(list(pdf.images)[0].image.convert("L"))
    check_url = qr[0].text
    assert check_url.endswith("/certificaat/" + code.replace("-", "") + "/")
    page.goto(check_url)
    expect(page.get_by_text("Dit certificaat is geldig.")).to_be_visible()
    expect(page.get_by_text("Zoë Brouwer")).to_be_visible()
    assert_accessible(page)

    # Anyone can type the code, in lower case, on the check page.
    activate(page, page.get_by_role("link", name="Een ander certificaat controleren"))
    expect(page).to_have_url(re.compile(r"/certificaat/$"))
    assert_accessible(page)
    tab_to(page, page.get_by_label("Certificaatcode"))
    page.keyboard.type(code.lower())
    page.keyboard.press("Enter")
    expect(page.get_by_text("Dit certificaat is geldig.")).to_be_visible()

    page.goto("/training/certificaten/")
    expect(page.get_by_role("cell", name="Kort oefenen", exact=True)).to_be_visible()
    assert_accessible(page)
    activate(page, page.get_by_role("link", name="Registratienummer toevoegen"))
    tab_to(page, page.get_by_label("Registratienummer"))
    page.keyboard.type("123")
    page.keyboard.press("Enter")
    expect(page.get_by_text("Een BIG-nummer bestaat uit 11 cijfers.")).to_be_visible()
    assert_accessible(page)

    response = page.goto("/certificaat/bestaat-niet-echt/")
    assert response.status == 404


def test_the_public_card_of_a_wijk_prints_on_one_a4_with_a_qr_to_the_sociale_kaart(
    page, assert_accessible
):
    org = Organisation.objects.create(name="Steunpunt E2E", phone="038 444 5555")
    wijk = Wijk.objects.create(name="Testwijk", slug="testwijk")
    for n in range(12):
        offer = Offer.objects.create(
            organization=org,
            name=f"Aanbod {n}",
            description="-",
            phone=f"038 100 00{n:02d}",
            address_1=f"Kerkstraat {n}",
            postal_code="8051 AB",
            city="Hattem",
        )
        offer.service_areas.set([wijk])
    page.goto("/signaleringskaart/")
    assert_accessible(page)
    activate(page, page.get_by_role("link", name="Testwijk", exact=True))
    expect(page.get_by_role("heading", level=1)).to_contain_text("Signaleringskaart Testwijk")
    expect(page.get_by_text("038 100 0000").first).to_be_visible()
    assert_accessible(page)
    printed = PdfReader(io.BytesIO(page.pdf(format="A4")))
    assert len(printed.pages) == 1, "the public card must print on one A4"
    assert "038 100 0000" in printed.pages[0].extract_text()
    shot = page.get_by_role("img", name="QR-code naar de sociale kaart").screenshot()
    decoded = zxingcpp.read_barcodes(Image.open(io.BytesIO(shot)).convert("L"))
    assert decoded[0].text.endswith("/sociale-kaart/?wijk=testwijk")
    page.set_viewport_size({"width": 390, "height": 800})
    assert page.evaluate("document.documentElement.scrollWidth <= 390")


def test_signalling_card_refer_and_referral_pages_work_by_keyboard_and_pass_axe(
    page, assert_accessible
):
    UserFactory(role=Role.PROFESSIONAL, profession=Profession.WIJKTEAM, email="sanne@example.org")
    login(page, "sanne@example.org")

    page.goto("/training/signaleringskaart/")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Signaleringskaart")
    assert_accessible(page)
    printed = PdfReader(io.BytesIO(page.pdf(format="A4")))
    assert len(printed.pages) == 1, "the signalling card must print on one A4"
    activate(page, page.get_by_role("link", name="Zoek hulp op de sociale kaart"))
    expect(page).to_have_url(re.compile(r"/training/doorverwijzen/\?vraaggebied=advies"))
    expect(page.get_by_label("Onderwerp")).to_have_value("advies")
    assert_accessible(page)

    page.goto("/training/verwijzingen/nieuw/")
    activate(page, page.get_by_role("button", name="Verwijzing opslaan"))
    expect(page.get_by_text("Kies minstens één onderwerp.")).to_be_visible()
    assert_accessible(page)
    tab_to(page, page.get_by_role("checkbox", name="Respijtzorg"))
    page.keyboard.press("Space")
    tab_to(page, page.get_by_role("radio", name=re.compile("^Ja, ik heb")))
    page.keyboard.press("Space")
    activate(page, page.get_by_role("button", name="Verwijzing opslaan"))
    expect(page.get_by_text("Dank u. De verwijzing is vastgelegd.")).to_be_visible()
    expect(page.get_by_role("cell", name="Respijtzorg", exact=True)).to_be_visible()
    assert_accessible(page)

    # Correct the referral just logged, then remove it: both pages by keyboard, axe-clean.
    activate(page, page.get_by_role("link", name=re.compile("^Wijzig verwijzing van")))
    expect(page.get_by_role("heading", level=1)).to_have_text("Verwijzing wijzigen")
    assert_accessible(page)
    tab_to(page, page.get_by_role("checkbox", name="Informatie"))
    page.keyboard.press("Space")
    activate(page, page.get_by_role("button", name="Verwijzing opslaan"))
    expect(page.get_by_text("De verwijzing is gewijzigd.")).to_be_visible()
    expect(page.get_by_role("cell", name="Informatie, Respijtzorg")).to_be_visible()
    activate(page, page.get_by_role("link", name="Verwijder"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Verwijzing verwijderen")
    assert_accessible(page)
    activate(page, page.get_by_role("button", name="Ja, verwijder deze verwijzing"))
    expect(page.get_by_text("De verwijzing is verwijderd.")).to_be_visible()
    expect(page.get_by_text("U heeft nog geen verwijzingen vastgelegd.")).to_be_visible()

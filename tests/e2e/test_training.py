"""A professional works through a module with the keyboard alone, and every training page
passes axe."""

import io
import re
from pathlib import Path

import pytest
from playwright.sync_api import expect
from pypdf import PdfReader

from accounts.models import Profession, Role
from tests.accounts.factories import PASSWORD, UserFactory
from training.models import Lesson, Module, Option, Question

# Declared here (not only requested by the shared autouse fixture) so pytest-django sees it
# at setup and serializes the migration-made rows (vraaggebieden, starter modules); without
# it they are gone after the first browser test when other tests run in the same session.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def make_small_module() -> Module:
    module = Module.objects.create(
        title="Kort oefenen",
        slug="kort-oefenen",
        summary="Twee lessen, twee vragen.",
        target_professions=["huisarts"],
        minutes=10,
        accreditation_points=1,
        published=True,
        pass_mark=50,
        order=0,
    )
    Lesson.objects.create(
        module=module, order=1, title="Wie zorgt er thuis?", body="Vraag: **zorgt u voor iemand?**"
    )
    Lesson.objects.create(module=module, order=2, title="Signalen", body="- moe\n- slecht slapen")
    for order, prompt in enumerate(
        ["Wat vraagt u de dochter?", "Wat doet u bij twijfel?"], start=1
    ):
        question = Question.objects.create(
            module=module,
            order=order,
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


def test_a_professional_completes_a_module_by_keyboard_and_gets_a_certificate(
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
    assert_accessible(page)
    activate(page, page.get_by_role("button", name="Begin met de module"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Wie zorgt er thuis?")
    assert_accessible(page)
    activate(page, page.get_by_role("button", name="Volgende les"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Signalen")
    activate(page, page.get_by_role("button", name="Naar de vragen"))

    # Question 1: choose the wrong answer with the arrow key and see the feedback.
    expect(page.get_by_role("heading", level=1)).to_have_text("Vraag 1 van 2")
    assert_accessible(page)
    tab_to(page, page.get_by_role("radio", name="Hoe gaat het met u?"))
    page.keyboard.press("ArrowDown")
    expect(page.get_by_role("radio", name="Niets vragen")).to_be_checked()
    activate(page, page.get_by_role("button", name="Controleer mijn antwoord"))
    expect(page.get_by_text("Dit antwoord klopt niet helemaal.")).to_be_visible()
    expect(page.get_by_text("Zo mist u de mantelzorger.")).to_be_visible()
    expect(page.get_by_text("Klopt: u vraagt naar haar.")).to_be_visible()
    assert_accessible(page)
    activate(page, page.get_by_role("link", name="Volgende vraag"))

    # Question 2: the right answer, chosen with the space bar.
    expect(page.get_by_role("heading", level=1)).to_have_text("Vraag 2 van 2")
    tab_to(page, page.get_by_role("radio", name="Hoe gaat het met u?"))
    page.keyboard.press("Space")
    activate(page, page.get_by_role("button", name="Controleer mijn antwoord"))
    expect(page.get_by_text("Goed gedaan. Dit antwoord klopt.")).to_be_visible()
    activate(page, page.get_by_role("link", name="Bekijk uw uitslag"))

    expect(page.get_by_role("heading", level=1)).to_have_text("U bent geslaagd")
    expect(page.get_by_text("Uw score is 50%.")).to_be_visible()
    assert_accessible(page)
    code = re.search(
        r"De code is (\S+)\.", page.get_by_text("Uw certificaat staat klaar.").inner_text()
    ).group(1)

    tab_to(page, page.get_by_role("link", name="Download certificaat (PDF)"))
    with page.expect_download() as download:
        page.keyboard.press("Enter")
    pdf = Path(download.value.path()).read_bytes()
    assert pdf.startswith(b"%PDF")
    text = PdfReader(io.BytesIO(pdf)).pages[0].extract_text()
    assert code in text and "Zoë Brouwer" in text and "Kort oefenen" in text

    activate(page, page.get_by_role("link", name="Bekijk de controlepagina"))
    expect(page.get_by_text("Dit certificaat is geldig.")).to_be_visible()
    expect(page.get_by_text("Zoë Brouwer")).to_be_visible()
    assert_accessible(page)

    page.goto("/training/certificaten/")
    expect(page.get_by_role("cell", name="Kort oefenen", exact=True)).to_be_visible()
    assert_accessible(page)

    response = page.goto("/certificaat/bestaat-niet-echt/")
    assert response.status == 404


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

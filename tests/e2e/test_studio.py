"""The poll studio and the spiegelgesprek planning in a real browser: the werkgroep makes a
poll with the keyboard only, previews it at phone width and publishes it; a caregiver in
another browser gets the invitation from the server's outbox and answers by its link; the
werkgroep's poll page counts the answer without a reload. And axe on every new page."""

import re
from datetime import timedelta
from urllib.parse import urlparse

import pytest
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import expect

from accounts.models import Role
from panel import poll_editing
from panel.models import Answer, Participation, Poll, QuestionKind
from panel.services.gesprekken import register_for_gesprek
from tests.accounts.factories import PASSWORD, UserFactory
from tests.e2e.conftest import read_outbox
from tests.e2e.test_foundation import _keyboard_login
from tests.e2e.test_journey import no_sideways_scrolling
from tests.e2e.test_panel import log_in, tab_to
from tests.panel.factories import PanelMemberFactory, SpiegelgesprekFactory
from tests.werkgroep.factories import ActionPointFactory, make_poll, random_votes
from werkgroep.models import ActionStatus
from werkgroep.services import ask_if_it_helps

LONG = 400  # the editor is a long page: many fields and buttons to Tab past


def activate(page, locator) -> None:
    tab_to(page, locator, limit=LONG)
    page.keyboard.press("Enter")


def add_question(page, kind_steps: int, text: str) -> None:
    """Choose the kind with the arrow keys (Tab enters the group at its first option)."""
    tab_to(page, page.get_by_label("Eén keuze", exact=True), limit=LONG)
    page.keyboard.press("Space")
    for _ in range(kind_steps):
        page.keyboard.press("ArrowDown")
    tab_to(page, page.get_by_label("De vraag", exact=True), limit=LONG)
    page.keyboard.type(text)
    page.keyboard.press("Enter")
    expect(page.get_by_text("Vraag toegevoegd.")).to_be_visible()


def add_options(page, poll: Poll, number: int, texts: list[str]) -> None:
    question = poll.questions.get(order=number)
    for text in texts:
        tab_to(page, page.locator(f"#id_q{question.pk}-new_choice"), limit=LONG)
        page.keyboard.type(text)
        page.keyboard.press("Enter")  # the form's first button: save, which adds the answer
        expect(page.locator(f"#vraag-{question.pk}").get_by_role("textbox").last).to_have_value("")
    assert list(question.choices.values_list("text", flat=True)) == texts


def test_keyboard_only_make_preview_publish_and_watch_a_caregiver_answer(new_page):
    UserFactory(role=Role.WERKGROEP, email="werkgroep@demo.nl")
    caregiver = UserFactory(role=Role.CAREGIVER, email="thuis@example.org")
    PanelMemberFactory(user=caregiver)

    page = new_page(viewport={"width": 1280, "height": 900})
    _keyboard_login(page, "werkgroep@demo.nl", PASSWORD)
    page.wait_for_url("**/werkgroep/")
    activate(page, page.locator(".wg-subnav").get_by_role("link", name="Peilingen"))
    activate(page, page.get_by_role("link", name="Nieuwe peiling maken"))
    tab_to(page, page.get_by_label("Titel"))
    page.keyboard.type("Hulp bij het vervoer")
    page.keyboard.press("Enter")
    expect(page.get_by_text("Concept gemaakt.")).to_be_visible()
    poll = Poll.objects.get(title="Hulp bij het vervoer")

    add_question(page, 0, "Heeft u vervoer nodig naar de dagopvang?")
    add_options(page, poll, 1, ["Ja", "Nee"])
    add_question(page, 1, "Wat zou helpen?")
    add_options(page, poll, 2, ["Een taxi", "Een vrijwilliger", "Een buurtbus"])
    add_question(page, 2, "Hoe gaat het vervoer nu?")
    expect(page.locator(".studio-problems")).to_have_count(0)  # nothing left before publishing
    kinds = list(poll.questions.order_by("order").values_list("kind", flat=True))
    assert kinds == [QuestionKind.SINGLE, QuestionKind.MULTIPLE, QuestionKind.SCALE]
    assert poll.questions.get(order=3).choices.count() == 5

    # Preview at phone width: the caregiver's screens, a voorbeeld banner, nothing stored.
    page.set_viewport_size({"width": 390, "height": 844})
    activate(page, page.get_by_role("link", name="Bekijk als mantelzorger"))
    expect(page.locator(".studio-preview-banner")).to_contain_text("Voorbeeld")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    activate(page, page.get_by_role("link", name="Begin"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Vraag 1 van 3")
    tab_to(page, page.get_by_label("Ja", exact=True))
    page.keyboard.press("Space")
    activate(page, page.get_by_role("button", name="Volgende vraag"))
    tab_to(page, page.get_by_label("Een taxi"))
    page.keyboard.press("Space")
    activate(page, page.get_by_role("button", name="Volgende vraag"))
    tab_to(page, page.get_by_label("Heel slecht"))
    page.keyboard.press("ArrowRight")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    activate(page, page.get_by_role("button", name="Bekijk mijn antwoord"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Klopt dit?")
    activate(page, page.get_by_role("button", name="Verstuur mijn antwoord"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Dank u wel!")
    assert not Participation.objects.exists() and not Answer.objects.exists()
    activate(page, page.get_by_role("link", name="Terug naar de peiling"))
    page.set_viewport_size({"width": 1280, "height": 900})

    activate(page, page.get_by_role("button", name="Publiceren en nu openen"))
    expect(page.get_by_text("Gepubliceerd. De peiling is open")).to_be_visible()
    activate(page, page.get_by_role("link", name="Bekijk de uitslag"))
    expect(page.locator('[data-live-key="respondents"]')).to_have_text("0 mantelzorgers deden mee.")
    expect(page.locator("[data-live-connected=true]")).to_be_attached()

    # The caregiver, in another browser, gets the invitation from the server's outbox.
    mail = next(m for m in read_outbox() if m["to"] == [caregiver.email])
    link = re.search(r"https?://\S+/uitnodiging/\S+", mail["body"]).group(0)
    voter = new_page()
    voter.goto(urlparse(link).path)
    voter.get_by_role("link", name="Begin").click()
    voter.get_by_label("Nee", exact=True).check()
    voter.get_by_role("button", name="Volgende vraag").click()
    voter.get_by_label("Een buurtbus").check()
    voter.get_by_role("button", name="Volgende vraag").click()
    voter.get_by_label("Gaat wel").check()
    voter.get_by_role("button", name="Bekijk mijn antwoord").click()
    voter.get_by_role("button", name="Verstuur mijn antwoord").click()
    expect(voter.get_by_role("heading", level=1)).to_have_text("Dank u wel!")

    # The werkgroep's poll page was not reloaded; the count arrives over the websocket.
    expect(page.locator('[data-live-key="respondents"]')).to_have_text(
        "1 mantelzorger deed mee.", timeout=3000
    )
    expect(
        page.locator(f'[data-live-key="q{poll.questions.get(order=1).pk}-total"]')
    ).to_contain_text("1 antwoord")


def test_every_studio_and_planning_page_has_no_axe_violations(new_page, assert_accessible):
    werkgroep = UserFactory(role=Role.WERKGROEP, email="axe-studio@example.org")
    concept = poll_editing.create_poll(title="Een concept")
    poll_editing.add_question(poll_id=concept.pk, kind=QuestionKind.SINGLE, text="Eén antwoord?")
    multiple = poll_editing.add_question(
        poll_id=concept.pk, kind=QuestionKind.MULTIPLE, text="Wat helpt?", max_choices=2
    )
    for text in ("Informatie", "Hulp in huis", "Vervoer"):
        poll_editing.add_choice(question_id=multiple.pk, text=text)
    poll_editing.add_question(poll_id=concept.pk, kind=QuestionKind.SCALE, text="Hoe gaat het?")
    poll_editing.add_question(poll_id=concept.pk, kind=QuestionKind.TEXT, text="Nog iets?")
    answered = make_poll()
    random_votes(answered, 12)
    point = ActionPointFactory(status=ActionStatus.DONE, is_public=True)
    follow_up = ask_if_it_helps(action_point=point, by=werkgroep)
    random_votes(follow_up, 9)
    Poll.objects.filter(pk=follow_up.pk).update(
        published_at=timezone.now() - timedelta(days=9),
        opens_at=timezone.now() - timedelta(days=9),
        closes_at=timezone.now() - timedelta(days=1),
    )
    gesprek = SpiegelgesprekFactory()
    helper = UserFactory(role=Role.CAREGIVER, email="hulp@example.org")
    register_for_gesprek(
        gesprek_id=gesprek.pk,
        user=helper,
        kind="caregiver",
        transport=True,
        replacement_care=True,
        phone="06 12345678",
    )

    page = new_page()
    page.goto("/")
    log_in(page, werkgroep)
    urls = [
        reverse("werkgroep:studio"),
        reverse("werkgroep:studio_new"),
        reverse("werkgroep:studio_edit", args=[concept.pk]),
        reverse("werkgroep:studio_edit", args=[answered.pk]),
        reverse("werkgroep:studio_preview", args=[concept.pk]),
        reverse("werkgroep:studio_preview_question", args=[concept.pk, 2]),
        reverse("werkgroep:studio_preview_question", args=[concept.pk, 3]),
        reverse("werkgroep:studio_preview_review", args=[concept.pk]),
        reverse("werkgroep:studio_preview_thanks", args=[concept.pk]),
        reverse("werkgroep:poll_results", args=[answered.pk]),
        reverse("werkgroep:action", args=[point.pk]),
        reverse("werkgroep:planning"),
        reverse("werkgroep:planning_new"),
        reverse("werkgroep:planning_gesprek", args=[gesprek.pk]),
        reverse("werkgroep:planning_edit", args=[gesprek.pk]),
        reverse("werkgroep:planning_cancel", args=[gesprek.pk]),
        reverse("werkgroep:planning_checkin", args=[gesprek.pk]),
        reverse("wij_deden"),
    ]
    for url in urls:
        assert page.goto(url).status == 200, url
        assert_accessible(page)
    # and at phone width nothing scrolls sideways (wide tables scroll inside their own box)
    page.set_viewport_size({"width": 390, "height": 844})
    wide = []
    for url in urls:
        page.goto(url)
        if page.evaluate("document.documentElement.scrollWidth") > 390:
            wide.append(url)
    assert wide == []
    page.set_viewport_size({"width": 1280, "height": 900})
    # a form with errors, linked to its fields
    page.goto(reverse("werkgroep:planning_new"))
    page.get_by_role("button", name="Spiegelgesprek opslaan").click()
    expect(page.get_by_text("Geef het gesprek een titel.")).to_be_visible()
    assert_accessible(page)
    page.goto(reverse("wij_deden"))
    expect(page.get_by_text("Helpt dit u?")).to_be_visible()
    # the caregiver's registration form with the phone question
    caregiver_page = new_page()
    caregiver_page.goto("/")
    log_in(caregiver_page, UserFactory(role=Role.CAREGIVER, email="nieuw-gesprek@example.org"))
    caregiver_page.goto(reverse("panel:gesprek", args=[gesprek.pk]))
    expect(caregiver_page.get_by_label("Uw telefoonnummer")).to_be_visible()
    assert_accessible(caregiver_page)


def test_the_dashboard_counts_a_new_registration_without_a_reload(new_page):
    werkgroep = UserFactory(role=Role.WERKGROEP, email="kijker@example.org")
    gesprek = SpiegelgesprekFactory(title="Avondgesprek", caregiver_places=8)
    caregiver = UserFactory(role=Role.CAREGIVER, email="komt@example.org")
    page = new_page()
    page.goto("/")
    log_in(page, werkgroep)
    page.goto(reverse("werkgroep:dashboard"))
    row = page.locator('[data-live-key="gesprekken"] tr', has_text="Avondgesprek")
    expect(row).to_contain_text("0 / 8")
    expect(page.locator("[data-live-connected=true]")).to_be_attached()
    visitor = new_page()  # the caregiver signs up at home, in another browser
    visitor.goto("/")
    log_in(visitor, caregiver)
    visitor.goto(reverse("panel:gesprek", args=[gesprek.pk]))
    visitor.get_by_role("button", name="Meld mij aan").click()
    expect(visitor.get_by_text("U bent aangemeld.")).to_be_visible()
    expect(row).to_contain_text("1 / 8", timeout=3000)


@pytest.mark.parametrize("width", [390, 1280])
def test_keyboard_only_the_werkgroep_deletes_a_concept_after_the_question_page(
    new_page, assert_accessible, width
):
    UserFactory(role=Role.WERKGROEP, email="werkgroep@demo.nl")
    poll = poll_editing.create_poll(title="Een opzet die niet doorgaat")
    page = new_page(viewport={"width": width, "height": 900})
    _keyboard_login(page, "werkgroep@demo.nl", PASSWORD)
    page.wait_for_url("**/werkgroep/")
    page.goto(reverse("werkgroep:studio_edit", args=[poll.pk]))
    activate(page, page.get_by_role("link", name="Concept verwijderen"))
    page.wait_for_url(f"**{reverse('werkgroep:studio_delete', args=[poll.pk])}")
    expect(page.get_by_text("Weet u zeker dat u het concept")).to_be_visible()
    no_sideways_scrolling(page)
    assert_accessible(page)
    activate(page, page.get_by_role("button", name="Ja, verwijder het concept"))
    expect(page.get_by_text("Het concept is verwijderd.")).to_be_visible()
    no_sideways_scrolling(page)
    assert not Poll.objects.filter(pk=poll.pk).exists()

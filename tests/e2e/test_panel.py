"""The panel in a real browser: keyboard only, live results, and axe on every panel page.

The code for logging in is read from the server's session store: the browser's server runs
in another process, so its mail outbox is out of reach, but its sessions live in the shared
test database. allauth keeps the pending login code in the session (account_login → state →
stages → login_by_code → data → code); we look it up by the browser's session cookie.
"""

import re
from concurrent.futures import ThreadPoolExecutor

from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.contrib.sessions.backends.db import SessionStore
from django.utils import timezone
from playwright.sync_api import expect

from accounts.models import Role
from panel.models import Participation, RegistrationKind
from panel.services.gesprekken import register_for_gesprek
from panel.services.polls import cast_vote
from panel.tokens import make_cancel_token
from tests.accounts.factories import UserFactory
from tests.panel.factories import PanelMemberFactory, SpiegelgesprekFactory, answers_for, make_poll


def vote_outside_the_event_loop(member, poll) -> None:
    """Playwright runs an event loop in this thread; a vote (and its broadcast) runs beside it."""
    with ThreadPoolExecutor(max_workers=1) as pool:
        pool.submit(cast_vote, member=member, poll=poll, answers=answers_for(poll)).result()


def log_in(page, user):
    """Give the browser a logged-in session for user (the login form itself is allauth's)."""
    session = SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = settings.AUTHENTICATION_BACKENDS[0]
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.create()
    page.context.add_cookies(
        [{"name": settings.SESSION_COOKIE_NAME, "value": session.session_key, "url": page.url}]
    )


def pending_login_code(page) -> str:
    cookie = next(c for c in page.context.cookies() if c["name"] == settings.SESSION_COOKIE_NAME)
    data = SessionStore(session_key=cookie["value"]).load()
    return data["account_login"]["state"]["stages"]["login_by_code"]["data"]["code"]


def tab_to(page, locator, limit: int = 80) -> None:
    """Press Tab until the element has focus: the way a keyboard user gets there."""
    handle = locator.element_handle()
    for _ in range(limit):
        if page.evaluate("(el) => document.activeElement === el", handle):
            return
        page.keyboard.press("Tab")
    raise AssertionError(f"could not reach {locator} with the keyboard")


def press_button(page, name: str) -> None:
    tab_to(page, page.get_by_role("button", name=name))
    page.keyboard.press("Enter")


def test_keyboard_only_join_answer_and_see_live_results(new_page, live_server_url):
    poll = make_poll(with_text=False, title="Drie vragen over hulp")
    early = PanelMemberFactory()
    vote_outside_the_event_loop(early, poll)

    # A second person, already answered, watches the results page.
    watcher = new_page()
    watcher.goto("/")
    log_in(watcher, early.user)
    watcher.goto(f"/panel/vragen/{poll.pk}/uitslag/")
    expect(watcher.locator("[data-respondents]")).to_have_text("1")
    expect(watcher.locator("[data-live-poll]")).to_have_attribute("data-live", "connected")

    page = new_page()
    page.goto("/panel/aanmelden/")
    tab_to(page, page.get_by_label("Uw e-mailadres"))
    page.keyboard.type("nieuw.lid@example.org")
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Wat doen we met uw gegevens?")
    tab_to(page, page.get_by_label("Ik doe mee en ik vind dit goed"))
    page.keyboard.press("Space")
    press_button(page, "Volgende")
    for _ in range(4):  # the optional questions: skip them
        expect(page.locator(".mk-step")).to_contain_text("van 7")
        press_button(page, "Volgende")
    press_button(page, "Klaar: stuur mij een code")

    expect(page).to_have_url(re.compile(r"/accounts/login/code/confirm/"))
    tab_to(page, page.get_by_role("textbox"))
    page.keyboard.type(pending_login_code(page))
    page.keyboard.press("Enter")

    expect(page.get_by_role("heading", level=1)).to_have_text("Fijn dat u meedoet")
    tab_to(page, page.get_by_role("link", name=re.compile("Beantwoord de vragen")))
    page.keyboard.press("Enter")
    tab_to(page, page.get_by_role("link", name="Begin"))
    page.keyboard.press("Enter")

    expect(page.get_by_role("heading", level=1)).to_have_text("Vraag 1 van 3")
    tab_to(
        page, page.get_by_label("Ja", exact=True)
    )  # Tab enters a radio group at its first option
    page.keyboard.press("ArrowDown")  # arrow keys move to the next option and choose it
    expect(page.get_by_label("Een beetje")).to_be_checked()
    press_button(page, "Volgende vraag")

    expect(page.get_by_role("heading", level=1)).to_have_text("Vraag 2 van 3")
    tab_to(page, page.get_by_label("Informatie"))
    page.keyboard.press("Space")
    tab_to(page, page.get_by_label("Hulp in huis"))
    page.keyboard.press("Space")
    press_button(page, "Volgende vraag")

    expect(page.get_by_role("heading", level=1)).to_have_text("Vraag 3 van 3")
    tab_to(page, page.get_by_label("Heel slecht"))
    page.keyboard.press("ArrowRight")  # radios move and check with the arrow keys
    page.keyboard.press("ArrowRight")
    expect(page.get_by_label("Gaat wel")).to_be_checked()
    press_button(page, "Bekijk mijn antwoord")

    expect(page.get_by_role("heading", level=1)).to_have_text("Klopt dit?")
    press_button(page, "Verstuur mijn antwoord")
    expect(page.get_by_role("heading", level=1)).to_have_text("Dank u wel!")
    tab_to(page, page.get_by_role("link", name="Bekijk wat anderen zeiden"))
    page.keyboard.press("Enter")
    expect(page.locator("[data-respondents]")).to_have_text("2")

    # The watcher's page changed without a reload.
    expect(watcher.locator("[data-respondents]")).to_have_text("2")
    assert Participation.objects.filter(poll=poll).count() == 2


def test_every_panel_page_has_no_axe_violations(new_page, assert_accessible):
    member = PanelMemberFactory()
    poll = make_poll()
    closed = make_poll(
        opens_at=timezone.now() - timezone.timedelta(days=9),
        closes_at=timezone.now() - timezone.timedelta(days=1),
    )
    answered = make_poll()
    vote_outside_the_event_loop(member, answered)
    gesprek = SpiegelgesprekFactory()
    registration = register_for_gesprek(
        gesprek_id=gesprek.pk,
        user=member.user,
        kind=RegistrationKind.CAREGIVER,
        transport=True,
        diet="Vegetarisch",
    )

    visitor = new_page()
    for url in [
        "/panel/aanmelden/",
        f"/panel/vragen/{poll.pk}/uitnodiging/kapot/",
        f"/panel/afmelden/{make_cancel_token(registration)}/",
    ]:
        visitor.goto(url)
        assert_accessible(visitor)
    visitor.goto("/panel/aanmelden/")
    visitor.get_by_label("Uw e-mailadres").fill("axe@example.org")
    visitor.get_by_role("button", name="Volgende").click()
    visitor.get_by_role("button", name="Volgende").click()  # consent missing: error state
    expect(visitor.locator(".utrecht-form-field-error-message")).to_be_visible()
    assert_accessible(visitor)
    visitor.get_by_label("Ik doe mee en ik vind dit goed").check()
    visitor.get_by_role("button", name="Volgende").click()
    assert_accessible(visitor)  # an optional question with radios

    caregiver = new_page()
    caregiver.goto("/")
    log_in(caregiver, member.user)
    pages = [
        "/panel/",
        f"/panel/vragen/{poll.pk}/",
        f"/panel/vragen/{poll.pk}/vraag/1/",
        f"/panel/vragen/{poll.pk}/vraag/2/",
        f"/panel/vragen/{poll.pk}/vraag/3/",
        f"/panel/vragen/{poll.pk}/vraag/4/",
        f"/panel/vragen/{closed.pk}/",
        f"/panel/vragen/{answered.pk}/bedankt/",
        f"/panel/vragen/{answered.pk}/uitslag/",
        "/panel/mijn-gegevens/",
        "/panel/mijn-gegevens/stoppen/",
        "/panel/gesprekken/",
        f"/panel/gesprekken/{gesprek.pk}/",
    ]
    for url in pages:
        caregiver.goto(url)
        assert_accessible(caregiver)
    # The check screen and an error on a question.
    caregiver.goto(f"/panel/vragen/{poll.pk}/vraag/1/")
    caregiver.get_by_role("button", name="Volgende vraag").click()
    expect(caregiver.locator(".utrecht-form-field-error-message")).to_contain_text(
        "Kies een antwoord"
    )
    assert_accessible(caregiver)

    professional = new_page()
    professional.goto("/")
    log_in(professional, UserFactory(role=Role.PROFESSIONAL))
    professional.goto(f"/panel/gesprekken/{gesprek.pk}/")
    assert_accessible(professional)

    organiser = new_page()
    organiser.goto("/")
    log_in(organiser, UserFactory(role=Role.WERKGROEP))
    for url in [
        "/panel/organiseren/",
        f"/panel/organiseren/gesprekken/{gesprek.pk}/",
        f"/panel/organiseren/gesprekken/{gesprek.pk}/presentielijst/",
    ]:
        organiser.goto(url)
        expect(organiser.get_by_role("heading", level=1)).to_be_visible()
        assert_accessible(organiser)

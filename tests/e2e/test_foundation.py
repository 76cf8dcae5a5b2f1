import pytest
from playwright.sync_api import expect

from accounts.models import Role
from tests.accounts.factories import PASSWORD, UserFactory

START = {
    Role.CAREGIVER: ("/panel/", "panel"),
    Role.PROFESSIONAL: ("/training/", "Training"),
    Role.WERKGROEP: ("/werkgroep/", "Werkgroep"),
    Role.ADMIN: ("/werkgroep/", "Werkgroep"),
}


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/accounts/login/",
        "/accounts/login/code/",
        "/accounts/signup/",
        "/sociale-kaart/",
        "/bestaat-niet/",
    ],
)
def test_public_pages_have_no_axe_violations(page, assert_accessible, path):
    response = page.goto(path)
    assert response.status == (404 if path == "/bestaat-niet/" else 200)
    expect(page.locator("h1")).to_be_visible()
    assert_accessible(page)


def test_the_sociale_kaart_with_a_bad_filter_has_no_axe_violations(page, assert_accessible):
    assert page.goto("/sociale-kaart/?wijk=atlantis&vraaggebied=respijtzorg").status == 200
    expect(page.get_by_text("Deze wijk kennen we niet")).to_be_visible()
    assert_accessible(page)


def _keyboard_login(page, email, password):
    page.goto("/accounts/login/")
    page.keyboard.press("Tab")  # the skip link comes first
    expect(page.locator(".utrecht-skip-link")).to_be_focused()
    email_field = page.get_by_label("E-mailadres")
    # Tab through the page until the e-mail field has focus, as a keyboard user would.
    for _ in range(15):
        if email_field.evaluate("el => el === document.activeElement"):
            break
        page.keyboard.press("Tab")
    expect(email_field).to_be_focused()
    page.keyboard.type(email)
    page.keyboard.press("Tab")
    page.keyboard.type(password)
    page.keyboard.press("Enter")


@pytest.mark.parametrize("role", list(START))
def test_each_role_logs_in_with_the_keyboard_and_its_start_page_is_accessible(
    page, assert_accessible, role
):
    user = UserFactory(role=role)
    _keyboard_login(page, user.email, PASSWORD)
    path, heading = START[role]
    page.wait_for_url(f"**{path}")
    expect(page.locator("h1")).to_contain_text(heading)
    assert_accessible(page)


def test_the_skip_link_moves_focus_to_the_content(page):
    page.goto("/sociale-kaart/")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    assert page.url.endswith("#inhoud")

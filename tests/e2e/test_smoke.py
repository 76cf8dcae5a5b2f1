from playwright.sync_api import expect


def test_landing_page_has_no_axe_violations(page, assert_accessible):
    page.goto("/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Zorgt u voor iemand?")
    assert_accessible(page)

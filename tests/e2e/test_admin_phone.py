"""The Django admin on a phone: beheer logs in through allauth's login page (as at /admin/),
then the index, a list and a form at 390 px. Nothing runs off the screen sideways (a table
may scroll inside the admin's own scrolling box), and axe-core finds no violations."""

import io
import re

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from panel.models import Spiegelgesprek
from sociale_kaart.models import Offer
from training.models import Module
from werkgroep.models import ActionPoint

WIDTH = 390
PASSWORD = "mantelkring-demo"  # the demo accounts' password (README)

# Elements that stick out past the right edge of the screen, except inside a box that
# scrolls sideways by design (the admin's list of results); and the document's own width.
OFF_SCREEN = """() => {
  const width = window.innerWidth;
  const problems = [];
  const scroller = document.scrollingElement;
  if (scroller.scrollWidth > width) {
    problems.push(`document ${scroller.scrollWidth}px wide on a ${width}px screen`);
  }
  const scrollsSideways = (el) => {
    for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
      const x = getComputedStyle(p).overflowX;
      if (x === 'auto' || x === 'scroll') return true;
    }
    return false;
  };
  for (const el of document.body.querySelectorAll('*')) {
    const style = getComputedStyle(el);
    if (style.display === 'none' || style.visibility === 'hidden') continue;
    if (el.closest('.visually-hidden')) continue;  // for screen readers, clipped to 1px
    const box = el.getBoundingClientRect();
    if (box.width === 0 || box.right <= width + 1) continue;
    const parent = el.parentElement.getBoundingClientRect();
    if (parent.right > width + 1 || scrollsSideways(el)) continue;  // name the outermost only
    const name = el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') +
      (typeof el.className === 'string' && el.className.trim() ? '.' + el.className.trim().split(/\\s+/).join('.') : '');
    const text = (el.innerText || '').trim().slice(0, 50).replace(/\\s+/g, ' ');
    problems.push(`${name} reaches ${Math.round(box.right)}px: "${text}"`);
  }
  return problems;
}"""


@pytest.fixture
def demo_data():
    call_command("demo", stdout=io.StringIO())


@pytest.fixture
def beheer(new_page, demo_data):
    """A phone-sized browser, logged in as beheer through the login page the admin sends to."""
    page = new_page(viewport={"width": WIDTH, "height": 844})
    page.goto("/admin/")
    expect(page).to_have_url(re.compile(r"/accounts/login/\?next=/admin/"))
    page.locator("#id_login").fill("beheer@demo.nl")
    page.get_by_role("textbox", name="Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    expect(page).to_have_url(re.compile(r"/admin/$"))
    return page


def _admin_pages() -> list[str]:
    """The index, lists and forms with each kind of widget: checkboxes, inlines in a table
    (editable and read-only), a read-only page with a link."""
    point = ActionPoint.objects.order_by("pk").first()
    gesprek = Spiegelgesprek.objects.order_by("pk").first()
    module = Module.objects.order_by("pk").first()
    offer = Offer.objects.order_by("pk").first()
    return [
        "/admin/",
        "/admin/werkgroep/actionpoint/",
        f"/admin/werkgroep/actionpoint/{point.pk}/change/",
        "/admin/panel/spiegelgesprek/",
        f"/admin/panel/spiegelgesprek/{gesprek.pk}/change/",
        f"/admin/training/module/{module.pk}/change/",
        f"/admin/sociale_kaart/offer/{offer.pk}/change/",
    ]


def test_the_admin_fits_a_phone_and_passes_axe(beheer, assert_accessible):
    problems = {}
    for url in _admin_pages():
        response = beheer.goto(url)
        assert response is not None and response.status == 200, url
        found = beheer.evaluate(OFF_SCREEN)
        try:
            assert_accessible(beheer)
        except AssertionError as error:  # report every page at once
            found.append(str(error))
        if found:
            problems[url] = found
    assert not problems, "\n".join(f"{url}:\n  " + "\n  ".join(p) for url, p in problems.items())

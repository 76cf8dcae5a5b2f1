"""Phone first: at 390 px no page, for any role, needs sideways scrolling.

The walk starts at each role's start page with the demo data, follows every link inside the
site (one or two pages of each kind) and fails on:
- a document wider than the screen;
- an element whose content is wider than its box (cut off, or spilling out);
- a box that scrolls sideways, unless it is a table wrapper whose first column stays put.
"""

import io
import re
from urllib.parse import urlsplit

import pytest
from django.core.management import call_command
from playwright.sync_api import Error as PlaywrightError

from accounts.models import User
from tests.e2e.test_panel import log_in
from tests.mantelkring.test_urls import ARGLESS

WIDTH = 390
SKIP = re.compile(
    r"^/(admin|static|i18n|accounts/logout|ws)/|^/(healthz|readyz)$"
    r"|\.(pdf|csv|json|xlsx|ics)$|/(pdf|csv|xlsx|folder)/$"
)
# Every page without arguments is a start point too (some are not linked for every role);
# pages with arguments are found by following links.
PAGES_WITHOUT_ARGUMENTS = ["/" + route for _name, route in ARGLESS] + [
    "/accounts/login/",
    "/accounts/login/code/",
    "/accounts/signup/",
    "/accounts/password/reset/",
    "/accounts/email/",
    "/accounts/password/change/",
    "/accounts/2fa/",
    "/accounts/2fa/totp/activate/",
]
START = {
    "visitor": None,
    "caregiver": "mantelzorger@demo.nl",
    "professional": "huisarts@demo.nl",
    "werkgroep": "werkgroep@demo.nl",
    "beheer": "beheer@demo.nl",
}

MEASURE = """() => {
  const problems = [];
  const root = document.documentElement;
  if (root.scrollWidth > root.clientWidth) {
    problems.push(`document ${root.scrollWidth}px wide on a ${root.clientWidth}px screen`);
    // Name the outermost elements that stick out, so the message says where to look.
    for (const el of document.body.querySelectorAll('*')) {
      const box = el.getBoundingClientRect();
      const parent = el.parentElement.getBoundingClientRect();
      if (el.parentElement.closest('.mk-table-scroll')) continue;
      if (box.right > root.clientWidth + 1 && parent.right <= root.clientWidth + 1) {
        problems.push(`${el.tagName.toLowerCase()}.${el.className} sticks out to ${Math.round(box.right)}px`);
      }
    }
  }
  const name = (el) => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') +
    (el.className && typeof el.className === 'string' ? '.' + el.className.trim().split(/\\s+/).join('.') : '');
  for (const el of document.body.querySelectorAll('*')) {
    if (['INPUT', 'TEXTAREA', 'SELECT', 'OPTION', 'svg', 'SCRIPT', 'STYLE', 'BR'].includes(el.tagName)) continue;
    if (el.closest('.mk-visually-hidden, .utrecht-skip-link, [hidden]')) continue;
    const style = getComputedStyle(el);
    if (style.display === 'none' || style.display === 'inline' || style.visibility === 'hidden') continue;
    if (el.clientWidth === 0) continue;
    if (el.scrollWidth <= el.clientWidth + 1) continue;
    const scrolls = style.overflowX === 'auto' || style.overflowX === 'scroll';
    if (scrolls && el.classList.contains('mk-table-scroll')) {
      // A table may scroll inside its own box when its first column stays in view.
      const first = el.querySelector('tr > :first-child');
      if (first && getComputedStyle(first).position === 'sticky') continue;
    }
    const text = (el.innerText || '').trim().slice(0, 60).replace(/\\s+/g, ' ');
    problems.push(`${name(el)} content ${el.scrollWidth}px in a ${el.clientWidth}px box` +
      ` (overflow-x: ${style.overflowX}): "${text}"`);
  }
  return problems;
}"""


def _kind(url: str) -> str:
    parts = urlsplit(url)
    keys = sorted(k.split("=")[0] for k in parts.query.split("&") if k)
    return re.sub(r"\d+|[0-9a-f]{8,}", "N", parts.path) + "?" + "&".join(keys)


def _walk(page, limit: int = 90) -> dict:
    queue = ["/", *(url for url in PAGES_WITHOUT_ARGUMENTS if not SKIP.search(url))]
    measured, tried, kinds, problems = [], set(), {}, {}
    while queue and len(measured) < limit:
        url = queue.pop(0)
        kind = _kind(url)
        if url in tried or kinds.get(kind, 0) >= 2:
            continue
        tried.add(url)
        try:
            response = page.goto(url)
        except PlaywrightError:  # a download (a certificate PDF): not a page
            continue
        if page.url.split("?")[0].endswith("/accounts/login/") and url != "/accounts/login/":
            continue  # not for this role
        if (
            response is None
            or response.status >= 400
            or "html" not in (response.headers.get("content-type", ""))
        ):
            continue
        measured.append(url)
        kinds[kind] = kinds.get(kind, 0) + 1
        found = page.evaluate(MEASURE)
        if found:
            problems[url] = found
        for href in page.eval_on_selector_all(
            "a[href]", "links => links.map(a => a.getAttribute('href'))"
        ):
            parts = urlsplit(href)
            if parts.scheme or parts.netloc or not parts.path.startswith("/"):
                continue
            target = parts.path + (f"?{parts.query}" if parts.query else "")
            if not SKIP.search(parts.path) and target not in tried:
                queue.append(target)
    return {"pages": measured, "problems": problems}


@pytest.fixture
def demo_data():
    call_command("demo", stdout=io.StringIO())


@pytest.mark.parametrize("role", list(START))
def test_no_page_needs_sideways_scrolling_at_390_px(new_page, demo_data, role):
    page = new_page(viewport={"width": WIDTH, "height": 844})
    page.goto("/")
    if START[role]:
        log_in(page, User.objects.get(email=START[role]))
    result = _walk(page)
    print(role, len(result["pages"]), "pages:", " ".join(result["pages"]))
    assert len(result["pages"]) >= 3, result["pages"]
    assert not result["problems"], "\n".join(
        f"{url}:\n  " + "\n  ".join(found) for url, found in result["problems"].items()
    )

"""Shared by the hostile-input tests: the demo world, its people, and the URLconf walked with
every kind of argument (issue 15, finding 4)."""

import io
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import urlencode, urljoin

from django.core.management import call_command
from django.urls import Resolver404, URLPattern, URLResolver, get_resolver, resolve

from accounts.demo import DEMO_ACCOUNTS
from accounts.models import User

ROLES = [None, *(row[1] for row in DEMO_ACCOUNTS[1:])]  # anonymous and one account per role
SKIP_PREFIXES = ("admin/", "static/")

# Each route is visited with ordinary arguments ("1": ids that exist in the demo) and with
# hostile ones (beyond any database integer; long text).
INT_VALUES = ["1", "9" * 40]
STR_VALUES = ["1", "x" * 400]
HOSTILE_QUERY = {
    "date_from": "9999-12-31",
    "date_to": "0001-01-01",
    "uitsplitsing": "<script>",
    "status": "\x00",
    "vraaggebied": "99999999999999999999",
    "wijk": "-1",
    "offer": "9" * 40,
    "page": "-1",
    "next": "//evil.example/",
    "id": "abc",
    "q": "x" * 5000,
}


def load_demo_world() -> dict:
    call_command("demo", stdout=io.StringIO())
    people = {None: None}
    for email, role, *_rest in DEMO_ACCOUNTS:
        people.setdefault(role, User.objects.get(email=email))
    return people


def _walk(resolver: URLResolver, prefix: str = ""):
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            yield from _walk(entry, prefix + str(entry.pattern))
        elif isinstance(entry, URLPattern):
            yield prefix + str(entry.pattern)


def _fill(route: str, values: dict[str, str]) -> str:
    """Put values in a route: both path() style <int:x> and re_path() style (?P<x>...)."""

    def replace(match):
        return values.get(match.group("name"), "1")

    route = re.sub(r"\(\?P<(?P<name>\w+)>[^)]*\)", replace, route)
    route = re.sub(r"<(?:(?P<conv>\w+):)?(?P<name>\w+)>", replace, route)
    return "/" + route.replace("^", "").replace("$", "").replace("\\", "")


def hostile_urls() -> list[tuple[str, bool]]:
    """Every route of the site as (url, ordinary): once with ordinary arguments, and once
    more with hostile ones if it has arguments."""
    urls: list[tuple[str, bool]] = []
    for route in _walk(get_resolver()):
        if route.startswith(SKIP_PREFIXES):
            continue
        names = re.findall(r"\(\?P<(\w+)>|<(?:(\w+):)?(\w+)>", route)
        for i in range(max(len(INT_VALUES), len(STR_VALUES))):
            values = {}
            for re_name, conv, name in names:
                kind_values = INT_VALUES if conv == "int" else STR_VALUES
                values[name or re_name] = kind_values[i % len(kind_values)]
            url = _fill(route, values)
            if all(url != known for known, _ordinary in urls):
                urls.append((url, i == 0))
            if not names:
                break
    return urls


def with_hostile_query(url: str) -> str:
    return f"{url}?{urlencode(HOSTILE_QUERY)}"


# Crawling the site as one person: pages reached by following links, and the forms on them ----

SKIP_CRAWL = ("/static/", "/admin/", "/accounts/logout/", "/i18n/")
DOWNLOADS = (".csv", ".xlsx", ".json", ".pdf", ".ics", "/download/")


@dataclass
class FormField:
    name: str
    kind: str  # input type, "select", "textarea" or "button"
    value: str = ""
    options: list[str] = field(default_factory=list)
    multiple: bool = False


@dataclass
class PageForm:
    page: str
    action: str
    method: str
    fields: list[FormField]

    @property
    def key(self) -> tuple:
        names = tuple(sorted({f.name for f in self.fields}))
        return (self.method, _route_of(self.action), names)


class _PageParser(HTMLParser):
    def __init__(self, page: str):
        super().__init__()
        self.page, self.links, self.forms = page, [], []
        self._form: PageForm | None = None
        self._select: FormField | None = None
        self._textarea: FormField | None = None

    def _add(self, new: FormField) -> None:
        for known in self._form.fields:
            if known.name == new.name and known.kind == new.kind in ("checkbox", "radio"):
                known.options.append(new.value)
                return
        if new.kind in ("checkbox", "radio"):
            new.options.append(new.value)
            new.multiple = new.kind == "checkbox"
        self._form.fields.append(new)

    def handle_starttag(self, tag, attrs):
        attrs = {k: v or "" for k, v in attrs}
        if tag == "a" and attrs.get("href", "").startswith("/"):
            self.links.append(attrs["href"].split("#")[0])
        elif tag == "form":
            action = attrs.get("action") or self.page
            self._form = PageForm(
                self.page, urljoin(self.page, action), attrs.get("method", "get").lower(), []
            )
        elif tag == "option" and self._select is not None:
            self._select.options.append(attrs.get("value", ""))
        elif self._form is None or not attrs.get("name"):
            return
        elif tag == "input" and attrs.get("type") not in ("submit", "reset", "image", "file"):
            self._add(FormField(attrs["name"], attrs.get("type", "text"), attrs.get("value", "")))
        elif tag in ("input", "button") and attrs.get("type", "submit") == "submit":
            self._add(FormField(attrs["name"], "button", attrs.get("value", "")))
        elif tag == "select":
            self._select = FormField(attrs["name"], "select", multiple="multiple" in attrs)
            self._form.fields.append(self._select)
        elif tag == "textarea":
            self._textarea = FormField(attrs["name"], "textarea")
            self._form.fields.append(self._textarea)

    def handle_data(self, data):
        if self._textarea is not None:
            self._textarea.value += data

    def handle_endtag(self, tag):
        if tag == "form" and self._form is not None:
            self.forms.append(self._form)
            self._form = None
        elif tag == "select":
            self._select = None
        elif tag == "textarea":
            self._textarea = None


def _route_of(path: str) -> str:
    try:
        return resolve(path.split("?")[0]).route
    except Resolver404:
        return path


# Buttons the crawler presses to get further (start a training module); nothing that ends a
# membership or a session.
PROGRESS_ACTIONS = ("/start/", "/lessen-klaar/")


def crawl(client, start: str = "/", *, max_pages: int = 80, per_route: int = 2):
    """Pages reached from `start` by links (at most `per_route` per route) and their forms."""
    queue, seen, per, pages, forms = [start], set(), {}, [], {}
    pressed = set()
    while queue and len(pages) < max_pages:
        url = queue.pop(0)
        if url in seen or url.startswith(SKIP_CRAWL) or any(d in url for d in DOWNLOADS):
            continue
        seen.add(url)
        route = _route_of(url)
        if per.get(route, 0) >= per_route:
            continue
        per[route] = per.get(route, 0) + 1
        response = client.get(url, follow=True)
        final = response.redirect_chain[-1][0] if response.redirect_chain else url
        if response.status_code != 200 or "html" not in response.get("Content-Type", ""):
            continue
        pages.append(final)
        parser = _PageParser(final)
        parser.feed(response.content.decode())
        queue.extend(link for link in parser.links if link not in seen)
        for form in parser.forms:
            if form.action.startswith(SKIP_CRAWL):
                continue
            forms.setdefault(form.key, form)
            if form.action.endswith(PROGRESS_ACTIONS) and form.action not in pressed:
                pressed.add(form.action)
                response = client.post(form.action, follow=True)
                if response.redirect_chain:
                    queue.append(response.redirect_chain[-1][0])
    return pages, list(forms.values())

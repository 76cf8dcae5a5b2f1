"""Walk the whole URLconf, as pretix's test_urls does: every page without arguments answers
each role with a deliberate status, never a server error; anything for logged-in people sends
anonymous visitors to the login page."""

import pytest
from django.urls import URLPattern, URLResolver, get_resolver

from accounts.models import Role

SKIP_NAMESPACES = {"admin"}
SKIP_PREFIXES = ("accounts/", "i18n/", "admin/", "static/")
PUBLIC = {
    "home",
    "healthz",
    "readyz",
    "sociale_kaart:offers",
    "wij_deden",
    "panel:join",
    "panel:join_start",
    "flyer",
    "panel:join_confirm",
}


def _walk(resolver: URLResolver, prefix: str = "", namespace: str | None = None):
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            ns = entry.namespace or namespace
            if ns in SKIP_NAMESPACES:
                continue
            yield from _walk(entry, prefix + str(entry.pattern), ns)
        elif isinstance(entry, URLPattern) and entry.name:
            route = prefix + str(entry.pattern)
            name = f"{namespace}:{entry.name}" if namespace else entry.name
            yield name, route, bool(entry.pattern.regex.groupindex)


ALL = sorted(set(_walk(get_resolver())))
ARGLESS = [
    (name, route)
    for name, route, has_args in ALL
    if not has_args and not route.startswith(SKIP_PREFIXES)
]


def test_the_walk_finds_every_app():
    names = {name.split(":")[0] for name, _ in ARGLESS}
    assert {"training", "panel", "werkgroep", "sociale_kaart"} <= names


@pytest.mark.parametrize(("name", "route"), ARGLESS)
def test_anonymous_visitors_get_the_page_or_the_login(client, db, name, route):
    response = client.get("/" + route.lstrip("^").rstrip("$"))
    assert response.status_code in (200, 302, 405), (name, response.status_code)
    if response.status_code == 302 and name not in PUBLIC:
        assert response["Location"].startswith("/accounts/login/") or name == "home", name


@pytest.mark.parametrize("role", [Role.CAREGIVER, Role.PROFESSIONAL, Role.WERKGROEP, Role.ADMIN])
def test_no_page_without_arguments_errors_for_any_role(client, login_as, role):
    login_as(client, role)
    for name, route in ARGLESS:
        response = client.get("/" + route.lstrip("^").rstrip("$"))
        assert response.status_code in (200, 302, 403, 404, 405), (role, name, response.status_code)

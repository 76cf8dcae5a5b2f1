"""Only werkgroep and beheer reach the werkgroep pages; /wij-deden/ is public."""

from datetime import date

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from accounts.models import Role
from tests.werkgroep.factories import ActionPointFactory, closed_gesprek, make_poll
from werkgroep.models import CouncilReport

ROLES = [None, Role.CAREGIVER, Role.PROFESSIONAL, Role.WERKGROEP, Role.BEHEER]
ALLOWED = {Role.WERKGROEP, Role.BEHEER}

# url name -> kwargs builder (objects made in the fixture)
PAGES = {
    "dashboard": lambda o: {},
    "poll_results": lambda o: {"poll_id": o["poll"].pk},
    "moderation": lambda o: {"poll_id": o["poll"].pk},
    "export_poll": lambda o: {"poll_id": o["poll"].pk, "fmt": "csv"},
    "actions": lambda o: {},
    "action_new": lambda o: {},
    "action": lambda o: {"pk": o["point"].pk},
    "action_edit": lambda o: {"pk": o["point"].pk},
    "export_actions": lambda o: {"fmt": "xlsx"},
    "export_referrals": lambda o: {"fmt": "csv"},
    "gesprekken": lambda o: {},
    "gesprek": lambda o: {"gesprek_id": o["gesprek"].pk},
    "coverage": lambda o: {},
    "report": lambda o: {},
    "export_log": lambda o: {},
    "monitor": lambda o: {},
    "monitor_export": lambda o: {"fmt": "csv"},
    "trends": lambda o: {},
    "trend": lambda o: {"poll_id": o["repeat"].repeat_of_id},
    "action_cite": lambda o: {"pk": o["point"].pk},
    "council_list": lambda o: {},
    "council": lambda o: {"pk": o["report"].pk},
    "council_pdf": lambda o: {"pk": o["report"].pk},
    "council_print_css": lambda o: {"pk": o["report"].pk},
}


@pytest.fixture
def objects(db):
    poll = make_poll()
    return {
        "poll": poll,
        "repeat": make_poll(repeat_of=poll),
        "point": ActionPointFactory(),
        "gesprek": closed_gesprek(),
        "report": CouncilReport.objects.create(
            title="Rapport", period_start=date(2026, 1, 1), period_end=date(2026, 6, 30)
        ),
    }


def _werkgroep_url_names() -> set[str]:
    resolver = get_resolver()
    names = set()
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver) and entry.namespace == "werkgroep":
            names |= {p.name for p in entry.url_patterns if isinstance(p, URLPattern)}
    return names


def test_every_werkgroep_url_is_in_the_access_matrix():
    assert _werkgroep_url_names() == set(PAGES)


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("name", sorted(PAGES))
def test_each_role_reaches_only_what_it_may(client, login_as, objects, role, name):
    login_as(client, role)
    response = client.get(reverse(f"werkgroep:{name}", kwargs=PAGES[name](objects)))
    if role is None:
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("account_login"))
    elif role in ALLOWED:
        assert response.status_code == 200
    else:
        assert response.status_code == 403


@pytest.mark.parametrize("role", ROLES)
def test_wij_deden_is_open_to_everyone(client, login_as, role, db):
    login_as(client, role)
    assert client.get(reverse("wij_deden")).status_code == 200


@pytest.mark.parametrize("role", [Role.CAREGIVER, Role.PROFESSIONAL])
def test_other_roles_cannot_post_to_werkgroep_pages(client, login_as, objects, role):
    login_as(client, role)
    point = objects["point"]
    response = client.post(
        reverse("werkgroep:action", kwargs={"pk": point.pk}),
        {"action": "status", "status-status": "done"},
    )
    assert response.status_code == 403
    point.refresh_from_db()
    assert point.status == "idea"


def test_unknown_export_format_is_404(client, werkgroep_user, objects):
    client.force_login(werkgroep_user)
    assert client.get(reverse("werkgroep:export_actions", kwargs={"fmt": "pdf"})).status_code == 404

"""Only werkgroep and beheer reach the werkgroep pages; /wij-deden/ is public."""

from datetime import date

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from accounts.models import Role
from panel import poll_editing
from tests.werkgroep.factories import (
    ActionPointFactory,
    SpiegelgesprekFactory,
    closed_gesprek,
    make_poll,
)
from werkgroep.models import CouncilReport

ROLES = [None, Role.CAREGIVER, Role.PROFESSIONAL, Role.WERKGROEP, Role.ADMIN]
ALLOWED = {Role.WERKGROEP, Role.ADMIN}

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
    # the poll studio
    "studio": lambda o: {},
    "studio_new": lambda o: {},
    "studio_edit": lambda o: {"poll_id": o["poll"].pk},
    "studio_delete": lambda o: {"poll_id": o["concept"].pk},  # asks first; deletes on a POST
    "studio_preview": lambda o: {"poll_id": o["poll"].pk},
    "studio_preview_question": lambda o: {"poll_id": o["poll"].pk, "number": 1},
    "studio_preview_review": lambda o: {"poll_id": o["poll"].pk},
    "studio_preview_thanks": lambda o: {"poll_id": o["poll"].pk},
    # spiegelgesprek planning
    "planning": lambda o: {},
    "planning_new": lambda o: {},
    "planning_gesprek": lambda o: {"gesprek_id": o["upcoming"].pk},
    "planning_edit": lambda o: {"gesprek_id": o["upcoming"].pk},
    "planning_cancel": lambda o: {"gesprek_id": o["upcoming"].pk},
    "planning_checkin": lambda o: {"gesprek_id": o["upcoming"].pk},
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
# Pages that only take a POST: every role but werkgroep and beheer is refused, and a GET is 405.
POST_ONLY = {
    "studio_publish": lambda o: {"poll_id": o["poll"].pk},
    "studio_close": lambda o: {"poll_id": o["poll"].pk},
    "studio_unpublish": lambda o: {"poll_id": o["poll"].pk},
    "studio_repeat": lambda o: {"poll_id": o["poll"].pk},
    "action_follow_up": lambda o: {"pk": o["point"].pk},
    "planning_arranged": lambda o: {"gesprek_id": o["upcoming"].pk},
}


@pytest.fixture
def objects(db):
    poll = make_poll()
    return {
        "poll": poll,
        "concept": poll_editing.create_poll(title="Concept"),
        "repeat": make_poll(repeat_of=poll),
        "point": ActionPointFactory(),
        "gesprek": closed_gesprek(),
        "upcoming": SpiegelgesprekFactory(),
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
    assert _werkgroep_url_names() == set(PAGES) | set(POST_ONLY)


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
@pytest.mark.parametrize("name", sorted(POST_ONLY))
def test_post_only_pages_refuse_other_roles_and_gets(client, login_as, objects, role, name):
    login_as(client, role)
    url = reverse(f"werkgroep:{name}", kwargs=POST_ONLY[name](objects))
    if role is None:
        assert client.post(url).status_code == 302
    elif role in ALLOWED:
        assert client.get(url).status_code == 405
    else:
        assert client.post(url).status_code == 403


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

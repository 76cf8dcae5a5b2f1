"""Every panel URL per role, plain language on caregiver pages, and the weight of the poll page."""

from datetime import timedelta
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import URLPattern, reverse
from django.utils import timezone

from accounts.models import Role
from panel import urls as panel_urls
from panel.models import RegistrationKind
from panel.services.gesprekken import register_for_gesprek
from panel.services.polls import cast_vote
from panel.tokens import make_cancel_token, make_invitation_token
from tests.accounts.factories import UserFactory
from tests.panel.factories import SpiegelgesprekFactory, answers_for, make_poll, set_draft
from tests.panel.readability import flesch_douma, visible_text

pytestmark = pytest.mark.django_db

ROLES = [None, Role.CAREGIVER, Role.PROFESSIONAL, Role.WERKGROEP, Role.ADMIN]
CAREGIVER_ONLY = {
    None: 302,
    Role.CAREGIVER: 200,
    Role.PROFESSIONAL: 403,
    Role.WERKGROEP: 403,
    Role.ADMIN: 403,
}
EVERYONE = {
    None: 302,
    Role.CAREGIVER: 200,
    Role.PROFESSIONAL: 200,
    Role.WERKGROEP: 200,
    Role.ADMIN: 200,
}
ORGANISERS = {
    None: 302,
    Role.CAREGIVER: 403,
    Role.PROFESSIONAL: 403,
    Role.WERKGROEP: 200,
    Role.ADMIN: 200,
}
PUBLIC = dict.fromkeys(ROLES, 200)
# The organiser pages moved to /werkgroep/planning/: organisers are sent on (302).
MOVED_TO_WERKGROEP = {**ORGANISERS, Role.WERKGROEP: 302, Role.ADMIN: 302}

# url name → (args builder, expected status per role)
MATRIX = {
    "home": (lambda o: [], CAREGIVER_ONLY),
    "join": (
        lambda o: [],
        {
            None: 200,
            Role.CAREGIVER: 302,
            Role.PROFESSIONAL: 403,
            Role.WERKGROEP: 403,
            Role.ADMIN: 403,
        },
    ),
    "join_step": (
        lambda o: ["wijk"],
        {
            None: 302,
            Role.CAREGIVER: 302,
            Role.PROFESSIONAL: 403,
            Role.WERKGROEP: 403,
            Role.ADMIN: 403,
        },
    ),
    "join_confirm": (
        lambda o: [],
        {
            None: 302,
            Role.CAREGIVER: 302,
            Role.PROFESSIONAL: 403,
            Role.WERKGROEP: 403,
            Role.ADMIN: 403,
        },
    ),
    "my_data": (lambda o: [], CAREGIVER_ONLY),
    "export_json": (lambda o: [], CAREGIVER_ONLY),
    "export_csv": (lambda o: [], CAREGIVER_ONLY),
    "leave": (lambda o: [], CAREGIVER_ONLY),
    "help": (lambda o: [], CAREGIVER_ONLY),
    "withdraw_answer": (lambda o: [0], dict.fromkeys(ROLES, 405)),
    "poll": (lambda o: [o["poll"].pk], CAREGIVER_ONLY),
    "poll_question": (lambda o: [o["poll"].pk, 1], CAREGIVER_ONLY),
    "poll_review": (lambda o: [o["answered"].pk], CAREGIVER_ONLY | {Role.CAREGIVER: 302}),
    "poll_thanks": (lambda o: [o["answered"].pk], CAREGIVER_ONLY),
    "poll_results": (lambda o: [o["answered"].pk], CAREGIVER_ONLY),
    "invitation": (lambda o: [o["poll"].pk, o["invite"]], dict.fromkeys(ROLES, 302)),
    "gesprekken": (lambda o: [], EVERYONE),
    "gesprek": (lambda o: [o["gesprek"].pk], EVERYONE),
    "cancel_registration": (
        lambda o: [o["registration"].pk],
        # someone else's registration: nobody sees even the question "Weet u het zeker?"
        {None: 302} | dict.fromkeys(ROLES[1:], 404),
    ),
    "cancel_by_link": (lambda o: [o["cancel"]], PUBLIC),
    "organise": (lambda o: [], MOVED_TO_WERKGROEP),
    "organise_gesprek": (lambda o: [o["gesprek"].pk], MOVED_TO_WERKGROEP),
    "checkin_list": (lambda o: [o["gesprek"].pk], MOVED_TO_WERKGROEP),
}


@pytest.fixture
def objects(member):
    poll = make_poll()
    answered = make_poll()
    cast_vote(member=member, poll=answered, answers=answers_for(answered))
    gesprek = SpiegelgesprekFactory()
    other = UserFactory(role=Role.CAREGIVER)
    registration = register_for_gesprek(
        gesprek_id=gesprek.pk, user=other, kind=RegistrationKind.CAREGIVER
    )
    return {
        "poll": poll,
        "answered": answered,
        "gesprek": gesprek,
        "registration": registration,
        "invite": make_invitation_token(member=member, poll=poll),
        "cancel": make_cancel_token(registration),
    }


def test_every_panel_url_is_in_the_matrix():
    names = {p.name for p in panel_urls.urlpatterns if isinstance(p, URLPattern)}
    assert names == set(MATRIX)


@pytest.mark.parametrize("role", ROLES)
def test_each_role_reaches_only_its_pages(client, login_as, objects, role):
    login_as(client, role)
    got, wanted = {}, {}
    # The invitation link opens the poll for this browser, so it goes last.
    for name, (args, expected) in sorted(
        MATRIX.items(), key=lambda item: (item[0] == "invitation", item[0])
    ):
        got[name] = client.get(reverse(f"panel:{name}", args=args(objects))).status_code
        wanted[name] = expected[role]
    assert got == wanted


# Plain language -----------------------------------------------------------------------------


def caregiver_pages(client, member, objects):
    """Render each caregiver page and yield (label, html)."""
    client.force_login(member.user)
    poll = objects["poll"]
    yield "home", client.get(reverse("panel:home"))
    yield "start", client.get(reverse("panel:poll", args=[poll.pk]))
    for number in range(1, poll.questions.count() + 1):
        yield f"vraag {number}", client.get(reverse("panel:poll_question", args=[poll.pk, number]))
    set_draft(client, poll, member)
    yield "controleren", client.get(reverse("panel:poll_review", args=[poll.pk]))
    answered = objects["answered"]
    yield "bedankt", client.get(reverse("panel:poll_thanks", args=[answered.pk]))
    yield "uitslag", client.get(reverse("panel:poll_results", args=[answered.pk]))
    now = timezone.now()
    closed = make_poll(opens_at=now - timedelta(days=9), closes_at=now - timedelta(days=1))
    yield "gesloten", client.get(reverse("panel:poll", args=[closed.pk]))
    yield "mijn gegevens", client.get(reverse("panel:my_data"))
    yield "stoppen", client.get(reverse("panel:leave"))
    yield "hulp", client.get(reverse("panel:help"))
    yield "gesprekken", client.get(reverse("panel:gesprekken"))
    yield "gesprek", client.get(reverse("panel:gesprek", args=[objects["gesprek"].pk]))
    yield "afmelden", client.get(reverse("panel:cancel_by_link", args=[objects["cancel"]]))
    client.logout()
    yield "link kapot", client.get(reverse("panel:invitation", args=[poll.pk, "kapot"]))
    yield "aanmelden", client.get(reverse("panel:join"))
    client.post(reverse("panel:join"), {"email": "nieuw@example.org"})
    for step in ("toestemming", "wijk", "leeftijd", "zorg-voor", "uren", "werk"):
        yield f"aanmelden {step}", client.get(reverse("panel:join_step", args=[step]))
        if step == "toestemming":
            client.post(reverse("panel:join_step", args=[step]), {"consent": "on"})
    client.post(reverse("panel:join_step", args=["werk"]), {"value": ""})
    yield "aanmelden code", client.get(reverse("panel:join_confirm"))


def test_caregiver_pages_score_65_or_more_on_flesch_douma(client, member, objects):
    scores = {}
    for label, response in caregiver_pages(client, member, objects):
        assert response.status_code in (200, 400), label
        html = response.content.decode()
        assert len(visible_text(html).split()) > 15, label
        scores[label] = round(flesch_douma(html), 1)
    low = {label: score for label, score in scores.items() if score < 65}
    print(scores)
    assert not low, (low, scores)


def test_a_poll_page_weighs_less_than_60_kb(client, member, objects):
    client.force_login(member.user)
    response = client.get(reverse("panel:poll_question", args=[objects["poll"].pk, 3]))
    html = response.content.decode()
    total = len(response.content)
    import re

    for href in re.findall(r'(?:href|src)="(/static/[^"]+)"', html):
        total += (Path(settings.BASE_DIR) / "static" / href.removeprefix("/static/")).stat().st_size
    print("poll page bytes", total)
    assert total < 60_000, total
    results = client.get(reverse("panel:poll_results", args=[objects["answered"].pk]))
    total = len(results.content) + sum(
        (Path(settings.BASE_DIR) / "static" / h.removeprefix("/static/")).stat().st_size
        for h in re.findall(r'(?:href|src)="(/static/[^"]+)"', results.content.decode())
    )
    print("results page bytes", total)
    assert total < 60_000, total

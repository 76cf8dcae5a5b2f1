import io
import re

import pytest
from django.core import mail
from django.urls import reverse

from accounts.demo import DEMO_ACCOUNTS, DEMO_PASSWORD
from accounts.models import Role
from mantelkring.management.commands import demo as demo_command  # noqa: F401 - import check
from tests.accounts.factories import PASSWORD, UserFactory

START_PATHS = {
    Role.CAREGIVER: "/panel/",
    Role.PROFESSIONAL: "/training/",
    Role.WERKGROEP: "/werkgroep/",
    Role.ADMIN: "/werkgroep/",
}


@pytest.fixture
def demo_data(db):
    from django.core.management import call_command

    call_command("demo", stdout=io.StringIO())


@pytest.mark.parametrize(("email", "role"), [(row[0], row[1]) for row in DEMO_ACCOUNTS])
def test_each_demo_account_logs_in_with_its_password_and_lands_on_its_start_page(
    client, demo_data, email, role
):
    response = client.post(
        reverse("account_login"), {"login": email, "password": DEMO_PASSWORD}, follow=True
    )
    assert response.status_code == 200
    assert response.redirect_chain[-1][0] == START_PATHS[role]
    assert response.wsgi_request.user.email == email


def test_the_demo_command_can_run_twice_without_duplicates(demo_data):
    from django.core.management import call_command

    from accounts.models import User
    from sociale_kaart.models import Offer, Organisation, Wijk

    call_command("demo", stdout=io.StringIO())
    assert User.objects.filter(email__endswith="@demo.nl").count() >= 5
    assert Wijk.objects.count() == 6
    assert Organisation.objects.count() == 14  # 10 local (demo) and 4 national lines
    assert Offer.objects.count() == 29


def _request_code(client, email):
    return client.post(reverse("account_request_login_code"), {"email": email}, follow=True)


def _code_from_outbox() -> str:
    body = mail.outbox[-1].body
    match = re.search(r"^\s*([A-Z0-9]{4}-?[A-Z0-9]{4}|[A-Z0-9]{6})\s*$", body, re.MULTILINE)
    assert match, body
    return match.group(1)


def test_a_caregiver_logs_in_with_an_emailed_code(client, caregiver):
    response = _request_code(client, caregiver.email)
    assert response.status_code == 200
    assert mail.outbox[-1].to == [caregiver.email]
    code = _code_from_outbox()
    response = client.post(reverse("account_confirm_login_code"), {"code": code}, follow=True)
    assert response.redirect_chain[-1][0] == "/panel/"
    assert response.wsgi_request.user == caregiver


def test_a_wrong_code_is_refused_with_a_dutch_message(client, caregiver):
    _request_code(client, caregiver.email)
    code = _code_from_outbox()
    wrong = "AAAAAA" if code != "AAAAAA" else "BBBBBB"
    response = client.post(reverse("account_confirm_login_code"), {"code": wrong})
    assert response.status_code == 200
    assert not response.wsgi_request.user.is_authenticated
    assert "Deze code klopt niet" in response.content.decode()


def test_a_wrong_password_is_refused_in_dutch(client, professional):
    response = client.post(
        reverse("account_login"), {"login": professional.email, "password": "fout-wachtwoord"}
    )
    assert response.status_code == 200
    assert not response.wsgi_request.user.is_authenticated
    assert "Het e-mailadres of het wachtwoord klopt niet" in response.content.decode()


def test_repeated_wrong_logins_are_rate_limited(client, professional):
    for _ in range(5):
        response = client.post(
            reverse("account_login"), {"login": professional.email, "password": "fout-wachtwoord"}
        )
        assert "klopt niet" in response.content.decode()
    # allauth allows 5 failed attempts per account in 5 minutes; then even the right password waits.
    response = client.post(
        reverse("account_login"), {"login": professional.email, "password": PASSWORD}
    )
    assert not response.wsgi_request.user.is_authenticated
    assert "U heeft te vaak een verkeerd wachtwoord ingevuld" in response.content.decode()


def test_a_professional_can_sign_up_with_profession_and_organisation(client, db):
    from accounts.models import User
    from sociale_kaart.models import Organisation

    org = Organisation.objects.create(name="Huisartsenpraktijk Test")
    response = client.post(
        reverse("account_signup"),
        {
            "email": "nieuw@example.org",
            "password1": "een-lang-wachtwoord-42",
            "password2": "een-lang-wachtwoord-42",
            "first_name": "Nina",
            "last_name": "Smit",
            "profession": "praktijkondersteuner",
            "organisation": org.pk,
        },
    )
    assert response.status_code == 302
    user = User.objects.get(email="nieuw@example.org")
    assert user.profile.role == Role.PROFESSIONAL
    assert user.profile.profession == "praktijkondersteuner"
    assert user.profile.organisation == org
    # The e-mail address must be verified first.
    assert any("nieuw@example.org" in m.to for m in mail.outbox)


def test_sign_up_cannot_pick_a_werkgroep_or_beheer_role(client, db):
    from accounts.models import User
    from sociale_kaart.models import Organisation

    org = Organisation.objects.create(name="Org")
    client.post(
        reverse("account_signup"),
        {
            "email": "stiekem@example.org",
            "password1": "een-lang-wachtwoord-42",
            "password2": "een-lang-wachtwoord-42",
            "first_name": "A",
            "last_name": "B",
            "profession": "huisarts",
            "organisation": org.pk,
            "role": "beheer",
        },
    )
    user = User.objects.get(email="stiekem@example.org")
    assert user.profile.role == Role.PROFESSIONAL
    assert not user.is_staff


@pytest.mark.parametrize(
    ("role", "status"),
    [(Role.CAREGIVER, 403), (Role.PROFESSIONAL, 403), (Role.WERKGROEP, 200), (Role.ADMIN, 200)],
)
def test_two_factor_settings_are_only_for_werkgroep_and_beheer(client, login_as, role, status):
    login_as(client, role)
    assert client.get(reverse("mfa_index")).status_code == status


def test_beheer_grants_the_werkgroep_role_in_the_admin(client, admin_user):
    from accounts.services import set_role

    user = UserFactory(role=Role.PROFESSIONAL)
    set_role(user=user, role=Role.WERKGROEP)
    user.refresh_from_db()
    assert user.profile.role == Role.WERKGROEP
    assert not user.is_staff
    set_role(user=user, role=Role.ADMIN)
    user.refresh_from_db()
    assert user.is_staff and user.is_superuser


@pytest.mark.django_db(transaction=True)
def test_two_factor_pages_are_refused_over_asgi_too(caregiver, werkgroep_user):
    """The middleware's async path (ASGI workers) applies the same rule as the sync path."""
    from asgiref.sync import async_to_sync
    from django.test import AsyncClient

    async def status_for(user):
        client = AsyncClient()
        await client.aforce_login(user)
        return (await client.get(reverse("mfa_index"))).status_code

    assert async_to_sync(status_for)(caregiver) == 403
    assert async_to_sync(status_for)(werkgroep_user) == 200

"""The Django admin sits behind the same login as the rest of the site: allauth's rate limits
and its two-factor step (issue 15, finding 1)."""

import time

import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from allauth.mfa.totp.internal.auth import (
    TOTP,
    format_hotp_value,
    generate_totp_secret,
    hotp_value,
)
from asgiref.sync import async_to_sync
from django.test import AsyncClient, override_settings
from django.urls import reverse

from accounts.models import Role
from tests.accounts.factories import PASSWORD, UserFactory


def _admin_login_form(client) -> str:
    """Where a person who opens /admin/ is asked for their password (follows redirects)."""
    response = client.get("/admin/", follow=True)
    assert response.status_code == 200
    return response.redirect_chain[-1][0]


def _post_password(client, url: str, email: str, password: str):
    # The admin's own form calls the field "username", allauth's calls it "login".
    return client.post(url, {"username": email, "login": email, "password": password})


def _totp_code(secret: str) -> str:
    return format_hotp_value(hotp_value(secret, int(time.time()) // 30))


@pytest.fixture
def totp_beheer(db):
    user = UserFactory(role=Role.ADMIN, email="beheer-2fa@example.org")
    secret = generate_totp_secret()
    TOTP.activate(user, secret)
    RecoveryCodes.activate(user)
    user.totp_secret = secret
    return user


def test_the_admin_login_is_allauths_login_page(client, db):
    url = _admin_login_form(client)
    assert url.startswith(reverse("account_login"))
    assert "next=/admin/" in url


def test_thirty_wrong_admin_passwords_are_refused_by_the_rate_limit(client, admin_user):
    url = _admin_login_form(client)
    answers = [
        _post_password(client, url, admin_user.email, "fout-wachtwoord").content.decode()
        for _ in range(30)
    ]
    assert any("U heeft te vaak een verkeerd wachtwoord ingevuld" in a for a in answers)
    # Even the right password now waits.
    _post_password(client, url, admin_user.email, PASSWORD)
    assert client.get("/admin/").status_code == 302


def test_the_right_password_reaches_the_admin_through_allauth(client, admin_user):
    url = _admin_login_form(client)
    response = _post_password(client, url, admin_user.email, PASSWORD)
    assert response.status_code == 302
    assert response["Location"] == "/admin/"
    assert client.get("/admin/").status_code == 200


def test_with_totp_on_the_password_alone_reaches_nothing(client, totp_beheer):
    url = _admin_login_form(client)
    response = _post_password(client, url, totp_beheer.email, PASSWORD)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("mfa_authenticate"))
    assert client.get("/admin/").status_code == 302
    assert client.get(reverse("werkgroep:export_actions", args=["csv"])).status_code == 302
    assert client.get(reverse("mfa_index")).status_code == 302


def test_with_totp_on_the_code_opens_the_admin(client, totp_beheer):
    url = _admin_login_form(client)
    _post_password(client, url, totp_beheer.email, PASSWORD)
    response = client.post(
        reverse("mfa_authenticate"), {"code": _totp_code(totp_beheer.totp_secret)}
    )
    assert response.status_code == 302
    assert response["Location"] == "/admin/"
    assert client.get("/admin/").status_code == 200


def test_a_recovery_code_also_passes_the_second_step(client, totp_beheer):
    codes = RecoveryCodes(
        Authenticator.objects.get(user=totp_beheer, type=Authenticator.Type.RECOVERY_CODES)
    ).get_unused_codes()
    url = _admin_login_form(client)
    _post_password(client, url, totp_beheer.email, PASSWORD)
    client.post(reverse("mfa_authenticate"), {"code": codes[0]})
    assert client.get("/admin/").status_code == 200


def test_a_session_without_the_second_step_is_ended_for_a_totp_account(client, totp_beheer):
    """Defence in depth: a session that got in by password alone (Django's own login, a
    session from before TOTP was switched on) reaches no admin, export or 2FA page."""
    assert client.login(email=totp_beheer.email, password=PASSWORD)
    for path in ("/admin/", reverse("werkgroep:export_actions", args=["xlsx"]), "/accounts/2fa/"):
        response = client.get(path)
        assert response.status_code == 302, path
        assert response["Location"].startswith(reverse("account_login")), path
        assert client.login(email=totp_beheer.email, password=PASSWORD)


@pytest.mark.django_db(transaction=True)  # allauth records the new TOTP after the commit
def test_switching_totp_on_keeps_the_current_session(client, werkgroep_user):
    client.post(reverse("account_login"), {"login": werkgroep_user.email, "password": PASSWORD})
    client.post(reverse("account_reauthenticate"), {"password": PASSWORD})
    response = client.get(reverse("mfa_activate_totp"))
    assert response.status_code == 200
    secret = client.session["mfa.totp.secret"]
    response = client.post(reverse("mfa_activate_totp"), {"code": _totp_code(secret)})
    assert response.status_code == 302
    assert Authenticator.objects.filter(user=werkgroep_user, type="totp").exists()
    assert client.get("/werkgroep/").status_code == 200


@override_settings(MANTELKRING_ADMIN_REQUIRES_2FA=True)
def test_beheer_without_two_factor_is_sent_to_set_it_up_before_the_admin(client, admin_user):
    client.force_login(admin_user)
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("mfa_activate_totp"))
    assert client.get("/werkgroep/").status_code == 200


@override_settings(MANTELKRING_ADMIN_REQUIRES_2FA=True)
def test_beheer_with_two_factor_done_reaches_the_admin_when_it_is_required(client, totp_beheer):
    url = _admin_login_form(client)
    _post_password(client, url, totp_beheer.email, PASSWORD)
    client.post(reverse("mfa_authenticate"), {"code": _totp_code(totp_beheer.totp_secret)})
    assert client.get("/admin/").status_code == 200


def test_the_werkgroep_is_offered_two_factor_login(client, werkgroep_user):
    client.force_login(werkgroep_user)
    page = client.get("/werkgroep/").content.decode()
    assert reverse("mfa_index") in page


@pytest.mark.django_db(transaction=True)
def test_the_second_step_is_also_required_over_asgi(totp_beheer):
    async def status():
        client = AsyncClient()
        await client.aforce_login(totp_beheer)
        return (await client.get("/werkgroep/")).status_code

    assert async_to_sync(status)() == 302

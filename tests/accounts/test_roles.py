import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.test import RequestFactory
from django.urls import reverse
from django.utils.functional import SimpleLazyObject

from accounts.models import Role
from accounts.roles import signed_in_user

AREAS = {"/training/": "training", "/panel/": "panel", "/werkgroep/": "werkgroep"}
ALLOWED = {
    "/training/": {Role.PROFESSIONAL, Role.ADMIN},
    "/panel/": {Role.CAREGIVER},
    "/werkgroep/": {Role.WERKGROEP, Role.ADMIN},
}
ROLES = [Role.CAREGIVER, Role.PROFESSIONAL, Role.WERKGROEP, Role.ADMIN]


@pytest.mark.parametrize("path", AREAS)
def test_anonymous_visitors_are_sent_to_login(client, db, path):
    response = client.get(path)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))
    assert f"next={path}" in response["Location"]


@pytest.mark.parametrize("path", AREAS)
@pytest.mark.parametrize("role", ROLES)
def test_each_role_reaches_only_its_own_areas(client, login_as, path, role):
    login_as(client, role)
    response = client.get(path)
    expected = 200 if role in ALLOWED[path] else 403
    assert response.status_code == expected
    if expected == 403:
        assert "U heeft geen toegang tot deze pagina" in response.content.decode()


@pytest.mark.parametrize(
    ("role", "start"),
    [
        (Role.CAREGIVER, "/panel/"),
        (Role.PROFESSIONAL, "/training/"),
        (Role.WERKGROEP, "/werkgroep/"),
        (Role.ADMIN, "/werkgroep/"),
    ],
)
def test_the_root_sends_each_role_to_its_start_page(client, login_as, role, start):
    login_as(client, role)
    response = client.get("/")
    assert response.status_code == 302
    assert response["Location"] == start


def test_anonymous_visitors_see_the_landing_page(client, db):
    response = client.get("/")
    assert response.status_code == 200
    assert "Zorgt u voor iemand?" in response.content.decode()


def test_a_user_without_a_profile_gets_403_not_an_error(client, db):
    from accounts.models import User

    user = User.objects.create_user(email="kaal@example.org", password="x")
    client.force_login(user)
    assert client.get("/panel/").status_code == 403
    assert client.get("/").status_code == 200


def test_only_beheer_reaches_the_admin(client, login_as):
    for role in ROLES:
        login_as(client, role)
        status = client.get("/admin/").status_code
        assert status == (200 if role == Role.ADMIN else 302), role


def test_signed_in_user_is_the_logged_in_user_behind_the_lazy_request_user(caregiver):
    request = RequestFactory().get("/panel/")
    request.user = SimpleLazyObject(lambda: caregiver)
    assert signed_in_user(request) == caregiver


def test_signed_in_user_refuses_an_anonymous_visitor():
    request = RequestFactory().get("/panel/")
    request.user = SimpleLazyObject(AnonymousUser)
    with pytest.raises(PermissionDenied):
        signed_in_user(request)

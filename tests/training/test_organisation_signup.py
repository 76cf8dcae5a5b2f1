"""Sign-up with an organisation from the list or typed as a new one. A new one waits for beheer,
who approves or merges it; figures count it only once approved."""

import pytest
from django.urls import reverse

from accounts.models import Profile
from sociale_kaart.models import Organisation
from sociale_kaart.services import merge_organisation, propose_organisation
from tests.accounts.factories import UserFactory
from training import selectors, services

pytestmark = pytest.mark.django_db

SIGNUP = {
    "email": "nieuw@example.org",
    "password1": "een-lang-wachtwoord-2026",
    "password2": "een-lang-wachtwoord-2026",
    "first_name": "Nina",
    "last_name": "Nieuw",
    "profession": "huisarts",
}


def signup(client, **extra):
    return client.post(reverse("account_signup"), {**SIGNUP, **extra})


def test_a_new_organisation_typed_at_sign_up_is_pending(client):
    response = signup(client, new_organisation="  Huisartsenpraktijk   De Linde ")
    assert response.status_code == 302
    organisation = Profile.objects.get(user__email="nieuw@example.org").organisation
    assert organisation.name == "Huisartsenpraktijk De Linde" and not organisation.is_approved


def test_choosing_from_the_list_still_works_and_only_approved_ones_are_listed(client):
    listed = Organisation.objects.create(name="Praktijk Oost")
    Organisation.objects.create(name="Wacht Nog", is_approved=False)
    page = client.get(reverse("account_signup")).content.decode()
    assert "Praktijk Oost" in page and "Wacht Nog" not in page
    assert signup(client, organisation=listed.pk).status_code == 302
    assert Profile.objects.get(user__email="nieuw@example.org").organisation == listed


def test_neither_chosen_nor_typed_asks_in_dutch(client):
    response = signup(client)
    assert response.status_code == 200
    assert "Kies uw organisatie, of typ de naam hieronder." in response.content.decode()


def test_a_typed_name_that_exists_in_another_case_is_not_added_twice():
    existing = Organisation.objects.create(name="Wijkteam Noord")
    assert propose_organisation(name="wijkteam  noord") == existing
    assert Organisation.objects.count() == 1


def test_figures_count_a_pending_organisation_only_once_approved():
    pending = propose_organisation(name="Nieuwe Praktijk")
    user = UserFactory(profession="huisarts", organisation=pending)
    services.log_referral(user=user, vraaggebied_codes=["advies"])
    assert selectors.referral_counts(group_by=["organisation"]) == [
        {"organisation": None, "count": 1}
    ]
    Organisation.objects.filter(pk=pending.pk).update(is_approved=True)
    assert selectors.referral_counts(group_by=["organisation"]) == [
        {"organisation": "Nieuwe Praktijk", "count": 1}
    ]


def test_merging_moves_profiles_and_referrals_to_the_existing_organisation():
    target = Organisation.objects.create(name="Huisartsen Hattem")
    pending = propose_organisation(name="Huisarts Hattem (typfout)")
    user = UserFactory(profession="huisarts", organisation=pending)
    services.log_referral(user=user, vraaggebied_codes=["advies"])
    merge_organisation(source=pending, target=target)
    assert not Organisation.objects.filter(pk=pending.pk).exists()
    user.profile.refresh_from_db()
    assert user.profile.organisation == target
    assert selectors.referral_counts(group_by=["organisation"]) == [
        {"organisation": "Huisartsen Hattem", "count": 1}
    ]


def test_beheer_approves_and_merges_in_the_admin(client, admin_user):
    target = Organisation.objects.create(name="Steunpunt")
    first = propose_organisation(name="Praktijk Een")
    second = propose_organisation(name="Steunpunt Mantelzorg")
    client.force_login(admin_user)
    url = reverse("admin:sociale_kaart_organisation_changelist")
    client.post(url, {"action": "approve", "_selected_action": [first.pk]})
    first.refresh_from_db()
    assert first.is_approved
    page = client.post(url, {"action": "merge", "_selected_action": [second.pk]})
    assert "Samenvoegen met" in page.content.decode()
    response = client.post(
        url,
        {"action": "merge", "_selected_action": [second.pk], "apply": "1", "target": target.pk},
    )
    assert response.status_code == 302
    assert not Organisation.objects.filter(pk=second.pk).exists()

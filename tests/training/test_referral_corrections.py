"""The author of a referral corrects or removes it within a week; the figures follow.
After a week, or for anyone else, it stays as it is."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts.models import Profession, Role
from sociale_kaart.models import Vraaggebied, Wijk
from tests.accounts.factories import UserFactory
from training import selectors, services
from training.exceptions import ReferralLocked
from training.models import Referral

pytestmark = pytest.mark.django_db


@pytest.fixture
def author():
    return UserFactory(
        role=Role.PROFESSIONAL, profession=Profession.HUISARTS, email="auteur@example.org"
    )


@pytest.fixture
def referral(author):
    return services.log_referral(user=author, vraaggebied_codes=["informatie"])


def counts():
    return {
        r["vraaggebied"]: r["count"] for r in selectors.referral_counts(group_by=["vraaggebied"])
    }


def test_a_correction_within_a_week_changes_the_figures(client, author, referral):
    assert counts() == {"informatie": 1}
    wijk = Wijk.objects.create(name="Oost", slug="oost")
    client.force_login(author)
    page = client.get(reverse("training:referrals")).content.decode()
    assert reverse("training:referral_edit", args=[referral.pk]) in page
    response = client.post(
        reverse("training:referral_edit", args=[referral.pk]),
        {"vraaggebieden": ["respijtzorg", "advies"], "wijk": wijk.pk, "warm": "ja"},
    )
    assert response.status_code == 302
    assert counts() == {"respijtzorg": 1, "advies": 1}
    referral.refresh_from_db()
    assert referral.warm and referral.wijk == wijk


def test_removing_within_a_week_takes_it_out_of_the_figures(client, author, referral):
    client.force_login(author)
    page = client.get(reverse("training:referral_delete", args=[referral.pk])).content.decode()
    assert "Weet u zeker" in page and Referral.objects.exists()
    response = client.post(reverse("training:referral_delete", args=[referral.pk]))
    assert response.status_code == 302
    assert counts() == {} and not Referral.objects.exists()


def test_after_a_week_a_correction_or_removal_is_refused(client, author, referral):
    Referral.objects.filter(pk=referral.pk).update(
        created_at=timezone.now() - timedelta(days=7, minutes=1)
    )
    client.force_login(author)
    page = client.get(reverse("training:referrals")).content.decode()
    assert reverse("training:referral_edit", args=[referral.pk]) not in page
    response = client.post(
        reverse("training:referral_edit", args=[referral.pk]),
        {"vraaggebieden": ["respijtzorg"], "warm": "nee"},
    )
    assert response.status_code == 400 and "ouder dan een week" in response.content.decode()
    response = client.post(reverse("training:referral_delete", args=[referral.pk]))
    assert response.status_code == 400
    assert counts() == {"informatie": 1}


def test_the_week_is_counted_from_the_moment_it_was_logged(author, referral):
    later = referral.created_at + timedelta(days=6, hours=23)
    services.correct_referral(
        user=author, referral_id=referral.pk, vraaggebied_codes=["advies"], now=later
    )
    with pytest.raises(ReferralLocked):
        services.remove_referral(
            user=author, referral_id=referral.pk, now=referral.created_at + timedelta(days=7)
        )


def test_someone_else_cannot_see_change_or_remove_it(client, referral):
    other = UserFactory(role=Role.PROFESSIONAL, profession=Profession.WIJKTEAM)
    client.force_login(other)
    assert client.get(reverse("training:referral_edit", args=[referral.pk])).status_code == 404
    assert client.post(reverse("training:referral_delete", args=[referral.pk])).status_code == 404
    with pytest.raises(ReferralLocked):
        services.remove_referral(user=other, referral_id=referral.pk)
    assert Referral.objects.filter(pk=referral.pk).exists()


def test_a_correction_with_unknown_tags_changes_nothing(client, author, referral):
    client.force_login(author)
    response = client.post(
        reverse("training:referral_edit", args=[referral.pk]),
        {"vraaggebieden": ["bestaat-niet"], "warm": "nee"},
    )
    assert response.status_code == 400
    assert list(referral.vraaggebieden.values_list("code", flat=True)) == ["informatie"]
    assert Vraaggebied.objects.filter(code="informatie").exists()

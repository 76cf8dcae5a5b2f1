import datetime

import pytest
from django.utils import timezone

from accounts.models import Profession, Role
from sociale_kaart.models import Organisation, Vraaggebied, Wijk
from tests.accounts.factories import UserFactory
from tests.training.factories import ReferralFactory, make_module
from training import selectors, services
from training.models import Progress

pytestmark = pytest.mark.django_db


def at(year, month, day):
    return timezone.make_aware(datetime.datetime(year, month, day, 12, 0))


@pytest.fixture
def known_referrals():
    v = {x.code: x for x in Vraaggebied.objects.all()}
    org_a = Organisation.objects.create(name="Praktijk A")
    org_b = Organisation.objects.create(name="Wijkteam B")
    noord = Wijk.objects.create(name="Noord", slug="noord")
    ReferralFactory(
        created_at=at(2026, 9, 3),
        profession="huisarts",
        organisation=org_a,
        wijk=noord,
        warm=True,
        vraaggebieden=[v["informatie"], v["respijtzorg"]],
    )
    ReferralFactory(
        created_at=at(2026, 9, 20),
        profession="huisarts",
        organisation=org_a,
        wijk=None,
        warm=False,
        vraaggebieden=[v["respijtzorg"]],
    )
    ReferralFactory(
        created_at=at(2026, 10, 5),
        profession="wijkteam",
        organisation=org_b,
        wijk=noord,
        warm=True,
        vraaggebieden=[v["financieel"]],
    )
    ReferralFactory(
        created_at=at(2026, 11, 30),
        profession="wijkteam",
        organisation=None,
        wijk=None,
        warm=False,
        vraaggebieden=[v["respijtzorg"], v["emotionele_steun"]],
    )
    return {"noord": noord}


def test_referral_counts_by_vraaggebied_count_a_referral_once_per_vraaggebied(known_referrals):
    rows = selectors.referral_counts(group_by=["vraaggebied"])
    assert {r["vraaggebied"]: r["count"] for r in rows} == {
        "informatie": 1,
        "respijtzorg": 3,
        "financieel": 1,
        "emotionele_steun": 1,
    }


def test_referral_counts_by_profession_and_month(known_referrals):
    rows = selectors.referral_counts(group_by=["profession", "month"])
    assert rows == [
        {"profession": "huisarts", "month": datetime.date(2026, 9, 1), "count": 2},
        {"profession": "wijkteam", "month": datetime.date(2026, 10, 1), "count": 1},
        {"profession": "wijkteam", "month": datetime.date(2026, 11, 1), "count": 1},
    ]


def test_referral_counts_by_organisation_wijk_and_warm(known_referrals):
    noord = known_referrals["noord"].pk
    assert {
        (r["organisation"], r["count"])
        for r in selectors.referral_counts(group_by=["organisation"])
    } == {
        ("Praktijk A", 2),
        ("Wijkteam B", 1),
        (None, 1),
    }
    assert {(r["wijk"], r["count"]) for r in selectors.referral_counts(group_by=["wijk"])} == {
        (noord, 2),
        (None, 2),
    }
    assert {(r["warm"], r["count"]) for r in selectors.referral_counts(group_by=["warm"])} == {
        (True, 2),
        (False, 2),
    }


def test_referral_counts_respect_the_date_range_inclusively(known_referrals):
    rows = selectors.referral_counts(
        group_by=["vraaggebied"],
        date_from=datetime.date(2026, 9, 20),
        date_to=datetime.date(2026, 11, 30),
    )
    assert {r["vraaggebied"]: r["count"] for r in rows} == {
        "respijtzorg": 2,
        "financieel": 1,
        "emotionele_steun": 1,
    }


def test_referral_counts_reject_unknown_keys():
    with pytest.raises(ValueError):
        selectors.referral_counts(group_by=["caregiver_name"])


def test_module_completion_counts_started_and_passed_per_organisation_and_profession():
    org = Organisation.objects.create(name="Praktijk A")
    module = make_module(lessons=1, questions=1, title="Herkennen test")
    passer = UserFactory(role=Role.PROFESSIONAL, profession=Profession.HUISARTS, organisation=org)
    starter = UserFactory(role=Role.PROFESSIONAL, profession=Profession.HUISARTS, organisation=org)
    other = UserFactory(role=Role.PROFESSIONAL, profession=Profession.WIJKTEAM, organisation=None)
    for user in (passer, starter, other):
        services.start_module(user=user, module=module)
    progress = Progress.objects.get(user=passer)
    services.finish_lessons(progress=progress)
    question = module.questions.get()
    services.answer_question(
        progress=progress, question=question, option_ids=[question.options.get(is_correct=True).pk]
    )
    rows = selectors.module_completion()
    assert rows == [
        {
            "organisation": "Praktijk A",
            "profession": "huisarts",
            "module_id": module.pk,
            "module": "Herkennen test",
            "started": 2,
            "passed": 1,
        },
        {
            "organisation": None,
            "profession": "wijkteam",
            "module_id": module.pk,
            "module": "Herkennen test",
            "started": 1,
            "passed": 0,
        },
    ]

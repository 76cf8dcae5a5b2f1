import pytest

from accounts import demo as accounts_demo
from sociale_kaart import demo as kaart_demo
from training import demo, selectors
from training.models import Certificate, Progress, ProgressStatus, Referral

pytestmark = pytest.mark.django_db


def test_demo_loads_the_promised_state_and_is_idempotent():
    kaart_demo.load()
    accounts_demo.load()
    demo.load()
    demo.load()
    assert (
        Certificate.objects.filter(user__email="huisarts@demo.nl", module__slug="herkennen").count()
        == 1
    )
    busy = Progress.objects.get(user__email="wijkteam@demo.nl")
    assert busy.status == ProgressStatus.BUSY and busy.answers.count() == 1
    assert busy.reads.count() == busy.module.lessons.count()
    assert Referral.objects.count() == 120
    months = {row["month"] for row in selectors.referral_counts(group_by=["month"])}
    assert 6 <= len(months) <= 7
    assert (
        len({row["profession"] for row in selectors.referral_counts(group_by=["profession"])}) >= 5
    )
    assert len(selectors.referral_counts(group_by=["vraaggebied"])) == 8

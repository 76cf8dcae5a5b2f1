import io

import pytest

from accounts import demo as accounts_demo
from panel import demo
from panel.models import PanelMember, Participation, Poll, PollStatus, Registration, Spiegelgesprek
from panel.selectors import poll_results
from sociale_kaart import demo as sociale_kaart_demo

pytestmark = pytest.mark.django_db


def test_demo_loads_the_promised_data_and_is_idempotent():
    sociale_kaart_demo.load()
    accounts_demo.load()
    demo.load()
    demo.load()
    assert PanelMember.objects.filter(left_at=None).count() == 60
    assert PanelMember.objects.filter(left_at=None).values("wijk").distinct().count() == 6
    statuses = sorted(p.status for p in Poll.objects.all())
    assert statuses == sorted([PollStatus.OPEN, PollStatus.CLOSED, PollStatus.SCHEDULED])
    closed = Poll.objects.get(title="Vervanging van de zorg")
    assert poll_results(poll_id=closed.pk).respondents >= 250
    open_poll = Poll.objects.get(title="Hulp die past bij u")
    joke = PanelMember.objects.get(user__email="mantelzorger@demo.nl")
    assert not Participation.objects.filter(poll=open_poll, member=joke).exists()
    upcoming, past = Spiegelgesprek.objects.order_by("-starts_at")
    assert Registration.objects.filter(gesprek=upcoming, status="waiting").exists()
    assert (
        Registration.objects.filter(gesprek=upcoming, status="registered", kind="caregiver").count()
        == 8
    )
    assert Registration.objects.filter(gesprek=past).exists()


def test_demo_response_rates_are_real_rates(db):
    from django.core.management import call_command

    from panel.selectors import polls_overview

    call_command("demo", stdout=io.StringIO())
    rows = {row.status: row for row in polls_overview()}
    closed = rows["closed"]
    assert closed.responses >= 250
    assert 0 < closed.response_rate <= 1

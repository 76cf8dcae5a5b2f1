"""Live everywhere the numbers show: the werkgroep poll page and the studio listen to the
poll's own group; the dashboard's "Respons per peiling" rows take the same pushed counts."""

import re

import pytest
from asgiref.sync import async_to_sync
from channels.db import database_sync_to_async
from channels.routing import URLRouter
from channels.testing import WebsocketCommunicator
from django.contrib.auth.models import AnonymousUser
from django.urls import reverse

from accounts.models import Role
from mantelkring.routing import websocket_urlpatterns
from panel.services.gesprekken import register_for_gesprek
from panel.services.polls import cast_vote
from tests.accounts.factories import UserFactory
from tests.panel.factories import SpiegelgesprekFactory, answers_for
from tests.training.factories import ReferralFactory
from tests.werkgroep.factories import PanelMemberFactory, make_poll, random_votes
from training.services import log_referral
from werkgroep.consumers import DashboardConsumer

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def _communicator(user, poll_id: int):
    communicator = WebsocketCommunicator(
        URLRouter(websocket_urlpatterns), f"/ws/werkgroep/peilingen/{poll_id}/"
    )
    communicator.scope["user"] = user
    return communicator


@pytest.mark.parametrize("role", [None, Role.CAREGIVER, Role.PROFESSIONAL])
def test_only_the_werkgroep_listens_to_a_poll_page(users_by_role, role):
    poll = make_poll()
    user = AnonymousUser() if role is None else users_by_role[role]

    async def scenario():
        communicator = _communicator(user, poll.pk)
        connected, code = await communicator.connect()
        await communicator.disconnect()
        return connected, code

    assert async_to_sync(scenario)() == (False, 4403)


@pytest.mark.parametrize("role", [Role.WERKGROEP, Role.ADMIN])
def test_a_vote_tells_the_werkgroep_poll_page_to_reread(users_by_role, role):
    poll = make_poll()
    member = PanelMemberFactory()

    async def scenario():
        communicator = _communicator(users_by_role[role], poll.pk)
        connected, _ = await communicator.connect()
        assert connected
        await database_sync_to_async(cast_vote)(member=member, poll=poll, answers=answers_for(poll))
        message = await communicator.receive_json_from(timeout=5)
        await communicator.disconnect()
        return message

    assert async_to_sync(scenario)() == {"type": "poll", "poll_id": poll.pk}


def test_every_number_on_the_poll_page_is_marked_for_the_live_reread(client, werkgroep_user):
    poll = make_poll()
    random_votes(poll, 12)
    client.force_login(werkgroep_user)
    html = client.get(reverse("werkgroep:poll_results", args=[poll.pk])).content.decode()
    assert f'data-ws-path="/ws/werkgroep/peilingen/{poll.pk}/"' in html
    assert 'data-live-key="respondents"' in html
    for question in poll.questions.exclude(kind="text"):
        for part in ("total", "chart", "table", "bd-body", "bd-foot"):
            assert f'data-live-key="q{question.pk}-{part}"' in html
    keys = re.findall(r'data-live-key="([^"]+)"', html)
    assert len(keys) == len(set(keys))  # each key once, so the reread finds its place


def test_respons_per_peiling_rows_take_the_pushed_counts(client, werkgroep_user):
    poll = make_poll()
    client.force_login(werkgroep_user)
    html = client.get(reverse("werkgroep:dashboard")).content.decode()
    row = re.search(rf'<tr data-poll-row="{poll.pk}">.*?</tr>', html, re.S).group(0)
    assert 'data-live="responses"' in row and 'data-live="response_rate"' in row
    assert "data-live-open-count" in html


def test_a_registration_tells_the_dashboard_to_reread_its_other_counts(werkgroep_user):
    gesprek = SpiegelgesprekFactory()
    caregiver = UserFactory(role=Role.CAREGIVER)

    async def scenario():
        communicator = WebsocketCommunicator(
            DashboardConsumer.as_asgi(), "/ws/werkgroep/dashboard/"
        )
        communicator.scope["user"] = werkgroep_user
        connected, _ = await communicator.connect()
        assert connected
        await database_sync_to_async(register_for_gesprek)(
            gesprek_id=gesprek.pk, user=caregiver, kind="caregiver"
        )
        message = await communicator.receive_json_from(timeout=5)
        await communicator.disconnect()
        return message

    assert async_to_sync(scenario)() == {"type": "refresh"}


def test_a_logged_referral_tells_the_dashboard_to_reread_its_other_counts(werkgroep_user):
    professional = UserFactory(role=Role.PROFESSIONAL)

    async def scenario():
        communicator = WebsocketCommunicator(
            DashboardConsumer.as_asgi(), "/ws/werkgroep/dashboard/"
        )
        communicator.scope["user"] = werkgroep_user
        connected, _ = await communicator.connect()
        assert connected
        await database_sync_to_async(log_referral)(
            user=professional, vraaggebied_codes=["informatie"]
        )
        message = await communicator.receive_json_from(timeout=5)
        await communicator.disconnect()
        return message

    assert async_to_sync(scenario)() == {"type": "refresh"}


def test_the_dashboards_other_counts_are_marked_for_the_reread(client, werkgroep_user):
    ReferralFactory()  # the referral tables only show with a referral
    client.force_login(werkgroep_user)
    html = client.get(reverse("werkgroep:dashboard")).content.decode()
    for key in ("panel-size", "gesprekken-count", "growth", "gesprekken", "training", "referrals"):
        assert f'data-live-key="{key}"' in html

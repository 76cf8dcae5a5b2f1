"""Redis down: votes and sign-ups are still stored and pages still served; live updates pause
and come back when Redis is back. This test starts its own Redis and stops it."""

import asyncio
import json

import pytest
from channels.layers import channel_layers, get_channel_layer
from django.test import override_settings
from django.urls import reverse

from accounts.models import Role
from bench.client import HttpConnection, WebSocket
from panel.models import Answer, Participation, Registration, RegistrationKind, RegistrationStatus
from panel.services import gesprekken, polls
from tests.accounts.factories import UserFactory
from tests.panel.factories import PanelMemberFactory, SpiegelgesprekFactory, answers_for, make_poll
from tests.scale.http import CSRF, session_cookie, vote_over_http


def _redis_settings(url: str):
    return override_settings(
        REDIS_URL=url,
        REDIS_CHANNEL_URL=url,
        CACHES={"default": {"BACKEND": "mantelkring.cache.ResilientRedisCache", "LOCATION": url}},
        CHANNEL_LAYERS={
            "default": {
                "BACKEND": "channels_redis.core.RedisChannelLayer",
                "CONFIG": {"hosts": [{"address": url, "socket_connect_timeout": 1}]},
            }
        },
    )


def _listen(group: str):
    """Join `group` on a fresh channel, return a coroutine factory receiving one message."""
    layer = get_channel_layer()

    async def join():
        channel = await layer.new_channel()
        await layer.group_add(group, channel)
        return channel

    channel = asyncio.run(join())

    async def receive(timeout=5):
        return await asyncio.wait_for(layer.receive(channel), timeout)

    return receive


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_votes_and_signups_are_stored_and_pages_served_while_redis_is_down(client, redis_server):
    poll = make_poll()
    members = [PanelMemberFactory() for _ in range(2)]
    gesprek = SpiegelgesprekFactory(caregiver_places=1)
    with _redis_settings(redis_server.url):
        channel_layers.backends.clear()
        redis_server.stop()

        # Votes: stored, the failed broadcast is logged, not raised.
        polls.cast_vote(member=members[0], poll=poll, answers=answers_for(poll, text="Meer rust"))
        assert Participation.objects.filter(poll=poll, member=members[0]).exists()
        assert Answer.objects.filter(question__poll=poll).count() == 4

        # Sign-ups: stored, places still exact.
        first = gesprekken.register_for_gesprek(
            gesprek_id=gesprek.pk, user=members[0].user, kind=RegistrationKind.CAREGIVER
        )
        second = gesprekken.register_for_gesprek(
            gesprek_id=gesprek.pk, user=members[1].user, kind=RegistrationKind.CAREGIVER
        )
        assert (first.status, second.status) == (
            RegistrationStatus.REGISTERED,
            RegistrationStatus.WAITING,
        )
        assert Registration.objects.filter(gesprek=gesprek).count() == 2

        # Pages: served (the cache fails open), logging in works (rate limit fails open).
        assert client.get(reverse("home")).status_code == 200
        assert client.get(reverse("sociale_kaart:offers")).status_code == 200
        professional = UserFactory(role=Role.PROFESSIONAL)
        response = client.post(
            reverse("account_login"),
            {"login": professional.email, "password": "correct-horse-battery-staple"},
        )
        assert response.status_code == 302
        assert client.get(reverse("readyz")).json()["status"] == "degraded"

        # Redis back: live updates resume for the next vote.
        redis_server.start()
        channel_layers.backends.clear()
        receive = _listen(f"poll-{poll.pk}")
        polls.cast_vote(member=members[1], poll=poll, answers=answers_for(poll))
        assert asyncio.run(receive()) == {"type": "poll.updated", "poll_id": poll.pk}
        assert client.get(reverse("readyz")).json()["status"] == "ok"
    channel_layers.backends.clear()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_real_server_keeps_taking_votes_and_signups_over_http_while_its_redis_is_down(
    redis_server, start_server
):
    poll = make_poll()
    watcher, voter, later = PanelMemberFactory(), PanelMemberFactory(), PanelMemberFactory()
    polls.cast_vote(member=watcher, poll=poll, answers=answers_for(poll))
    gesprek = SpiegelgesprekFactory(caregiver_places=1)
    sessions = {m.pk: session_cookie(m.user) for m in (watcher, voter, later)}
    server = start_server(redis_server.url)
    redis_server.stop()

    async def while_down():
        await vote_over_http(server.port, sessions[voter.pk], poll)
        http = HttpConnection("127.0.0.1", server.port)
        http.cookies.update({"sessionid": sessions[voter.pk], "csrftoken": CSRF})
        signup = await http.request(
            "POST",
            f"/panel/gesprekken/{gesprek.pk}/",
            form={"topics": "Respijtzorg"},
            headers={"X-CSRFToken": CSRF},
        )
        pages = [
            (await http.request("GET", path)).status
            for path in (
                "/",
                "/panel/",
                f"/panel/vragen/{poll.pk}/uitslag/",
                "/sociale-kaart/",
                "/healthz",
            )
        ]
        await http.close()
        return signup.status, pages

    signup_status, pages = asyncio.run(while_down())
    assert Participation.objects.filter(poll=poll, member=voter).exists()
    assert signup_status == 302
    assert (
        Registration.objects.get(gesprek=gesprek, user=voter.user).status
        == RegistrationStatus.REGISTERED
    )
    assert pages == [302, 200, 200, 200, 200]  # "/" sends a caregiver on to the panel

    redis_server.start()

    async def after_restart():
        ws = await WebSocket.connect(
            "127.0.0.1",
            server.port,
            f"/ws/panel/vragen/{poll.pk}/",
            cookies={"sessionid": sessions[watcher.pk]},
        )
        try:
            await vote_over_http(server.port, sessions[later.pk], poll)
            return json.loads(await asyncio.wait_for(ws.recv(), timeout=15))
        finally:
            await ws.close()

    assert asyncio.run(after_restart())["respondents"] == 3

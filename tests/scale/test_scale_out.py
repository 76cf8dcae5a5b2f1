"""Scale-out: two real server processes share one Redis channel layer and one database.
A vote posted over HTTP to process A reaches a websocket client connected to process B.

With REDIS_URL set (the PostgreSQL + Redis pass of .ci/run) both processes use that Redis;
without it (the SQLite pass) the test starts a redis-server of its own. It never skips.
"""

import asyncio
import json
import os

import pytest
from django.conf import settings

from bench.client import WebSocket
from panel.services import polls
from tests.panel.factories import PanelMemberFactory, answers_for, make_poll
from tests.scale.http import session_cookie, vote_over_http


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_vote_on_process_a_reaches_a_websocket_on_process_b(start_server, request):
    redis_url = os.environ.get("REDIS_URL") or request.getfixturevalue("redis_server").url
    poll = make_poll()
    watcher, voter = PanelMemberFactory(), PanelMemberFactory()
    polls.cast_vote(
        member=watcher, poll=poll, answers=answers_for(poll)
    )  # may now see live results
    watcher_session = session_cookie(watcher.user)
    voter_session = session_cookie(voter.user)

    server_a = start_server(redis_url)
    server_b = start_server(redis_url)
    assert server_a.port != server_b.port

    async def scenario():
        ws = await WebSocket.connect(
            "127.0.0.1",
            server_b.port,
            f"/ws/panel/vragen/{poll.pk}/",
            cookies={settings.SESSION_COOKIE_NAME: watcher_session},
        )
        try:
            await vote_over_http(server_a.port, voter_session, poll)
            return json.loads(await asyncio.wait_for(ws.recv(), timeout=15))
        finally:
            await ws.close()

    message = asyncio.run(scenario())
    assert message["respondents"] == 2
    last_choice = poll.questions.get(order=1).choices.order_by("order").last()
    counts = {c["id"]: c["count"] for q in message["questions"] for c in q["choices"]}
    assert counts[last_choice.pk] == 1

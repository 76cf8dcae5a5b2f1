"""Clean shutdown (issue 15, finding 5b): SIGTERM to a real server (daphne, as `make run`
starts it) during a burst of votes. Every vote that was answered with success is stored, every
other client gets a clean answer or a refused connection, and the process exits within 10 s."""

import http.client
import signal
import threading
import time
from urllib.parse import urlencode

import pytest
from django.conf import settings

from panel.models import Participation
from tests.panel.factories import PanelMemberFactory, make_poll
from tests.scale.http import CSRF, session_cookie

VOTERS = 30


def _request(port: int, session: str, method: str, path: str, form: dict | None = None):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=20)
    try:
        body = urlencode(form or {}, doseq=True)
        connection.request(
            method,
            path,
            body=body,
            headers={
                "Cookie": f"{settings.SESSION_COOKIE_NAME}={session}; csrftoken={CSRF}",
                "X-CSRFToken": CSRF,
                "Content-Type": "application/x-www-form-urlencoded",
            },
        )
        response = connection.getresponse()
        response.read()
        return response.status, response.getheader("Location", "")
    finally:
        connection.close()


def _answer_every_question(port: int, session: str, poll) -> None:
    questions = poll.questions.order_by("order").prefetch_related("choices")
    for number, question in enumerate(questions, 1):
        choice = question.choices.order_by("order").last()
        status, _location = _request(
            port,
            session,
            "POST",
            f"/panel/vragen/{poll.pk}/vraag/{number}/",
            {"answer": [str(choice.pk)]},
        )
        assert status == 302, (number, status)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_sigterm_during_a_burst_of_votes_loses_nothing_and_exits_in_time(start_server):
    poll = make_poll(with_text=False)
    members = [PanelMemberFactory() for _ in range(VOTERS)]
    sessions = {m.pk: session_cookie(m.user) for m in members}
    server = start_server(None)  # as `make run`: in-memory channel layer
    for member in members:
        _answer_every_question(server.port, sessions[member.pk], poll)

    outcomes: dict[int, object] = {}
    barrier = threading.Barrier(VOTERS + 1)
    first_answers = threading.Semaphore(0)

    def vote(member):
        barrier.wait()
        try:
            outcomes[member.pk] = _request(
                server.port, sessions[member.pk], "POST", f"/panel/vragen/{poll.pk}/versturen/"
            )
            first_answers.release()
        except Exception as error:  # noqa: BLE001 - what each client saw is the result
            outcomes[member.pk] = error

    threads = [threading.Thread(target=vote, args=(m,)) for m in members]
    for thread in threads:
        thread.start()
    barrier.wait()
    for _ in range(3):  # the burst is under way: some votes are done, most are not
        assert first_answers.acquire(timeout=30)
    started = time.monotonic()
    server.process.send_signal(signal.SIGTERM)
    try:
        server.process.wait(timeout=10)
    except Exception:
        server.process.kill()
        raise AssertionError("the server did not exit within 10 s of SIGTERM") from None
    exit_seconds = time.monotonic() - started
    for thread in threads:
        thread.join(timeout=30)

    stored = set(Participation.objects.filter(poll=poll).values_list("member_id", flat=True))
    succeeded = {
        pk
        for pk, outcome in outcomes.items()
        if isinstance(outcome, tuple) and outcome[0] == 302 and outcome[1].endswith("/bedankt/")
    }
    unclean = {
        pk: repr(outcome)
        for pk, outcome in outcomes.items()
        if not isinstance(outcome, (tuple, ConnectionRefusedError))
    }
    print(f"exit {exit_seconds:.1f}s, {len(succeeded)} votes answered, {len(stored)} stored")
    assert succeeded <= stored, succeeded - stored
    assert unclean == {}
    assert exit_seconds < 10

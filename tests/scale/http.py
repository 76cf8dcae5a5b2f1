"""Talking to a real server process over HTTP as a member would (shared by the scale tests)."""

from django.conf import settings
from django.test import Client

from bench.client import HttpConnection

CSRF = "scaleoutcsrftoken0123456789abcde"  # any 32 letters/digits is a valid CSRF secret


def session_cookie(user) -> str:
    client = Client()  # one client per person: logging in a second user would end the first session
    client.force_login(user)
    return client.cookies[settings.SESSION_COOKIE_NAME].value


async def vote_over_http(port: int, session: str, poll) -> None:
    """The member's real path: one screen per question, then the send button."""
    http = HttpConnection("127.0.0.1", port)
    http.cookies.update({settings.SESSION_COOKIE_NAME: session, "csrftoken": CSRF})
    headers = {"X-CSRFToken": CSRF}
    questions = list(poll.questions.order_by("order").prefetch_related("choices"))
    try:
        for number, question in enumerate(questions, 1):
            if question.kind == "text":
                form = {"answer": "Meer rust in de week"}
            else:
                form = {"answer": [str(question.choices.order_by("order").last().pk)]}
            response = await http.request(
                "POST", f"/panel/vragen/{poll.pk}/vraag/{number}/", form=form, headers=headers
            )
            assert response.status == 302, (number, response.status, response.text[:500])
        response = await http.request(
            "POST", f"/panel/vragen/{poll.pk}/versturen/", form={}, headers=headers
        )
        assert response.status == 302 and response.headers["location"].endswith("/bedankt/"), (
            response.status
        )
    finally:
        await http.close()

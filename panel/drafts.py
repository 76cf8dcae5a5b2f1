"""The answers draft of a flash poll: the member's own unsent answers, kept in a signed cookie
in their browser, not in the database session.

One question per screen means the answers given so far must travel from screen to screen
until the final "Versturen". A signed cookie keeps them out of the session table (no session
write per screen and none after the vote) and off the server entirely. The signature is bound
to the poll and the member, so a cookie cannot be moved to another poll or person; the final
POST validates every answer again against the poll's questions (services.polls.cast_vote), so
a valid signature never lets a forged choice in. An invalid or expired cookie is no draft.

Shape: {question id (str): {"c": [choice ids]} or {"t": "text", "k": contact wanted}}
(QuestionForm.as_session).
"""

from django.conf import settings
from django.core import signing
from django.http import HttpRequest, HttpResponse
from django.urls import reverse

MAX_AGE = 60 * 60 * 24 * 7  # a week to finish a poll, as a session would
MAX_COOKIE_BYTES = 3800  # browsers keep cookies up to 4,096 bytes, name and attributes included


def cookie_name(poll_id: int) -> str:
    return f"panel_poll_{poll_id}"


def _salt(poll_id: int, member_id: int) -> str:
    return f"panel.drafts:{poll_id}:{member_id}"


def sign(draft: dict, *, poll_id: int, member_id: int) -> str:
    """The cookie value for this draft (also used by the bench to seed drafts)."""
    return signing.dumps(draft, salt=_salt(poll_id, member_id), compress=True)


def _well_formed(draft) -> bool:
    if not isinstance(draft, dict):
        return False
    for key, value in draft.items():
        if not isinstance(key, str) or not key.isdigit() or not isinstance(value, dict):
            return False
        if set(value) == {"c"}:
            ids = value["c"]
            if not isinstance(ids, list) or not all(
                isinstance(i, int) and not isinstance(i, bool) for i in ids
            ):
                return False
        elif set(value) in ({"t"}, {"t", "k"}):  # "k": the member asked to be contacted
            if not isinstance(value["t"], str) or not isinstance(value.get("k", False), bool):
                return False
        else:
            return False
    return True


def read(request: HttpRequest, *, poll_id: int, member_id: int) -> dict:
    """This member's draft for this poll, or {} when there is none or it does not verify."""
    raw = request.COOKIES.get(cookie_name(poll_id))
    if not raw:
        return {}
    try:
        draft = signing.loads(raw, salt=_salt(poll_id, member_id), max_age=MAX_AGE)
    except (signing.BadSignature, ValueError):
        return {}
    return draft if _well_formed(draft) else {}


def _path(poll_id: int) -> str:
    return reverse("panel:poll", args=[poll_id])


def write(response: HttpResponse, draft: dict, *, poll_id: int, member_id: int) -> bool:
    """Set the draft cookie on the response; False (nothing set) when it would be too big."""
    value = sign(draft, poll_id=poll_id, member_id=member_id)
    if len(value) > MAX_COOKIE_BYTES:
        return False
    response.set_cookie(
        cookie_name(poll_id),
        value,
        max_age=MAX_AGE,
        path=_path(poll_id),
        secure=settings.SESSION_COOKIE_SECURE,
        httponly=True,
        samesite="Lax",
    )
    return True


def clear(response: HttpResponse, *, poll_id: int) -> None:
    response.delete_cookie(cookie_name(poll_id), path=_path(poll_id), samesite="Lax")

"""A poll's definition (the poll, its questions and choices, its audience's wijken), cached
per process, so answering and voting do not read it again on every request.

Safe across worker processes: each definition is kept with a version token from the shared
cache (Redis in production). `invalidate(poll_id)` sets a new token after the change is
committed, and every process reloads on its next request. Without a token (Redis down or
flushed) nothing is kept and every request reads the database: slower, never stale. An
entry is also never used for longer than MAX_AGE seconds.

Changes through the ORM (the admin, `save()`, `delete()`, the wijken of a poll) invalidate by
themselves (signals below); code that changes polls with `QuerySet.update()` or raw SQL, or
publishes them, calls `invalidate(poll_id)` (the poll studio's publish and edit services).
"""

from __future__ import annotations

import copy
import threading
import time
import uuid
from functools import partial
from typing import TYPE_CHECKING

from django.apps import apps
from django.core.cache import cache
from django.db import transaction
from django.db.models import Prefetch
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver

if TYPE_CHECKING:
    from panel.models import Choice, Poll, Question

# This module imports no models at run time (they are looked up when used), so panel.apps
# can import it at its top and its signal handlers (senders named by label) are connected.

MAX_AGE = 300.0  # seconds; a safety net, invalidation is what keeps entries fresh

_entries: dict[int, tuple[str, float, Poll]] = {}  # poll id -> (token, loaded at, poll)
_lock = threading.Lock()


def _token_key(poll_id: int) -> str:
    return f"panel:poll-definition:{poll_id}"


def _load(poll_id: int) -> Poll | None:
    poll_model, question_model = (
        apps.get_model("panel", "Poll"),
        apps.get_model("panel", "Question"),
    )
    return (
        poll_model.objects.filter(pk=poll_id)
        .prefetch_related(
            Prefetch("questions", queryset=question_model.objects.order_by("order")),
            "questions__choices",
            "wijken",
        )
        .first()
    )


def _copy(poll: Poll) -> Poll:
    """A copy per request: attributes set on it stay on it (questions and choices are shared,
    read-only)."""
    clone = copy.copy(poll)
    clone._state = copy.copy(poll._state)
    clone._state.fields_cache = dict(poll._state.fields_cache)
    # Set by prefetch_related, which the stubs do not declare on a model.
    clone._prefetched_objects_cache = dict(poll._prefetched_objects_cache)  # type: ignore[attr-defined]
    return clone


def get_poll(poll_id: int) -> Poll | None:
    """The poll with questions (in order), choices and wijken prefetched; None if none."""
    token = cache.get(_token_key(poll_id))
    entry = _entries.get(poll_id)
    if (
        token is not None
        and entry is not None
        and entry[0] == token
        and time.monotonic() - entry[1] < MAX_AGE
    ):
        return _copy(entry[2])
    if token is None:
        with _lock:
            _entries.pop(poll_id, None)
        # First reader after a restart or flush: start a version. Read it back before loading,
        # so an invalidation while we load leaves our entry with an old token.
        cache.add(_token_key(poll_id), uuid.uuid4().hex, timeout=None)
        token = cache.get(_token_key(poll_id))
    poll = _load(poll_id)
    if poll is not None and token is not None:
        with _lock:
            _entries[poll_id] = (token, time.monotonic(), poll)
    return _copy(poll) if poll is not None else None


def _new_version(poll_id: int) -> None:
    with _lock:
        _entries.pop(poll_id, None)
    cache.set(_token_key(poll_id), uuid.uuid4().hex, timeout=None)


def invalidate(poll_id: int) -> None:
    """The poll, its questions, choices or wijken changed: every process reloads it.

    A new version now (this transaction sees its own change at once) and again when the
    transaction commits (a process that reloaded in between read the old rows)."""
    _new_version(poll_id)
    if transaction.get_connection().in_atomic_block:
        transaction.on_commit(partial(_new_version, poll_id))


@receiver([post_save, post_delete], sender="panel.Poll")
def _poll_changed(sender, instance: Poll, **kwargs) -> None:
    invalidate(instance.pk)


@receiver([post_save, post_delete], sender="panel.Question")
def _question_changed(sender, instance: Question, **kwargs) -> None:
    invalidate(instance.poll_id)


@receiver([post_save, post_delete], sender="panel.Choice")
def _choice_changed(sender, instance: Choice, **kwargs) -> None:
    questions = apps.get_model("panel", "Question").objects
    question = questions.filter(pk=instance.question_id).values("poll_id").first()
    if question is not None:
        invalidate(question["poll_id"])


@receiver(m2m_changed, sender="panel.Poll_wijken")
def _wijken_changed(sender, instance, action: str, reverse: bool, pk_set, **kwargs) -> None:
    if reverse and action == "pre_clear":  # wijk.polls.clear(): which polls, before they go
        for poll_id in sender.objects.filter(wijk_id=instance.pk).values_list("poll_id", flat=True):
            invalidate(poll_id)
    elif not action.startswith("post_"):
        return
    elif reverse:  # wijk.polls.add(...): instance is a wijk, pk_set the polls
        for poll_id in pk_set or ():
            invalidate(poll_id)
    else:
        invalidate(instance.pk)

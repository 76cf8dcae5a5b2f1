"""Making, checking and publishing polls (the werkgroep's poll studio), as services.

A poll is a concept until `publish_poll` has checked it: no caregiver sees or answers a
concept, whatever its times (Poll.objects.published() and Poll.status_at). The checks live
here, not in a form, so the studio, the Django admin and any script meet the same rule.
Once a poll has answers its questions and options are locked: texts may be corrected, the
meaning (kind, number, order of questions and options, the maximum) may not change.
"""

from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import partial

from django.db import transaction
from django.utils import timezone

from panel import poll_cache
from panel.events import broadcast_poll_update
from panel.exceptions import PanelError
from panel.models import (
    Audience,
    Participation,
    Poll,
    PollInvitation,
    PollStatus,
    QuestionKind,
)
from panel.services.tasks import send_poll_invitations

# A poll may open a little in the past (the time it took to click "publiceren").
OPEN_GRACE = timedelta(minutes=10)
CHOICE_KINDS = (QuestionKind.SINGLE, QuestionKind.MULTIPLE, QuestionKind.SCALE)

# Errors ------------------------------------------------------------------------------------


class StudioError(PanelError):
    """Something in the poll studio that the person can fix or accept."""


class PollLocked(StudioError):
    """The poll has answers: its questions and options keep their meaning."""


class PollPublished(StudioError):
    """Already published: publishing again changes nothing."""


class PublishedLocked(StudioError):
    """Published: questions and options only change in a concept, so a published poll always
    meets the publish rules. A poll that has not opened yet can go back to concept."""


class NotPublished(StudioError):
    """Only a published, open poll can be closed early."""


class TooManyQuestions(StudioError):
    pass


class TooManyChoices(StudioError):
    pass


class EmptyText(StudioError):
    pass


class PollNotOpen(StudioError):
    pass


class AlreadyOpened(StudioError):
    """Back to concept is only possible before the poll opens."""


class DeletePublished(StudioError):
    """Only a concept can be deleted; a published poll goes back to concept first (if it has
    not opened yet)."""


class DeleteUsed(StudioError):
    """A concept that has answers or invitations (it was open once) stays: people took part."""


@dataclass(frozen=True)
class Problem:
    """One reason a poll cannot be published; `code` picks the Dutch message in the view."""

    code: str
    question: int | None = None  # the question's number (1-based), when it is about one
    count: int | None = None


class PublishRefused(StudioError):
    """Every problem at once, so the editor can list them all."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__(", ".join(p.code for p in problems))
        self.problems = problems


# Helpers -----------------------------------------------------------------------------------


def has_answers(poll: Poll) -> bool:
    return Participation.objects.filter(poll=poll).exists()


def locked_poll(poll_id: int) -> Poll:
    """The poll, locked for a change. Every studio change goes through here, bulk writes to
    questions and choices included (which send no model signals), so the vote path's poll
    cache is told here."""
    poll = Poll.objects.select_for_update().get(pk=poll_id)
    poll_cache.invalidate(poll_id)
    return poll


def check_unlocked(poll: Poll) -> None:
    if has_answers(poll):
        raise PollLocked
    if poll.is_published:
        raise PublishedLocked


# Checks and publishing ---------------------------------------------------------------------


def _settings_problems(
    *, opens_at: datetime, closes_at: datetime, audience: str, wijken: list, now: datetime
) -> list[Problem]:
    problems = []
    if closes_at <= opens_at:
        problems.append(Problem("close_before_open"))
    if opens_at < now - OPEN_GRACE:
        problems.append(Problem("opens_in_past"))
    if closes_at <= now:
        problems.append(Problem("closes_in_past"))
    if audience == Audience.WIJKEN and not wijken:
        problems.append(Problem("empty_audience"))
    return problems


def poll_problems(poll: Poll, *, now: datetime | None = None) -> list[Problem]:
    """Every reason this poll cannot be published now; empty when it can."""
    now = now or timezone.now()
    problems = []
    questions = list(poll.questions.order_by("order").prefetch_related("choices"))
    if not questions:
        problems.append(Problem("no_questions"))
    for number, question in enumerate(questions, 1):
        options = len(question.choices.all())
        if question.kind in CHOICE_KINDS and options < 2:
            problems.append(Problem("too_few_options", question=number, count=options))
        if (
            question.kind == QuestionKind.MULTIPLE
            and question.max_choices
            and question.max_choices > options
        ):
            problems.append(Problem("max_above_options", question=number, count=options))
    problems += _settings_problems(
        opens_at=poll.opens_at,
        closes_at=poll.closes_at,
        audience=poll.audience,
        wijken=list(poll.wijken.all()),
        now=now,
    )
    return problems


def publish_poll(*, poll_id: int, open_now: bool = False, now: datetime | None = None) -> Poll:
    """Check and publish. Refused with every problem at once, changing nothing.

    open_now: open the poll at once instead of at its opening time ("a poll in a minute").

    An open poll's invitations go out through the task queue after the commit; a scheduled
    one's at its opening time (the task runs then when the queue can wait, and the
    `send_poll_invitations` timer catches it otherwise).
    """
    with transaction.atomic():
        poll = locked_poll(poll_id)
        if poll.is_published:
            raise PollPublished
        now = now or timezone.now()
        if open_now:
            poll.opens_at = now  # not saved unless every check passes
        problems = poll_problems(poll, now=now)
        if problems:
            raise PublishRefused(problems)
        poll.published_at = now
        if poll.opens_at < now:
            poll.opens_at = now  # opened within the grace: it opens now, as shown
        poll.save(update_fields=["published_at", "opens_at"])
        transaction.on_commit(partial(_enqueue_invitations, poll.pk, poll.opens_at))
        transaction.on_commit(partial(broadcast_poll_update, poll.pk))
    return poll


def _enqueue_invitations(poll_id: int, opens_at: datetime) -> None:
    if opens_at <= timezone.now():
        send_poll_invitations.enqueue(poll_id=poll_id)
    elif send_poll_invitations.get_backend().supports_defer:
        send_poll_invitations.using(run_after=opens_at).enqueue(poll_id=poll_id)
    # otherwise the send_poll_invitations timer sends them once the poll is open


def unpublish_poll(*, poll_id: int, now: datetime | None = None) -> Poll:
    """Back to concept, only before the poll opens (nobody was invited or answered yet)."""
    with transaction.atomic():
        poll = locked_poll(poll_id)
        status = poll.status_at(now or timezone.now())
        if status == PollStatus.DRAFT:
            raise NotPublished
        if status != PollStatus.SCHEDULED or has_answers(poll):
            raise AlreadyOpened
        poll.published_at = None
        poll.save(update_fields=["published_at"])
        transaction.on_commit(partial(broadcast_poll_update, poll.pk))
    return poll


def close_poll_early(*, poll_id: int, now: datetime | None = None) -> Poll:
    """Close an open poll now. Answers stay; nobody can answer any more."""
    with transaction.atomic():
        poll = locked_poll(poll_id)
        now = now or timezone.now()
        status = poll.status_at(now)
        if status == PollStatus.DRAFT:
            raise NotPublished
        if status != PollStatus.OPEN:
            raise PollNotOpen
        poll.closes_at = max(now, poll.opens_at + timedelta(seconds=1))
        poll.save(update_fields=["closes_at"])
        transaction.on_commit(partial(broadcast_poll_update, poll.pk))
    return poll


def deletion_refusal(poll: Poll) -> StudioError | None:
    """Why this poll cannot be deleted, or None when it is a concept nobody ever saw."""
    if poll.is_published:
        return DeletePublished()
    if (
        poll.invitations_sent_at is not None
        or has_answers(poll)
        or PollInvitation.objects.filter(poll=poll).exists()
    ):
        return DeleteUsed()
    return None


def delete_concept(*, poll_id: int) -> None:
    """Delete a concept with its questions and options, for good.

    Checked under the poll's row lock, as publishing is, so a parallel publish and delete
    cannot both win: whichever locks second finds a published poll or no poll at all.
    A repeat of this concept is relinked to what this concept repeated (or stands alone), so
    a series of rounds stays one series without the deleted concept in it.
    """
    with transaction.atomic():
        poll = locked_poll(poll_id)
        refusal = deletion_refusal(poll)
        if refusal is not None:
            raise refusal
        repeats = list(Poll.objects.filter(repeat_of=poll).values_list("pk", flat=True))
        Poll.objects.filter(pk__in=repeats).update(repeat_of=poll.repeat_of_id)
        for repeat_id in repeats:  # update() sends no signal to the poll cache
            poll_cache.invalidate(repeat_id)
        poll.delete()

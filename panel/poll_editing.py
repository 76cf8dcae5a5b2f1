"""Making and changing polls in the werkgroep's poll studio, as services: the settings, the
questions and their answer options (inline, reordered), and a repeat of an earlier poll.

A concept may change freely. Once a poll is published (panel.publishing) its questions and
options are fixed, so a published poll always meets the publish rules; once it has answers
anonymity is fixed too. Texts may always be corrected: the meaning stays the same.
"""

from collections.abc import Iterable
from datetime import datetime, timedelta
from functools import partial

from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from panel.events import broadcast_poll_update
from panel.models import (
    Audience,
    Choice,
    Poll,
    PollStatus,
    Question,
    QuestionKind,
    ResultsVisibility,
)
from panel.publishing import (
    OPEN_GRACE,
    EmptyText,
    PollLocked,
    Problem,
    PublishRefused,
    TooManyChoices,
    TooManyQuestions,
    check_unlocked,
    has_answers,
    locked_poll,
)

MAX_QUESTIONS = 5
MAX_CHOICES = 12
DEFAULT_OPEN_DAYS = 14
# The five standard options of a 1-5 scale question: value, words, face.
SCALE_OPTIONS = [
    (1, "Heel slecht", "😞"),
    (2, "Slecht", "😟"),
    (3, "Gaat wel", "😐"),
    (4, "Goed", "😊"),
    (5, "Heel goed", "😄"),
]


def _clean(text: str, limit: int) -> str:
    text = " ".join(text.split())
    if not text:
        raise EmptyText
    return text[:limit]


def _renumber[Row: (Question, Choice)](rows: list[Row], model: type[Row]) -> None:
    """Store a new order without tripping the unique (parent, order) constraint midway."""
    offset = 1000
    for i, row in enumerate(rows, 1):
        row.order = offset + i
    model.objects.bulk_update(rows, ["order"])
    for i, row in enumerate(rows, 1):
        row.order = i
    model.objects.bulk_update(rows, ["order"])


def _move[Row: (Question, Choice)](rows: list[Row], pk: int, step: int, model: type[Row]) -> None:
    index = next((i for i, row in enumerate(rows) if row.pk == pk), None)
    if index is None:
        raise model.DoesNotExist
    target = index + step
    if 0 <= target < len(rows):
        rows[index], rows[target] = rows[target], rows[index]
        _renumber(rows, model)


# Poll settings -----------------------------------------------------------------------------


@transaction.atomic
def create_poll(*, title: str, intro: str = "", now: datetime | None = None) -> Poll:
    """A new concept, open from tomorrow morning for two weeks until someone changes that."""
    now = now or timezone.now()
    opens = (now + timedelta(days=1)).replace(hour=9, minute=0, second=0, microsecond=0)
    return Poll.objects.create(
        title=_clean(title, 200),
        intro=intro.strip(),
        opens_at=opens,
        closes_at=opens + timedelta(days=DEFAULT_OPEN_DAYS),
    )


@transaction.atomic
def update_poll(
    *,
    poll_id: int,
    title: str,
    intro: str,
    opens_at: datetime,
    closes_at: datetime,
    audience: str,
    wijken: Iterable,
    anonymous: bool,
    results_visibility: str,
) -> Poll:
    """Change the settings. With answers, anonymity is fixed (answers were stored that way)."""
    poll = locked_poll(poll_id)
    if anonymous != poll.anonymous and has_answers(poll):
        raise PollLocked
    wijken = list(wijken)
    problems = []
    if closes_at <= opens_at:
        problems.append(Problem("close_before_open"))
    if audience == Audience.WIJKEN and not wijken:
        problems.append(Problem("empty_audience"))
    if poll.is_published:  # a published poll keeps meeting the publish rules
        now = timezone.now()
        if opens_at != poll.opens_at:
            if poll.status_at(now) != PollStatus.SCHEDULED:
                problems.append(Problem("opening_fixed"))
            elif opens_at < now - OPEN_GRACE:
                problems.append(Problem("opens_in_past"))
        if closes_at != poll.closes_at and closes_at <= now:
            problems.append(Problem("closes_in_past"))
    if problems:
        raise PublishRefused(problems)
    poll.title = _clean(title, 200)
    poll.intro = intro.strip()
    poll.opens_at, poll.closes_at = opens_at, closes_at
    poll.audience = audience if audience in Audience.values else Audience.ALL
    poll.anonymous = anonymous
    poll.results_visibility = (
        results_visibility
        if results_visibility in ResultsVisibility.values
        else ResultsVisibility.AFTER_ANSWER
    )
    poll.save()
    poll.wijken.set(list(wijken) if poll.audience == Audience.WIJKEN else [])
    if poll.is_published:
        transaction.on_commit(partial(broadcast_poll_update, poll.pk))
    return poll


# Questions and options ---------------------------------------------------------------------


@transaction.atomic
def add_question(
    *, poll_id: int, kind: str, text: str, max_choices: int | None = None, wellbeing: bool = False
) -> Question:
    """Add a question at the end; a scale question gets the five standard options at once."""
    poll = locked_poll(poll_id)
    check_unlocked(poll)
    if kind not in QuestionKind.values:
        raise ValueError(f"unknown kind {kind!r}")
    count = poll.questions.count()
    if count >= MAX_QUESTIONS:
        raise TooManyQuestions
    question = Question.objects.create(
        poll=poll,
        order=count + 1,
        kind=kind,
        text=_clean(text, 300),
        max_choices=max_choices if kind == QuestionKind.MULTIPLE and max_choices else None,
        # Only a scale has a lowest one or two points to offer help after (panel.services.help).
        wellbeing=bool(wellbeing) and kind == QuestionKind.SCALE,
    )
    if kind == QuestionKind.SCALE:
        Choice.objects.bulk_create(
            Choice(question=question, order=value, text=words, value=value, face=face)
            for value, words, face in SCALE_OPTIONS
        )
    return question


@transaction.atomic
def update_question(
    *,
    question_id: int,
    text: str,
    max_choices: int | None = None,
    choice_texts: dict[int, str] | None = None,
    wellbeing: bool | None = None,
) -> Question:
    """Correct texts (always allowed) and the maximum of a multiple-choice question (only
    without answers)."""
    question = Question.objects.select_related("poll").get(pk=question_id)
    poll = locked_poll(question.poll_id)
    question.text = _clean(text, 300)
    new_max = max_choices if question.kind == QuestionKind.MULTIPLE and max_choices else None
    if new_max != question.max_choices:
        check_unlocked(poll)
        question.max_choices = new_max
    if wellbeing is not None and question.kind == QuestionKind.SCALE:
        question.wellbeing = wellbeing  # offers help, does not change what answers mean
    question.save(update_fields=["text", "max_choices", "wellbeing"])
    if choice_texts:
        choices = list(question.choices.filter(pk__in=choice_texts))
        for choice in choices:
            choice.text = _clean(choice_texts[choice.pk], 200)
        Choice.objects.bulk_update(choices, ["text"])
    return question


@transaction.atomic
def delete_question(*, question_id: int) -> None:
    question = Question.objects.get(pk=question_id)
    poll = locked_poll(question.poll_id)
    check_unlocked(poll)
    question.delete()
    _renumber(list(poll.questions.order_by("order")), Question)


@transaction.atomic
def move_question(*, question_id: int, step: int) -> None:
    question = Question.objects.get(pk=question_id)
    poll = locked_poll(question.poll_id)
    check_unlocked(poll)
    _move(list(poll.questions.order_by("order")), question.pk, step, Question)


@transaction.atomic
def add_choice(*, question_id: int, text: str) -> Choice:
    question = Question.objects.get(pk=question_id)
    poll = locked_poll(question.poll_id)
    check_unlocked(poll)
    if question.kind == QuestionKind.TEXT:
        raise ValueError("a text question has no options")
    count = question.choices.count()
    if count >= MAX_CHOICES or question.kind == QuestionKind.SCALE and count >= 5:
        raise TooManyChoices
    last = question.choices.aggregate(n=Max("order"))["n"] or 0
    value = count + 1 if question.kind == QuestionKind.SCALE else None
    return Choice.objects.create(
        question=question, order=last + 1, text=_clean(text, 200), value=value
    )


@transaction.atomic
def delete_choice(*, choice_id: int) -> None:
    choice = Choice.objects.select_related("question").get(pk=choice_id)
    poll = locked_poll(choice.question.poll_id)
    check_unlocked(poll)
    question = choice.question
    choice.delete()
    _renumber(list(question.choices.order_by("order")), Choice)


@transaction.atomic
def move_choice(*, choice_id: int, step: int) -> None:
    choice = Choice.objects.select_related("question").get(pk=choice_id)
    poll = locked_poll(choice.question.poll_id)
    check_unlocked(poll)
    _move(list(choice.question.choices.order_by("order")), choice.pk, step, Choice)


@transaction.atomic
def repeat_poll(*, poll_id: int, now: datetime | None = None) -> Poll:
    """A concept copy with the same questions and options, linked to the original, so the
    answers can be compared over time."""
    original = Poll.objects.prefetch_related("questions__choices", "wijken").get(pk=poll_id)
    copy = create_poll(title=original.title, intro=original.intro, now=now)
    copy.audience = original.audience
    copy.anonymous = original.anonymous
    copy.results_visibility = original.results_visibility
    copy.repeat_of = original
    copy.save(update_fields=["audience", "anonymous", "results_visibility", "repeat_of"])
    copy.wijken.set(original.wijken.all())
    for question in original.questions.all():
        new_question = Question.objects.create(
            poll=copy,
            order=question.order,
            text=question.text,
            kind=question.kind,
            max_choices=question.max_choices,
            vraaggebied_id=question.vraaggebied_id,
        )
        Choice.objects.bulk_create(
            Choice(
                question=new_question,
                order=choice.order,
                text=choice.text,
                value=choice.value,
                face=choice.face,
            )
            for choice in question.choices.all()
        )
    return copy

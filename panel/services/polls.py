"""Writes for flash polls: a vote (all answers in one transaction), moderation of free text,
and recounting the result counters."""

import json
from collections import Counter
from collections.abc import Sequence
from contextlib import nullcontext
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import cache, partial

from django.db import IntegrityError, connection, transaction
from django.db.models import prefetch_related_objects
from django.utils import timezone

from accounts.models import User
from panel import events, tallies
from panel.access import check_poll_open_for
from panel.exceptions import AlreadyVoted, InvalidAnswer
from panel.models import (
    TEXT_ANSWER_MAX,
    Answer,
    ModerationStatus,
    PanelMember,
    Participation,
    Poll,
    Question,
    QuestionKind,
    ResultTally,
)
from panel.personal_data import redact


@dataclass(frozen=True)
class AnswerInput:
    """One answer as typed or clicked: choice ids for choice questions, text for free text."""

    question_id: int
    choice_ids: tuple[int, ...] = field(default=())
    text: str = ""


def clean_text(text: str) -> str:
    """Plain text only: strip control characters (but keep line breaks) and outer space."""
    return "".join(ch for ch in text if ch in "\n\t" or ch.isprintable()).strip()


def validate_answer(question: Question, answer: AnswerInput) -> AnswerInput:
    """Check one answer against its question; raises InvalidAnswer for anything forged."""
    valid_ids = {c.pk for c in question.choices.all()}
    if question.kind == QuestionKind.TEXT:
        text = clean_text(answer.text)
        if answer.choice_ids or len(text) > TEXT_ANSWER_MAX:
            raise InvalidAnswer
        return AnswerInput(question_id=question.pk, text=text)
    ids = tuple(dict.fromkeys(answer.choice_ids))
    if not ids or not set(ids) <= valid_ids or answer.text:
        raise InvalidAnswer
    if question.kind in (QuestionKind.SINGLE, QuestionKind.SCALE) and len(ids) != 1:
        raise InvalidAnswer
    if (
        question.kind == QuestionKind.MULTIPLE
        and question.max_choices
        and len(ids) > question.max_choices
    ):
        raise InvalidAnswer
    return AnswerInput(question_id=question.pk, choice_ids=ids)


def cast_vote(*, member: PanelMember, poll: Poll, answers: Sequence[AnswerInput]) -> Participation:
    """Store one complete response in one transaction, or nothing at all.

    Checks that the poll is open for this member (access.check_poll_open_for) itself, so
    callers need not check first; a second response raises AlreadyVoted."""
    check_poll_open_for(member=member, poll=poll)
    # Reuses questions and choices the caller already prefetched on `poll` (the review view does).
    prefetch_related_objects([poll], "questions__choices")
    questions = {q.pk: q for q in poll.questions.all()}
    given = {a.question_id: a for a in answers}
    if not set(given) <= set(questions):
        raise InvalidAnswer
    cleaned: list[AnswerInput] = []
    for question in questions.values():
        answer = given.get(question.pk)
        if answer is None:
            if question.kind == QuestionKind.TEXT:
                continue  # free text may stay empty
            raise InvalidAnswer
        answer = validate_answer(question, answer)
        if question.kind == QuestionKind.TEXT and not answer.text:
            continue
        cleaned.append(answer)
    snapshot = {
        "wijk_id": member.wijk_id,
        "age_band": member.age_band,
        "relation": member.relation,
        "works": member.works,
        "care_hours": member.care_hours,
        "member": None if poll.anonymous else member,
    }
    rows = []
    for answer in cleaned:
        if answer.text:
            rows.append(
                Answer(
                    question_id=answer.question_id,
                    text=answer.text,
                    status=ModerationStatus.PENDING,
                    **snapshot,
                )
            )
        else:
            rows.extend(
                Answer(question_id=answer.question_id, choice_id=cid, **snapshot)
                for cid in answer.choice_ids
            )
    keys = tallies.vote_keys(
        snapshot,
        [(answer.question_id, choice_id) for answer in cleaned for choice_id in answer.choice_ids],
    )
    try:
        if connection.vendor == "postgresql":
            participation = _store_in_one_statement(member, poll, rows, keys)
        else:
            participation = _store(member, poll, rows, keys)
    except IntegrityError:  # voted before, a double click or a parallel request won the race:
        raise AlreadyVoted from None  # the unique constraint is the check (no extra SELECT)
    transaction.on_commit(partial(events.broadcast_poll_update, poll.pk))
    return participation


def _store(
    member: PanelMember, poll: Poll, rows: list[Answer], keys: Counter[tallies.TallyKey]
) -> Participation:
    """Participation, answers and counters in one transaction, statement by statement."""
    with transaction.atomic():
        participation = Participation.objects.create(member=member, poll=poll)
        Answer.objects.bulk_create(rows)
        # Last, so the counter rows stay locked only until the commit right after.
        tallies.add(poll.pk, keys)
    return participation


def _store_in_one_statement(
    member: PanelMember, poll: Poll, rows: list[Answer], keys: Counter[tallies.TallyKey]
) -> Participation:
    """The same writes as _store in one statement (PostgreSQL data-modifying CTEs): one round
    trip, and outside a transaction no BEGIN and COMMIT either (a statement is atomic by
    itself). The unique constraint on participations still fails the whole statement, so a
    second vote stores nothing; the counter upsert keeps its sorted order.

    Answers and counter keys go in as two JSON arrays, so the SQL text is the same for every
    vote: psycopg converts it once and quotes two strings, instead of quoting every value
    (~220 for a four-question poll) into a statement of its own each time."""
    fields = [f for f in Answer._meta.concrete_fields if not f.primary_key]
    answers = [
        {f.column: f.get_db_prep_save(f.pre_save(row, True), connection) for f in fields}
        for row in rows
    ]
    tally_sql, tally_params = tallies.add_statement_from_json(poll.pk, keys)
    params = [member.pk, poll.pk, json.dumps(answers, default=_json_value), *tally_params]
    # Inside a caller's transaction, a savepoint keeps a refused vote from spoiling it.
    with (
        transaction.atomic() if connection.in_atomic_block else nullcontext(),
        connection.cursor() as cursor,
    ):
        cursor.execute(_one_statement_sql(tally_sql), params)
        (participation_id,) = cursor.fetchone()
    return Participation(pk=participation_id, member=member, poll=poll)


@cache
def _one_statement_sql(tally_sql: str) -> str:
    """The vote's statement (the same text every time; built once per process)."""
    participations, answers = Participation._meta.db_table, Answer._meta.db_table
    columns = ", ".join(
        column
        for f in Answer._meta.concrete_fields
        if not f.primary_key and (column := f.column) is not None  # concrete: always a column
    )
    return (
        f"WITH participation AS (INSERT INTO {participations} (member_id, poll_id) "
        "VALUES (%s, %s) RETURNING id), "
        f"answers AS (INSERT INTO {answers} ({columns}) "
        f"SELECT {columns} FROM json_populate_recordset(NULL::{answers}, %s)), "
        f"counters AS ({tally_sql}) "
        "SELECT id FROM participation"
    )


def _json_value(value: object) -> str:
    """The JSON form of a value json.dumps cannot write itself (PostgreSQL reads ISO dates)."""
    if isinstance(value, datetime | date):
        return value.isoformat()
    raise TypeError(f"No JSON form for {type(value).__name__} in a stored answer")


def recount_results(*, poll_id: int) -> None:
    """Rebuild a poll's result counters from its stored votes (after loading votes in bulk)."""
    with transaction.atomic():
        Poll.objects.select_for_update().get(pk=poll_id)
        tallies.rebuild(
            [poll_id], Participation=Participation, Answer=Answer, ResultTally=ResultTally
        )


@transaction.atomic
def moderate_answer(*, answer_id: int, approve: bool, reason: str, by: User) -> Answer:
    answer = Answer.objects.select_for_update().get(pk=answer_id, choice__isnull=True)
    answer.status = ModerationStatus.APPROVED if approve else ModerationStatus.HIDDEN
    answer.hidden_reason = "" if approve else reason.strip()[:300]
    answer.moderated_by = by
    answer.moderated_at = timezone.now()
    answer.save(update_fields=["status", "hidden_reason", "moderated_by", "moderated_at"])
    return answer


@transaction.atomic
def withdraw_answer(*, member: PanelMember, answer_id: int) -> None:
    """A member takes back a free-text answer they wrote in a poll on their name: it is deleted.
    Answers in anonymous polls are on nobody's name, so nobody can withdraw them."""
    answer = Answer.objects.select_for_update().get(
        pk=answer_id, member=member, choice__isnull=True
    )
    poll_id = answer.question.poll_id
    answer.delete()
    transaction.on_commit(partial(events.broadcast_poll_update, poll_id=poll_id))


@transaction.atomic
def redact_answer(*, answer_id: int, parts: Sequence[str], by: User) -> Answer:
    """Black out parts of a free-text answer. The original is not kept anywhere: the answer's
    text is overwritten, there is no history table."""
    answer = Answer.objects.select_for_update().get(pk=answer_id, choice__isnull=True)
    redacted = redact(answer.text, parts=parts)
    if redacted != answer.text:
        answer.text = redacted
        answer.moderated_by = by
        answer.moderated_at = timezone.now()
        answer.save(update_fields=["text", "moderated_by", "moderated_at"])
    return answer


@transaction.atomic
def undo_moderation(*, answer_id: int, by: User) -> Answer:
    """Take back an approval or a hiding: the answer waits for a decision again. (Blacked-out
    text stays blacked out: the original is gone.)"""
    answer = Answer.objects.select_for_update().get(pk=answer_id, choice__isnull=True)
    answer.status = ModerationStatus.PENDING
    answer.hidden_reason = ""
    answer.moderated_by = by
    answer.moderated_at = timezone.now()
    answer.save(update_fields=["status", "hidden_reason", "moderated_by", "moderated_at"])
    transaction.on_commit(partial(events.broadcast_poll_update, poll_id=answer.question.poll_id))
    return answer

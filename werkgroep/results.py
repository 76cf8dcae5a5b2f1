"""Reads of poll results for the werkgroep: the results page with a suppressed breakdown per
choice question, the moderation queue, the question list for evidence, and the numbers the
live dashboard shows. Every breakdown is suppressed here, so no template or export can show
a small cell by mistake. Groups are keyed by id (panel.breakdown) and named only here, where
the table for display is made."""

from dataclasses import dataclass
from typing import TypedDict

from panel import breakdown
from panel import selectors as panel_selectors
from panel.breakdown import Group
from panel.models import ModerationStatus, PollStatus, QuestionKind
from panel.records import (
    ChoiceResult,
    PersonalDataFinding,
    PollResults,
    PollSummary,
    QuestionResult,
)
from werkgroep.suppression import SuppressedTable, suppress

CHOICE_KINDS = (QuestionKind.SINGLE, QuestionKind.MULTIPLE, QuestionKind.SCALE)


def suppressed_breakdown(
    *, question: QuestionResult, dimension: str, groups: list[Group] | None = None
) -> SuppressedTable:
    """One question broken down by one dimension (panel.breakdown), suppressed.

    Every group of the dimension gets a row, also an empty one: leaving a group out would
    show that nobody in it answered. Unknown comes last, when anyone is in it.
    """
    groups = breakdown.groups(dimension) if groups is None else groups
    raw = panel_selectors.breakdown_counts(question_id=question.id, dimension=dimension)
    keys = [g.key for g in groups]
    for key, _choice in raw:
        if key not in keys:
            keys.append(key)  # unknown, at the end
    counts = [[raw.get((key, c.id), 0) for c in question.choices] for key in keys]
    return suppress(
        row_labels=[breakdown.label_for(key, groups) for key in keys],
        column_labels=[c.text for c in question.choices],
        counts=counts,
        rows_are_sums=question.kind != QuestionKind.MULTIPLE,
    )


@dataclass(frozen=True)
class QuestionPage:
    """One question on the werkgroep results page: the overall result plus, for a choice
    question, its suppressed breakdown; for a text question only approved texts are shown
    and pending ones only as a number."""

    question: QuestionResult
    breakdown: SuppressedTable | None = None
    max_count: int = 0  # the largest choice count (people), for the bar chart's scale
    approved_texts: tuple[str, ...] = ()
    pending: int = 0  # free-text answers waiting for moderation

    @property
    def id(self) -> int:
        return self.question.id

    @property
    def text(self) -> str:
        return self.question.text

    @property
    def kind(self) -> str:
        return self.question.kind

    @property
    def total(self) -> int:
        return self.question.total

    @property
    def choices(self) -> tuple[ChoiceResult, ...]:
        return self.question.choices


@dataclass(frozen=True)
class ResultsPage:
    poll: PollSummary
    respondents: int  # people who answered the poll
    questions: tuple[QuestionPage, ...]


def results_page(*, poll_id: int, dimension: str) -> ResultsPage:
    """Overall results, one suppressed breakdown per choice question, approved free text."""
    results = panel_selectors.poll_results(poll_id=poll_id)
    groups = breakdown.groups(dimension)
    questions = []
    for q in results.questions:
        if q.kind in CHOICE_KINDS:
            questions.append(
                QuestionPage(
                    question=q,
                    breakdown=suppressed_breakdown(question=q, dimension=dimension, groups=groups),
                    max_count=max((c.count for c in q.choices), default=0),
                )
            )
        else:
            questions.append(
                QuestionPage(
                    question=q,
                    approved_texts=tuple(
                        a.text
                        for a in panel_selectors.free_text_answers(
                            question_id=q.id, status=ModerationStatus.APPROVED
                        )
                    ),
                    pending=len(
                        panel_selectors.free_text_answers(
                            question_id=q.id, status=ModerationStatus.PENDING
                        )
                    ),
                )
            )
    return ResultsPage(
        poll=results.poll, respondents=results.respondents, questions=tuple(questions)
    )


@dataclass(frozen=True)
class ModerationItem:
    id: int  # the answer's id
    question: str  # the question's text
    text: str  # the answer as typed, or as blacked out (plain text; escaped when shown)
    status: str = ModerationStatus.PENDING
    reason: str = ""  # why it was hidden
    findings: tuple[PersonalDataFinding, ...] = ()  # what may tell who someone is


@dataclass(frozen=True)
class ModerationQueue:
    poll: PollSummary
    items: tuple[ModerationItem, ...]


def moderation_queue(
    *, poll_id: int, statuses: tuple[str, ...] = (ModerationStatus.PENDING,)
) -> ModerationQueue:
    """Free-text answers of the poll that wait for moderation (or, with statuses, those
    already approved or hidden), per question in order, with what the scan found that may
    tell who someone is."""
    results: PollResults = panel_selectors.poll_results(poll_id=poll_id)
    return ModerationQueue(
        poll=results.poll,
        items=tuple(
            ModerationItem(
                id=flagged.answer.id,
                question=q.text,
                text=flagged.answer.text,
                status=flagged.answer.status,
                reason=flagged.answer.reason,
                findings=flagged.findings,
            )
            for status in statuses
            for q in results.questions
            if q.kind == QuestionKind.TEXT
            for flagged in panel_selectors.free_text_with_findings(question_id=q.id, status=status)
        ),
    )


def decided_free_text(*, poll_id: int) -> ModerationQueue:
    """Approved and hidden answers, so a decision can be undone."""
    return moderation_queue(
        poll_id=poll_id, statuses=(ModerationStatus.APPROVED, ModerationStatus.HIDDEN)
    )


def choice_questions() -> list[tuple[int, str]]:
    """(question id, "poll title: question text") of every choice question, newest poll first:
    what an action point can cite as evidence."""
    out = []
    for poll in panel_selectors.polls_overview():
        for q in panel_selectors.poll_results(poll_id=poll.id).questions:
            if q.kind != QuestionKind.TEXT:
                out.append((q.id, f"{poll.title}: {q.text}"))
    return out


class LivePoll(TypedDict):
    """What the live dashboard receives per open poll (JSON): counts only, never answer texts."""

    id: int
    responses: int  # people who answered
    audience_size: int  # people the poll is for
    response_rate: float  # responses / audience_size, a fraction 0..1


def open_polls_live() -> list[LivePoll]:
    return [
        LivePoll(
            id=p.id,
            responses=p.responses,
            audience_size=p.audience_size,
            response_rate=p.response_rate,
        )
        for p in panel_selectors.polls_overview()
        if p.status == PollStatus.OPEN
    ]

"""Sharper evidence for an action point: cite one answer of one poll question (with its share),
one answer's trend across repeated polls, or one referral figure. Each citation stores the
figure as it was when cited, with the date, so the action point says what it rested on then.

Small cells: a cited number below 5 is shown as "<5" and then without a share (a share and
the total would give the number back)."""

from __future__ import annotations

from datetime import date

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from panel import indicators as panel_indicators
from panel import selectors as panel_selectors
from panel.records import ChoiceResult, PollResults, QuestionResult
from sociale_kaart.models import Vraaggebied
from training import indicators as training_indicators
from werkgroep import trends
from werkgroep.models import ActionPoint, Evidence, EvidenceKind
from werkgroep.suppression import SMALL, THRESHOLD

CHOICE_KINDS = ("single", "multiple", "scale")


class CitationError(ValueError):
    """The cited poll, question, answer or series does not exist (any more)."""


def _shown(count: int) -> str:
    return SMALL if count < THRESHOLD else str(count)


def _share(count: int, total: int) -> float | None:
    return round(100 * count / total, 1) if total else None


# Choices for the forms ---------------------------------------------------------------------


def answer_options() -> list[tuple[int, str]]:
    """(choice id, "Poll: question: answer") for every answer of every choice question."""
    return [
        (c.choice_id, f"{c.poll_title}: {c.question_text}: {c.text}")
        for c in panel_indicators.choice_labels()
    ]


def trend_options() -> list[tuple[str, str]]:
    """("series id:choice id", label) for the answers of the latest round of every series."""
    latest = {s.rounds[-1].id: s for s in trends.repeated_series()}
    if not latest:
        return []
    return [
        (
            f"{latest[c.poll_id].root_id}:{c.choice_id}",
            _("{series} ({n} rondes): {question}: {answer}").format(
                series=latest[c.poll_id].title,
                n=len(latest[c.poll_id].rounds),
                question=c.question_text,
                answer=c.text,
            ),
        )
        for c in panel_indicators.choice_labels(poll_ids=list(latest))
    ]


# Writes ------------------------------------------------------------------------------------


def _question_of(choice_id: int) -> tuple[PollResults, QuestionResult, ChoiceResult]:
    """(poll results, question, choice) for a choice id, from the counters."""
    location = panel_indicators.choice_location(choice_id=choice_id)
    if location is None:
        raise CitationError
    poll_id, question_id = location
    results = panel_selectors.poll_results(poll_id=poll_id)
    question = next(q for q in results.questions if q.id == question_id)
    choice = next(c for c in question.choices if c.id == choice_id)
    return results, question, choice


@transaction.atomic
def cite_answer(*, action_point: ActionPoint, choice_id: int, note: str = "") -> Evidence:
    """Cite one answer of one question: how many chose it, of how many, on which day."""
    results, question, choice = _question_of(choice_id)
    return Evidence.objects.create(
        action_point=action_point,
        kind=EvidenceKind.POLL_QUESTION,
        question_id=question.id,
        choice_id=choice_id,
        note=note.strip(),
        taken_at=timezone.now(),
        taken_count=choice.count,
        taken_total=question.total,
        taken_share=_share(choice.count, question.total),
        taken_text=f"{results.poll.title}: {question.text}: {choice.text}",
    )


@transaction.atomic
def cite_trend(
    *, action_point: ActionPoint, root_poll_id: int, choice_id: int, note: str = ""
) -> Evidence:
    """Cite one answer's share over the rounds of a repeated poll, as it is today."""
    result = trends.trend(root_id=root_poll_id)
    if result is None or not result.rounds:
        raise CitationError
    results, question, choice = _question_of(choice_id)
    if results.poll.id != result.rounds[-1].poll_id:
        raise CitationError
    item = next((q for q in result.questions if q.order == question.order), None)
    if item is None or not item.comparable:
        raise CitationError
    index = next(i for i, c in enumerate(question.choices) if c.id == choice_id)
    trend_choice = item.choices[index]
    steps = []
    for r, count, total, share in zip(
        result.rounds, trend_choice.counts, item.totals, trend_choice.shares, strict=True
    ):
        shown = (
            f"{share:g}%".replace(".", ",") if count >= THRESHOLD and share is not None else SMALL
        )
        steps.append(f"{shown} ({r.label}, {total})")
    return Evidence.objects.create(
        action_point=action_point,
        kind=EvidenceKind.TREND,
        trend_poll_id=root_poll_id,
        question_id=question.id,
        choice_id=choice_id,
        note=note.strip(),
        taken_at=timezone.now(),
        taken_count=trend_choice.counts[-1],
        taken_total=item.totals[-1],
        taken_share=trend_choice.shares[-1],
        taken_text=_("{series}: {question}: “{answer}”: {steps}").format(
            series=result.title,
            question=item.text,
            answer=trend_choice.text,
            steps=" → ".join(steps),
        ),
    )


@transaction.atomic
def cite_referrals(
    *,
    action_point: ActionPoint,
    vraaggebied: Vraaggebied | None = None,
    date_from: date | None = None,
    date_to: date | None = None,
    note: str = "",
) -> Evidence:
    """Cite one referral figure: the number of referrals (for a vraaggebied) in a period."""
    start = date_from or date(2000, 1, 1)
    end = date_to or timezone.localdate()
    groups = training_indicators.referrals_by(dimension="vraaggebied", start=start, end=end)
    if vraaggebied is not None:
        count = sum(g.total for g in groups if g.key == vraaggebied.code)
        warm = sum(g.warm for g in groups if g.key == vraaggebied.code)
    else:
        per_day = training_indicators.referrals_per_day(start=start, end=end)
        count = sum(d.total for d in per_day.values())
        warm = sum(d.warm for d in per_day.values())
    return Evidence.objects.create(
        action_point=action_point,
        kind=EvidenceKind.REFERRALS,
        referral_vraaggebied=vraaggebied,
        referral_from=date_from,
        referral_to=date_to,
        note=note.strip(),
        taken_at=timezone.now(),
        taken_count=count,
        taken_total=None,
        taken_share=_share(warm, count),
        taken_text=vraaggebied.name if vraaggebied is not None else "",
    )

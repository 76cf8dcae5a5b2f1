"""The result of a follow-up poll ("Vraag mantelzorgers of het helpt") for /wij-deden/: only
once the poll is published and closed, and suppressed like every other figure there."""

from django.utils import timezone

from panel import selectors as panel_selectors
from panel.models import PollStatus
from werkgroep.models import ActionPoint
from werkgroep.results import CHOICE_KINDS
from werkgroep.suppression import SMALL, THRESHOLD


def small_count(n: int) -> str:
    return SMALL if n < THRESHOLD else str(n)


def follow_up_result(point: ActionPoint) -> dict | None:
    """The newest closed, published follow-up poll of an action point: its first choice
    question, suppressed (counts under 5 show "<5", no split-up below 5 respondents)."""
    now = timezone.now()
    follow_up = next(
        (f for f in point.follow_ups.all() if f.poll.status_at(now) == PollStatus.CLOSED), None
    )
    if follow_up is None:
        return None
    results = panel_selectors.poll_results(poll_id=follow_up.poll_id)
    question = next((q for q in results.questions if q.kind in CHOICE_KINDS), None)
    if question is None:
        return None
    total = question.total
    return {
        "poll": results.poll.title,
        "question": question.text,
        "total": total,
        "total_display": small_count(total),
        "choices": [
            {
                "text": c.text,
                "count_display": small_count(c.count),
                "percent": c.percent if c.count >= THRESHOLD else None,
            }
            for c in question.choices
        ]
        if total >= THRESHOLD
        else [],
    }

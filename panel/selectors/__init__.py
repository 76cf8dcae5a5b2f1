"""Reads of the panel that other apps (werkgroep, scale) may import, one module per
sub-domain (polls, members, gesprekken), all re-exported here: `from panel import selectors`.

Everything another app reads comes as a frozen, typed record (panel.records) with documented
units; model instances only for the panel's own pages. No selector ever returns who said
what.
"""

from panel.selectors.gesprekken import (
    active_registration,
    active_registrations,
    free_places,
    gesprek_with_vraaggebieden,
    my_registrations,
    past_gesprekken,
    upcoming_gesprekken,
)
from panel.selectors.members import (
    contact_requests_per_month,
    member_names,
    panel_growth,
    panel_size,
)
from panel.selectors.polls import (
    answered_polls_for,
    audience_members,
    breakdown_counts,
    free_text_answers,
    free_text_with_findings,
    open_polls_for,
    poll_results,
    polls_overview,
    prefetch_questions,
    question_count,
    questions_with_choices,
    tagged_questions,
)

__all__ = [
    "active_registration",
    "active_registrations",
    "answered_polls_for",
    "audience_members",
    "breakdown_counts",
    "contact_requests_per_month",
    "free_places",
    "free_text_answers",
    "free_text_with_findings",
    "gesprek_with_vraaggebieden",
    "member_names",
    "my_registrations",
    "open_polls_for",
    "panel_growth",
    "panel_size",
    "past_gesprekken",
    "poll_results",
    "polls_overview",
    "prefetch_questions",
    "question_count",
    "questions_with_choices",
    "tagged_questions",
    "upcoming_gesprekken",
]

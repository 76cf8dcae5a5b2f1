"""Reads about spiegelgesprekken for the werkgroep: upcoming and past gesprekken with the
number of outcomes recorded, one past gesprek, and its outcome items."""

from dataclasses import dataclass

from django.db.models import Count, Prefetch

from panel import selectors as panel_selectors
from panel.records import GesprekSummary
from sociale_kaart.models import Vraaggebied
from werkgroep.models import OutcomeItem


def outcomes_for(*, gesprek_id: int) -> list[OutcomeItem]:
    return list(
        OutcomeItem.objects.filter(gesprek_id=gesprek_id)
        .select_related("wijk")
        .prefetch_related(
            Prefetch("vraaggebieden", queryset=Vraaggebied.objects.order_by("order")),
            "action_points",
        )
        .order_by("kind", "pk")
    )


def outcome_counts() -> dict[int, int]:
    """Outcome items recorded per gesprek id."""
    return dict(
        OutcomeItem.objects.values_list("gesprek_id")
        .annotate(n=Count("pk"))
        .values_list("gesprek_id", "n")
    )


@dataclass(frozen=True)
class PastGesprek:
    gesprek: GesprekSummary
    items: int  # outcome items recorded for it


def gesprekken_overview() -> dict:
    """Upcoming gesprekken (places and needs) and past ones with their number of outcomes."""
    counts = outcome_counts()
    return {
        "past": [
            PastGesprek(gesprek=g, items=counts.get(g.id, 0))
            for g in panel_selectors.past_gesprekken()
        ],
        "upcoming": panel_selectors.upcoming_gesprekken(),
    }


def past_gesprek(*, gesprek_id: int) -> GesprekSummary | None:
    """A gesprek that has taken place (outcomes are only for those), or None."""
    return next((g for g in panel_selectors.past_gesprekken() if g.id == gesprek_id), None)

"""Reads about panel membership: its size now and its growth per month."""

from datetime import date

from django.db.models import (
    Count,
)
from django.db.models.functions import TruncMonth

from panel.models import (
    PanelMember,
)
from panel.records import (
    GrowthMonth,
)


def panel_size() -> int:
    return PanelMember.objects.filter(left_at=None).count()


def panel_growth() -> list[GrowthMonth]:
    """Per month: members joined, members left, and active members at the end of the month."""
    joined = dict(
        PanelMember.objects.annotate(m=TruncMonth("joined_at"))
        .values("m")
        .annotate(n=Count("pk"))
        .values_list("m", "n")
    )
    left = dict(
        PanelMember.objects.filter(left_at__isnull=False)
        .annotate(m=TruncMonth("left_at"))
        .values("m")
        .annotate(n=Count("pk"))
        .values_list("m", "n")
    )

    def as_date(value) -> date:
        return value.date() if hasattr(value, "date") else value

    joined = {as_date(k): v for k, v in joined.items()}
    left = {as_date(k): v for k, v in left.items()}
    months = sorted(set(joined) | set(left))
    rows, active = [], 0
    for month in months:
        active += joined.get(month, 0) - left.get(month, 0)
        rows.append(
            GrowthMonth(
                month=month,
                joined=joined.get(month, 0),
                left=left.get(month, 0),
                active=active,
            )
        )
    return rows

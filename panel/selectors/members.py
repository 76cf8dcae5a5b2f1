"""Reads about panel membership: its size now and its growth per month."""

from datetime import date, datetime

from django.db.models import (
    Count,
)
from django.db.models.functions import TruncMonth

from panel.models import (
    ContactRequest,
    PanelMember,
)
from panel.records import (
    ContactRequestMonth,
    GrowthMonth,
)


def panel_size() -> int:
    return PanelMember.objects.filter(left_at=None).count()


def member_names() -> set[str]:
    """First and last names (each word) of active panel members, to flag them in free text."""
    names: set[str] = set()
    for first, last in PanelMember.objects.filter(left_at=None).values_list(
        "user__first_name", "user__last_name"
    ):
        names.update(word for word in f"{first} {last}".split() if len(word) >= 3)
    return names


def contact_requests_per_month() -> list[ContactRequestMonth]:
    """How many caregivers asked to be contacted, per month: only counts, never who."""
    rows = ContactRequest.objects.values("month").annotate(n=Count("pk")).order_by("month")
    return [ContactRequestMonth(month=row["month"], count=row["n"]) for row in rows]


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

    def as_date(value: date | datetime) -> date:
        return value.date() if isinstance(value, datetime) else value

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

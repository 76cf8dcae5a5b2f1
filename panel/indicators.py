"""Panel figures over time for the werkgroep monitor: counts per day in a date range, so the
caller can add them up per month, quarter or period. A fixed number of queries however many
members, polls or registrations there are; aggregates only, nothing about one person."""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.db.models import Count, Model, Q, QuerySet
from django.db.models.functions import TruncDate
from django.utils import timezone

from panel.models import (
    Choice,
    ContactRequest,
    PanelMember,
    Poll,
    RegistrationKind,
    RegistrationStatus,
    Spiegelgesprek,
)


def _start_of(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))


def _day_range(field: str, start: date, end: date) -> Q:
    return Q(**{f"{field}__gte": _start_of(start), f"{field}__lt": _start_of(end + timedelta(1))})


def _per_day(queryset: QuerySet[Model], field: str) -> dict[date, int]:
    rows = (
        queryset.annotate(day=TruncDate(field))
        .order_by()
        .values("day")
        .annotate(n=Count("pk"))
        .values_list("day", "n")
    )
    return dict(rows)


@dataclass(frozen=True)
class MemberFlow:
    """Members in the panel on the morning of `start`, and who joined and left per day."""

    active_at_start: int
    joined: dict[date, int]
    left: dict[date, int]

    def active_after(self, day: date) -> int:
        """Members in the panel at the end of `day` (a day inside the range)."""
        joined = sum(n for d, n in self.joined.items() if d <= day)
        left = sum(n for d, n in self.left.items() if d <= day)
        return self.active_at_start + joined - left


def member_flow(*, start: date, end: date) -> MemberFlow:
    before = _start_of(start)
    active_at_start = PanelMember.objects.filter(
        Q(left_at__isnull=True) | Q(left_at__gte=before), joined_at__lt=before
    ).count()
    return MemberFlow(
        active_at_start=active_at_start,
        joined=_per_day(
            PanelMember.objects.filter(_day_range("joined_at", start, end)), "joined_at"
        ),
        left=_per_day(PanelMember.objects.filter(_day_range("left_at", start, end)), "left_at"),
    )


@dataclass(frozen=True)
class GesprekDay:
    gesprekken: int
    caregivers: int


def gesprekken_held(*, start: date, end: date) -> dict[date, GesprekDay]:
    """Spiegelgesprekken that took place (started before now) per day, and the caregivers
    who had a place (registered, not on the waiting list, not cancelled)."""
    held = Spiegelgesprek.objects.filter(
        _day_range("starts_at", start, end), starts_at__lte=timezone.now()
    )
    rows = (
        held.annotate(day=TruncDate("starts_at"))
        .order_by()
        .values("day")
        .annotate(
            n=Count("pk", distinct=True),
            caregivers=Count(
                "registrations",
                filter=Q(
                    registrations__kind=RegistrationKind.CAREGIVER,
                    registrations__status=RegistrationStatus.REGISTERED,
                ),
            ),
        )
        .values_list("day", "n", "caregivers")
    )
    return {day: GesprekDay(gesprekken=n, caregivers=c) for day, n, c in rows}


@dataclass(frozen=True)
class PollRound:
    """A poll as one round of a repeated series (Poll.repeat_of links a repeat to its original)."""

    id: int
    title: str
    opens_at: datetime
    closes_at: datetime
    repeat_of_id: int | None


def poll_rounds() -> list[PollRound]:
    """Every published poll, oldest first, with what it repeats (a concept is no round: nobody
    has seen or answered it). One query."""
    return [
        PollRound(*row)
        for row in Poll.objects.published()
        .order_by("opens_at", "pk")
        .values_list("pk", "title", "opens_at", "closes_at", "repeat_of_id")
    ]


@dataclass(frozen=True)
class ChoiceLabel:
    choice_id: int
    poll_id: int
    poll_title: str
    question_id: int
    question_text: str
    text: str


def choice_labels(
    *,
    kinds: tuple[str, ...] = ("single", "multiple", "scale"),
    poll_ids: Iterable[int] | None = None,
) -> list[ChoiceLabel]:
    """Every answer option of the choice questions (of these polls), newest poll first; only
    published polls, since a concept has no answers to cite. One query; texts only, no counts."""
    choices = Choice.objects.filter(
        question__kind__in=kinds, question__poll__published_at__isnull=False
    )
    if poll_ids is not None:
        choices = choices.filter(question__poll_id__in=poll_ids)
    rows = choices.order_by("-question__poll__opens_at", "question__order", "order").values_list(
        "pk", "question__poll_id", "question__poll__title", "question_id", "question__text", "text"
    )
    return [ChoiceLabel(*row) for row in rows]


def choice_location(*, choice_id: int) -> tuple[int, int] | None:
    """(poll id, question id) of an answer option, or None when it does not exist."""
    return (
        Choice.objects.filter(pk=choice_id).values_list("question__poll_id", "question_id").first()
    )


def contact_requests_per_month(*, start: date, end: date) -> dict[date, int]:
    """Requests to be contacted per month (only the month is stored, on purpose), keyed by the
    month's first day, or by `start` for the month `start` falls in. One query."""
    rows = (
        ContactRequest.objects.filter(month__gte=start.replace(day=1), month__lte=end)
        .order_by()
        .values("month")
        .annotate(n=Count("pk"))
        .values_list("month", "n")
    )
    out: dict[date, int] = {}
    for month, n in rows:
        key = max(month, start)
        out[key] = out.get(key, 0) + n
    return out

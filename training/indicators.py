"""Training and referral figures over time for the werkgroep monitor: counts per day in a
date range, plus breakdowns for a range. A fixed number of queries whatever the data size.
Professionals and referrals carry no caregiver's name; referral counts are aggregates."""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.contrib.auth import get_user_model
from django.db.models import Count, F, Min, OuterRef, Q, Subquery
from django.db.models.functions import TruncDate
from django.utils import timezone

from training.models import Certificate, Progress, Referral


def _start_of(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))


def _in_range(field: str, start: date, end: date) -> Q:
    return Q(**{f"{field}__gte": _start_of(start), f"{field}__lt": _start_of(end + timedelta(1))})


def newly_trained_per_day(*, start: date, end: date) -> dict[date, int]:
    """Professionals whose first passed module falls on that day."""
    first_pass = (
        Progress.objects.filter(user=OuterRef("pk"), passed_at__isnull=False)
        .order_by()
        .values("user")
        .annotate(first=Min("passed_at"))
        .values("first")[:1]
    )
    users = get_user_model().objects.annotate(first_pass=Subquery(first_pass))
    rows = (
        users.filter(_in_range("first_pass", start, end))
        .annotate(day=TruncDate("first_pass"))
        .order_by()
        .values("day")
        .annotate(n=Count("pk"))
        .values_list("day", "n")
    )
    return dict(rows)


def certificates_per_day(*, start: date, end: date) -> dict[date, int]:
    rows = (
        Certificate.objects.filter(
            issued_on__gte=start, issued_on__lte=end, revoked_at__isnull=True
        )
        .order_by()
        .values("issued_on")
        .annotate(n=Count("pk"))
        .values_list("issued_on", "n")
    )
    return dict(rows)


@dataclass(frozen=True)
class CertificateGroup:
    profession: str  # the code, "" when unknown
    organisation: str  # the name, "" when none
    count: int


def certificates_by_group(*, start: date, end: date) -> list[CertificateGroup]:
    rows = (
        Certificate.objects.filter(
            issued_on__gte=start, issued_on__lte=end, revoked_at__isnull=True
        )
        .order_by()
        .values("profession", organisation=F("user__profile__organisation__name"))
        .annotate(n=Count("pk"))
        .order_by("profession", "organisation")
    )
    return [CertificateGroup(r["profession"] or "", r["organisation"] or "", r["n"]) for r in rows]


@dataclass(frozen=True)
class ReferralDay:
    total: int
    warm: int


def referrals_per_day(*, start: date, end: date) -> dict[date, ReferralDay]:
    rows = (
        Referral.objects.filter(_in_range("created_at", start, end))
        .annotate(day=TruncDate("created_at"))
        .order_by()
        .values("day")
        .annotate(n=Count("pk"), warm_n=Count("pk", filter=Q(warm=True)))
        .values_list("day", "n", "warm_n")
    )
    return {day: ReferralDay(total=n, warm=w) for day, n, w in rows}


REFERRAL_DIMENSIONS = {
    "vraaggebied": "vraaggebieden__code",
    "profession": "profession",
    "wijk": "wijk_id",
}


@dataclass(frozen=True)
class ReferralGroup:
    key: str | int | None  # vraaggebied code, profession code or wijk id; None = unknown
    warm: int
    not_warm: int

    @property
    def total(self) -> int:
        return self.warm + self.not_warm


def referrals_by(*, dimension: str, start: date, end: date) -> list[ReferralGroup]:
    """Referrals in the range per vraaggebied, profession or wijk, warm or not. A referral
    counts once for each of its vraaggebieden (so that table has no meaningful total)."""
    field = REFERRAL_DIMENSIONS[dimension]
    qs = Referral.objects.filter(_in_range("created_at", start, end))
    if dimension == "vraaggebied":
        qs = qs.filter(vraaggebieden__isnull=False)
    rows = (
        qs.order_by()
        .values(field)
        .annotate(
            warm_n=Count("pk", filter=Q(warm=True), distinct=True),
            cold_n=Count("pk", filter=Q(warm=False), distinct=True),
        )
        .order_by(field)
    )
    return [ReferralGroup(r[field], r["warm_n"], r["cold_n"]) for r in rows]

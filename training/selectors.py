"""Reads of training data that other apps (werkgroep, scale) may import. Plain data only."""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.db.models import Count, DateField, F, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce, TruncMonth
from django.utils import timezone

from training.models import (
    Certificate,
    LearningPathStep,
    Lesson,
    Module,
    Progress,
    ProgressStatus,
    Question,
    Referral,
)

REFERRAL_GROUPS: dict[str, str] = {
    "vraaggebied": "vraaggebieden__code",
    "profession": "profession",
    "organisation": "organisation__name",
    "month": "month",
    "wijk": "wijk_id",
    "warm": "warm",
}


def _start_of(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))


# Beyond these days a bound filters nothing (no referral is older or newer), and the day's start
# in local time, or the day after, would overflow datetime.
_NO_LOWER_BOUND_BEFORE = date(1900, 1, 1)
_NO_UPPER_BOUND_AFTER = date(9000, 12, 31)


def referral_counts(
    *, group_by: Sequence[str], date_from: date | None = None, date_to: date | None = None
) -> list[dict]:
    """Referrals counted per combination of the given keys (date_to inclusive).

    Grouping by vraaggebied counts a referral once for each of its vraaggebieden.
    """
    unknown = set(group_by) - REFERRAL_GROUPS.keys()
    if unknown:
        raise ValueError(f"unknown group_by keys: {sorted(unknown)}")
    keys = list(dict.fromkeys(group_by))
    if (date_from is not None and date_from > _NO_UPPER_BOUND_AFTER) or (
        date_to is not None and date_to < _NO_LOWER_BOUND_BEFORE
    ):
        return []
    qs = Referral.objects.all()
    if date_from is not None and date_from >= _NO_LOWER_BOUND_BEFORE:
        qs = qs.filter(created_at__gte=_start_of(date_from))
    if date_to is not None and date_to <= _NO_UPPER_BOUND_AFTER:
        qs = qs.filter(created_at__lt=_start_of(date_to) + timedelta(days=1))
    if "month" in keys:
        qs = qs.annotate(month=TruncMonth("created_at", output_field=DateField()))
    if "vraaggebied" in keys:
        qs = qs.filter(vraaggebieden__isnull=False)
    fields = [REFERRAL_GROUPS[key] for key in keys]
    rows = qs.values(*fields).annotate(count=Count("pk", distinct=True)).order_by(*fields)
    result = []
    for row in rows:
        item = {key: row[REFERRAL_GROUPS[key]] for key in keys}
        if "month" in item and isinstance(item["month"], datetime):
            item["month"] = item["month"].date()
        item["count"] = row["count"]
        result.append(item)
    return result


def module_completion() -> list[dict]:
    """Per organisation, profession and module: how many professionals started and passed it."""
    rows = (
        Progress.objects.values(
            "module_id",
            organisation=F("user__profile__organisation__name"),
            profession=F("user__profile__profession"),
            module_title=F("module__title"),
            module_order=F("module__order"),
        )
        .annotate(
            started=Count("pk"),
            passed=Count("pk", filter=Q(passed_at__isnull=False)),
        )
        .order_by(
            F("organisation").asc(nulls_last=True), "profession", "module_order", "module_title"
        )
    )
    return [
        {
            "organisation": row["organisation"],
            "profession": row["profession"] or "",
            "module_id": row["module_id"],
            "module": row["module_title"],
            "started": row["started"],
            "passed": row["passed"],
        }
        for row in rows
    ]


def published_modules():
    return Module.objects.filter(published=True)


def certificate_by_code(code: str) -> Certificate | None:
    return Certificate.objects.filter(code=code).first()


# Reads for the training pages themselves ------------------------------------------------


@dataclass(frozen=True)
class ModuleStatus:
    module: Module
    status: str  # "new" | "busy" | "failed" | "passed"
    percent: int
    lesson_count: int
    question_count: int


def _count_of(model, field: str = "module"):
    return Coalesce(
        Subquery(
            model.objects.filter(**{field: OuterRef("pk")})
            .order_by()
            .values(field)
            .annotate(n=Count("pk"))
            .values("n")[:1]
        ),
        0,
    )


def module_statuses(*, user) -> list[ModuleStatus]:
    """Every published module with this person's status and progress; a fixed number of queries."""
    modules = list(
        published_modules()
        .annotate(lesson_count=_count_of(Lesson), question_count=_count_of(Question))
        .order_by("order", "title")
    )
    progress = {
        p.module_id: p
        for p in Progress.objects.filter(user=user, module__published=True).annotate(
            answer_count=Count("answers")
        )
    }
    result = []
    for module in modules:
        p = progress.get(module.pk)
        total = module.lesson_count + module.question_count
        if p is None:
            status, percent = "new", 0
        elif p.status == ProgressStatus.PASSED:
            status, percent = "passed", 100
        else:
            done = min(p.lessons_seen, module.lesson_count) + min(
                p.answer_count, module.question_count
            )
            status = "failed" if p.status == ProgressStatus.FAILED else "busy"
            percent = (
                100
                if p.status == ProgressStatus.FAILED
                else (round(100 * done / total) if total else 0)
            )
        result.append(
            ModuleStatus(module, status, percent, module.lesson_count, module.question_count)
        )
    return result


def learning_path_for(*, profession: str) -> list[int]:
    """Module ids in the order this profession is advised to take them."""
    return list(
        LearningPathStep.objects.filter(path__profession=profession, module__published=True)
        .order_by("order", "pk")
        .values_list("module_id", flat=True)
    )


def certificates_of(*, user) -> list[Certificate]:
    return list(Certificate.objects.filter(user=user).order_by("-issued_on", "-pk"))


def referrals_of(*, user) -> list[Referral]:
    return list(
        Referral.objects.filter(created_by=user)
        .select_related("offer", "wijk")
        .prefetch_related("vraaggebieden")
        .order_by("-created_at", "-pk")
    )

"""Reads of training data that other apps (werkgroep, scale) may import. Typed plain data only."""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Literal, NotRequired, TypedDict

from django.db.models import Count, DateField, F, OuterRef, Prefetch, Q, Subquery
from django.db.models.functions import Coalesce, TruncMonth
from django.utils import timezone

from training.models import (
    Answer,
    Certificate,
    LearningPathStep,
    Lesson,
    Module,
    Option,
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


class ReferralCount(TypedDict):
    """One row of `referral_counts`: the group keys asked for, and a count.

    Only the keys named in `group_by` are present. Units and meaning:
    - vraaggebied: the vraaggebied's code (e.g. "informatie"), never its name;
    - profession: the `accounts.Profession` code, "" when unknown;
    - organisation: the organisation's name, None when the professional had none;
    - month: the first day of the month (a `date`, local time);
    - wijk: the wijk's id (int), None when no wijk was given;
    - warm: whether the referral was a warm hand-over;
    - count: number of referrals (people referred, not vraaggebieden), an int >= 1.
    """

    vraaggebied: NotRequired[str]
    profession: NotRequired[str]
    organisation: NotRequired[str | None]
    month: NotRequired[date]
    wijk: NotRequired[int | None]
    warm: NotRequired[bool]
    count: int


class ModuleCompletion(TypedDict):
    """One row of `module_completion`, per organisation, profession and module.

    - organisation: organisation name, None for professionals without one;
    - profession: `accounts.Profession` code, "" when unknown;
    - module_id / module: the module's id and title;
    - started: number of professionals who started the module (one progress per person);
    - passed: how many of them passed it at least once (a count of people, not a percentage).
    """

    organisation: str | None
    profession: str
    module_id: int
    module: str
    started: int
    passed: int


def _start_of(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))


def referral_counts(
    *, group_by: Sequence[str], date_from: date | None = None, date_to: date | None = None
) -> list[ReferralCount]:
    """Referrals counted per combination of the given keys (date_to inclusive).

    Grouping by vraaggebied counts a referral once for each of its vraaggebieden.
    """
    unknown = set(group_by) - REFERRAL_GROUPS.keys()
    if unknown:
        raise ValueError(f"unknown group_by keys: {sorted(unknown)}")
    keys = list(dict.fromkeys(group_by))
    qs = Referral.objects.all()
    if date_from is not None:
        qs = qs.filter(created_at__gte=_start_of(date_from))
    if date_to is not None:
        qs = qs.filter(created_at__lt=_start_of(date_to) + timedelta(days=1))
    if "month" in keys:
        qs = qs.annotate(month=TruncMonth("created_at", output_field=DateField()))
    if "vraaggebied" in keys:
        qs = qs.filter(vraaggebieden__isnull=False)
    fields = [REFERRAL_GROUPS[key] for key in keys]
    rows = qs.values(*fields).annotate(count=Count("pk", distinct=True)).order_by(*fields)
    result: list[ReferralCount] = []
    for row in rows:
        item: ReferralCount = {key: row[REFERRAL_GROUPS[key]] for key in keys}  # type: ignore[assignment]
        if "month" in item and isinstance(item["month"], datetime):
            item["month"] = item["month"].date()
        item["count"] = row["count"]
        result.append(item)
    return result


def module_completion() -> list[ModuleCompletion]:
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
        ModuleCompletion(
            organisation=row["organisation"],
            profession=row["profession"] or "",
            module_id=row["module_id"],
            module=row["module_title"],
            started=row["started"],
            passed=row["passed"],
        )
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


# Reads behind the module pages ------------------------------------------------------------


def lessons_of(module: Module) -> list[Lesson]:
    return list(module.lessons.order_by("order", "pk"))


def questions_of(module: Module) -> list[Question]:
    """The module's questions in order, each with its options in order."""
    return list(
        module.questions.order_by("order", "pk").prefetch_related(
            Prefetch("options", queryset=Option.objects.order_by("order", "pk"))
        )
    )


def progress_of(*, user, module: Module) -> Progress | None:
    return Progress.objects.filter(user=user, module=module).first()


def answer_to(*, progress: Progress | None, question: Question) -> Answer | None:
    if progress is None:
        return None
    return Answer.objects.filter(progress=progress, question=question).first()


def question_by_id(pk: int) -> Question | None:
    return Question.objects.filter(pk=pk).prefetch_related("options").first()


def own_certificate(*, user, code: str) -> Certificate | None:
    return Certificate.objects.filter(user=user, code=code).first()


def latest_certificate(*, user, module: Module) -> Certificate | None:
    return Certificate.objects.filter(user=user, module=module).order_by("-pk").first()


@dataclass(frozen=True)
class ResumePoint:
    """Where a person picks a module up again; `position` counts from 1 (lesson or question)."""

    step: Literal["lesson", "question", "result", "module"]
    position: int | None = None


def resume_point(progress: Progress) -> ResumePoint:
    """Where this person left off: a result, the next open question, or their lesson."""
    if progress.status != ProgressStatus.BUSY:
        return ResumePoint("result")
    if progress.lessons_done:
        answered = set(progress.answers.values_list("question_id", flat=True))
        question_ids = progress.module.questions.order_by("order", "pk").values_list(
            "pk", flat=True
        )
        for position, question_id in enumerate(question_ids, start=1):
            if question_id not in answered:
                return ResumePoint("question", position)
        # Busy with every question answered only happens for a module without questions.
        return ResumePoint("module")
    lesson_ids = list(progress.module.lessons.order_by("order", "pk").values_list("pk", flat=True))
    position = (
        lesson_ids.index(progress.current_lesson_id) + 1
        if progress.current_lesson_id in lesson_ids
        else 1
    )
    return ResumePoint("lesson", position)


@dataclass(frozen=True)
class ReviewItem:
    """A question answered wrongly, its position in the module, and the lesson to reread."""

    question: Question
    position: int
    lesson: Lesson | None
    lesson_position: int | None


def wrong_answers(*, progress: Progress, module: Module) -> list[ReviewItem]:
    questions = questions_of(module)
    lessons = {lesson.pk: i for i, lesson in enumerate(lessons_of(module), start=1)}
    lesson_by_id = {lesson.pk: lesson for lesson in module.lessons.all()}
    wrong = {a.question_id for a in progress.answers.all() if not a.is_correct}
    return [
        ReviewItem(
            question=q,
            position=position,
            lesson=lesson_by_id.get(q.review_lesson_id),
            lesson_position=lessons.get(q.review_lesson_id),
        )
        for position, q in enumerate(questions, start=1)
        if q.pk in wrong
    ]

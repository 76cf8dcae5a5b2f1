"""Reads of training data that other apps (werkgroep, scale) may import. Typed plain data only."""

import random
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Literal, NotRequired, TypedDict

from django.db.models import (
    Case,
    CharField,
    Count,
    DateField,
    F,
    OuterRef,
    Prefetch,
    Q,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Coalesce, TruncMonth
from django.utils import timezone

from sociale_kaart import selectors as kaart
from sociale_kaart.models import Wijk
from training.models import (
    CODE_ALPHABET,
    CODE_LENGTH,
    Answer,
    Certificate,
    LearningGoal,
    LearningPathStep,
    Lesson,
    LessonRead,
    Module,
    Option,
    Progress,
    ProgressStatus,
    Question,
    Referral,
    Registration,
    Unit,
    normalise_code,
)

# Who logged a referral can correct or remove it for this long; after that it is history.
REFERRAL_EDIT_WINDOW = timedelta(days=7)

REFERRAL_GROUPS: dict[str, str] = {
    "vraaggebied": "vraaggebieden__code",
    "profession": "profession",
    "organisation": "approved_organisation",
    "month": "month",
    "wijk": "wijk_id",
    "warm": "warm",
}


class ReferralCount(TypedDict):
    """One row of `referral_counts`: the group keys asked for, and a count.

    Only the keys named in `group_by` are present. Units and meaning:
    - vraaggebied: the vraaggebied's code (e.g. "informatie"), never its name;
    - profession: the `accounts.Profession` code, "" when unknown;
    - organisation: the organisation's name, None when the professional had none or theirs
      still waits for approval;
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

    - organisation: organisation name, None for professionals without an approved one;
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


def _approved_name(path: str) -> Case:
    """The organisation's name once beheer approved it; a name typed at sign-up and still
    pending counts as no organisation."""
    return Case(
        When(**{f"{path}__is_approved": True}, then=F(f"{path}__name")),
        default=Value(None),
        output_field=CharField(),
    )


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
    if "organisation" in keys:
        qs = qs.annotate(approved_organisation=_approved_name("organisation"))
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
            organisation=_approved_name("user__profile__organisation"),
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
    """A certificate by its code: an older long code exactly as issued, a short code in any
    case, with or without hyphens and spaces."""
    code = code.strip()[:100]
    if not code:
        return None
    exact = Certificate.objects.filter(code=code).first()
    if exact is not None:
        return exact
    short = normalise_code(code)
    if len(short) != CODE_LENGTH or not set(short) <= set(CODE_ALPHABET):
        return None
    return Certificate.objects.filter(code=short).first()


# Reads for the training pages themselves ------------------------------------------------


@dataclass(frozen=True)
class ModuleStatus:
    module: Module
    status: str  # "new" | "busy" | "failed" | "passed"
    percent: int
    lesson_count: int
    question_count: int  # questions per attempt: one per learning goal


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
        .annotate(lesson_count=_count_of(Lesson), question_count=_count_of(LearningGoal))
        .order_by("order", "title")
    )
    progress = {
        p.module_id: p
        for p in Progress.objects.filter(user=user, module__published=True).annotate(
            answer_count=_count_of(Answer, "progress"), read_count=_count_of(LessonRead, "progress")
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
            done = min(p.read_count, module.lesson_count) + min(
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


def registration_of(*, user) -> Registration | None:
    return Registration.objects.filter(user=user).first()


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

LESSON_ORDER = ("unit__order", "unit__pk", "order", "pk")
GOAL_ORDER = ("unit__order", "unit__pk", "order", "pk")


def lessons_of(module: Module) -> list[Lesson]:
    """Every lesson of the module, unit by unit; a lesson's position counts from 1 in this list."""
    return list(module.lessons.order_by(*LESSON_ORDER))


def questions_of(module: Module) -> list[Question]:
    """The whole question bank of the module (every variant), goal by goal, with options."""
    return list(
        module.questions.order_by("goal__unit__order", "goal__order", "goal_id", "order", "pk")
        .select_related("goal", "goal__lesson")
        .prefetch_related(Prefetch("options", queryset=Option.objects.order_by("order", "pk")))
    )


def variant_index(*, seed: int, goal_id: int, attempt: int, count: int) -> int:
    """Which of `count` variants a person gets for a goal in an attempt.

    Seeded per person and goal, then shifted by one per attempt: a retry always gets another
    variant when the goal has two or more.
    """
    offset = random.Random(f"{seed}:{goal_id}").randrange(count)
    return (offset + attempt - 1) % count


def drawn_questions(progress: Progress) -> list[Question]:
    """The questions of this attempt: one variant per learning goal, unit by unit.

    A question already answered in this attempt stays drawn, so the draw never changes under
    someone's answers (also when beheer adds a variant halfway).
    """
    goals = list(LearningGoal.objects.filter(module_id=progress.module_id).order_by(*GOAL_ORDER))
    variants: dict[int, list[Question]] = defaultdict(list)
    questions = (
        Question.objects.filter(module_id=progress.module_id)
        .select_related("goal", "goal__lesson")
        .prefetch_related(Prefetch("options", queryset=Option.objects.order_by("order", "pk")))
        .order_by("pk")
    )
    for question in questions:
        variants[question.goal_id].append(question)
    answered = set(progress.answers.values_list("question_id", flat=True)) if progress.pk else set()
    drawn = []
    for goal in goals:
        options = variants.get(goal.pk)
        if not options:
            continue
        chosen = next((q for q in options if q.pk in answered), None)
        if chosen is None:
            index = variant_index(
                seed=progress.draw_seed,
                goal_id=goal.pk,
                attempt=progress.attempt,
                count=len(options),
            )
            chosen = options[index]
        drawn.append(chosen)
    return drawn


UnitState = Literal["new", "busy", "done"]


@dataclass(frozen=True)
class UnitPlan:
    """One unit for one person. Positions count from 1 across the module (lessons) or the
    drawn questions of the attempt (questions), so they fit the lesson and question URLs."""

    unit: Unit
    number: int
    lessons: list[tuple[int, Lesson]]
    questions: list[tuple[int, Question]]
    lessons_read: int
    questions_answered: int

    @property
    def state(self) -> UnitState:
        if self.lessons_read + self.questions_answered == 0:
            return "new"
        if self.lessons_read == len(self.lessons) and self.questions_answered == len(
            self.questions
        ):
            return "done"
        return "busy"

    @property
    def lessons_done(self) -> bool:
        return self.lessons_read == len(self.lessons)

    def next_step(self) -> "ResumePoint | None":
        """The first unread lesson, else the first open question; None when the unit is done."""
        for position, _lesson in self.lessons[self.lessons_read :]:
            return ResumePoint("lesson", position)
        for position, _question in self.questions[self.questions_answered :]:
            return ResumePoint("question", position)
        return None


@dataclass(frozen=True)
class ModulePlan:
    module: Module
    progress: Progress | None
    units: list[UnitPlan]
    lessons: list[Lesson]
    questions: list[Question]  # drawn for this attempt

    def unit_of_lesson(self, position: int) -> UnitPlan:
        return next(u for u in self.units if any(p == position for p, _ in u.lessons))

    def unit_of_question(self, position: int) -> UnitPlan:
        return next(u for u in self.units if any(p == position for p, _ in u.questions))


def module_plan(*, module: Module, progress: Progress | None) -> ModulePlan:
    """The module cut into units, with what this person read and answered in each."""
    units = list(module.units.order_by("order", "pk"))
    lessons = lessons_of(module)
    if progress is not None:
        drawn = drawn_questions(progress)
        read = set(progress.reads.values_list("lesson_id", flat=True))
        answered = set(progress.answers.values_list("question_id", flat=True))
    else:
        # Before a first visit nothing is drawn yet: show one question per goal.
        drawn = drawn_questions(Progress(module=module, draw_seed=0, attempt=1))
        read, answered = set(), set()
    plans = []
    for number, unit in enumerate(units, start=1):
        unit_lessons = [(i, x) for i, x in enumerate(lessons, start=1) if x.unit_id == unit.pk]
        unit_questions = [(i, q) for i, q in enumerate(drawn, start=1) if q.goal.unit_id == unit.pk]
        # Lessons are read in order; answers too: count the leading ones done.
        lessons_read = next(
            (k for k, (_, x) in enumerate(unit_lessons) if x.pk not in read), len(unit_lessons)
        )
        questions_answered = next(
            (k for k, (_, q) in enumerate(unit_questions) if q.pk not in answered),
            len(unit_questions),
        )
        plans.append(
            UnitPlan(unit, number, unit_lessons, unit_questions, lessons_read, questions_answered)
        )
    return ModulePlan(module, progress, plans, lessons, drawn)


def progress_of(*, user, module: Module) -> Progress | None:
    return Progress.objects.filter(user=user, module=module).first()


def answer_to(*, progress: Progress | None, question: Question) -> Answer | None:
    if progress is None:
        return None
    return Answer.objects.filter(progress=progress, question=question).first()


def question_by_id(pk: int) -> Question | None:
    return Question.objects.filter(pk=pk).select_related("goal").prefetch_related("options").first()


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
    """A result, or the first unit not done: its next lesson or open question."""
    if progress.status != ProgressStatus.BUSY:
        return ResumePoint("result")
    plan = module_plan(module=progress.module, progress=progress)
    for unit in plan.units:
        step = unit.next_step()
        if step is not None:
            return step
    # Busy with everything done only happens for a module without questions.
    return ResumePoint("module")


@dataclass(frozen=True)
class GoalToReread:
    """A learning goal missed in the last attempt, and the lesson that teaches it."""

    goal: LearningGoal
    lesson: Lesson | None
    lesson_position: int | None
    reread: bool  # read again after the attempt ended


def goals_to_reread(*, progress: Progress) -> list[GoalToReread]:
    """Goals of wrongly answered questions, in module order; never the questions' answers."""
    lessons = lessons_of(progress.module)
    positions = {lesson.pk: i for i, lesson in enumerate(lessons, start=1)}
    wrong_goal_ids = set(
        progress.answers.filter(is_correct=False).values_list("question__goal_id", flat=True)
    )
    reads = dict(progress.reads.values_list("lesson_id", "read_at"))
    goals = (
        LearningGoal.objects.filter(pk__in=wrong_goal_ids)
        .select_related("lesson")
        .order_by(*GOAL_ORDER)
    )
    finished = progress.finished_at
    return [
        GoalToReread(
            goal=goal,
            lesson=goal.lesson,
            lesson_position=positions.get(goal.lesson_id),
            reread=bool(
                goal.lesson_id is None
                or (finished and reads.get(goal.lesson_id) and reads[goal.lesson_id] > finished)
            ),
        )
        for goal in goals
    ]


# The public signalling card ------------------------------------------------------------------


@dataclass(frozen=True)
class ContactPoint:
    """A place to call or visit, as printed on a card: no links, the number written out."""

    name: str
    organisation: str
    phone: str
    address: str


def contact_points(*, wijk: Wijk, limit: int = 8) -> list[ContactPoint]:
    """Active offers for this wijk that can be phoned or visited; offers for this wijk first,
    then those for the whole gemeente. At most `limit`, so the card stays one A4."""
    found = []
    for offer in kaart.offers(wijk=wijk):
        phone = offer.phone or offer.organization.phone
        address = ", ".join(
            part for part in (offer.address_1, f"{offer.postal_code} {offer.city}".strip()) if part
        )
        if not (phone or address):
            continue
        local = any(area.pk == wijk.pk for area in offer.service_areas.all())
        found.append(
            (
                not local,
                offer.name,
                ContactPoint(offer.name, offer.organization.name, phone, address),
            )
        )
    found.sort(key=lambda item: (item[0], item[1]))
    return [point for _local, _name, point in found[:limit]]


def own_referral(*, user, pk: int) -> Referral | None:
    return (
        Referral.objects.filter(pk=pk, created_by=user)
        .select_related("offer", "wijk")
        .prefetch_related("vraaggebieden")
        .first()
    )


def editable_referral_ids(*, user, now: datetime | None = None) -> set[int]:
    """The author's referrals still open to correction: logged less than a week ago."""
    since = (now or timezone.now()) - REFERRAL_EDIT_WINDOW
    return set(
        Referral.objects.filter(created_by=user, created_at__gt=since).values_list("pk", flat=True)
    )

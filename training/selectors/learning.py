"""Reads behind the module pages: statuses, units, the questions drawn for an attempt,
where to resume, and the goals to reread."""

import random
from collections import defaultdict
from dataclasses import dataclass
from typing import Literal

from django.db.models import (
    Count,
    Model,
    OuterRef,
    Prefetch,
    QuerySet,
    Subquery,
)
from django.db.models.functions import Coalesce

from accounts.models import User
from training.models import (
    Answer,
    LearningGoal,
    LearningPathStep,
    Lesson,
    LessonRead,
    Module,
    Option,
    Progress,
    ProgressStatus,
    Question,
    Unit,
)


def published_modules() -> QuerySet[Module]:
    return Module.objects.filter(published=True)


@dataclass(frozen=True)
class ModuleStatus:
    module: Module
    status: str  # "new" | "busy" | "failed" | "passed"
    percent: int
    lesson_count: int
    question_count: int  # questions per attempt: one per learning goal


def _count_of[M: Model](model: type[M], field: str = "module") -> Coalesce:
    return Coalesce(
        Subquery(
            model._default_manager.filter(**{field: OuterRef("pk")})
            .order_by()
            .values(field)
            .annotate(n=Count("pk"))
            .values("n")[:1]
        ),
        0,
    )


def module_statuses(*, user: User) -> list[ModuleStatus]:
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


def progress_of(*, user: User, module: Module) -> Progress | None:
    return Progress.objects.filter(user=user, module=module).first()


def answer_to(*, progress: Progress | None, question: Question) -> Answer | None:
    if progress is None:
        return None
    return Answer.objects.filter(progress=progress, question=question).first()


def question_by_id(pk: int) -> Question | None:
    return Question.objects.filter(pk=pk).select_related("goal").prefetch_related("options").first()


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
            lesson_position=positions.get(goal.lesson_id) if goal.lesson_id else None,
            reread=bool(
                goal.lesson_id is None
                or (finished and reads.get(goal.lesson_id) and reads[goal.lesson_id] > finished)
            ),
        )
        for goal in goals
    ]

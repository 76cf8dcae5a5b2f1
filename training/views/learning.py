"""Taking a module: the overview with its units, lessons, questions, the result and a retry.

Reading a page never writes; reading a lesson and answering a question are POSTs, and each
is saved at once, so a person can leave after any step and pick up the next one later.
"""

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.models import Role
from accounts.roles import area_required, role_required, signed_in_user
from training import selectors, services
from training.exceptions import (
    AlreadyAnswered,
    InvalidOptions,
    NoOptionChosen,
    QuestionNotDrawn,
    QuestionNotInModule,
    QuestionsNotReached,
    RetryNotAllowed,
    RetryTooSoon,
)
from training.models import Module, Progress, ProgressStatus
from training.views.common import MESSAGES, bad_request, parse_ids, published_module


def resume_url(progress: Progress) -> str:
    point = selectors.resume_point(progress)
    slug = progress.module.slug
    if point.step in ("lesson", "question"):
        return reverse(f"training:{point.step}", args=[slug, point.position])
    return reverse(f"training:{point.step}", args=[slug])


def _unit_url(module: Module, number: int) -> str:
    return reverse("training:unit", args=[module.slug, number])


@area_required("training")
def home(request: HttpRequest) -> HttpResponse:
    statuses = selectors.module_statuses(user=signed_in_user(request))
    profile = getattr(request.user, "profile", None)
    profession = profile.profession if profile else ""
    path_ids = selectors.learning_path_for(profession=profession) if profession else []
    by_id = {s.module.pk: s for s in statuses}
    path = [by_id[pk] for pk in path_ids if pk in by_id]
    in_path = {s.module.pk for s in path}
    return render(
        request,
        "training/home.html",
        {
            "statuses": statuses,
            "others": [s for s in statuses if s.module.pk not in in_path],
            "path": path,
            "profession_label": profile.get_profession_display() if profile and profession else "",
            "certificates": selectors.certificates_of(user=signed_in_user(request)),
        },
    )


@area_required("training")
def module_detail(request: HttpRequest, slug: str) -> HttpResponse:
    module = published_module(slug)
    progress = selectors.progress_of(user=signed_in_user(request), module=module)
    plan = selectors.module_plan(module=module, progress=progress)
    return render(
        request,
        "training/module.html",
        {
            "module": module,
            "progress": progress,
            "plan": plan,
            "lessons": plan.lessons,
            "question_count": len(plan.questions),
            "vraaggebieden": list(module.vraaggebieden.all()),
        },
    )


@area_required("training")
@require_POST
def module_start(request: HttpRequest, slug: str) -> HttpResponse:
    module = published_module(slug)
    progress = services.start_module(user=signed_in_user(request), module=module)
    return redirect(resume_url(progress))


@area_required("training")
def unit(request: HttpRequest, slug: str, number: int) -> HttpResponse:
    """One unit: what is in it, how long it takes, how far the person is, and the way on."""
    module = published_module(slug)
    progress = selectors.progress_of(user=signed_in_user(request), module=module)
    plan = selectors.module_plan(module=module, progress=progress)
    if not 1 <= number <= len(plan.units):
        raise Http404
    current = plan.units[number - 1]
    step = current.next_step()
    if step is not None:
        step_url = reverse(f"training:{step.step}", args=[slug, step.position])
    else:
        step_url = None
    later = [u for u in plan.units[number:] if u.state != "done"]
    finished = progress is not None and progress.status != ProgressStatus.BUSY
    return render(
        request,
        "training/unit.html",
        {
            "module": module,
            "plan": plan,
            "unit": current,
            "step_url": step_url,
            "next_unit": later[0] if later else None,
            "finished": finished,
        },
    )


@area_required("training")
def lesson(request: HttpRequest, slug: str, position: int) -> HttpResponse:
    """Reading a lesson writes nothing; its button posts to `lesson_read`."""
    module = published_module(slug)
    progress = selectors.progress_of(user=signed_in_user(request), module=module)
    plan = selectors.module_plan(module=module, progress=progress)
    if not 1 <= position <= len(plan.lessons):
        raise Http404
    current_unit = plan.unit_of_lesson(position)
    unit_positions = [p for p, _ in current_unit.lessons]
    index = unit_positions.index(position)
    return render(
        request,
        "training/lesson.html",
        {
            "module": module,
            "lesson": plan.lessons[position - 1],
            "position": position,
            "unit": current_unit,
            "unit_count": len(plan.units),
            "index": index + 1,
            "total": len(unit_positions),
            "previous": unit_positions[index - 1] if index > 0 else None,
            "last_in_unit": index == len(unit_positions) - 1,
            "has_questions": bool(current_unit.questions),
            # Rereading after an attempt: the last lesson of a unit leads back to the result.
            "finished": progress is not None and progress.status != ProgressStatus.BUSY,
        },
    )


@area_required("training")
@require_POST
def lesson_read(request: HttpRequest, slug: str, position: int) -> HttpResponse:
    """The person read this lesson: save it and go on within the unit."""
    module = published_module(slug)
    lessons = selectors.lessons_of(module)
    if not 1 <= position <= len(lessons):
        raise Http404
    progress = services.start_module(user=signed_in_user(request), module=module)
    services.mark_lesson_read(progress=progress, lesson=lessons[position - 1])
    plan = selectors.module_plan(module=module, progress=progress)
    current = plan.unit_of_lesson(position)
    if progress.status != ProgressStatus.BUSY:
        # Rereading after an attempt: on to the next lesson of the unit, else the result.
        later = [p for p, _ in current.lessons if p > position]
        if later:
            return redirect("training:lesson", slug=slug, position=later[0])
        return redirect("training:result", slug=slug)
    step = current.next_step()
    if step is None:
        return redirect(_unit_url(module, current.number))
    return redirect(reverse(f"training:{step.step}", args=[slug, step.position]))


@area_required("training")
def question(request: HttpRequest, slug: str, position: int) -> HttpResponse:
    module = published_module(slug)
    progress = selectors.progress_of(user=signed_in_user(request), module=module)
    if progress is None:
        messages.info(request, MESSAGES[QuestionsNotReached])
        if module.lessons.exists():
            return redirect("training:lesson", slug=slug, position=1)
        return redirect("training:module", slug=slug)
    plan = selectors.module_plan(module=module, progress=progress)
    if not 1 <= position <= len(plan.questions):
        raise Http404
    current = plan.questions[position - 1]
    current_unit = plan.unit_of_question(position)
    error = None
    if request.method == "POST":
        # Check what was posted before anything is written.
        question_id = parse_ids([request.POST.get("question", "")])
        option_ids = parse_ids(request.POST.getlist("option"))
        if question_id is None or option_ids is None:
            return bad_request(request, MESSAGES[InvalidOptions])
        posted = selectors.question_by_id(question_id[0])
        if posted is None or posted.module_id != module.pk:
            return bad_request(request, MESSAGES[QuestionNotInModule])
        try:
            services.answer_question(progress=progress, question=posted, option_ids=option_ids)
        except (QuestionNotInModule, InvalidOptions, QuestionNotDrawn) as exc:
            return bad_request(request, MESSAGES[type(exc)])
        except QuestionsNotReached as exc:
            messages.error(request, MESSAGES[type(exc)])
            return redirect(resume_url(progress))
        except AlreadyAnswered as exc:
            messages.info(request, MESSAGES[type(exc)])
        except NoOptionChosen as exc:
            error = MESSAGES[type(exc)]
        if error is None:
            return redirect(reverse("training:question", args=[slug, position]) + "#feedback")
    elif not current_unit.lessons_done:
        messages.info(request, MESSAGES[QuestionsNotReached])
        return redirect(resume_url(progress))
    answer = selectors.answer_to(progress=progress, question=current)
    selected = set(answer.selected) if answer else set()
    progress.refresh_from_db()
    finished = progress.status != ProgressStatus.BUSY
    unit_positions = [p for p, _ in current_unit.questions]
    later = [p for p in unit_positions if p > position]
    if finished:
        next_url = reverse("training:result", args=[slug])
    elif later:
        next_url = reverse("training:question", args=[slug, later[0]])
    else:
        next_url = _unit_url(module, current_unit.number)
    return render(
        request,
        "training/question.html",
        {
            "module": module,
            "question": current,
            "position": position,
            "unit": current_unit,
            "index": unit_positions.index(position) + 1,
            "total": len(unit_positions),
            "answer": answer,
            "options": [(option, option.pk in selected) for option in current.options.all()],
            # Feedback explains the options chosen only: it never lists the right answer.
            "chosen": [option for option in current.options.all() if option.pk in selected],
            "error": error,
            "next_url": next_url,
            "next_is_question": bool(later) and not finished,
            "finished": finished,
        },
        status=400 if error else 200,
    )


@area_required("training")
def result(request: HttpRequest, slug: str) -> HttpResponse:
    module = published_module(slug)
    progress = selectors.progress_of(user=signed_in_user(request), module=module)
    if progress is None:
        return redirect("training:module", slug=slug)
    if progress.status == ProgressStatus.BUSY:
        return redirect(resume_url(progress))
    allowed_at = services.retry_allowed_at(progress=progress)
    return render(
        request,
        "training/result.html",
        {
            "module": module,
            "progress": progress,
            "passed": progress.status == ProgressStatus.PASSED,
            "goals": selectors.goals_to_reread(progress=progress),
            "retry_now": allowed_at is not None and allowed_at <= timezone.now(),
            "retry_at": allowed_at,
            "certificate": selectors.latest_certificate(
                user=signed_in_user(request), module=module
            ),
        },
    )


@area_required("training")
@require_POST
def retry(request: HttpRequest, slug: str) -> HttpResponse:
    module = published_module(slug)
    progress = selectors.progress_of(user=signed_in_user(request), module=module)
    if progress is None:
        raise Http404
    try:
        services.retry_module(progress=progress)
    except RetryNotAllowed as exc:
        messages.error(request, MESSAGES[type(exc)])
    except RetryTooSoon as exc:
        when = formats.time_format(timezone.localtime(exc.allowed_at), "H:i")
        messages.error(
            request,
            _("Lees eerst de lessen hieronder opnieuw. Of probeer het na %(time)s uur nog eens.")
            % {"time": when},
        )
    return redirect(resume_url(progress))


@role_required(Role.ADMIN)
def preview(request: HttpRequest, pk: int) -> HttpResponse:
    """Beheer sees a module with every variant and its answers before publishing it."""
    module = get_object_or_404(Module, pk=pk)
    return render(
        request,
        "training/preview.html",
        {
            "module": module,
            "lessons": selectors.lessons_of(module),
            "questions": selectors.questions_of(module),
        },
    )

"""Training pages: thin views that parse, call a service or selector, and render."""

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from accounts.models import Role
from accounts.roles import area_required, role_required
from sociale_kaart import selectors as kaart
from training import pdf, selectors, services
from training.exceptions import (
    AlreadyAnswered,
    InvalidOptions,
    InvalidReferral,
    ModuleNotAvailable,
    NoOptionChosen,
    QuestionNotInModule,
    QuestionsNotReached,
    RetryNotAllowed,
)
from training.forms import ReferFilterForm, ReferralForm
from training.models import Module, Progress, ProgressStatus

MESSAGES = {
    ModuleNotAvailable: gettext_lazy("Deze module is niet beschikbaar."),
    QuestionNotInModule: gettext_lazy(
        "Deze vraag hoort niet bij deze module. Uw antwoord is niet opgeslagen."
    ),
    InvalidOptions: gettext_lazy(
        "Dit antwoord hoort niet bij deze vraag. Uw antwoord is niet opgeslagen."
    ),
    NoOptionChosen: gettext_lazy("Kies eerst een antwoord."),
    AlreadyAnswered: gettext_lazy("U heeft deze vraag al beantwoord."),
    QuestionsNotReached: gettext_lazy("Lees eerst de lessen. Daarna komen de vragen."),
    RetryNotAllowed: gettext_lazy(
        "Opnieuw beginnen kan alleen als u de vragen niet heeft gehaald."
    ),
    InvalidReferral: gettext_lazy(
        "Deze verwijzing kunnen we niet opslaan. Kies alleen uit de lijsten."
    ),
}


def _bad_request(request: HttpRequest, message: str) -> HttpResponse:
    return render(request, "training/bad_request.html", {"message": message}, status=400)


def _published_module(slug: str) -> Module:
    return get_object_or_404(Module, slug=slug, published=True)


def _resume_url(progress: Progress) -> str:
    point = selectors.resume_point(progress)
    slug = progress.module.slug
    if point.step in ("lesson", "question"):
        return reverse(f"training:{point.step}", args=[slug, point.position])
    return reverse(f"training:{point.step}", args=[slug])


@area_required("training")
def home(request: HttpRequest) -> HttpResponse:
    statuses = selectors.module_statuses(user=request.user)
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
            "profession_label": profile.get_profession_display() if profession else "",
            "certificates": selectors.certificates_of(user=request.user),
        },
    )


@area_required("training")
def module_detail(request: HttpRequest, slug: str) -> HttpResponse:
    module = _published_module(slug)
    progress = selectors.progress_of(user=request.user, module=module)
    return render(
        request,
        "training/module.html",
        {
            "module": module,
            "progress": progress,
            "lessons": selectors.lessons_of(module),
            "question_count": module.questions.count(),
            "vraaggebieden": list(module.vraaggebieden.all()),
        },
    )


@area_required("training")
@require_POST
def module_start(request: HttpRequest, slug: str) -> HttpResponse:
    module = _published_module(slug)
    progress = services.start_module(user=request.user, module=module)
    return redirect(_resume_url(progress))


@area_required("training")
def lesson(request: HttpRequest, slug: str, position: int) -> HttpResponse:
    """Reading a lesson writes nothing; "next" posts to `lesson_read`, which remembers it."""
    module = _published_module(slug)
    lessons = selectors.lessons_of(module)
    if not 1 <= position <= len(lessons):
        raise Http404
    current = lessons[position - 1]
    return render(
        request,
        "training/lesson.html",
        {
            "module": module,
            "lesson": current,
            "position": position,
            "lessons": lessons,
            "total": len(lessons),
            "previous": position - 1 if position > 1 else None,
            "next": position + 1 if position < len(lessons) else None,
        },
    )


@area_required("training")
@require_POST
def lesson_read(request: HttpRequest, slug: str, position: int) -> HttpResponse:
    """The person read this lesson: remember it and go on to the next one (or the questions)."""
    module = _published_module(slug)
    lessons = selectors.lessons_of(module)
    if not 1 <= position <= len(lessons):
        raise Http404
    progress = services.start_module(user=request.user, module=module)
    services.mark_lesson_read(progress=progress, lessons=lessons, position=position)
    if position == len(lessons):
        services.finish_lessons(progress=progress, lesson_count=len(lessons))
        return redirect(_resume_url(progress))
    return redirect("training:lesson", slug=slug, position=position + 1)


@area_required("training")
@require_POST
def lessons_done(request: HttpRequest, slug: str) -> HttpResponse:
    module = _published_module(slug)
    progress = services.start_module(user=request.user, module=module)
    services.finish_lessons(progress=progress, lesson_count=module.lessons.count())
    return redirect(_resume_url(progress))


def _parse_ids(values: list[str]) -> list[int] | None:
    try:
        return [int(v) for v in values]
    except (TypeError, ValueError):
        return None


@area_required("training")
def question(request: HttpRequest, slug: str, position: int) -> HttpResponse:
    module = _published_module(slug)
    questions = selectors.questions_of(module)
    if not 1 <= position <= len(questions):
        raise Http404
    current = questions[position - 1]
    error = None
    if request.method == "POST":
        # Check what was posted before anything is written.
        question_id = _parse_ids([request.POST.get("question", "")])
        option_ids = _parse_ids(request.POST.getlist("option"))
        if question_id is None or option_ids is None:
            return _bad_request(request, MESSAGES[InvalidOptions])
        posted = selectors.question_by_id(question_id[0])
        if posted is None or posted.module_id != module.pk:
            return _bad_request(request, MESSAGES[QuestionNotInModule])
        progress = services.start_module(user=request.user, module=module)
        try:
            services.answer_question(progress=progress, question=posted, option_ids=option_ids)
        except (QuestionNotInModule, InvalidOptions) as exc:
            return _bad_request(request, MESSAGES[type(exc)])
        except QuestionsNotReached as exc:
            messages.error(request, MESSAGES[type(exc)])
            return redirect(_resume_url(progress))
        except AlreadyAnswered as exc:
            messages.info(request, MESSAGES[type(exc)])
        except NoOptionChosen as exc:
            error = MESSAGES[type(exc)]
        if error is None:
            return redirect(reverse("training:question", args=[slug, position]) + "#feedback")
    else:
        progress = selectors.progress_of(user=request.user, module=module)
        if progress is None or not progress.lessons_done:
            messages.info(request, MESSAGES[QuestionsNotReached])
            if progress is None:
                return redirect("training:lesson", slug=slug, position=1)
            return redirect(_resume_url(progress))
    answer = selectors.answer_to(progress=progress, question=current)
    selected = set(answer.selected) if answer else set()
    progress.refresh_from_db()
    next_url = (
        reverse("training:question", args=[slug, position + 1])
        if position < len(questions)
        else reverse("training:result", args=[slug])
    )
    return render(
        request,
        "training/question.html",
        {
            "module": module,
            "question": current,
            "position": position,
            "total": len(questions),
            "answer": answer,
            "options": [(option, option.pk in selected) for option in current.options.all()],
            "error": error,
            "next_url": next_url,
            "finished": progress.status != ProgressStatus.BUSY,
        },
        status=400 if error else 200,
    )


@area_required("training")
def result(request: HttpRequest, slug: str) -> HttpResponse:
    module = _published_module(slug)
    progress = selectors.progress_of(user=request.user, module=module)
    if progress is None:
        return redirect("training:module", slug=slug)
    if progress.status == ProgressStatus.BUSY:
        return redirect(_resume_url(progress))
    wrong = selectors.wrong_answers(progress=progress, module=module)
    certificate = selectors.latest_certificate(user=request.user, module=module)
    return render(
        request,
        "training/result.html",
        {
            "module": module,
            "progress": progress,
            "passed": progress.status == ProgressStatus.PASSED,
            "wrong": wrong,
            "certificate": certificate,
        },
    )


@area_required("training")
@require_POST
def retry(request: HttpRequest, slug: str) -> HttpResponse:
    module = _published_module(slug)
    progress = selectors.progress_of(user=request.user, module=module)
    if progress is None:
        raise Http404
    try:
        services.retry_module(progress=progress)
    except RetryNotAllowed as exc:
        messages.error(request, MESSAGES[type(exc)])
    return redirect(_resume_url(progress))


@area_required("training")
def certificates(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "training/certificates.html",
        {"certificates": selectors.certificates_of(user=request.user)},
    )


@area_required("training")
def certificate_pdf(request: HttpRequest, code: str) -> HttpResponse:
    certificate = selectors.own_certificate(user=request.user, code=code)
    if certificate is None:
        raise Http404
    verify_url = request.build_absolute_uri(
        reverse("training_public:verify", args=[certificate.code])
    )
    response = HttpResponse(
        pdf.certificate_pdf(certificate, verify_url=verify_url), content_type="application/pdf"
    )
    response["Content-Disposition"] = f'attachment; filename="certificaat-{certificate.code}.pdf"'
    return response


def verify(request: HttpRequest, code: str) -> HttpResponse:
    """Public: anyone with the code can check a certificate. Shows only what is needed."""
    certificate = selectors.certificate_by_code(code)
    if certificate is None:
        raise Http404
    return render(request, "training/verify.html", {"certificate": certificate})


@area_required("training")
def signaleringskaart(request: HttpRequest) -> HttpResponse:
    profile = getattr(request.user, "profile", None)
    wijk = profile.wijk if profile else None
    return render(
        request,
        "training/signaleringskaart.html",
        {"wijk": wijk, "vraaggebieden": list(kaart.vraaggebieden())},
    )


@area_required("training")
def refer(request: HttpRequest) -> HttpResponse:
    form = ReferFilterForm(request.GET or None)
    filters = form.filters() if request.GET else {"vraaggebied": None, "wijk": None}
    return render(
        request,
        "training/refer.html",
        {"form": form, "offers": list(kaart.offers(**filters)), "filters": filters},
    )


@area_required("training")
def referral_new(request: HttpRequest) -> HttpResponse:
    if request.method == "POST":
        form = ReferralForm(request.POST)
        if form.is_valid():
            try:
                services.log_referral(user=request.user, **form.to_service_kwargs())
            except InvalidReferral as exc:
                form.add_error(None, MESSAGES[type(exc)])
            else:
                messages.success(request, _("Dank u. De verwijzing is vastgelegd."))
                return redirect("training:referrals")
    else:
        initial = {}
        vraaggebied = request.GET.get("vraaggebied")
        if vraaggebied:
            initial["vraaggebieden"] = [vraaggebied]
        if request.GET.get("offer", "").isdigit():
            initial["offer"] = request.GET["offer"]
        if request.GET.get("wijk", "").isdigit():
            initial["wijk"] = request.GET["wijk"]
        form = ReferralForm(initial=initial)
    return render(
        request, "training/referral_form.html", {"form": form}, status=400 if form.errors else 200
    )


@area_required("training")
def referrals(request: HttpRequest) -> HttpResponse:
    return render(
        request, "training/referrals.html", {"referrals": selectors.referrals_of(user=request.user)}
    )


@role_required(Role.BEHEER)
def preview(request: HttpRequest, pk: int) -> HttpResponse:
    """Beheer sees a module exactly as learners will, with answers, before publishing it."""
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

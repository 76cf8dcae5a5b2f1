"""The poll studio: the werkgroep makes, checks, previews and publishes polls itself.

Thin views: forms parse, panel.publishing decides and writes, refusals become Dutch messages.
"""

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from accounts.roles import area_required, signed_in_user
from panel import poll_editing, publishing
from panel import selectors as panel_selectors
from panel.models import Choice, Poll, PollStatus, Question
from panel.publishing import (
    AlreadyOpened,
    DeletePublished,
    DeleteUsed,
    EmptyText,
    NotPublished,
    PollLocked,
    PollNotOpen,
    PollPublished,
    Problem,
    PublishedLocked,
    PublishRefused,
    StudioError,
    TooManyChoices,
    TooManyQuestions,
)
from werkgroep import services
from werkgroep.exceptions import ActionNotDone, ConceptCited
from werkgroep.models import ActionPoint, FollowUpPoll
from werkgroep.studio_forms import AddQuestionForm, NewPollForm, PollSettingsForm, QuestionEditForm

werkgroep_only = area_required("werkgroep")

MESSAGES = {
    PollLocked: gettext_lazy(
        "Deze peiling heeft al antwoorden. U kunt teksten nog verbeteren. Vragen en "
        "antwoorden toevoegen, weghalen of verplaatsen kan niet meer, en anoniem of op naam "
        "ook niet: dan zouden de antwoorden iets anders betekenen."
    ),
    PollPublished: gettext_lazy("Deze peiling is al gepubliceerd."),
    PublishedLocked: gettext_lazy(
        "Deze peiling is gepubliceerd. Vragen en antwoorden veranderen kan alleen in een "
        "concept. Zet de peiling terug naar concept zolang ze nog niet open is."
    ),
    AlreadyOpened: gettext_lazy(
        "Deze peiling is al open geweest. Terug naar concept kan alleen voordat ze opent."
    ),
    NotPublished: gettext_lazy("Deze peiling is nog een concept. Publiceer haar eerst."),
    PollNotOpen: gettext_lazy("Deze peiling is niet open. Sluiten kan alleen als ze open is."),
    TooManyQuestions: gettext_lazy("Een peiling heeft hoogstens 5 vragen."),
    TooManyChoices: gettext_lazy("Deze vraag heeft al genoeg antwoorden."),
    EmptyText: gettext_lazy("Een tekst mag niet leeg zijn."),
    DeletePublished: gettext_lazy(
        "Deze peiling is gepubliceerd. Alleen een concept kunt u verwijderen. Is de peiling nog "
        "niet open? Zet haar dan eerst terug naar concept."
    ),
    DeleteUsed: gettext_lazy(
        "Deze peiling was al open: er zijn uitnodigingen of antwoorden. Daarom blijft ze bewaard."
    ),
    ConceptCited: gettext_lazy(
        "Een actiepunt noemt deze peiling als onderbouwing. Haal die onderbouwing eerst weg bij "
        "het actiepunt. Daarna kunt u het concept verwijderen."
    ),
}

PROBLEMS = {
    "no_questions": gettext_lazy("De peiling heeft nog geen vragen. Voeg minstens één vraag toe."),
    "too_few_options": gettext_lazy(
        "Vraag %(question)s heeft minder dan twee antwoorden om uit te kiezen. Voeg er een toe."
    ),
    "max_above_options": gettext_lazy(
        "Bij vraag %(question)s mag iemand meer antwoorden kiezen dan er zijn (%(count)s). "
        "Maak het maximum kleiner."
    ),
    "close_before_open": gettext_lazy(
        "De peiling sluit voordat ze opent. Kies een sluitingstijd na de openingstijd."
    ),
    "opens_in_past": gettext_lazy(
        "De openingstijd ligt in het verleden. Kies nu of een later moment."
    ),
    "closes_in_past": gettext_lazy("De sluitingstijd ligt in het verleden. Kies een later moment."),
    "empty_audience": gettext_lazy(
        "De peiling is voor bepaalde wijken, maar er is geen wijk gekozen. Kies minstens één wijk."
    ),
    "opening_fixed": gettext_lazy(
        "Deze peiling is al open geweest. De openingstijd kan niet meer veranderen."
    ),
}

STATUS_LABELS: dict[str, Promise] = {
    PollStatus.DRAFT: gettext_lazy("Concept"),
    PollStatus.SCHEDULED: gettext_lazy("Gepland"),
    PollStatus.OPEN: gettext_lazy("Open"),
    PollStatus.CLOSED: gettext_lazy("Gesloten"),
}


def problem_text(problem: Problem) -> str:
    return str(PROBLEMS[problem.code]) % {"question": problem.question, "count": problem.count}


def _report(request: HttpRequest, error: StudioError | ConceptCited) -> None:
    if isinstance(error, PublishRefused):
        for problem in error.problems:
            messages.error(request, problem_text(problem))
    else:
        messages.error(request, str(MESSAGES[type(error)]))


def _poll(poll_id: int) -> Poll:
    return get_object_or_404(Poll.objects.prefetch_related("wijken"), pk=poll_id)


def _gone_is_404(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """A concept deleted in another tab after this request read it: the service's locked read
    finds nothing, which is "not found" to the person, not a server error."""

    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        try:
            return view(request, *args, **kwargs)
        except Poll.DoesNotExist:
            raise Http404 from None

    return wrapped


# List and new ------------------------------------------------------------------------------


@werkgroep_only
def studio_list(request: HttpRequest) -> HttpResponse:
    by_status = panel_selectors.studio_polls()
    sections = [
        {"status": status, "label": STATUS_LABELS[status], "polls": by_status[status]}
        for status in (PollStatus.DRAFT, PollStatus.SCHEDULED, PollStatus.OPEN, PollStatus.CLOSED)
    ]
    return render(request, "werkgroep/studio/list.html", {"sections": sections})


@werkgroep_only
def studio_new(request: HttpRequest) -> HttpResponse:
    form = NewPollForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        poll = poll_editing.create_poll(**form.cleaned_data)
        messages.success(request, _("Concept gemaakt. Voeg nu vragen toe."))
        return redirect("werkgroep:studio_edit", poll_id=poll.pk)
    return render(request, "werkgroep/studio/new.html", {"form": form})


# The editor --------------------------------------------------------------------------------


def _editor_context(poll: Poll, **forms) -> dict:
    questions = list(poll.questions.order_by("order").prefetch_related("choices"))
    question_forms = forms.pop("question_forms", {})
    answered = publishing.has_answers(poll)
    locked = answered or poll.is_published
    status = poll.status
    return {
        "poll": poll,
        "status": status,
        "status_label": STATUS_LABELS[status],
        "locked": locked,
        "answered": answered,
        "settings_form": forms.get("settings_form")
        or PollSettingsForm(initial=PollSettingsForm.initial_for(poll), prefix="s"),
        "add_form": forms.get("add_form") or AddQuestionForm(prefix="add"),
        "questions": [
            {
                "question": q,
                "number": number,
                "form": question_forms.get(q.pk) or QuestionEditForm(q),
                "first": number == 1,
                "last": number == len(questions),
            }
            for number, q in enumerate(questions, 1)
        ],
        "can_add": not locked and len(questions) < poll_editing.MAX_QUESTIONS,
        "problems": [problem_text(p) for p in publishing.poll_problems(poll)]
        if status == PollStatus.DRAFT
        else [],
        "responses": poll.participations.count(),
    }


def _handle_question_post(request: HttpRequest, poll: Poll, action: str):
    """`do` is "<verb>:<id>"; every question post saves the texts first, then does the verb."""
    verb, _sep, raw_id = action.partition(":")
    try:
        target = int(raw_id)
    except ValueError:
        raise Http404 from None
    if verb.startswith("c-") and verb != "c-add":  # "c-add" names its question, not a choice
        choice = get_object_or_404(Choice, pk=target, question__poll=poll)
        question = choice.question
    else:
        question = get_object_or_404(Question, pk=target, poll=poll)
    form = QuestionEditForm(question, request.POST)
    if not form.is_valid():
        return form
    data = form.cleaned_data
    poll_editing.update_question(
        question_id=question.pk,
        text=data["text"],
        max_choices=data.get("max_choices"),
        choice_texts=form.choice_texts(),
        wellbeing=data.get("wellbeing"),
    )
    new_choice = data.get("new_choice", "").strip()
    if new_choice and verb in ("save", "c-add"):
        poll_editing.add_choice(question_id=question.pk, text=new_choice)
    if verb in ("up", "down"):
        poll_editing.move_question(question_id=question.pk, step=-1 if verb == "up" else 1)
    elif verb == "delete":
        poll_editing.delete_question(question_id=question.pk)
    elif verb in ("c-up", "c-down"):
        poll_editing.move_choice(choice_id=target, step=-1 if verb == "c-up" else 1)
    elif verb == "c-delete":
        poll_editing.delete_choice(choice_id=target)
    elif verb == "c-add" and not new_choice:
        raise EmptyText
    elif verb not in ("save", "c-add"):
        raise Http404
    return None


@werkgroep_only
@_gone_is_404
def studio_edit(request: HttpRequest, poll_id: int) -> HttpResponse:
    poll = _poll(poll_id)
    forms: dict = {}
    if request.method == "POST":
        action = request.POST.get("do", "")
        try:
            if action == "settings":
                settings_form = PollSettingsForm(request.POST, prefix="s")
                if settings_form.is_valid():
                    poll_editing.update_poll(poll_id=poll.pk, **settings_form.cleaned_data)
                    messages.success(request, _("Instellingen opgeslagen."))
                    return redirect("werkgroep:studio_edit", poll_id=poll.pk)
                forms["settings_form"] = settings_form
            elif action == "add-question":
                add_form = AddQuestionForm(request.POST, prefix="add")
                if add_form.is_valid():
                    question = poll_editing.add_question(poll_id=poll.pk, **add_form.cleaned_data)
                    messages.success(request, _("Vraag toegevoegd."))
                    return redirect(
                        reverse("werkgroep:studio_edit", args=[poll.pk]) + f"#vraag-{question.pk}"
                    )
                forms["add_form"] = add_form
            else:
                invalid = _handle_question_post(request, poll, action)
                if invalid is None:
                    messages.success(request, _("Opgeslagen."))
                    return redirect("werkgroep:studio_edit", poll_id=poll.pk)
                forms["question_forms"] = {invalid.question.pk: invalid}
        except StudioError as error:
            _report(request, error)
            return redirect("werkgroep:studio_edit", poll_id=poll.pk)
        poll = _poll(poll_id)
    return render(request, "werkgroep/studio/edit.html", _editor_context(poll, **forms))


@require_POST
@werkgroep_only
@_gone_is_404
def studio_publish(request: HttpRequest, poll_id: int) -> HttpResponse:
    poll = _poll(poll_id)
    try:
        poll = publishing.publish_poll(poll_id=poll.pk, open_now=request.POST.get("when") == "now")
    except StudioError as error:
        _report(request, error)
        return redirect("werkgroep:studio_edit", poll_id=poll.pk)
    if poll.status == PollStatus.OPEN:
        messages.success(
            request, _("Gepubliceerd. De peiling is open en de uitnodigingen gaan nu de deur uit.")
        )
    else:
        messages.success(
            request,
            _("Gepubliceerd. De peiling opent op de openingstijd; dan gaan de uitnodigingen mee."),
        )
    return redirect("werkgroep:studio_edit", poll_id=poll.pk)


@require_POST
@werkgroep_only
@_gone_is_404
def studio_close(request: HttpRequest, poll_id: int) -> HttpResponse:
    poll = _poll(poll_id)
    try:
        publishing.close_poll_early(poll_id=poll.pk)
    except StudioError as error:
        _report(request, error)
    else:
        messages.success(request, _("De peiling is gesloten. Niemand kan nog antwoorden."))
    return redirect("werkgroep:studio_edit", poll_id=poll.pk)


@require_POST
@werkgroep_only
@_gone_is_404
def studio_unpublish(request: HttpRequest, poll_id: int) -> HttpResponse:
    poll = _poll(poll_id)
    try:
        publishing.unpublish_poll(poll_id=poll.pk)
    except StudioError as error:
        _report(request, error)
    else:
        messages.success(
            request, _("De peiling is weer een concept. Niemand ziet haar tot u publiceert.")
        )
    return redirect("werkgroep:studio_edit", poll_id=poll.pk)


@require_POST
@werkgroep_only
@_gone_is_404
def studio_repeat(request: HttpRequest, poll_id: int) -> HttpResponse:
    poll = _poll(poll_id)
    copy = poll_editing.repeat_poll(poll_id=poll.pk)
    messages.success(
        request,
        _("Herhaling gemaakt als concept. Kies de tijden en publiceer als alles klopt."),
    )
    return redirect("werkgroep:studio_edit", poll_id=copy.pk)


@werkgroep_only
def studio_delete(request: HttpRequest, poll_id: int) -> HttpResponse:
    """Delete a concept: a page that asks first, then a POST. Anything else is refused."""
    poll = _poll(poll_id)
    refusal = services.concept_deletion_refusal(poll)
    if refusal is None and request.method == "POST":
        try:
            services.delete_concept_poll(poll_id=poll.pk)
        except Poll.DoesNotExist:  # deleted in the meantime (another tab)
            raise Http404 from None
        except (StudioError, ConceptCited) as error:  # published or cited in the meantime
            refusal = error
        else:
            messages.success(request, _("Het concept is verwijderd."))
            return redirect("werkgroep:studio")
    if refusal is not None:
        _report(request, refusal)
        return redirect("werkgroep:studio_edit", poll_id=poll.pk)
    context = {
        "poll": poll,
        "follow_up": FollowUpPoll.objects.filter(poll=poll).select_related("action_point").first(),
        "repeats": list(poll.repeats.order_by("opens_at", "pk")),
    }
    return render(request, "werkgroep/studio/delete.html", context)


# Follow-up poll from an action point ---------------------------------------------------------


@require_POST
@werkgroep_only
def action_follow_up(request: HttpRequest, pk: int) -> HttpResponse:
    point = get_object_or_404(ActionPoint, pk=pk)
    try:
        poll = services.ask_if_it_helps(action_point=point, by=signed_in_user(request))
    except ActionNotDone:
        messages.error(
            request, _("Dit actiepunt is nog niet klaar. Vraag pas of het helpt als het klaar is.")
        )
        return redirect("werkgroep:action", pk=point.pk)
    messages.success(
        request,
        _("Er staat een concept klaar. Kijk de vragen na, kies de tijden en publiceer."),
    )
    return redirect("werkgroep:studio_edit", poll_id=poll.pk)

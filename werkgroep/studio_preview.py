"""Preview of a poll as a caregiver sees it: the caregiver's own screens (panel templates) at
phone width, with a "voorbeeld" banner. Answers stay in the session for the walk through the
screens; nothing is ever stored as an answer."""

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse

from accounts.roles import area_required
from panel.forms import QuestionForm
from panel.models import Poll, Question, QuestionKind

werkgroep_only = area_required("werkgroep")


def _poll(poll_id: int) -> Poll:
    return get_object_or_404(Poll, pk=poll_id)


# Preview: the caregiver's screens, nothing stored --------------------------------------------


def _preview_key(poll: Poll) -> str:
    return f"studio_preview_{poll.pk}"


def _preview_questions(poll: Poll) -> list[Question]:
    return list(poll.questions.order_by("order").prefetch_related("choices"))


@werkgroep_only
def studio_preview(request: HttpRequest, poll_id: int) -> HttpResponse:
    poll = _poll(poll_id)
    request.session.pop(_preview_key(poll), None)
    return render(
        request,
        "werkgroep/studio/preview_start.html",
        {
            "poll": poll,
            "count": poll.questions.count(),
            "start_url": reverse("werkgroep:studio_preview_question", args=[poll.pk, 1]),
            "preview": True,
        },
    )


@werkgroep_only
def studio_preview_question(request: HttpRequest, poll_id: int, number: int) -> HttpResponse:
    poll = _poll(poll_id)
    questions = _preview_questions(poll)
    if not 1 <= number <= len(questions):
        raise Http404
    question = questions[number - 1]
    stored = request.session.get(_preview_key(poll), {})
    if request.method == "POST":
        form = QuestionForm(question, request.POST)
        if form.is_valid():
            stored[str(question.pk)] = form.as_session()
            request.session[_preview_key(poll)] = stored  # the session only, never an answer
            if number < len(questions):
                return redirect(
                    "werkgroep:studio_preview_question", poll_id=poll.pk, number=number + 1
                )
            return redirect("werkgroep:studio_preview_review", poll_id=poll.pk)
    else:
        form = QuestionForm(
            question,
            initial=QuestionForm.initial_from_session(question, stored.get(str(question.pk))),
        )
    back = (
        reverse("werkgroep:studio_preview_question", args=[poll.pk, number - 1])
        if number > 1
        else reverse("werkgroep:studio_preview", args=[poll.pk])
    )
    return render(
        request,
        "werkgroep/studio/preview_question.html",
        {
            "poll": poll,
            "question": question,
            "form": form,
            "number": number,
            "total": len(questions),
            "back": back,
            "preview": True,
        },
    )


@werkgroep_only
def studio_preview_review(request: HttpRequest, poll_id: int) -> HttpResponse:
    poll = _poll(poll_id)
    stored = request.session.get(_preview_key(poll), {})
    if request.method == "POST":
        request.session.pop(_preview_key(poll), None)
        return redirect("werkgroep:studio_preview_thanks", poll_id=poll.pk)
    rows = []
    for number, question in enumerate(_preview_questions(poll), 1):
        value = stored.get(str(question.pk)) or {}
        if question.kind == QuestionKind.TEXT:
            answers = [value["t"]] if value.get("t") else []
        else:
            names = {c.pk: c.text for c in question.choices.all()}
            answers = [names.get(i, "?") for i in value.get("c", [])]
        rows.append(
            {
                "number": number,
                "question": question.text,
                "answers": answers,
                "edit_url": reverse("werkgroep:studio_preview_question", args=[poll.pk, number]),
            }
        )
    return render(
        request,
        "werkgroep/studio/preview_review.html",
        {"poll": poll, "rows": rows, "preview": True},
    )


@werkgroep_only
def studio_preview_thanks(request: HttpRequest, poll_id: int) -> HttpResponse:
    poll = _poll(poll_id)
    return render(
        request,
        "werkgroep/studio/preview_thanks.html",
        {"poll": poll, "can_see_results": False, "preview": True},
    )

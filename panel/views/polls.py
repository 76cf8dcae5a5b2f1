"""Flash polls for members: invitation link, start, one question per screen (a draft in a
signed cookie, panel.drafts), review and vote, thanks, results."""

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from panel import access, drafts, poll_cache, selectors
from panel.exceptions import AlreadyVoted, NotInAudience, PanelError, PollUnavailable
from panel.forms import QuestionForm
from panel.models import PanelMember, Poll, QuestionKind
from panel.services.help import answers_call_for_help
from panel.services.polls import AnswerInput, cast_vote
from panel.tokens import read_invitation_token
from panel.views.common import message, not_a_member
from panel.views.support import HELP_KEY


def _poll_or_exit(request: HttpRequest, poll_id: int) -> tuple[Poll, PanelMember] | HttpResponse:
    """The poll (404 for concepts) and the member answering it; for anyone else, the page
    they go to instead (not_a_member)."""
    poll = poll_cache.get_poll(poll_id)  # questions, choices and wijken included
    if poll is None or not poll.is_published:  # concepts: 404
        raise Http404
    member = access.member_for_poll(user=request.user, session=request.session, poll_id=poll.pk)
    if member is None:
        return not_a_member(request)
    return poll, member


def _draft(request: HttpRequest, poll: Poll, member: PanelMember) -> dict:
    """The answers given so far: {question id: QuestionForm.as_session()} (panel.drafts)."""
    return drafts.read(request, poll_id=poll.pk, member_id=member.pk)


def _closed_page(
    request: HttpRequest, poll: Poll, member: PanelMember, error: PanelError
) -> HttpResponse:
    if isinstance(error, AlreadyVoted):
        return redirect("panel:poll_thanks", poll_id=poll.pk)
    context = {
        "poll": poll,
        "message": message(error),
        "can_see_results": access.can_see_results(poll, member),
    }
    status = 403 if isinstance(error, NotInAudience) else 200
    return render(request, "panel/poll_unavailable.html", context, status=status)


def _check_open(request: HttpRequest, poll: Poll, member: PanelMember) -> HttpResponse | None:
    """Before showing a screen of the poll: the closed page if it cannot be answered now."""
    try:
        access.check_poll_open_for(member=member, poll=poll)
        if access.has_answered(poll, member):
            raise AlreadyVoted
    except PanelError as error:
        return _closed_page(request, poll, member, error)
    return None


def invitation(request: HttpRequest, poll_id: int, token: str) -> HttpResponse:
    poll = get_object_or_404(Poll.objects.published(), pk=poll_id)  # concepts: 404
    try:
        member = read_invitation_token(token, poll_id=poll.pk)
    except PanelError as error:
        return render(
            request, "panel/invitation_invalid.html", {"message": message(error)}, status=400
        )
    if not request.user.is_authenticated:
        access.remember_invitation(request.session, poll_id=poll.pk, member=member)
    return redirect("panel:poll", poll_id=poll.pk)


def poll_start(request: HttpRequest, poll_id: int) -> HttpResponse:
    found = _poll_or_exit(request, poll_id)
    if isinstance(found, HttpResponse):
        return found
    poll, member = found
    if closed := _check_open(request, poll, member):
        return closed
    count = selectors.question_count(poll)
    return render(request, "panel/poll_start.html", {"poll": poll, "count": count})


def poll_question(request: HttpRequest, poll_id: int, number: int) -> HttpResponse:
    found = _poll_or_exit(request, poll_id)
    if isinstance(found, HttpResponse):
        return found
    poll, member = found
    if closed := _check_open(request, poll, member):
        return closed
    questions = selectors.questions_with_choices(poll)
    if not 1 <= number <= len(questions):
        raise Http404
    question = questions[number - 1]
    stored = _draft(request, poll, member)
    if request.method == "POST":
        form = QuestionForm(question, request.POST)
        if form.is_valid():
            stored[str(question.pk)] = form.as_session()
            if number < len(questions):
                response = redirect("panel:poll_question", poll_id=poll.pk, number=number + 1)
            else:
                response = redirect("panel:poll_review", poll_id=poll.pk)
            if drafts.write(response, stored, poll_id=poll.pk, member_id=member.pk):
                return response
            form.add_error(
                "answer", _("Uw antwoorden zijn samen te lang. Maak dit antwoord korter.")
            )
    else:
        form = QuestionForm(
            question,
            initial=QuestionForm.initial_from_session(question, stored.get(str(question.pk))),
        )
    context = {
        "poll": poll,
        "question": question,
        "form": form,
        "number": number,
        "total": len(questions),
        "back": reverse("panel:poll_question", args=[poll.pk, number - 1])
        if number > 1
        else reverse("panel:poll", args=[poll.pk]),
    }
    return render(request, "panel/poll_question.html", context)


def _review_rows(poll: Poll, stored: dict) -> tuple[list[dict], list[AnswerInput], int | None]:
    """What the member chose, for the check screen; and the first unanswered question."""
    rows, inputs, missing = [], [], None
    for number, question in enumerate(poll.questions.all(), 1):
        value = stored.get(str(question.pk))
        if question.kind == QuestionKind.TEXT:
            text = (value or {}).get("t", "")
            rows.append(
                {"number": number, "question": question.text, "answers": [text] if text else []}
            )
            inputs.append(AnswerInput(question_id=question.pk, text=text))
            continue
        ids = (value or {}).get("c", [])
        if not ids and missing is None:
            missing = number
        names = {c.pk: c.text for c in question.choices.all()}
        rows.append(
            {
                "number": number,
                "question": question.text,
                "answers": [names.get(i, "?") for i in ids],
            }
        )
        inputs.append(AnswerInput(question_id=question.pk, choice_ids=tuple(ids)))
    return rows, inputs, missing


def poll_review(request: HttpRequest, poll_id: int) -> HttpResponse:
    found = _poll_or_exit(request, poll_id)
    if isinstance(found, HttpResponse):
        return found
    poll, member = found
    stored = _draft(request, poll, member)
    if request.method == "POST":
        if not stored and access.has_answered(poll, member):
            messages.info(request, message(AlreadyVoted()))  # a second click on the same button
            return redirect("panel:poll_thanks", poll_id=poll.pk)
        return _vote(request, poll, member, stored)
    if closed := _check_open(request, poll, member):
        return closed
    selectors.prefetch_questions(poll)
    rows, _inputs, missing = _review_rows(poll, stored)
    if missing is not None:
        messages.info(request, _("U heeft deze vraag nog niet beantwoord."))
        return redirect("panel:poll_question", poll_id=poll.pk, number=missing)
    return render(request, "panel/poll_review.html", {"poll": poll, "rows": rows})


def _vote(request: HttpRequest, poll: Poll, member: PanelMember, stored: dict) -> HttpResponse:
    """The vote itself. cast_vote checks that the poll is open for this member (once per vote)
    and the unique constraint refuses a second response, so no separate checks here."""
    selectors.prefetch_questions(poll)  # read once, for the rows and for cast_vote
    _rows, inputs, missing = _review_rows(poll, stored)
    if missing is not None:
        try:
            access.check_poll_open_for(member=member, poll=poll)
        except PanelError as error:
            return _closed_page(request, poll, member, error)
        messages.info(request, _("U heeft deze vraag nog niet beantwoord."))
        return redirect("panel:poll_question", poll_id=poll.pk, number=missing)
    try:
        cast_vote(member=member, poll=poll, answers=inputs)
    except AlreadyVoted as error:
        messages.info(request, message(error))
        response = redirect("panel:poll_thanks", poll_id=poll.pk)
        drafts.clear(response, poll_id=poll.pk)
        return response
    except PollUnavailable as error:
        return _closed_page(request, poll, member, error)
    except PanelError as error:
        messages.error(request, message(error))
        response = redirect("panel:poll", poll_id=poll.pk)
        drafts.clear(response, poll_id=poll.pk)
        return response
    if answers_call_for_help(questions=poll.questions.all(), stored=stored):
        # Not a plain thank-you: the help page, with who to call now. Only the session knows.
        request.session[HELP_KEY] = {"poll": poll.pk, "wijk": member.wijk_id}
        response = redirect("panel:help")
    else:
        response = redirect("panel:poll_thanks", poll_id=poll.pk)
    drafts.clear(response, poll_id=poll.pk)  # sent: the browser forgets the answers
    return response


def poll_thanks(request: HttpRequest, poll_id: int) -> HttpResponse:
    found = _poll_or_exit(request, poll_id)
    if isinstance(found, HttpResponse):
        return found
    poll, member = found
    if not access.has_answered(poll, member):
        return redirect("panel:poll", poll_id=poll.pk)
    return render(
        request,
        "panel/poll_thanks.html",
        {"poll": poll, "can_see_results": access.can_see_results(poll, member)},
    )


def poll_results(request: HttpRequest, poll_id: int) -> HttpResponse:
    found = _poll_or_exit(request, poll_id)
    if isinstance(found, HttpResponse):
        return found
    poll, member = found
    if not access.can_see_results(poll, member):
        return render(
            request,
            "panel/poll_unavailable.html",
            {
                "poll": poll,
                "can_see_results": False,
                "message": _("U kunt de uitslag van deze vragen (nog) niet zien."),
            },
            status=403,
        )
    results = selectors.poll_results(poll_id=poll.pk)
    return render(request, "panel/poll_results.html", {"poll": poll, "results": results})

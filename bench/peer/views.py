"""The tutorial's vote view (part 4), and the same with a unique Vote row in one transaction."""

from django.contrib.auth.decorators import login_required
from django.db import IntegrityError, transaction
from django.db.models import F
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.views.decorators.http import require_POST

from bench.peer.models import Choice, Question, Vote


def results(request: HttpRequest, question_id: int) -> HttpResponse:
    question = get_object_or_404(Question, pk=question_id)
    lines = [f"{c.choice_text}: {c.votes}" for c in question.choice_set.all()]
    return HttpResponse("\n".join(lines), content_type="text/plain")


@require_POST
def vote(request: HttpRequest, question_id: int) -> HttpResponse:
    """The tutorial's view as written there (no transaction, no check who votes)."""
    question = get_object_or_404(Question, pk=question_id)
    try:
        selected_choice = question.choice_set.get(pk=request.POST["choice"])
    except (KeyError, ValueError, Choice.DoesNotExist):
        return HttpResponse("You didn't select a choice.", status=400)
    selected_choice.votes = F("votes") + 1
    selected_choice.save()
    return HttpResponseRedirect(reverse("bench_peer:results", args=(question.id,)))


@require_POST
@login_required
def vote_once(request: HttpRequest, question_id: int) -> HttpResponse:
    """The minimal correct one-vote-per-person view: the tutorial's vote plus a unique
    Vote(user, question) row, both in one transaction."""
    question = get_object_or_404(Question, pk=question_id)
    try:
        selected_choice = question.choice_set.get(pk=request.POST["choice"])
    except (KeyError, ValueError, Choice.DoesNotExist):
        return HttpResponse("You didn't select a choice.", status=400)
    try:
        with transaction.atomic():
            Vote.objects.create(user=request.user, question=question)
            selected_choice.votes = F("votes") + 1
            selected_choice.save()
    except IntegrityError:
        return HttpResponse("You voted already.", status=409)
    return HttpResponseRedirect(reverse("bench_peer:results", args=(question.id,)))

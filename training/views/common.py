"""What every training view shares: the domain messages in Dutch and small helpers."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy

from training.exceptions import (
    AlreadyAnswered,
    InvalidOptions,
    InvalidReferral,
    ModuleNotAvailable,
    NoOptionChosen,
    QuestionNotDrawn,
    QuestionNotInModule,
    QuestionsNotReached,
    ReferralLocked,
    RetryNotAllowed,
)
from training.models import Module

MESSAGES = {
    ModuleNotAvailable: gettext_lazy("Deze module is niet beschikbaar."),
    QuestionNotInModule: gettext_lazy(
        "Deze vraag hoort niet bij deze module. Uw antwoord is niet opgeslagen."
    ),
    QuestionNotDrawn: gettext_lazy(
        "Deze vraag hoort niet bij uw poging. Uw antwoord is niet opgeslagen."
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
    ReferralLocked: gettext_lazy(
        "Deze verwijzing is ouder dan een week. Wijzigen of verwijderen kan niet meer."
    ),
}


def bad_request(request: HttpRequest, message: str | Promise) -> HttpResponse:
    return render(request, "training/bad_request.html", {"message": message}, status=400)


def published_module(slug: str) -> Module:
    return get_object_or_404(Module, slug=slug, published=True)


def parse_ids(values: list[str]) -> list[int] | None:
    try:
        return [int(v) for v in values]
    except (TypeError, ValueError):
        return None

"""What the panel's views share: the Dutch message for each domain error, the roles, and the
one place that decides what happens to someone who is not (yet) a panel member."""

from collections.abc import Callable
from functools import wraps

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy

from accounts.models import Role
from accounts.roles import has_role
from panel import access
from panel.exceptions import (
    AlreadyMember,
    AlreadyRegistered,
    AlreadyVoted,
    ExpiredCancelLink,
    ExpiredInvitation,
    GesprekCancelled,
    GesprekPast,
    InvalidAnswer,
    InvalidCancelLink,
    InvalidInvitation,
    NoContactPoint,
    NotAllowedPlace,
    NotAMember,
    NotInAudience,
    PanelError,
    PollClosed,
    PollNotOpenYet,
)

MESSAGES = {
    NotAMember: gettext_lazy("U doet nog niet mee met het panel. Meld u eerst aan."),
    AlreadyMember: gettext_lazy(
        "Dit e-mailadres hoort bij een ander soort account. Log in met dat account."
    ),
    PollNotOpenYet: gettext_lazy("Deze vragen staan nog niet open. Kom later terug."),
    PollClosed: gettext_lazy("Deze vragen zijn gesloten. U kunt niet meer antwoorden."),
    NotInAudience: gettext_lazy("Deze vragen zijn voor een andere wijk. U hoeft niets te doen."),
    AlreadyVoted: gettext_lazy("U heeft deze vragen al beantwoord. Dank u wel!"),
    InvalidAnswer: gettext_lazy(
        "Er ging iets mis met uw antwoord. Er is niets bewaard. Probeer het opnieuw."
    ),
    InvalidInvitation: gettext_lazy(
        "Deze link klopt niet. Gebruik de link uit uw eigen e-mail, of log in."
    ),
    ExpiredInvitation: gettext_lazy("Deze link is verlopen. Log in om toch te antwoorden."),
    NotAllowedPlace: gettext_lazy("U kunt zich niet voor deze plaats aanmelden."),
    AlreadyRegistered: gettext_lazy("U bent al aangemeld voor dit gesprek."),
    GesprekPast: gettext_lazy("Dit gesprek is al geweest. Aanmelden kan niet meer."),
    GesprekCancelled: gettext_lazy("Dit gesprek gaat niet door. Aanmelden kan niet meer."),
    InvalidCancelLink: gettext_lazy("Deze link klopt niet. Log in om u af te melden."),
    NoContactPoint: gettext_lazy(
        "Dit lukt nu niet. Bel een van de nummers op deze pagina. Zij helpen u verder."
    ),
    ExpiredCancelLink: gettext_lazy("Deze link werkt niet meer: het gesprek is voorbij."),
}

EVERYONE = (Role.CAREGIVER, Role.PROFESSIONAL, Role.WERKGROEP, Role.ADMIN)
ORGANISERS = (Role.WERKGROEP, Role.ADMIN)


def message(error: PanelError) -> str:
    return str(MESSAGES[type(error)])


def not_a_member(request: HttpRequest) -> HttpResponse:
    """Where someone without a panel membership goes: not logged in, to log in (and back);
    a caregiver, to join; anyone else may not be here."""
    if not request.user.is_authenticated:
        return redirect(reverse("account_login") + "?next=" + request.get_full_path())
    if has_role(request.user, Role.CAREGIVER):
        return redirect("panel:join")
    raise PermissionDenied


def member_required(view: Callable) -> Callable:
    """For pages about the logged-in member: passes `member`, or sends others to not_a_member."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        member = access.active_member(request.user)
        if member is None:
            return not_a_member(request)
        return view(request, *args, member=member, **kwargs)

    return wrapper

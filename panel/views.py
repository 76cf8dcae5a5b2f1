"""Thin views: parse, call a service, render. Domain errors become Dutch messages here."""

import csv
import json

from django.contrib import messages
from django.contrib.auth import logout
from django.core.exceptions import PermissionDenied
from django.core.serializers.json import DjangoJSONEncoder
from django.db.models import Prefetch, prefetch_related_objects
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from accounts.models import Role
from accounts.roles import area_required, has_role, role_required
from panel import selectors, services
from panel.exceptions import (
    AlreadyMember,
    AlreadyRegistered,
    AlreadyVoted,
    ExpiredInvitation,
    GesprekCancelled,
    GesprekPast,
    InvalidAnswer,
    InvalidCancelLink,
    InvalidInvitation,
    NotAllowedPlace,
    NotAMember,
    NotInAudience,
    PanelError,
    PollClosed,
    PollNotOpenYet,
)
from panel.forms import (
    AgeForm,
    CaregiverRegistrationForm,
    CareHoursForm,
    ConsentForm,
    EmailForm,
    ListenerRegistrationForm,
    QuestionForm,
    RelationForm,
    WijkForm,
    WorksForm,
)
from panel.models import (
    PanelMember,
    Poll,
    Question,
    Registration,
    RegistrationKind,
    RegistrationStatus,
    Spiegelgesprek,
)
from sociale_kaart.models import Wijk

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
}

EVERYONE = (Role.CAREGIVER, Role.PROFESSIONAL, Role.WERKGROEP, Role.BEHEER)
ORGANISERS = (Role.WERKGROEP, Role.BEHEER)
INVITES_KEY = services.INVITES_KEY
JOIN_KEY = "panel_join"


def _message(error: PanelError) -> str:
    return str(MESSAGES[type(error)])


# Start page ---------------------------------------------------------------------------------


@area_required("panel")
def home(request: HttpRequest) -> HttpResponse:
    member = services.active_member(request.user)
    context = {"member": member}
    if member is not None:
        context["open_polls"] = selectors.open_polls_for(member)
        context["answered_polls"] = selectors.answered_polls_for(member)[:5]
        context["registrations"] = selectors.my_registrations(user=request.user)
    return render(request, "panel/home.html", context)


# Joining --------------------------------------------------------------------------------------

JOIN_STEPS = [
    ("email", EmailForm),
    ("toestemming", ConsentForm),
    ("wijk", WijkForm),
    ("leeftijd", AgeForm),
    ("zorg-voor", RelationForm),
    ("uren", CareHoursForm),
    ("werk", WorksForm),
]


def _join_steps(request: HttpRequest) -> list[str]:
    steps = [slug for slug, _form in JOIN_STEPS]
    if request.user.is_authenticated:
        steps.remove("email")  # a logged-in caregiver already gave us an address
    return steps


def join(request: HttpRequest, step: str = "") -> HttpResponse:
    if request.user.is_authenticated and not has_role(request.user, Role.CAREGIVER):
        raise PermissionDenied
    if services.active_member(request.user) is not None:
        messages.info(request, _("U doet al mee met het panel."))
        return redirect("panel:home")
    steps = _join_steps(request)
    step = step or steps[0]
    if step not in steps:
        raise Http404
    index = steps.index(step)
    data = request.session.get(JOIN_KEY, {})
    # One cannot skip ahead past the e-mail address or the consent.
    for earlier in steps[:index]:
        if earlier in ("email", "toestemming") and earlier not in data:
            return redirect("panel:join_step", step=earlier)
    form_class = dict(JOIN_STEPS)[step]
    if request.method == "POST":
        form = form_class(request.POST)
        if form.is_valid():
            value = (
                form.cleaned_data.get("email")
                or form.cleaned_data.get("consent")
                or form.cleaned_data.get("value", "")
            )
            data[step] = value
            request.session[JOIN_KEY] = data
            if index + 1 < len(steps):
                return redirect("panel:join_step", step=steps[index + 1])
            return _finish_join(request, data)
    else:
        initial = data.get(step)
        form = form_class(
            initial={"email": initial, "value": initial} if initial not in (None, True) else None
        )
    context = {
        "form": form,
        "step": step,
        "number": index + 1,
        "total": len(steps),
        "back": reverse("panel:join_step", args=[steps[index - 1]]) if index else None,
        "optional": step not in ("email", "toestemming"),
        "privacy_version": services.PRIVACY_VERSION,
    }
    return render(request, "panel/join_step.html", context)


def _finish_join(request: HttpRequest, data: dict) -> HttpResponse:
    from allauth.account.internal.flows.login_by_code import LoginCodeVerificationProcess
    from allauth.core import ratelimit

    email = request.user.email if request.user.is_authenticated else data["email"]
    # Same limit as allauth's own "send me a code" form, so joining cannot flood a mailbox.
    if not request.user.is_authenticated and not ratelimit.consume(
        request, action="request_login_code", key=email.lower()
    ):
        messages.error(
            request,
            _("U heeft al een paar codes gevraagd. Wacht een minuut en probeer het opnieuw."),
        )
        return redirect("panel:join_step", step=_join_steps(request)[-1])
    wijk = Wijk.objects.filter(pk=data.get("wijk") or None).first()
    works = {"yes": True, "no": False}.get(data.get("werk", ""))
    try:
        user = services.join_panel(
            email=email,
            consent_version=services.PRIVACY_VERSION,
            wijk=wijk,
            age_band=data.get("leeftijd", ""),
            relation=data.get("zorg-voor", ""),
            care_hours=data.get("uren", ""),
            works=works,
        )
    except PanelError as error:
        messages.error(request, _message(error))
        return redirect("panel:join")
    request.session.pop(JOIN_KEY, None)
    if request.user.is_authenticated:
        messages.success(request, _("Welkom in het panel!"))
        return redirect("panel:home")
    # Log in by e-mailed code, through allauth's own flow and pages.
    LoginCodeVerificationProcess.initiate(request=request, user=user, email=user.email)
    return redirect(reverse("account_confirm_login_code") + "?next=" + reverse("panel:home"))


# My data ----------------------------------------------------------------------------------


def _member_or_join(request: HttpRequest) -> PanelMember | None:
    return services.active_member(request.user)


@area_required("panel")
def my_data(request: HttpRequest) -> HttpResponse:
    member = _member_or_join(request)
    if member is None:
        return redirect("panel:join")
    return render(
        request,
        "panel/my_data.html",
        {"data": services.export_member_data(member=member), "member": member},
    )


@area_required("panel")
def export_json(request: HttpRequest) -> HttpResponse:
    member = _member_or_join(request)
    if member is None:
        return redirect("panel:join")
    body = json.dumps(
        services.export_member_data(member=member),
        cls=DjangoJSONEncoder,
        ensure_ascii=False,
        indent=2,
    )
    response = HttpResponse(body, content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="mijn-gegevens.json"'
    return response


@area_required("panel")
def export_csv(request: HttpRequest) -> HttpResponse:
    member = _member_or_join(request)
    if member is None:
        return redirect("panel:join")
    data = services.export_member_data(member=member)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="mijn-gegevens.csv"'
    writer = csv.writer(response)
    writer.writerow(["onderdeel", "nummer", "veld", "waarde"])
    for section in ("account", "member"):
        for key, value in data[section].items():
            writer.writerow([section, 1, key, "" if value is None else value])
    for section in ("participations", "answers", "registrations"):
        for number, row in enumerate(data[section], 1):
            for key, value in row.items():
                writer.writerow([section, number, key, "" if value is None else value])
    return response


@area_required("panel")
def leave(request: HttpRequest) -> HttpResponse:
    member = _member_or_join(request)
    if member is None:
        return redirect("panel:join")
    if request.method == "POST":
        services.leave_panel(member=member)
        logout(request)
        messages.success(request, _("U doet niet meer mee. We hebben uw gegevens gewist."))
        return redirect("home")
    return render(request, "panel/leave.html")


# Polls ----------------------------------------------------------------------------------------


def _poll_member(request: HttpRequest, poll: Poll) -> PanelMember | None:
    """The member answering: the logged-in one, or the one whose invitation link was used."""
    member = services.active_member(request.user)
    if member is None and not request.user.is_authenticated:
        member_id = request.session.get(INVITES_KEY, {}).get(str(poll.pk))
        if member_id:
            member = (
                PanelMember.objects.filter(pk=member_id, left_at=None)
                .select_related("wijk")
                .first()
            )
    return member


def _poll_or_exit(
    request: HttpRequest, poll_id: int
) -> tuple[Poll, PanelMember | None, HttpResponse | None]:
    poll = get_object_or_404(Poll.objects.published(), pk=poll_id)  # concepts do not exist here
    member = _poll_member(request, poll)
    if member is not None:
        return poll, member, None
    if not request.user.is_authenticated:
        return poll, None, redirect(reverse("account_login") + "?next=" + request.get_full_path())
    if has_role(request.user, Role.CAREGIVER):
        return poll, None, redirect("panel:join")
    raise PermissionDenied


def _session_key(poll: Poll) -> str:
    return f"panel_poll_{poll.pk}"


def _closed_page(
    request: HttpRequest, poll: Poll, member: PanelMember, error: PanelError
) -> HttpResponse:
    status = 403 if isinstance(error, NotInAudience) else 200
    if isinstance(error, AlreadyVoted):
        return redirect("panel:poll_thanks", poll_id=poll.pk)
    context = {
        "poll": poll,
        "message": _message(error),
        "can_see_results": services.can_see_results(poll, member),
    }
    return render(request, "panel/poll_unavailable.html", context, status=status)


def _check_open(request, poll, member) -> HttpResponse | None:
    try:
        services.check_poll_open_for(member=member, poll=poll)
        if poll.participations.filter(member=member).exists():
            raise AlreadyVoted
    except PanelError as error:
        return _closed_page(request, poll, member, error)
    return None


def invitation(request: HttpRequest, poll_id: int, token: str) -> HttpResponse:
    poll = get_object_or_404(Poll.objects.published(), pk=poll_id)
    try:
        member = services.read_invitation_token(token, poll_id=poll.pk)
    except PanelError as error:
        return render(
            request, "panel/invitation_invalid.html", {"message": _message(error)}, status=400
        )
    if not request.user.is_authenticated:
        invites = request.session.get(INVITES_KEY, {})
        invites[str(poll.pk)] = member.pk
        request.session[INVITES_KEY] = invites
    return redirect("panel:poll", poll_id=poll.pk)


def poll_start(request: HttpRequest, poll_id: int) -> HttpResponse:
    poll, member, exit_response = _poll_or_exit(request, poll_id)
    if exit_response:
        return exit_response
    if closed := _check_open(request, poll, member):
        return closed
    count = poll.questions.count()
    return render(request, "panel/poll_start.html", {"poll": poll, "count": count})


def poll_question(request: HttpRequest, poll_id: int, number: int) -> HttpResponse:
    poll, member, exit_response = _poll_or_exit(request, poll_id)
    if exit_response:
        return exit_response
    if closed := _check_open(request, poll, member):
        return closed
    questions = list(poll.questions.prefetch_related("choices").order_by("order"))
    if not 1 <= number <= len(questions):
        raise Http404
    question = questions[number - 1]
    stored = request.session.get(_session_key(poll), {})
    if request.method == "POST":
        form = QuestionForm(question, request.POST)
        if form.is_valid():
            stored[str(question.pk)] = form.as_session()
            request.session[_session_key(poll)] = stored
            if number < len(questions):
                return redirect("panel:poll_question", poll_id=poll.pk, number=number + 1)
            return redirect("panel:poll_review", poll_id=poll.pk)
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


def _review_rows(
    poll: Poll, stored: dict
) -> tuple[list[dict], list[services.AnswerInput], int | None]:
    """What the member chose, for the check screen; and the first unanswered question."""
    rows, inputs, missing = [], [], None
    for number, question in enumerate(poll.questions.all(), 1):
        value = stored.get(str(question.pk))
        if question.kind == "text":
            text = (value or {}).get("t", "")
            rows.append(
                {"number": number, "question": question.text, "answers": [text] if text else []}
            )
            inputs.append(services.AnswerInput(question_id=question.pk, text=text))
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
        inputs.append(services.AnswerInput(question_id=question.pk, choice_ids=tuple(ids)))
    return rows, inputs, missing


def poll_review(request: HttpRequest, poll_id: int) -> HttpResponse:
    poll, member, exit_response = _poll_or_exit(request, poll_id)
    if exit_response:
        return exit_response
    stored = request.session.get(_session_key(poll), {})
    if request.method == "POST" and stored:
        # The vote itself: cast_vote checks the poll and the unique constraint refuses a second
        # response, so no separate participation SELECTs here. Questions and choices are read
        # once, for both the review rows and cast_vote.
        try:
            services.check_poll_open_for(member=member, poll=poll)
        except PanelError as error:
            return _closed_page(request, poll, member, error)
    elif request.method == "POST" and poll.participations.filter(member=member).exists():
        messages.info(request, _message(AlreadyVoted()))  # a second click on the same button
        return redirect("panel:poll_thanks", poll_id=poll.pk)
    elif closed := _check_open(request, poll, member):
        return closed
    prefetch_related_objects(
        [poll],
        Prefetch("questions", queryset=Question.objects.order_by("order")),
        "questions__choices",
    )
    rows, inputs, missing = _review_rows(poll, stored)
    if missing is not None:
        messages.info(request, _("U heeft deze vraag nog niet beantwoord."))
        return redirect("panel:poll_question", poll_id=poll.pk, number=missing)
    if request.method == "POST":
        try:
            services.cast_vote(member=member, poll=poll, answers=inputs)
        except AlreadyVoted as error:
            messages.info(request, _message(error))
            return redirect("panel:poll_thanks", poll_id=poll.pk)
        except PanelError as error:
            messages.error(request, _message(error))
            request.session.pop(_session_key(poll), None)
            return redirect("panel:poll", poll_id=poll.pk)
        request.session.pop(_session_key(poll), None)
        return redirect("panel:poll_thanks", poll_id=poll.pk)
    return render(request, "panel/poll_review.html", {"poll": poll, "rows": rows})


def poll_thanks(request: HttpRequest, poll_id: int) -> HttpResponse:
    poll, member, exit_response = _poll_or_exit(request, poll_id)
    if exit_response:
        return exit_response
    if not poll.participations.filter(member=member).exists():
        return redirect("panel:poll", poll_id=poll.pk)
    return render(
        request,
        "panel/poll_thanks.html",
        {"poll": poll, "can_see_results": services.can_see_results(poll, member)},
    )


def poll_results(request: HttpRequest, poll_id: int) -> HttpResponse:
    poll, member, exit_response = _poll_or_exit(request, poll_id)
    if exit_response:
        return exit_response
    if not services.can_see_results(poll, member):
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


# Spiegelgesprekken --------------------------------------------------------------------------


@role_required(*EVERYONE)
def gesprekken(request: HttpRequest) -> HttpResponse:
    rows = selectors.upcoming_gesprekken()
    mine = {r.gesprek_id: r for r in selectors.my_registrations(user=request.user)}
    for row in rows:
        row["mine"] = mine.get(row["id"])
        row["caregivers_free"] = max(row["caregiver_places"] - row["caregivers_taken"], 0)
        row["listeners_free"] = max(row["listener_places"] - row["listeners_taken"], 0)
    return render(
        request, "panel/gesprekken.html", {"rows": rows, "kind": services.kind_for(request.user)}
    )


def _registration_form(kind: str, *args):
    return (
        CaregiverRegistrationForm
        if kind == RegistrationKind.CAREGIVER
        else ListenerRegistrationForm
    )(*args)


@role_required(*EVERYONE)
def gesprek(request: HttpRequest, gesprek_id: int) -> HttpResponse:
    item = get_object_or_404(
        Spiegelgesprek.objects.prefetch_related("vraaggebieden"), pk=gesprek_id
    )
    kind = services.kind_for(request.user)
    mine = (
        item.registrations.filter(user=request.user)
        .exclude(status=RegistrationStatus.CANCELLED)
        .first()
    )
    form = _registration_form(kind)
    if request.method == "POST" and mine is None:
        form = _registration_form(kind, request.POST)
        if form.is_valid():
            try:
                registration = services.register_for_gesprek(
                    gesprek_id=item.pk, user=request.user, kind=kind, **form.cleaned_data
                )
            except PanelError as error:
                messages.error(request, _message(error))
            else:
                if registration.status == RegistrationStatus.REGISTERED:
                    messages.success(
                        request, _("U bent aangemeld. U krijgt een e-mail met de afspraak.")
                    )
                else:
                    messages.info(
                        request,
                        _(
                            "Het gesprek is vol. U staat op de wachtlijst. Komt er een plaats vrij? Dan mailen we u."
                        ),
                    )
                return redirect("panel:gesprek", gesprek_id=item.pk)
    taken = item.registrations.filter(kind=kind, status=RegistrationStatus.REGISTERED).count()
    context = {
        "gesprek": item,
        "mine": mine,
        "form": form,
        "kind": kind,
        "free": max(item.places_for(kind) - taken, 0),
        "past": item.starts_at <= timezone.now(),
    }
    return render(request, "panel/gesprek.html", context)


@require_POST
@role_required(*EVERYONE)
def cancel_registration(request: HttpRequest, registration_id: int) -> HttpResponse:
    registration = get_object_or_404(Registration, pk=registration_id, user=request.user)
    services.cancel_registration(registration_id=registration.pk, user=request.user)
    messages.success(request, _("U bent afgemeld. Dank u wel dat u het laat weten."))
    return redirect("panel:gesprek", gesprek_id=registration.gesprek_id)


def cancel_by_link(request: HttpRequest, token: str) -> HttpResponse:
    try:
        registration = services.read_cancel_token(token)
    except PanelError as error:
        return render(
            request, "panel/invitation_invalid.html", {"message": _message(error)}, status=400
        )
    if request.method == "POST":
        services.cancel_registration(registration_id=registration.pk)
        registration.refresh_from_db()
    return render(request, "panel/cancel_by_link.html", {"registration": registration})


# Organisers ---------------------------------------------------------------------------------


@role_required(*ORGANISERS)
def organise(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "panel/organise.html",
        {
            "upcoming": selectors.upcoming_gesprekken(),
            "past": selectors.past_gesprekken(),
        },
    )


def _organiser_context(gesprek_id: int) -> dict:
    item = get_object_or_404(Spiegelgesprek, pk=gesprek_id)
    registrations = list(
        item.registrations.exclude(status=RegistrationStatus.CANCELLED)
        .select_related("user")
        .order_by("kind", "status", "created_at", "pk")
    )
    return {
        "gesprek": item,
        "caregivers": [r for r in registrations if r.kind == RegistrationKind.CAREGIVER],
        "listeners": [r for r in registrations if r.kind == RegistrationKind.LISTENER],
    }


@role_required(*ORGANISERS)
def organise_gesprek(request: HttpRequest, gesprek_id: int) -> HttpResponse:
    return render(request, "panel/organise_gesprek.html", _organiser_context(gesprek_id))


@role_required(*ORGANISERS)
def checkin_list(request: HttpRequest, gesprek_id: int) -> HttpResponse:
    context = _organiser_context(gesprek_id)
    context["present"] = [
        r
        for r in context["caregivers"] + context["listeners"]
        if r.status == RegistrationStatus.REGISTERED
    ]
    return render(request, "panel/checkin.html", context)

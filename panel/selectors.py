"""Reads of the panel that other apps (werkgroep, scale) may import. Plain data only.

No selector here ever returns who said what: free-text answers come without member info,
and breakdowns come from the snapshot on the answer, never from the member.
"""

from collections import defaultdict
from collections.abc import Sequence
from datetime import date

from django.db.models import (
    Count,
    F,
    Func,
    IntegerField,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    Sum,
    Value,
    prefetch_related_objects,
)
from django.db.models.functions import Cast, Coalesce, NullIf, TruncMonth
from django.utils import timezone

from panel.models import (
    AgeBand,
    Answer,
    Audience,
    CareHours,
    Choice,
    PanelMember,
    Poll,
    Question,
    QuestionKind,
    Registration,
    RegistrationKind,
    RegistrationStatus,
    Relation,
    ResultTally,
    Spiegelgesprek,
)
from sociale_kaart.models import Wijk

BREAKDOWN_DIMENSIONS: dict[str, dict[str, str]] = {
    "wijk": {},  # labels are wijk names, filled at call time
    "age_band": {value: str(label) for value, label in AgeBand.choices},
    "relation": {value: str(label) for value, label in Relation.choices},
    "works": {"yes": "Betaald werk", "no": "Geen betaald werk"},
    "care_hours": {value: str(label) for value, label in CareHours.choices},
}
UNKNOWN_GROUP = "Onbekend"


def panel_size() -> int:
    return PanelMember.objects.filter(left_at=None).count()


def _members_during_poll() -> QuerySet:
    """Members who were in the panel at some moment while the (outer) poll was open."""
    return PanelMember.objects.filter(
        Q(left_at__isnull=True) | Q(left_at__gte=OuterRef("opens_at")),
        joined_at__lte=OuterRef("closes_at"),
    )


def _count(queryset: QuerySet) -> Subquery:
    return Subquery(
        queryset.order_by().annotate(n=Func(F("pk"), function="COUNT")).values("n")[:1],
        output_field=IntegerField(),
    )


def tagged_questions(
    *, kinds: Sequence[str] = ("single", "multiple", "scale")
) -> list[tuple[int, str, str]]:
    """(question id, vraaggebied code, kind) of questions tagged with a vraaggebied. No answers."""
    return list(
        Question.objects.filter(vraaggebied__isnull=False, kind__in=kinds)
        .values_list("pk", "vraaggebied__code", "kind")
        .order_by("pk")
    )


def polls_overview() -> list[dict]:
    """Each poll with its audience: the members who were in the panel (and, for a poll for
    some wijken, lived there) while it was open, so people who answered and left later still
    count, and the response rate is a real rate. One query, however many polls or members."""
    now = timezone.now()
    poll_wijken = Poll.wijken.through.objects.filter(poll_id=OuterRef(OuterRef("pk"))).values(
        "wijk_id"
    )
    polls = Poll.objects.annotate(
        responses=Coalesce(
            Subquery(
                ResultTally.objects.filter(poll=OuterRef("pk"), question_ref=0, dimension="")
                .order_by()
                .values("poll")
                .annotate(n=Sum("count"))
                .values("n")[:1]
            ),
            0,
        ),
        audience_all=_count(_members_during_poll()),
        audience_wijken=_count(_members_during_poll().filter(wijk_id__in=poll_wijken)),
    ).order_by("-opens_at")
    rows = []
    for poll in polls:
        size = (poll.audience_all if poll.audience == Audience.ALL else poll.audience_wijken) or 0
        rows.append(
            {
                "id": poll.pk,
                "title": poll.title,
                "status": poll.status_at(now),
                "opens_at": poll.opens_at,
                "closes_at": poll.closes_at,
                "audience_size": size,
                "responses": poll.responses,
                "response_rate": (poll.responses / size) if size else 0.0,
            }
        )
    return rows


def poll_results(*, poll_id: int) -> dict:
    """Counts per choice, in a fixed number of queries however many votes there are."""
    poll = Poll.objects.get(pk=poll_id)
    questions = list(Question.objects.filter(poll=poll).order_by("order"))
    choices = list(Choice.objects.filter(question__poll=poll).order_by("question_id", "order"))
    # From the counters kept with each vote (ResultTally): constant time in the number of votes.
    counts = dict(
        ResultTally.objects.filter(poll=poll, dimension="")
        .order_by()
        .values("choice_ref")
        .annotate(n=Sum("count"))
        .values_list("choice_ref", "n")
    )
    poll.respondents = counts.pop(0, 0)
    # Choice questions are answered by every respondent; text questions may stay empty.
    text_counts = dict(
        Answer.objects.filter(question__poll=poll, choice__isnull=True)
        .values("question")
        .annotate(n=Count("pk"))
        .values_list("question", "n")
    )
    by_question: dict[int, list[Choice]] = defaultdict(list)
    for choice in choices:
        by_question[choice.question_id].append(choice)
    out = []
    for question in questions:
        total = (
            text_counts.get(question.pk, 0)
            if question.kind == QuestionKind.TEXT
            else poll.respondents
        )
        out.append(
            {
                "id": question.pk,
                "text": question.text,
                "kind": question.kind,
                "order": question.order,
                "total": total,
                "choices": [
                    {
                        "id": c.pk,
                        "text": c.text,
                        "face": c.face,
                        "value": c.value,
                        "count": counts.get(c.pk, 0),
                        "percent": round(100 * counts.get(c.pk, 0) / total) if total else 0,
                    }
                    for c in by_question[question.pk]
                ],
            }
        )
    return {
        "poll": {
            "id": poll.pk,
            "title": poll.title,
            "status": poll.status,
            "opens_at": poll.opens_at,
            "closes_at": poll.closes_at,
            "anonymous": poll.anonymous,
        },
        "respondents": poll.respondents,
        "questions": out,
    }


def breakdown_counts(*, question_id: int, dimension: str) -> dict[tuple[str, int], int]:
    """Raw counts per (group label, choice id). NOT suppressed: the caller suppresses small cells."""
    if dimension not in BREAKDOWN_DIMENSIONS:
        raise ValueError(f"unknown dimension {dimension!r}")
    # From the counters kept with each vote (ResultTally), one row per group, choice and slot.
    tallies = ResultTally.objects.filter(question_ref=question_id, dimension=dimension).order_by()
    if dimension == "wijk":
        wijk_name = Wijk.objects.filter(
            pk=Cast(NullIf(OuterRef("group_value"), Value("")), IntegerField())
        )
        rows = tallies.values_list(Subquery(wijk_name.values("name")[:1]), "choice_ref").annotate(
            n=Sum("count")
        )
        labels = {}
    else:
        rows = tallies.values_list("group_value", "choice_ref").annotate(n=Sum("count"))
        labels = BREAKDOWN_DIMENSIONS[dimension]
    out: dict[tuple[str, int], int] = {}
    for value, choice, n in rows:
        key = (value or UNKNOWN_GROUP) if dimension == "wijk" else labels.get(value, UNKNOWN_GROUP)
        out[(key, choice)] = out.get((key, choice), 0) + n
    return out


def free_text_answers(*, question_id: int | None = None, status: str | None = None) -> list[dict]:
    answers = Answer.objects.filter(choice__isnull=True)
    if question_id is not None:
        answers = answers.filter(question_id=question_id)
    if status is not None:
        answers = answers.filter(status=status)
    return [
        {
            "id": a["pk"],
            "question_id": a["question_id"],
            "text": a["text"],
            "status": a["status"],
            "created": a["created_at"],
        }
        for a in answers.order_by("created_at", "pk").values(
            "pk", "question_id", "text", "status", "created_at"
        )
    ]


def panel_growth() -> list[dict]:
    """Per month: members joined, members left, and active members at the end of the month."""
    joined = dict(
        PanelMember.objects.annotate(m=TruncMonth("joined_at"))
        .values("m")
        .annotate(n=Count("pk"))
        .values_list("m", "n")
    )
    left = dict(
        PanelMember.objects.filter(left_at__isnull=False)
        .annotate(m=TruncMonth("left_at"))
        .values("m")
        .annotate(n=Count("pk"))
        .values_list("m", "n")
    )

    def as_date(value) -> date:
        return value.date() if hasattr(value, "date") else value

    joined = {as_date(k): v for k, v in joined.items()}
    left = {as_date(k): v for k, v in left.items()}
    months = sorted(set(joined) | set(left))
    rows, active = [], 0
    for month in months:
        active += joined.get(month, 0) - left.get(month, 0)
        rows.append(
            {
                "month": month,
                "joined": joined.get(month, 0),
                "left": left.get(month, 0),
                "active": active,
            }
        )
    return rows


def _gesprek_rows(gesprekken) -> list[dict]:
    def count(kind, status):
        return Count(
            "registrations", filter=Q(registrations__kind=kind, registrations__status=status)
        )

    active = ~Q(registrations__status=RegistrationStatus.CANCELLED)
    gesprekken = gesprekken.annotate(
        caregivers_taken=count(RegistrationKind.CAREGIVER, RegistrationStatus.REGISTERED),
        caregivers_waiting=count(RegistrationKind.CAREGIVER, RegistrationStatus.WAITING),
        listeners_taken=count(RegistrationKind.LISTENER, RegistrationStatus.REGISTERED),
        listeners_waiting=count(RegistrationKind.LISTENER, RegistrationStatus.WAITING),
        needs_replacement_care=Count(
            "registrations", filter=active & Q(registrations__replacement_care=True)
        ),
        needs_transport=Count("registrations", filter=active & Q(registrations__transport=True)),
        needs_accessibility=Count(
            "registrations", filter=active & ~Q(registrations__accessibility="")
        ),
        needs_diet=Count("registrations", filter=active & ~Q(registrations__diet="")),
    )
    return [
        {
            "id": g.pk,
            "title": g.title,
            "starts_at": g.starts_at,
            "caregiver_places": g.caregiver_places,
            "caregivers_taken": g.caregivers_taken,
            "caregivers_waiting": g.caregivers_waiting,
            "listener_places": g.listener_places,
            "listeners_taken": g.listeners_taken,
            "listeners_waiting": g.listeners_waiting,
            "needs": {
                "replacement_care": g.needs_replacement_care,
                "transport": g.needs_transport,
                "accessibility": g.needs_accessibility,
                "diet": g.needs_diet,
            },
        }
        for g in gesprekken
    ]


def upcoming_gesprekken() -> list[dict]:
    return _gesprek_rows(
        Spiegelgesprek.objects.filter(starts_at__gt=timezone.now()).order_by("starts_at")
    )


def past_gesprekken() -> list[dict]:
    return [
        {"id": g.pk, "title": g.title, "starts_at": g.starts_at}
        for g in Spiegelgesprek.objects.filter(starts_at__lte=timezone.now()).order_by("-starts_at")
    ]


def my_registrations(*, user) -> list[Registration]:
    return list(
        Registration.objects.filter(user=user)
        .exclude(status=RegistrationStatus.CANCELLED)
        .select_related("gesprek")
        .order_by("gesprek__starts_at")
    )


def open_polls_for(member: PanelMember) -> list[Poll]:
    """Open polls this member may answer and has not answered yet."""
    now = timezone.now()
    polls = (
        Poll.objects.filter(opens_at__lte=now, closes_at__gt=now)
        .filter(Q(audience=Audience.ALL) | Q(wijken=member.wijk_id))
        .exclude(participations__member=member)
        .distinct()
        .order_by("closes_at")
    )
    return list(polls)


def answered_polls_for(member: PanelMember) -> list[Poll]:
    return list(Poll.objects.filter(participations__member=member).order_by("-closes_at"))


def audience_members(poll: Poll) -> QuerySet:
    """Members (still in the panel) this poll is for: everyone, or those in its wijken."""
    members = PanelMember.objects.filter(left_at=None)
    if poll.audience == Audience.WIJKEN:
        members = members.filter(wijk__in=poll.wijken.all())
    return members


def gesprek_with_vraaggebieden() -> QuerySet:
    """Spiegelgesprekken with their vraaggebieden read in one go (for a detail page)."""
    return Spiegelgesprek.objects.prefetch_related("vraaggebieden")


def active_registration(*, gesprek: Spiegelgesprek, user) -> Registration | None:
    """This person's registration (a place or on the waiting list) for the gesprek, if any."""
    return (
        gesprek.registrations.filter(user=user).exclude(status=RegistrationStatus.CANCELLED).first()
    )


def free_places(*, gesprek: Spiegelgesprek, kind: str | None) -> int:
    """Places of this kind (caregiver or listener) not yet taken; never below zero."""
    taken = gesprek.registrations.filter(kind=kind, status=RegistrationStatus.REGISTERED).count()
    return max(gesprek.places_for(kind) - taken, 0)


def active_registrations(*, gesprek: Spiegelgesprek) -> list[Registration]:
    """Everyone registered or waiting for the gesprek, with their account, in list order."""
    return list(
        gesprek.registrations.exclude(status=RegistrationStatus.CANCELLED)
        .select_related("user")
        .order_by("kind", "status", "created_at", "pk")
    )


def question_count(poll: Poll) -> int:
    return poll.questions.count()


def questions_with_choices(poll: Poll) -> list[Question]:
    """The poll's questions in order, each with its choices read in the same go."""
    return list(poll.questions.prefetch_related("choices").order_by("order"))


def prefetch_questions(poll: Poll) -> None:
    """Attach the poll's questions (in order) and their choices to `poll`, so later reads of
    poll.questions.all() (the review rows, cast_vote) run no further queries."""
    prefetch_related_objects(
        [poll],
        Prefetch("questions", queryset=Question.objects.order_by("order")),
        "questions__choices",
    )

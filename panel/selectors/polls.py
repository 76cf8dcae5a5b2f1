"""Reads about flash polls: overview with response rates, results from the counters,
breakdown counts (keyed by group, see panel.breakdown), free-text answers, and the reads
the member's poll pages need. No selector ever returns who said what: free-text answers come
without member info, and breakdowns come from the snapshot on the answer, never from the
member."""

from collections import defaultdict
from collections.abc import Sequence
from datetime import datetime

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
from django.db.models.functions import Cast, Coalesce, NullIf
from django.utils import timezone

from panel import breakdown
from panel.models import (
    Answer,
    Audience,
    Choice,
    PanelMember,
    Poll,
    PollStatus,
    Question,
    QuestionKind,
    ResultTally,
)
from panel.personal_data import find_personal_data
from panel.records import (
    BreakdownCounts,
    ChoiceResult,
    FlaggedFreeText,
    FreeTextAnswer,
    PersonalDataFinding,
    PollOverview,
    PollResults,
    PollSummary,
    QuestionResult,
    StudioPoll,
    TaggedQuestion,
)
from panel.selectors.members import member_names
from sociale_kaart.models import Wijk


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
) -> list[TaggedQuestion]:
    """Questions tagged with a vraaggebied (of these kinds), with the vraaggebied's code. No answers."""
    return [
        TaggedQuestion(question_id=pk, vraaggebied_code=code, kind=kind)
        for pk, code, kind in Question.objects.filter(vraaggebied__isnull=False, kind__in=kinds)
        .values_list("pk", "vraaggebied__code", "kind")
        .order_by("pk")
    ]


def polls_overview() -> list[PollOverview]:
    """Each poll with its audience: the members who were in the panel (and, for a poll for
    some wijken, lived there) while it was open, so people who answered and left later still
    count, and the response rate is a real rate. One query, however many polls or members."""
    now = timezone.now()
    poll_wijken = Poll.wijken.through.objects.filter(poll_id=OuterRef(OuterRef("pk"))).values(
        "wijk_id"
    )
    polls = (
        Poll.objects.published()
        .annotate(  # concepts have no audience yet
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
        )
        .order_by("-opens_at")
    )
    rows = []
    for poll in polls:
        size = (poll.audience_all if poll.audience == Audience.ALL else poll.audience_wijken) or 0
        rows.append(
            PollOverview(
                id=poll.pk,
                title=poll.title,
                status=poll.status_at(now),
                opens_at=poll.opens_at,
                closes_at=poll.closes_at,
                audience_size=size,
                responses=poll.responses,
                response_rate=(poll.responses / size) if size else 0.0,
            )
        )
    return rows


def poll_results(*, poll_id: int) -> PollResults:
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
    respondents = counts.pop(0, 0)
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
            text_counts.get(question.pk, 0) if question.kind == QuestionKind.TEXT else respondents
        )
        out.append(
            QuestionResult(
                id=question.pk,
                text=question.text,
                kind=question.kind,
                order=question.order,
                total=total,
                choices=tuple(
                    ChoiceResult(
                        id=c.pk,
                        text=c.text,
                        face=c.face,
                        value=c.value,
                        count=counts.get(c.pk, 0),
                        percent=round(100 * counts.get(c.pk, 0) / total) if total else 0,
                    )
                    for c in by_question[question.pk]
                ),
            )
        )
    return PollResults(
        poll=PollSummary(
            id=poll.pk,
            title=poll.title,
            status=poll.status,
            opens_at=poll.opens_at,
            closes_at=poll.closes_at,
            anonymous=poll.anonymous,
        ),
        respondents=respondents,
        questions=tuple(out),
    )


def breakdown_counts(*, question_id: int, dimension: str) -> BreakdownCounts:
    """Raw counts per (group key, choice id), group keys as in panel.breakdown (a wijk by its
    id; None for unknown, also for a wijk that no longer exists). NOT suppressed: the caller
    suppresses small cells."""
    if dimension not in breakdown.DIMENSIONS:
        raise ValueError(f"unknown dimension {dimension!r}")
    # From the counters kept with each vote (ResultTally), one row per group, choice and slot.
    tallies = ResultTally.objects.filter(question_ref=question_id, dimension=dimension).order_by()
    if dimension == "wijk":
        existing = Wijk.objects.filter(
            pk=Cast(NullIf(OuterRef("group_value"), Value("")), IntegerField())
        )
        rows = tallies.values_list(Subquery(existing.values("pk")[:1]), "choice_ref").annotate(
            n=Sum("count")
        )
    else:
        rows = tallies.values_list("group_value", "choice_ref").annotate(n=Sum("count"))
    out: BreakdownCounts = {}
    for value, choice, n in rows:
        key = value if dimension == "wijk" else breakdown.group_key(dimension, value)
        out[(key, choice)] = out.get((key, choice), 0) + n
    return out


def free_text_answers(
    *, question_id: int | None = None, status: str | None = None
) -> list[FreeTextAnswer]:
    answers = Answer.objects.filter(choice__isnull=True)
    if question_id is not None:
        answers = answers.filter(question_id=question_id)
    if status is not None:
        answers = answers.filter(status=status)
    return [
        FreeTextAnswer(
            id=pk,
            question_id=question_id,
            text=text,
            status=status,
            created=created,
            reason=reason,
        )
        for pk, question_id, text, status, created, reason in answers.order_by(
            "created_at", "pk"
        ).values_list("pk", "question_id", "text", "status", "created_at", "hidden_reason")
    ]


def free_text_with_findings(*, question_id: int, status: str) -> list[FlaggedFreeText]:
    """Free-text answers with what may tell who someone is (phone numbers, e-mail addresses,
    postcodes, addresses, names of panel members), for the moderator."""
    names = member_names()
    return [
        FlaggedFreeText(
            answer=answer,
            findings=tuple(
                PersonalDataFinding(kind=f.kind, label=str(f.label), text=f.text)
                for f in find_personal_data(answer.text, names=names)
            ),
        )
        for answer in free_text_answers(question_id=question_id, status=status)
    ]


def open_polls_for(member: PanelMember) -> list[Poll]:
    """Open polls this member may answer and has not answered yet."""
    now = timezone.now()
    polls = (
        Poll.objects.published()
        .filter(opens_at__lte=now, closes_at__gt=now)
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


def question_count(poll: Poll) -> int:
    return poll.questions.count()


def questions_with_choices(poll: Poll) -> list[Question]:
    """The poll's questions in order, each with its choices read in the same go."""
    prefetch_questions(poll)  # no query when they came prefetched (panel.poll_cache)
    return list(poll.questions.all())


def prefetch_questions(poll: Poll) -> None:
    """Attach the poll's questions (in order) and their choices to `poll`, so later reads of
    poll.questions.all() (the review rows, cast_vote) run no further queries."""
    prefetch_related_objects(
        [poll],
        Prefetch("questions", queryset=Question.objects.order_by("order")),
        "questions__choices",
    )


def studio_polls(*, now: datetime | None = None) -> dict[str, list[StudioPoll]]:
    """Every poll for the werkgroep's poll studio, by status (concept, gepland, open,
    gesloten), with how many took part. Counts only."""
    now = now or timezone.now()
    polls = Poll.objects.annotate(
        questions_count=Count("questions", distinct=True),
        responses=Count("participations", distinct=True),
    ).order_by("-opens_at", "-pk")
    out: dict[str, list[StudioPoll]] = {status: [] for status in PollStatus.values}
    for poll in polls:
        status = poll.status_at(now)
        out[status].append(
            StudioPoll(
                id=poll.pk,
                title=poll.title,
                status=status,
                opens_at=poll.opens_at,
                closes_at=poll.closes_at,
                questions=poll.questions_count,
                responses=poll.responses,
                repeat_of_id=poll.repeat_of_id,
            )
        )
    return out

"""Writes of the panel: verbs, keyword-only, each in its own transaction.

E-mail and channel messages are only sent from transaction.on_commit.
"""

import logging
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from functools import partial

from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer
from django.conf import settings
from django.core import signing
from django.db import IntegrityError, transaction
from django.db.models import prefetch_related_objects
from django.utils import timezone

from accounts.models import Role
from accounts.roles import role_of
from panel import tallies
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
    PollClosed,
    PollNotOpenYet,
)
from panel.models import (
    TEXT_ANSWER_MAX,
    Answer,
    Audience,
    ModerationStatus,
    PanelMember,
    Participation,
    Poll,
    PollInvitation,
    PollStatus,
    Question,
    QuestionKind,
    Registration,
    RegistrationKind,
    RegistrationStatus,
    ResultsVisibility,
    ResultTally,
    Spiegelgesprek,
)

logger = logging.getLogger(__name__)

PRIVACY_VERSION = "2026-1"
INVITE_SALT = "panel.invitation"
CANCEL_SALT = "panel.cancel-registration"
INVITES_KEY = "panel_invites"  # session key: {poll id: member id} opened by invitation links


# Members -----------------------------------------------------------------------------------


@transaction.atomic
def join_panel(
    *,
    email: str,
    consent_version: str,
    wijk=None,
    age_band: str = "",
    relation: str = "",
    care_hours: str = "",
    works: bool | None = None,
):
    """Make (or reuse) a caregiver account and its panel membership. Returns the user."""
    from accounts.models import User
    from accounts.services import create_account

    email = email.strip().lower()
    user = User.objects.filter(email__iexact=email).first()
    if user is None:
        user = create_account(email=email, role=Role.CAREGIVER, wijk=wijk)
    elif role_of(user) != Role.CAREGIVER:
        raise AlreadyMember
    member = PanelMember.objects.filter(user=user).first()
    if member is None:
        PanelMember.objects.create(
            user=user,
            consent_version=consent_version,
            consent_at=timezone.now(),
            wijk=wijk,
            age_band=age_band,
            relation=relation,
            care_hours=care_hours,
            works=works,
        )
    return user


def active_member(user) -> PanelMember | None:
    if user is None or not user.is_authenticated:
        return None
    return PanelMember.objects.filter(user=user, left_at=None).select_related("wijk").first()


def export_member_data(*, member: PanelMember) -> dict:
    """Everything we store about this member, as plain data (for JSON and CSV)."""
    user = member.user
    answers = (
        Answer.objects.filter(member=member)
        .select_related("question__poll", "choice")
        .order_by("question__poll_id", "question__order", "choice__order")
    )
    participations = (
        Participation.objects.filter(member=member)
        .select_related("poll")
        .order_by("poll__opens_at")
    )
    registrations = (
        Registration.objects.filter(user=user).select_related("gesprek").order_by("created_at")
    )
    return {
        "account": {
            "email": user.email,
            "first_name": user.first_name,
            "last_name": user.last_name,
            "date_joined": user.date_joined.isoformat(),
        },
        "member": {
            "consent_version": member.consent_version,
            "consent_at": member.consent_at.isoformat() if member.consent_at else None,
            "joined_at": member.joined_at.isoformat(),
            "wijk": member.wijk.name if member.wijk else None,
            "age_band": member.get_age_band_display() if member.age_band else None,
            "relation": member.get_relation_display() if member.relation else None,
            "care_hours": member.get_care_hours_display() if member.care_hours else None,
            "works": member.works,
        },
        "participations": [
            {"poll": p.poll.title, "anonymous": p.poll.anonymous} for p in participations
        ],
        "answers": [
            {
                "poll": a.question.poll.title,
                "question": a.question.text,
                "answer": a.choice.text if a.choice_id else a.text,
                "created_at": a.created_at.isoformat(),
            }
            for a in answers
        ],
        "registrations": [
            {
                "gesprek": r.gesprek.title,
                "starts_at": r.gesprek.starts_at.isoformat(),
                "kind": r.kind,
                "status": r.status,
                "replacement_care": r.replacement_care,
                "transport": r.transport,
                "phone": r.phone,
                "accessibility": r.accessibility,
                "diet": r.diet,
                "topics": r.topics,
            }
            for r in registrations
        ],
    }


@transaction.atomic
def leave_panel(*, member: PanelMember) -> None:
    """Delete personal data and registrations; votes and totals stay, unlinked from the person.

    What remains of the member is a husk with only the months of joining and leaving
    (for the growth figures), no account, no answers of its own.
    """
    member = PanelMember.objects.select_for_update().get(pk=member.pk)
    user = member.user
    if user is None:
        return
    # Free places go to the waiting list, as with any cancellation.
    for registration in Registration.objects.filter(user=user).exclude(
        status=RegistrationStatus.CANCELLED
    ):
        cancel_registration(registration_id=registration.pk, notify=False)
    Registration.objects.filter(user=user).delete()
    Participation.objects.filter(member=member).update(member=None)
    Answer.objects.filter(member=member).update(member=None)
    now = timezone.now()
    member.user = None
    member.consent_version = ""
    member.consent_at = None
    member.wijk = None
    member.age_band = member.relation = member.care_hours = ""
    member.works = None
    member.joined_at = member.joined_at.replace(day=1, hour=0, minute=0, second=0, microsecond=0)
    member.left_at = now
    member.save()
    user.delete()


# Polls ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class AnswerInput:
    """One answer as typed or clicked: choice ids for choice questions, text for free text."""

    question_id: int
    choice_ids: tuple[int, ...] = field(default=())
    text: str = ""


def check_poll_open_for(
    *, member: PanelMember | None, poll: Poll, now: datetime | None = None
) -> None:
    if member is None or not member.is_active:
        raise NotAMember
    status = poll.status_at(now)
    if status in (PollStatus.DRAFT, PollStatus.SCHEDULED):  # a concept is never answerable
        raise PollNotOpenYet
    if status == PollStatus.CLOSED:
        raise PollClosed
    if poll.audience == Audience.WIJKEN and not poll.wijken.filter(pk=member.wijk_id).exists():
        raise NotInAudience


def clean_text(text: str) -> str:
    """Plain text only: strip control characters (but keep line breaks) and outer space."""
    return "".join(ch for ch in text if ch in "\n\t" or ch.isprintable()).strip()


def validate_answer(question: Question, answer: AnswerInput) -> AnswerInput:
    """Check one answer against its question; raises InvalidAnswer for anything forged."""
    valid_ids = {c.pk for c in question.choices.all()}
    if question.kind == QuestionKind.TEXT:
        text = clean_text(answer.text)
        if answer.choice_ids or len(text) > TEXT_ANSWER_MAX:
            raise InvalidAnswer
        return AnswerInput(question_id=question.pk, text=text)
    ids = tuple(dict.fromkeys(answer.choice_ids))
    if not ids or not set(ids) <= valid_ids or answer.text:
        raise InvalidAnswer
    if question.kind in (QuestionKind.SINGLE, QuestionKind.SCALE) and len(ids) != 1:
        raise InvalidAnswer
    if (
        question.kind == QuestionKind.MULTIPLE
        and question.max_choices
        and len(ids) > question.max_choices
    ):
        raise InvalidAnswer
    return AnswerInput(question_id=question.pk, choice_ids=ids)


def cast_vote(*, member: PanelMember, poll: Poll, answers: Sequence[AnswerInput]) -> Participation:
    """Store one complete response in one transaction, or nothing at all."""
    check_poll_open_for(member=member, poll=poll)
    # Reuses questions and choices the caller already prefetched on `poll` (the review view does).
    prefetch_related_objects([poll], "questions__choices")
    questions = {q.pk: q for q in poll.questions.all()}
    given = {a.question_id: a for a in answers}
    if not set(given) <= set(questions):
        raise InvalidAnswer
    cleaned: list[AnswerInput] = []
    for question in questions.values():
        answer = given.get(question.pk)
        if answer is None:
            if question.kind == QuestionKind.TEXT:
                continue  # free text may stay empty
            raise InvalidAnswer
        answer = validate_answer(question, answer)
        if question.kind == QuestionKind.TEXT and not answer.text:
            continue
        cleaned.append(answer)
    snapshot = {
        "wijk_id": member.wijk_id,
        "age_band": member.age_band,
        "relation": member.relation,
        "works": member.works,
        "member": None if poll.anonymous else member,
    }
    rows = []
    for answer in cleaned:
        if answer.text:
            rows.append(
                Answer(
                    question_id=answer.question_id,
                    text=answer.text,
                    status=ModerationStatus.PENDING,
                    **snapshot,
                )
            )
        else:
            rows.extend(
                Answer(question_id=answer.question_id, choice_id=cid, **snapshot)
                for cid in answer.choice_ids
            )
    try:
        with transaction.atomic():
            participation = Participation.objects.create(member=member, poll=poll)
            Answer.objects.bulk_create(rows)
            # Last, so the counter rows stay locked only until the commit right after.
            tallies.add(
                poll.pk,
                tallies.vote_keys(
                    snapshot,
                    [
                        (answer.question_id, choice_id)
                        for answer in cleaned
                        for choice_id in answer.choice_ids
                    ],
                ),
            )
            transaction.on_commit(partial(broadcast_poll_update, poll.pk))
    except IntegrityError:  # voted before, a double click or a parallel request won the race:
        raise AlreadyVoted from None  # the unique constraint is the check (no extra SELECT)
    return participation


def recount_results(*, poll_id: int) -> None:
    """Rebuild a poll's result counters from its stored votes (after loading votes in bulk)."""
    with transaction.atomic():
        Poll.objects.select_for_update().get(pk=poll_id)
        tallies.rebuild(
            [poll_id], Participation=Participation, Answer=Answer, ResultTally=ResultTally
        )


def broadcast_poll_update(poll_id: int) -> None:
    """Tell live result pages (group poll-<id>) and the werkgroep dashboard (group polls)."""
    try:
        layer = get_channel_layer()
        if layer is None:
            return
        # One hop into the event loop for both groups instead of one per group.
        async_to_sync(_send_poll_updated)(layer, poll_id)
    except Exception:  # a dead channel layer must never lose a vote
        logger.exception("Could not broadcast update of poll %s", poll_id)


async def _send_poll_updated(layer, poll_id: int) -> None:
    message = {"type": "poll.updated", "poll_id": poll_id}
    await layer.group_send(f"poll-{poll_id}", message)
    await layer.group_send("polls", message)


@transaction.atomic
def moderate_answer(*, answer_id: int, approve: bool, reason: str, by) -> Answer:
    answer = Answer.objects.select_for_update().get(pk=answer_id, choice__isnull=True)
    answer.status = ModerationStatus.APPROVED if approve else ModerationStatus.HIDDEN
    answer.hidden_reason = "" if approve else reason.strip()[:300]
    answer.moderated_by = by
    answer.moderated_at = timezone.now()
    answer.save(update_fields=["status", "hidden_reason", "moderated_by", "moderated_at"])
    return answer


def can_see_results(poll: Poll, member: PanelMember | None) -> bool:
    """Results are for people who answered, and only as the poll says (after answering or closing)."""
    if member is None or poll.results_visibility == ResultsVisibility.NEVER:
        return False
    if not poll.is_published:
        return False
    if not poll.participations.filter(member=member).exists():
        return False
    if poll.results_visibility == ResultsVisibility.AFTER_CLOSE:
        return poll.status == PollStatus.CLOSED
    return True


def make_invitation_token(*, member: PanelMember, poll: Poll) -> str:
    return signing.dumps({"m": member.pk, "p": poll.pk}, salt=INVITE_SALT, compress=True)


def read_invitation_token(token: str, *, poll_id: int) -> PanelMember:
    """The member an invitation belongs to; refuses expired, tampered and other-poll links."""
    max_age = timedelta(days=getattr(settings, "PANEL_INVITATION_DAYS", 14))
    try:
        data = signing.loads(token, salt=INVITE_SALT, max_age=max_age)
    except signing.SignatureExpired:
        raise ExpiredInvitation from None
    except signing.BadSignature:
        raise InvalidInvitation from None
    if not isinstance(data, dict) or data.get("p") != poll_id:
        raise InvalidInvitation
    member = (
        PanelMember.objects.filter(pk=data.get("m"), left_at=None)
        .select_related("wijk", "user")
        .first()
    )
    if member is None:
        raise InvalidInvitation
    return member


def audience_members(poll: Poll):
    members = PanelMember.objects.filter(left_at=None)
    if poll.audience == Audience.WIJKEN:
        members = members.filter(wijk__in=poll.wijken.all())
    return members


def send_poll_invitations(*, poll_id: int) -> int:
    """E-mail each member in the audience of an open, published poll a personal link.

    Exactly once per member: each member's PollInvitation row is claimed (unique per poll and
    member) before the mail goes out, so parallel publishes and several workers never send
    the same invitation twice, and a run that stopped halfway is finished by the next one.
    """
    from panel import mail

    poll = Poll.objects.filter(pk=poll_id).first()
    if poll is None or poll.status != PollStatus.OPEN:  # concepts and scheduled polls: not yet
        return 0
    Poll.objects.filter(pk=poll_id, invitations_sent_at=None).update(
        invitations_sent_at=timezone.now()
    )
    members = (
        audience_members(poll)
        .exclude(participations__poll=poll)
        .exclude(pk__in=PollInvitation.objects.filter(poll=poll).values("member_id"))
        .select_related("user")
    )
    sent = 0
    for member in members:
        try:
            with transaction.atomic():
                PollInvitation.objects.create(poll=poll, member=member)
        except IntegrityError:
            continue  # another worker claimed this member first
        mail.send_invitation(
            member=member, poll=poll, token=make_invitation_token(member=member, poll=poll)
        )
        sent += 1
    return sent


# Spiegelgesprekken -----------------------------------------------------------------------------

LISTENER_ROLES = frozenset({Role.PROFESSIONAL, Role.WERKGROEP, Role.BEHEER})


def kind_for(user) -> str | None:
    role = role_of(user)
    if role == Role.CAREGIVER:
        return RegistrationKind.CAREGIVER
    if role in LISTENER_ROLES:
        return RegistrationKind.LISTENER
    return None


def register_for_gesprek(
    *,
    gesprek_id: int,
    user,
    kind: str,
    replacement_care: bool = False,
    transport: bool = False,
    accessibility: str = "",
    diet: str = "",
    topics: str = "",
    phone: str = "",
) -> Registration:
    """Take a place, or a place on the waiting list when all places of this kind are taken."""
    if kind_for(user) != kind:
        raise NotAllowedPlace  # listeners can never take caregiver places, and the other way round
    try:
        with transaction.atomic():
            gesprek = Spiegelgesprek.objects.select_for_update().get(pk=gesprek_id)
            if gesprek.cancelled_at is not None:
                raise GesprekCancelled
            if gesprek.starts_at <= timezone.now():
                raise GesprekPast
            if (
                gesprek.registrations.filter(user=user)
                .exclude(status=RegistrationStatus.CANCELLED)
                .exists()
            ):
                raise AlreadyRegistered
            taken = gesprek.registrations.filter(
                kind=kind, status=RegistrationStatus.REGISTERED
            ).count()
            status = (
                RegistrationStatus.REGISTERED
                if taken < gesprek.places_for(kind)
                else RegistrationStatus.WAITING
            )
            registration = Registration.objects.create(
                gesprek=gesprek,
                user=user,
                kind=kind,
                status=status,
                replacement_care=replacement_care if kind == RegistrationKind.CAREGIVER else False,
                transport=transport,
                # only for arranging replacement care or transport, so only kept when needed
                phone=phone.strip()
                if kind == RegistrationKind.CAREGIVER and (replacement_care or transport)
                else "",
                accessibility=accessibility.strip(),
                diet=diet.strip(),
                topics=topics.strip(),
            )
            transaction.on_commit(partial(_enqueue_mail, "confirmation", registration.pk))
    except IntegrityError:
        raise AlreadyRegistered from None
    return registration


def cancel_registration(*, registration_id: int, user=None, notify: bool = True) -> Registration:
    """Cancel; a freed place goes to the first person waiting for that kind of place."""
    with transaction.atomic():
        registration = Registration.objects.select_related("gesprek").get(pk=registration_id)
        if user is not None and registration.user_id != user.pk:
            raise Registration.DoesNotExist
        Spiegelgesprek.objects.select_for_update().get(pk=registration.gesprek_id)
        registration.refresh_from_db()
        if registration.status == RegistrationStatus.CANCELLED:
            return registration
        freed = registration.status == RegistrationStatus.REGISTERED
        registration.status = RegistrationStatus.CANCELLED
        registration.cancelled_at = timezone.now()
        registration.save(update_fields=["status", "cancelled_at"])
        if notify:
            transaction.on_commit(partial(_enqueue_mail, "cancelled", registration.pk))
        if freed and registration.gesprek.starts_at > timezone.now():
            first = (
                Registration.objects.filter(
                    gesprek_id=registration.gesprek_id,
                    kind=registration.kind,
                    status=RegistrationStatus.WAITING,
                )
                .order_by("created_at", "pk")
                .first()
            )
            if first is not None:
                first.status = RegistrationStatus.REGISTERED
                first.promoted_at = timezone.now()
                first.save(update_fields=["status", "promoted_at"])
                transaction.on_commit(partial(_enqueue_mail, "promoted", first.pk))
    return registration


def make_cancel_token(registration: Registration) -> str:
    return signing.dumps({"r": registration.pk, "u": registration.user_id}, salt=CANCEL_SALT)


def read_cancel_token(token: str) -> Registration:
    try:
        data = signing.loads(token, salt=CANCEL_SALT)
    except signing.BadSignature:
        raise InvalidCancelLink from None
    registration = (
        Registration.objects.filter(pk=data.get("r"), user_id=data.get("u"))
        .select_related("gesprek")
        .first()
        if isinstance(data, dict)
        else None
    )
    if registration is None:
        raise InvalidCancelLink
    return registration


def send_due_reminders(*, now: datetime | None = None) -> int:
    """Send each registered person one reminder, PANEL_REMINDER_HOURS before the start."""
    from panel import mail

    now = now or timezone.now()
    lead = timedelta(hours=getattr(settings, "PANEL_REMINDER_HOURS", 24))
    due = Registration.objects.filter(
        status=RegistrationStatus.REGISTERED,
        reminded_at=None,
        gesprek__starts_at__gt=now,
        gesprek__starts_at__lte=now + lead,
    ).values_list("pk", flat=True)
    sent = 0
    for pk in list(due):
        # Claim the row first: a parallel run that loses the claim sends nothing.
        if Registration.objects.filter(pk=pk, reminded_at=None).update(reminded_at=now) == 1:
            mail.send_registration_mail(registration_id=pk, what="reminder")
            sent += 1
    return sent


def _enqueue_mail(what: str, registration_id: int) -> None:
    from panel.tasks import send_registration_mail

    send_registration_mail.enqueue(registration_id=registration_id, what=what)

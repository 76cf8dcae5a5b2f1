"""Writes of the werkgroep app: verbs, keyword-only, each in its own transaction."""

from collections.abc import Iterable
from datetime import date

from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import User
from panel import poll_editing, publishing
from panel.models import Poll, QuestionKind
from werkgroep.exceptions import (
    ActionNotDone,
    ConceptCited,
    QuoteWithoutConsent,
    ReasonRequired,
    SameStatus,
)
from werkgroep.models import (
    ActionPoint,
    ActionStatus,
    ActionStatusChange,
    Evidence,
    EvidenceKind,
    ExportLog,
    FollowUpPoll,
    OutcomeItem,
    OutcomeKind,
)


@transaction.atomic
def create_action_point(
    *,
    title: str,
    by: User | None,
    description: str = "",
    said: str = "",
    done: str = "",
    vraaggebieden: Iterable = (),
    owner=None,
    due_date: date | None = None,
    is_public: bool = False,
    outcomes: Iterable[OutcomeItem] = (),
    status: str = ActionStatus.IDEA,
    reason: str = "",
) -> ActionPoint:
    if status == ActionStatus.NOT_FEASIBLE and not reason.strip():
        raise ReasonRequired
    point = ActionPoint.objects.create(
        title=title.strip(),
        description=description,
        said=said,
        done=done,
        owner=owner,
        due_date=due_date,
        is_public=is_public,
        status=status,
        created_by=by,
        not_feasible_reason=reason.strip() if status == ActionStatus.NOT_FEASIBLE else "",
    )
    point.vraaggebieden.set(vraaggebieden)
    point.outcomes.set(outcomes)
    ActionStatusChange.objects.create(
        action_point=point, from_status="", to_status=status, reason=reason.strip(), changed_by=by
    )
    return point


@transaction.atomic
def update_action_point(
    *,
    action_point: ActionPoint,
    title: str,
    description: str,
    said: str,
    done: str,
    vraaggebieden: Iterable,
    owner,
    due_date: date | None,
    is_public: bool,
    outcomes: Iterable[OutcomeItem] = (),
) -> ActionPoint:
    """Change what an action point says; its status only changes through change_status."""
    point = ActionPoint.objects.select_for_update().get(pk=action_point.pk)
    point.title, point.description, point.said, point.done = title.strip(), description, said, done
    point.owner, point.due_date, point.is_public = owner, due_date, is_public
    point.save()
    point.vraaggebieden.set(vraaggebieden)
    point.outcomes.set(outcomes)
    return point


@transaction.atomic
def change_status(
    *, action_point: ActionPoint, status: str, by: User | None, reason: str = ""
) -> ActionStatusChange:
    """Move an action point to another status and record who did it, when and why."""
    if status not in ActionStatus.values:
        raise ValueError(f"unknown status {status!r}")
    reason = reason.strip()
    if status == ActionStatus.NOT_FEASIBLE and not reason:
        raise ReasonRequired
    point = ActionPoint.objects.select_for_update().get(pk=action_point.pk)
    if point.status == status:
        raise SameStatus
    change = ActionStatusChange.objects.create(
        action_point=point,
        from_status=point.status,
        to_status=status,
        reason=reason,
        changed_by=by,
        changed_at=timezone.now(),
    )
    point.status = status
    point.not_feasible_reason = reason if status == ActionStatus.NOT_FEASIBLE else ""
    point.save(update_fields=["status", "not_feasible_reason", "updated_at"])
    action_point.status, action_point.not_feasible_reason = point.status, point.not_feasible_reason
    return change


@transaction.atomic
def add_poll_evidence(
    *, action_point: ActionPoint, question_id: int, choice_id: int | None = None, note: str = ""
) -> Evidence:
    return Evidence.objects.create(
        action_point=action_point,
        kind=EvidenceKind.POLL_QUESTION,
        question_id=question_id,
        choice_id=choice_id,
        note=note,
    )


@transaction.atomic
def add_referral_evidence(
    *,
    action_point: ActionPoint,
    vraaggebied=None,
    date_from: date | None = None,
    date_to: date | None = None,
    note: str = "",
) -> Evidence:
    return Evidence.objects.create(
        action_point=action_point,
        kind=EvidenceKind.REFERRALS,
        referral_vraaggebied=vraaggebied,
        referral_from=date_from,
        referral_to=date_to,
        note=note,
    )


@transaction.atomic
def remove_evidence(*, evidence_id: int, action_point: ActionPoint) -> None:
    Evidence.objects.filter(pk=evidence_id, action_point=action_point).delete()


@transaction.atomic
def record_outcome(
    *,
    gesprek_id: int,
    kind: str,
    text: str,
    by: User | None,
    vraaggebieden: Iterable = (),
    wijk=None,
    speaker_consent: bool = False,
) -> OutcomeItem:
    if kind == OutcomeKind.QUOTE and not speaker_consent:
        raise QuoteWithoutConsent
    item = OutcomeItem.objects.create(
        gesprek_id=gesprek_id,
        kind=kind,
        text=text.strip(),
        wijk=wijk,
        speaker_consent=speaker_consent,
        created_by=by,
    )
    item.vraaggebieden.set(vraaggebieden)
    return item


@transaction.atomic
def delete_outcome(*, item_id: int) -> None:
    OutcomeItem.objects.filter(pk=item_id).delete()


def record_export(
    *, user: User, what: str, file_format: str, params: dict | None = None, rows: int = 0
) -> ExportLog:
    return ExportLog.objects.create(
        user=user,
        user_email=user.email,
        what=what,
        file_format=file_format,
        params=params or {},
        rows=rows,
    )


@transaction.atomic
def ask_if_it_helps(*, action_point: ActionPoint, by: User | None) -> Poll:
    """A concept poll asking caregivers whether a done action helps, linked to the action
    point; the werkgroep checks, previews and publishes it in the poll studio."""
    point = ActionPoint.objects.select_for_update().get(pk=action_point.pk)
    if point.status != ActionStatus.DONE:
        raise ActionNotDone
    intro = _("Wat we deden: %(done)s") % {"done": point.done} if point.done.strip() else ""
    poll = poll_editing.create_poll(
        title=(_("Helpt het? %(title)s") % {"title": point.title})[:200], intro=intro
    )
    question = poll_editing.add_question(
        poll_id=poll.pk, kind=QuestionKind.SINGLE, text=_("Helpt dit u?")
    )
    for text in (_("Ja, veel"), _("Een beetje"), _("Nee"), _("Ik merk er nog niets van")):
        poll_editing.add_choice(question_id=question.pk, text=text)
    poll_editing.add_question(
        poll_id=poll.pk,
        kind=QuestionKind.TEXT,
        text=_("Wilt u nog iets zeggen over wat er veranderde?"),
    )
    FollowUpPoll.objects.create(action_point=point, poll=poll, created_by=by)
    return poll


def concept_deletion_refusal(poll: Poll) -> publishing.StudioError | ConceptCited | None:
    """Why the studio cannot delete this poll, or None: panel's rules (only a concept nobody
    saw), and an action point's evidence, which would go with the poll's questions."""
    refusal = publishing.deletion_refusal(poll)
    if refusal is None and _cited(poll.pk):
        return ConceptCited()
    return refusal


def _cited(poll_id: int) -> bool:
    return Evidence.objects.filter(Q(question__poll_id=poll_id) | Q(trend_poll_id=poll_id)).exists()


@transaction.atomic
def delete_concept_poll(*, poll_id: int) -> None:
    """Delete a concept from the poll studio, under the poll's row lock (panel.publishing).

    A follow-up concept goes with its link (FollowUpPoll): the action point stays, and the
    werkgroep can ask again whether it helps. Repeats of the concept are relinked by panel.
    """
    poll = publishing.locked_poll(poll_id)
    refusal = concept_deletion_refusal(poll)
    if refusal is not None:
        raise refusal
    publishing.delete_concept(poll_id=poll_id)

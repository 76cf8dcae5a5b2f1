"""Writes of the training app: keyword-only, each in its own transaction."""

import secrets
from collections.abc import Iterable, Sequence

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from accounts.models import Profession
from sociale_kaart.models import Offer, Vraaggebied, Wijk
from training.exceptions import (
    AlreadyAnswered,
    InvalidOptions,
    InvalidReferral,
    ModuleNotAvailable,
    NoOptionChosen,
    QuestionNotInModule,
    QuestionsNotReached,
    RetryNotAllowed,
)
from training.models import (
    Answer,
    Certificate,
    Lesson,
    Module,
    Progress,
    ProgressStatus,
    Question,
    QuestionKind,
    Referral,
)


def _profile(user):
    return getattr(user, "profile", None)


def start_module(*, user, module: Module) -> Progress:
    """The person's progress in this module, created on first visit."""
    if not module.published:
        raise ModuleNotAvailable
    try:
        with transaction.atomic():
            progress, _ = Progress.objects.get_or_create(
                user=user, module=module, defaults={"module_version": module.version}
            )
    except IntegrityError:  # two tabs opened the module at the same moment
        progress = Progress.objects.get(user=user, module=module)
    return progress


def mark_lesson_read(*, progress: Progress, lessons: Sequence[Lesson], position: int) -> None:
    """The person read lesson `position` (from 1): count it, and resume at the next lesson."""
    if not 1 <= position <= len(lessons) or lessons[position - 1].module_id != progress.module_id:
        raise ModuleNotAvailable
    if position < len(lessons):
        progress.current_lesson = lessons[position]
    progress.lessons_seen = max(progress.lessons_seen, position)
    progress.save(update_fields=["current_lesson", "lessons_seen", "updated_at"])


def finish_lessons(*, progress: Progress, lesson_count: int) -> None:
    progress.lessons_done = True
    progress.lessons_seen = max(progress.lessons_seen, lesson_count)
    progress.save(update_fields=["lessons_done", "lessons_seen", "updated_at"])


def check_answer(
    *, progress: Progress, question: Question, option_ids: Iterable[int]
) -> tuple[set[int], bool]:
    """Validate the chosen options against the database; return them and whether they are right."""
    if question.module_id != progress.module_id:
        raise QuestionNotInModule
    chosen = set(option_ids)
    if not chosen:
        raise NoOptionChosen
    options = {option.pk: option.is_correct for option in question.options.all()}
    if not chosen <= options.keys():
        raise InvalidOptions
    if question.kind == QuestionKind.SINGLE and len(chosen) != 1:
        raise InvalidOptions
    correct = {pk for pk, is_correct in options.items() if is_correct}
    return chosen, chosen == correct


def answer_question(*, progress: Progress, question: Question, option_ids: Sequence[int]) -> Answer:
    """Judge an answer on the server and store it; the last answer finishes the attempt."""
    chosen, is_correct = check_answer(progress=progress, question=question, option_ids=option_ids)
    if progress.status != ProgressStatus.BUSY:
        raise AlreadyAnswered
    if not progress.lessons_done:
        raise QuestionsNotReached
    try:
        with transaction.atomic():
            answer = Answer.objects.create(
                progress=progress, question=question, selected=sorted(chosen), is_correct=is_correct
            )
            _finish_if_complete(progress=progress)
    except IntegrityError:
        raise AlreadyAnswered from None
    return answer


def _finish_if_complete(*, progress: Progress) -> None:
    question_ids = set(
        Question.objects.filter(module_id=progress.module_id).values_list("pk", flat=True)
    )
    answers = dict(
        Answer.objects.filter(progress=progress, question_id__in=question_ids).values_list(
            "question_id", "is_correct"
        )
    )
    if not question_ids or answers.keys() != question_ids:
        return
    module = Module.objects.get(pk=progress.module_id)
    score = round(100 * sum(answers.values()) / len(question_ids))
    now = timezone.now()
    progress.score = score
    progress.finished_at = now
    progress.module_version = module.version
    if score >= module.pass_mark:
        progress.status = ProgressStatus.PASSED
        progress.passed_at = progress.passed_at or now
        issue_certificate(user=progress.user, module=module, score=score)
    else:
        progress.status = ProgressStatus.FAILED
    progress.save()


def issue_certificate(*, user, module: Module, score: int) -> Certificate:
    """One certificate per person, module and version, with everything shown frozen in it."""
    existing = Certificate.objects.filter(
        user=user, module=module, module_version=module.version
    ).first()
    if existing is not None:
        return existing
    profile = _profile(user)
    profession = ""
    if profile is not None and profile.profession:
        profession = str(dict(Profession.choices).get(profile.profession, profile.profession))
    return Certificate.objects.create(
        code=secrets.token_urlsafe(16),
        user=user,
        module=module,
        module_version=module.version,
        module_title=module.title,
        full_name=user.get_full_name() or user.email,
        profession=profession,
        issued_on=timezone.localdate(),
        minutes=module.minutes,
        accreditation_points=module.accreditation_points,
        score=score,
    )


def retry_module(*, progress: Progress) -> None:
    """Start the questions again after a failed attempt; the lessons stay read."""
    if progress.status != ProgressStatus.FAILED:
        raise RetryNotAllowed
    with transaction.atomic():
        progress.answers.all().delete()
        progress.status = ProgressStatus.BUSY
        progress.score = None
        progress.finished_at = None
        progress.attempt = F("attempt") + 1
        progress.save()
    progress.refresh_from_db()


def record_content_change(*, module: Module) -> Module:
    """A published module whose lessons or questions changed gets a new version number.

    Certificates hold their own version, so earlier ones keep verifying with the old one.
    """
    if module.published:
        Module.objects.filter(pk=module.pk).update(
            version=F("version") + 1, updated_at=timezone.now()
        )
        module.refresh_from_db(fields=["version", "updated_at"])
    return module


def log_referral(
    *,
    user,
    vraaggebied_codes: Sequence[str],
    offer_id: int | None = None,
    wijk_id: int | None = None,
    warm: bool = False,
) -> Referral:
    """Record that a professional referred a caregiver: tags only, never personal data."""
    codes = set(vraaggebied_codes)
    vraaggebieden = list(Vraaggebied.objects.filter(code__in=codes))
    if not codes or len(vraaggebieden) != len(codes):
        raise InvalidReferral
    offer = None
    if offer_id is not None:
        offer = Offer.objects.filter(pk=offer_id, is_active=True).first()
        if offer is None:
            raise InvalidReferral
    wijk = None
    if wijk_id is not None:
        wijk = Wijk.objects.filter(pk=wijk_id).first()
        if wijk is None:
            raise InvalidReferral
    profile = _profile(user)
    with transaction.atomic():
        referral = Referral.objects.create(
            offer=offer,
            wijk=wijk,
            warm=bool(warm),
            profession=profile.profession if profile else "",
            organisation=profile.organisation if profile else None,
            created_by=user,
        )
        referral.vraaggebieden.set(vraaggebieden)
    return referral

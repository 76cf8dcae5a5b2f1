"""Writes of the training app: keyword-only, each in its own transaction."""

import secrets
from collections.abc import Iterable, Sequence
from datetime import datetime, timedelta

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from accounts.models import Profession, Profile, User
from sociale_kaart.models import Offer, Vraaggebied, Wijk
from training import selectors
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
    RetryTooSoon,
)
from training.models import (
    CODE_ALPHABET,
    CODE_LENGTH,
    Answer,
    Certificate,
    Lesson,
    LessonRead,
    Module,
    Progress,
    ProgressStatus,
    Question,
    QuestionKind,
    Referral,
    Registration,
)

# Without rereading the missed lessons, a failed attempt can be retried after this wait.
RETRY_WAIT = timedelta(hours=1)


def _profile(user: User) -> Profile | None:
    return getattr(user, "profile", None)


def start_module(*, user: User, module: Module) -> Progress:
    """The person's progress in this module, created on first visit with its own draw seed."""
    if not module.published:
        raise ModuleNotAvailable
    try:
        with transaction.atomic():
            progress, _ = Progress.objects.get_or_create(
                user=user,
                module=module,
                defaults={
                    "module_version": module.version,
                    "draw_seed": secrets.randbelow(2**31 - 1) + 1,
                },
            )
    except IntegrityError:  # two tabs opened the module at the same moment
        progress = Progress.objects.get(user=user, module=module)
    return progress


def mark_lesson_read(*, progress: Progress, lesson: Lesson) -> None:
    """The person read this lesson (again): remember when, so a reread counts before a retry."""
    if lesson.module_id != progress.module_id:
        raise ModuleNotAvailable
    with transaction.atomic():
        LessonRead.objects.update_or_create(
            progress=progress, lesson=lesson, defaults={"read_at": timezone.now()}
        )
        Progress.objects.filter(pk=progress.pk).update(updated_at=timezone.now())


def finish_lessons(*, progress: Progress) -> None:
    """Every lesson of the module read (for the demo data and tests)."""
    for lesson in Lesson.objects.filter(module_id=progress.module_id).order_by("order", "pk"):
        mark_lesson_read(progress=progress, lesson=lesson)


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
    """Judge an answer on the server and store it at once; the last answer ends the attempt."""
    chosen, is_correct = check_answer(progress=progress, question=question, option_ids=option_ids)
    if progress.status != ProgressStatus.BUSY:
        raise AlreadyAnswered
    plan = selectors.module_plan(module=progress.module, progress=progress)
    position = next((i for i, q in enumerate(plan.questions, start=1) if q.pk == question.pk), None)
    if position is None:
        raise QuestionNotDrawn
    if not plan.unit_of_question(position).lessons_done:
        raise QuestionsNotReached
    try:
        with transaction.atomic():
            answer = Answer.objects.create(
                progress=progress, question=question, selected=sorted(chosen), is_correct=is_correct
            )
            _finish_if_complete(progress=progress, drawn=plan.questions)
    except IntegrityError:
        raise AlreadyAnswered from None
    return answer


def _finish_if_complete(*, progress: Progress, drawn: Sequence[Question]) -> None:
    question_ids = {q.pk for q in drawn}
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


def new_certificate_code() -> str:
    """Ten characters from an alphabet without look-alikes (no 0/O, 1/I/L)."""
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def issue_certificate(*, user: User, module: Module, score: int) -> Certificate:
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
    registration = Registration.objects.filter(user=user).first()
    for _attempt in range(5):
        try:
            with transaction.atomic():
                return Certificate.objects.create(
                    code=new_certificate_code(),
                    user=user,
                    module=module,
                    module_version=module.version,
                    module_title=module.title,
                    full_name=user.get_full_name() or user.email,
                    profession=profession,
                    issued_on=timezone.localdate(),
                    minutes=module.minutes,
                    accreditation_points=module.accreditation_points,
                    accrediting_body=module.accrediting_body,
                    registration=registration.display() if registration else "",
                    score=score,
                )
        except IntegrityError:  # the same code twice: about one in 10^14, draw again
            continue
    raise IntegrityError("no free certificate code")


def save_registration(*, user: User, register: str, number: str, register_name: str = "") -> None:
    """Store (or with an empty number remove) the professional's registration number."""
    if not number:
        Registration.objects.filter(user=user).delete()
        return
    Registration.objects.update_or_create(
        user=user,
        defaults={"register": register, "number": number, "register_name": register_name},
    )


def retry_allowed_at(*, progress: Progress) -> datetime | None:
    """When a failed attempt may be retried: at once after rereading the lessons of every
    missed goal, otherwise RETRY_WAIT after the attempt ended. None if no retry is possible."""
    if progress.status != ProgressStatus.FAILED or progress.finished_at is None:
        return None
    if all(item.reread for item in selectors.goals_to_reread(progress=progress)):
        return progress.finished_at
    return progress.finished_at + RETRY_WAIT


def retry_module(*, progress: Progress, now: datetime | None = None) -> None:
    """Start the questions again after a failed attempt, with other variants; lessons stay read."""
    allowed_at = retry_allowed_at(progress=progress)
    if allowed_at is None:
        raise RetryNotAllowed
    if (now or timezone.now()) < allowed_at:
        raise RetryTooSoon(allowed_at)
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


def _referral_tags(
    *, vraaggebied_codes: Sequence[str], offer_id: int | None, wijk_id: int | None
) -> tuple[list[Vraaggebied], Offer | None, Wijk | None]:
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
    return vraaggebieden, offer, wijk


def log_referral(
    *,
    user: User,
    vraaggebied_codes: Sequence[str],
    offer_id: int | None = None,
    wijk_id: int | None = None,
    warm: bool = False,
) -> Referral:
    """Record that a professional referred a caregiver: tags only, never personal data."""
    vraaggebieden, offer, wijk = _referral_tags(
        vraaggebied_codes=vraaggebied_codes, offer_id=offer_id, wijk_id=wijk_id
    )
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


def _lock_own_referral(*, user: User, referral_id: int, now: datetime | None) -> Referral:
    """The author's referral, locked; refused once it is a week old. Call inside atomic()."""
    referral = Referral.objects.select_for_update().filter(pk=referral_id, created_by=user).first()
    if referral is None:
        raise ReferralLocked
    if referral.created_at <= (now or timezone.now()) - selectors.REFERRAL_EDIT_WINDOW:
        raise ReferralLocked
    return referral


def correct_referral(
    *,
    user: User,
    referral_id: int,
    vraaggebied_codes: Sequence[str],
    offer_id: int | None = None,
    wijk_id: int | None = None,
    warm: bool = False,
    now: datetime | None = None,
) -> Referral:
    """The author corrects the tags of a referral within a week; the figures count the new tags."""
    vraaggebieden, offer, wijk = _referral_tags(
        vraaggebied_codes=vraaggebied_codes, offer_id=offer_id, wijk_id=wijk_id
    )
    with transaction.atomic():
        referral = _lock_own_referral(user=user, referral_id=referral_id, now=now)
        referral.offer = offer
        referral.wijk = wijk
        referral.warm = bool(warm)
        referral.save(update_fields=["offer", "wijk", "warm"])
        referral.vraaggebieden.set(vraaggebieden)
    return referral


def remove_referral(*, user: User, referral_id: int, now: datetime | None = None) -> None:
    """The author removes a referral logged by mistake, within a week; it leaves every figure."""
    with transaction.atomic():
        _lock_own_referral(user=user, referral_id=referral_id, now=now).delete()

"""What a professional does: progress through a module, lessons read, answers, certificates
and the optional registration number printed on them."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from training.models.content import (
    Lesson,
    Module,
    Question,
    accreditation_text,
    points_label,
)


class ProgressStatus(models.TextChoices):
    BUSY = "busy", _("Bezig")
    FAILED = "failed", _("Niet gehaald")
    PASSED = "passed", _("Geslaagd")


class Progress(models.Model):
    """One person's way through one module: where they are, what they answered, the result."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="training_progress"
    )
    module = models.ForeignKey(Module, on_delete=models.CASCADE, related_name="progress")
    status = models.CharField(
        max_length=10, choices=ProgressStatus.choices, default=ProgressStatus.BUSY
    )
    attempt = models.PositiveSmallIntegerField(default=1)
    # Chooses the variant per learning goal; fixed per person, so a page reload draws the same.
    draw_seed = models.PositiveIntegerField(default=0)
    module_version = models.PositiveIntegerField(default=1)
    score = models.PositiveSmallIntegerField(null=True, blank=True)
    started_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    passed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("voortgang")
        verbose_name_plural = _("voortgang")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "module"], name="training_one_progress_per_module"
            ),
            models.CheckConstraint(
                condition=Q(score__isnull=True) | Q(score__lte=100),
                name="training_progress_score_percent",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} · {self.module}"


class LessonRead(models.Model):
    """That a person read a lesson, and when they last did (a reread counts before a retry)."""

    progress = models.ForeignKey(Progress, on_delete=models.CASCADE, related_name="reads")
    lesson = models.ForeignKey(Lesson, on_delete=models.CASCADE, related_name="+")
    read_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["progress", "lesson"], name="training_one_read_per_lesson"
            )
        ]

    def __str__(self) -> str:
        return f"{self.progress_id} · {self.lesson_id}"


class Answer(models.Model):
    """An answer in the current attempt; a retry clears them."""

    progress = models.ForeignKey(Progress, on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="+")
    selected = models.JSONField(default=list)  # option ids, checked by the server
    is_correct = models.BooleanField(default=False)
    answered_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["progress", "question"], name="training_one_answer_per_question"
            )
        ]

    def __str__(self) -> str:
        return f"Antwoord {self.pk} op vraag {self.question_id}"


# New certificate codes: ten characters without look-alikes (no 0/O, 1/I/L), shown as
# ABCDE-FGHJK; typed in any case, with or without the hyphen. Older codes stay valid as issued.
CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
CODE_LENGTH = 10


def normalise_code(typed: str) -> str:
    return "".join(typed.split()).replace("-", "").upper()


class Certificate(models.Model):
    """Proof of passing. Everything shown is a snapshot, so later edits never change it."""

    code = models.CharField(_("code"), max_length=40, unique=True, editable=False)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="certificates"
    )
    module = models.ForeignKey(
        Module, on_delete=models.SET_NULL, null=True, related_name="certificates"
    )
    module_version = models.PositiveIntegerField(_("versie"))
    module_title = models.CharField(_("module"), max_length=200)
    full_name = models.CharField(_("naam"), max_length=300)
    profession = models.CharField(_("beroep"), max_length=100, blank=True)
    issued_on = models.DateField(_("datum"))
    minutes = models.PositiveSmallIntegerField(_("minuten"))
    accreditation_points = models.DecimalField(
        _("accreditatiepunten"), max_digits=4, decimal_places=1
    )
    accrediting_body = models.CharField(_("accrediterende instantie"), max_length=200, blank=True)
    registration = models.CharField(
        _("registratie"), max_length=80, blank=True, help_text=_("Bijvoorbeeld: BIG 12345678901.")
    )
    score = models.PositiveSmallIntegerField(_("score (%)"), default=0)
    revoked_at = models.DateTimeField(_("ingetrokken op"), null=True, blank=True)

    class Meta:
        ordering = ["-issued_on", "-pk"]
        verbose_name = _("certificaat")
        verbose_name_plural = _("certificaten")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "module", "module_version"],
                name="training_one_certificate_per_version",
            )
        ]

    def __str__(self) -> str:
        return f"{self.module_title} v{self.module_version} · {self.full_name}"

    @property
    def is_valid(self) -> bool:
        return self.revoked_at is None

    @property
    def points_label(self) -> str:
        return points_label(self.accreditation_points)

    @property
    def accreditation(self) -> str:
        return accreditation_text(self.accreditation_points, self.accrediting_body)

    @property
    def display_code(self) -> str:
        """ABCDE-FGHJK for short codes; an older, long code as it was issued."""
        if len(self.code) == CODE_LENGTH and set(self.code) <= set(CODE_ALPHABET):
            half = CODE_LENGTH // 2
            return f"{self.code[:half]}-{self.code[half:]}"
        return self.code


class Register(models.TextChoices):
    BIG = "big", _("BIG-register")
    OTHER = "other", _("Ander register")


class Registration(models.Model):
    """A professional's registration number (optional), printed on new certificates."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="training_registration"
    )
    register = models.CharField(
        _("register"), max_length=10, choices=Register.choices, default=Register.BIG
    )
    register_name = models.CharField(
        _("naam van het register"),
        max_length=100,
        blank=True,
        help_text=_("Alleen bij een ander register."),
    )
    number = models.CharField(_("registratienummer"), max_length=30)

    class Meta:
        verbose_name = _("registratie")
        verbose_name_plural = _("registraties")

    def __str__(self) -> str:
        return self.display()

    def display(self) -> str:
        if self.register == Register.BIG:
            return f"BIG {self.number}"
        return f"{self.register_name} {self.number}".strip()

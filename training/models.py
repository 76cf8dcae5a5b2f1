"""Training for professionals: modules with lessons and case questions, progress,
certificates, learning paths per profession, and the anonymous referral log.

Who took a module (Progress, Certificate) is kept apart from what was referred (Referral):
a referral never holds anything about the caregiver, only tags from fixed lists.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.models import Profession


class Module(models.Model):
    title = models.CharField(_("titel"), max_length=200)
    slug = models.SlugField(_("korte naam in de link"), max_length=100, unique=True)
    summary = models.TextField(_("samenvatting"), help_text=_("Markdown. Twee of drie zinnen."))
    target_professions = models.JSONField(
        _("voor beroepen"),
        default=list,
        blank=True,
        help_text=_('Lijst van beroepscodes, bijvoorbeeld ["huisarts", "wijkteam"].'),
    )
    vraaggebieden = models.ManyToManyField(
        "sociale_kaart.Vraaggebied",
        verbose_name=_("vraaggebieden"),
        blank=True,
        related_name="modules",
    )
    minutes = models.PositiveSmallIntegerField(_("geschatte minuten"), default=20)
    accreditation_points = models.DecimalField(
        _("accreditatiepunten"), max_digits=4, decimal_places=1, default=0
    )
    version = models.PositiveIntegerField(_("versie"), default=1, editable=False)
    published = models.BooleanField(_("gepubliceerd"), default=False)
    pass_mark = models.PositiveSmallIntegerField(
        _("grens voor geslaagd (%)"),
        default=70,
        help_text=_("Percentage goede antwoorden om te slagen."),
    )
    order = models.PositiveSmallIntegerField(_("volgorde"), default=0)
    updated_at = models.DateTimeField(_("gewijzigd"), auto_now=True)

    class Meta:
        ordering = ["order", "title"]
        verbose_name = _("module")
        verbose_name_plural = _("modules")
        constraints = [
            models.CheckConstraint(
                condition=Q(pass_mark__gte=1) & Q(pass_mark__lte=100),
                name="training_module_pass_mark_percent",
            ),
            models.CheckConstraint(
                condition=Q(version__gte=1), name="training_module_version_positive"
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def profession_labels(self) -> list[str]:
        labels = dict(Profession.choices)
        return [str(labels[code]) for code in self.target_professions if code in labels]


class Lesson(models.Model):
    module = models.ForeignKey(
        Module, verbose_name=_("module"), on_delete=models.CASCADE, related_name="lessons"
    )
    order = models.PositiveSmallIntegerField(_("volgorde"), default=0)
    title = models.CharField(_("titel"), max_length=200)
    body = models.TextField(
        _("tekst"), help_text=_("Markdown. Scripts en opmaakcode worden weggehaald.")
    )

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("les")
        verbose_name_plural = _("lessen")

    def __str__(self) -> str:
        return self.title


class QuestionKind(models.TextChoices):
    SINGLE = "single", _("Eén goed antwoord")
    MULTIPLE = "multiple", _("Meer goede antwoorden")


class Question(models.Model):
    module = models.ForeignKey(
        Module, verbose_name=_("module"), on_delete=models.CASCADE, related_name="questions"
    )
    order = models.PositiveSmallIntegerField(_("volgorde"), default=0)
    situation = models.TextField(
        _("situatie"), help_text=_("Markdown. Een korte casus uit de praktijk.")
    )
    prompt = models.CharField(_("vraag"), max_length=300)
    kind = models.CharField(
        _("soort"), max_length=10, choices=QuestionKind.choices, default=QuestionKind.SINGLE
    )
    explanation = models.TextField(
        _("uitleg"), help_text=_("Markdown. Waarom dit het goede antwoord is.")
    )
    review_lesson = models.ForeignKey(
        Lesson,
        verbose_name=_("les om na te lezen"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("Welke les iemand leest als dit antwoord fout was."),
    )

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("vraag")
        verbose_name_plural = _("vragen")

    def __str__(self) -> str:
        return self.prompt


class Option(models.Model):
    question = models.ForeignKey(
        Question, verbose_name=_("vraag"), on_delete=models.CASCADE, related_name="options"
    )
    order = models.PositiveSmallIntegerField(_("volgorde"), default=0)
    text = models.CharField(_("antwoord"), max_length=300)
    is_correct = models.BooleanField(_("goed"), default=False)
    feedback = models.TextField(
        _("feedback"), help_text=_("Waarom dit antwoord goed of niet goed is.")
    )

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("antwoordmogelijkheid")
        verbose_name_plural = _("antwoordmogelijkheden")

    def __str__(self) -> str:
        return self.text


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
    current_lesson = models.ForeignKey(
        Lesson, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    lessons_seen = models.PositiveSmallIntegerField(default=0)
    lessons_done = models.BooleanField(default=False)
    attempt = models.PositiveSmallIntegerField(default=1)
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


class LearningPath(models.Model):
    """What a profession does first: an ordered list of modules."""

    profession = models.CharField(
        _("beroep"), max_length=30, choices=Profession.choices, unique=True
    )
    intro = models.TextField(_("inleiding"), blank=True, help_text=_("Markdown."))
    modules = models.ManyToManyField(
        Module, through="LearningPathStep", related_name="learning_paths"
    )

    class Meta:
        ordering = ["profession"]
        verbose_name = _("leerlijn")
        verbose_name_plural = _("leerlijnen")

    def __str__(self) -> str:
        return str(self.get_profession_display())


class LearningPathStep(models.Model):
    path = models.ForeignKey(LearningPath, on_delete=models.CASCADE, related_name="steps")
    module = models.ForeignKey(
        Module, verbose_name=_("module"), on_delete=models.CASCADE, related_name="+"
    )
    order = models.PositiveSmallIntegerField(_("volgorde"), default=0)

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("stap")
        verbose_name_plural = _("stappen")
        constraints = [
            models.UniqueConstraint(fields=["path", "module"], name="training_module_once_per_path")
        ]

    def __str__(self) -> str:
        return f"{self.path} {self.order}: {self.module}"


class Referral(models.Model):
    """ "I referred a caregiver": tags only. There is no free-text field, on purpose."""

    created_at = models.DateTimeField(_("datum"), default=timezone.now, db_index=True)
    vraaggebieden = models.ManyToManyField(
        "sociale_kaart.Vraaggebied", verbose_name=_("vraaggebieden"), related_name="referrals"
    )
    offer = models.ForeignKey(
        "sociale_kaart.Offer",
        verbose_name=_("aanbod"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="referrals",
    )
    wijk = models.ForeignKey(
        "sociale_kaart.Wijk",
        verbose_name=_("wijk"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="referrals",
    )
    warm = models.BooleanField(_("warm overgedragen"), default=False)
    profession = models.CharField(
        _("beroep"), max_length=30, choices=Profession.choices, blank=True
    )
    organisation = models.ForeignKey(
        "sociale_kaart.Organisation",
        verbose_name=_("organisatie"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="referrals",
    )
    # Only so professionals can see their own log; never shown to the werkgroep.
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="referrals",
    )

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("verwijzing")
        verbose_name_plural = _("verwijzingen")

    def __str__(self) -> str:
        return f"{self.created_at:%Y-%m-%d} · {self.get_profession_display()}"

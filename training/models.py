"""Training for professionals: modules with lessons and case questions, progress,
certificates, learning paths per profession, and the anonymous referral log.

Who took a module (Progress, Certificate) is kept apart from what was referred (Referral):
a referral never holds anything about the caregiver, only tags from fixed lists.
"""

from decimal import Decimal

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from accounts.models import Profession


def points_label(points: Decimal) -> str:
    """ "1 punt", "2 punten", "1,5 punten": the number in the page's language."""
    whole = points == points.to_integral_value()
    value = formats.number_format(points.quantize(Decimal(1)) if whole else points.normalize())
    count = int(points) if whole else 2
    return ngettext("%(points)s punt", "%(points)s punten", count) % {"points": value}


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
    accrediting_body = models.CharField(
        _("accrediterende instantie"),
        max_length=200,
        blank=True,
        help_text=_(
            "De organisatie die de punten toekent. Laat leeg zolang er geen accreditatie is."
        ),
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

    @property
    def points_label(self) -> str:
        return points_label(self.accreditation_points)

    def profession_labels(self) -> list[str]:
        labels = dict(Profession.choices)
        return [str(labels[code]) for code in self.target_professions if code in labels]


class Unit(models.Model):
    """A piece of a module that fits in ten minutes: a lesson or two and their questions."""

    MAX_MINUTES = 10

    module = models.ForeignKey(
        Module, verbose_name=_("module"), on_delete=models.CASCADE, related_name="units"
    )
    order = models.PositiveSmallIntegerField(_("volgorde"), default=0)
    title = models.CharField(_("titel"), max_length=200)
    minutes = models.PositiveSmallIntegerField(
        _("minuten"),
        default=10,
        validators=[MinValueValidator(1), MaxValueValidator(MAX_MINUTES)],
        help_text=_("Hoe lang dit deel duurt: hoogstens tien minuten."),
    )

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("deel")
        verbose_name_plural = _("delen")
        constraints = [
            models.CheckConstraint(
                condition=Q(minutes__gte=1) & Q(minutes__lte=10),
                name="training_unit_at_most_ten_minutes",
            )
        ]

    def __str__(self) -> str:
        return f"{self.module} · {self.title}"


class Lesson(models.Model):
    module = models.ForeignKey(
        Module, verbose_name=_("module"), on_delete=models.CASCADE, related_name="lessons"
    )
    unit = models.ForeignKey(
        Unit, verbose_name=_("deel"), on_delete=models.CASCADE, related_name="lessons"
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


class LearningGoal(models.Model):
    """What a professional can do after a lesson. Questions are variants that test one goal;
    each attempt draws one variant per goal."""

    module = models.ForeignKey(
        Module, verbose_name=_("module"), on_delete=models.CASCADE, related_name="goals"
    )
    unit = models.ForeignKey(
        Unit, verbose_name=_("deel"), on_delete=models.CASCADE, related_name="goals"
    )
    lesson = models.ForeignKey(
        Lesson,
        verbose_name=_("les die dit leert"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="goals",
        help_text=_("Deze les leest iemand opnieuw als de vraag fout ging."),
    )
    order = models.PositiveSmallIntegerField(_("volgorde"), default=0)
    text = models.CharField(_("leerdoel"), max_length=300)

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("leerdoel")
        verbose_name_plural = _("leerdoelen")

    def __str__(self) -> str:
        return self.text


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
    goal = models.ForeignKey(
        LearningGoal,
        verbose_name=_("leerdoel"),
        on_delete=models.CASCADE,
        related_name="questions",
        help_text=_("Vragen met hetzelfde leerdoel zijn varianten: elke poging krijgt er één."),
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
    def display_code(self) -> str:
        """ABCDE-FGHJK for short codes; an older, long code as it was issued."""
        if len(self.code) == CODE_LENGTH and set(self.code) <= set(CODE_ALPHABET):
            half = CODE_LENGTH // 2
            return f"{self.code[:half]}-{self.code[half:]}"
        return self.code


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

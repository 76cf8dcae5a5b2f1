"""What beheer writes: modules cut into units, lessons, learning goals and question variants."""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import formats
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from accounts.models import Profession


def points_label(points: Decimal) -> str:
    """ "1 punt", "2 punten", "1,5 punten": the number in the page's language."""
    whole = points == points.to_integral_value()
    value = formats.number_format(points.quantize(Decimal(1)) if whole else points.normalize())
    count = int(points) if whole else 2
    return ngettext("%(points)s punt", "%(points)s punten", count) % {"points": value}


def accreditation_text(points: Decimal, body: str) -> str:
    """ "2 punten · <body>" when an accrediting body awards points; "" when nobody does, so
    no page or certificate shows points that nobody accredited."""
    if not points or not body:
        return ""
    return f"{points_label(points)} · {body}"


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

    @property
    def accreditation(self) -> str:
        return accreditation_text(self.accreditation_points, self.accrediting_body)

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

    def clean(self) -> None:
        if self.unit_id and self.module_id and self.unit.module_id != self.module_id:
            raise ValidationError({"unit": _("Kies een deel van deze module.")})


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

    def clean(self) -> None:
        if self.unit_id and self.module_id and self.unit.module_id != self.module_id:
            raise ValidationError({"unit": _("Kies een deel van deze module.")})
        if self.lesson is not None and self.module_id and self.lesson.module_id != self.module_id:
            raise ValidationError({"lesson": _("Kies een les van deze module.")})


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

    def clean(self) -> None:
        if self.goal_id and self.module_id and self.goal.module_id != self.module_id:
            raise ValidationError({"goal": _("Kies een leerdoel van deze module.")})


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

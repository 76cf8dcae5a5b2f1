"""What the werkgroep records: spiegelgesprek outcomes, action points with their evidence and
history, and a log of every export. Nothing here points at a caregiver."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.db.models.functions import Length
from django.db.models.lookups import LessThanOrEqual
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class OutcomeKind(models.TextChoices):
    THEME = "theme", _("Thema")
    QUOTE = "quote", _("Citaat")
    SIGNAL = "signal", _("Signaal")


class OutcomeItem(models.Model):
    """One thing that came out of a spiegelgesprek: a theme, a quote or a signal."""

    gesprek = models.ForeignKey(
        "panel.Spiegelgesprek",
        verbose_name=_("spiegelgesprek"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    kind = models.CharField(_("soort"), max_length=10, choices=OutcomeKind.choices)
    text = models.TextField(_("tekst"), max_length=1000)
    vraaggebieden = models.ManyToManyField(
        "sociale_kaart.Vraaggebied", verbose_name=_("vraaggebieden"), blank=True, related_name="+"
    )
    wijk = models.ForeignKey(
        "sociale_kaart.Wijk",
        verbose_name=_("wijk"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    speaker_consent = models.BooleanField(
        _("de spreker vindt het goed dat we dit citeren"), default=False
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["gesprek", "kind", "pk"]
        verbose_name = _("uitkomst van een spiegelgesprek")
        verbose_name_plural = _("uitkomsten van spiegelgesprekken")
        constraints = [
            # A quote is only ever stored when the speaker agreed to it.
            models.CheckConstraint(
                condition=~Q(kind="quote") | Q(speaker_consent=True),
                name="werkgroep_quote_needs_consent",
            ),
            models.CheckConstraint(condition=~Q(text=""), name="werkgroep_outcome_has_text"),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.text[:60]}"


class ActionStatus(models.TextChoices):
    IDEA = "idea", _("Idee")
    PLANNED = "planned", _("Gepland")
    IN_PROGRESS = "in_progress", _("Bezig")
    DONE = "done", _("Klaar")
    NOT_FEASIBLE = "not_feasible", _("Niet haalbaar")


# Action point texts: long enough for their purpose, never a megabyte (forms say the same).
TEXT_LIMITS = {
    "title": 200,
    "description": 5000,
    "said": 1000,
    "done": 1000,
    "not_feasible_reason": 1000,
}


class ActionPoint(models.Model):
    title = models.CharField(_("titel"), max_length=200)
    # Texts are bounded: long enough for their purpose, never a megabyte.
    description = models.TextField(
        _("beschrijving"), max_length=5000, blank=True, help_text=_("Markdown. Voor de werkgroep.")
    )
    said = models.TextField(
        _("wat mantelzorgers zeiden"),
        max_length=1000,
        blank=True,
        help_text=_("Voor de openbare pagina. Korte zinnen, gewone woorden."),
    )
    done = models.TextField(
        _("wat we deden"),
        max_length=1000,
        blank=True,
        help_text=_("Voor de openbare pagina. Wat is er gebeurd of wat gaat er gebeuren?"),
    )
    vraaggebieden = models.ManyToManyField(
        "sociale_kaart.Vraaggebied", verbose_name=_("vraaggebieden"), blank=True, related_name="+"
    )
    owner = models.ForeignKey(
        "sociale_kaart.Organisation",
        verbose_name=_("eigenaar"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    status = models.CharField(
        _("status"), max_length=20, choices=ActionStatus.choices, default=ActionStatus.IDEA
    )
    not_feasible_reason = models.TextField(_("waarom niet haalbaar"), max_length=1000, blank=True)
    due_date = models.DateField(_("klaar op"), null=True, blank=True)
    is_public = models.BooleanField(_("tonen op Jullie zeiden, wij deden"), default=False)
    outcomes = models.ManyToManyField(
        OutcomeItem,
        verbose_name=_("uitkomsten van spiegelgesprekken"),
        blank=True,
        related_name="action_points",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-updated_at", "pk"]
        verbose_name = _("actiepunt")
        verbose_name_plural = _("actiepunten")
        constraints = [
            models.CheckConstraint(
                condition=~Q(status="not_feasible") | ~Q(not_feasible_reason=""),
                name="werkgroep_not_feasible_needs_reason",
            ),
            *(
                models.CheckConstraint(
                    condition=LessThanOrEqual(Length(name), limit),
                    name=f"werkgroep_action_point_{name}_length",
                )
                for name, limit in TEXT_LIMITS.items()
            ),
        ]
        indexes = [models.Index(fields=["is_public", "status"])]

    def __str__(self) -> str:
        return self.title


class ActionStatusChange(models.Model):
    """History: who moved an action point to which status, when and why."""

    action_point = models.ForeignKey(
        ActionPoint, on_delete=models.CASCADE, related_name="status_changes"
    )
    from_status = models.CharField(
        _("van"), max_length=20, choices=ActionStatus.choices, blank=True
    )
    to_status = models.CharField(_("naar"), max_length=20, choices=ActionStatus.choices)
    reason = models.TextField(_("waarom"), max_length=1000, blank=True)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("door"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    changed_at = models.DateTimeField(_("op"), default=timezone.now)

    class Meta:
        ordering = ["changed_at", "pk"]
        verbose_name = _("statuswijziging")
        verbose_name_plural = _("statuswijzigingen")
        constraints = [
            models.CheckConstraint(
                condition=~Q(to_status="not_feasible") | ~Q(reason=""),
                name="werkgroep_change_not_feasible_reason",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.action_point_id}: {self.from_status} → {self.to_status}"


class EvidenceKind(models.TextChoices):
    POLL_QUESTION = "poll_question", _("Uitslag van een peilingvraag")
    REFERRALS = "referrals", _("Cijfers over doorverwijzingen")
    TREND = "trend", _("Trend van een antwoord over herhaalde peilingen")


class Evidence(models.Model):
    """What an action point rests on besides spiegelgesprek outcomes (linked directly)."""

    action_point = models.ForeignKey(ActionPoint, on_delete=models.CASCADE, related_name="evidence")
    kind = models.CharField(_("soort"), max_length=20, choices=EvidenceKind.choices)
    question = models.ForeignKey(
        "panel.Question",
        verbose_name=_("peilingvraag"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
    )
    choice = models.ForeignKey(
        "panel.Choice",
        verbose_name=_("antwoord om te noemen"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    # Referral figures are stored as the filter that produces them, so they stay current.
    referral_vraaggebied = models.ForeignKey(
        "sociale_kaart.Vraaggebied",
        verbose_name=_("vraaggebied"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    referral_from = models.DateField(_("vanaf"), null=True, blank=True)
    referral_to = models.DateField(_("tot en met"), null=True, blank=True)
    note = models.CharField(_("toelichting"), max_length=300, blank=True)
    # A trend cites one answer of one question across a poll and its repeats (this is the
    # first poll of the series; question and choice are those of the latest round).
    trend_poll = models.ForeignKey(
        "panel.Poll",
        verbose_name=_("reeks peilingen"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
    )
    # The figure as it was when it was cited (werkgroep.evidence): number, total, share, when.
    taken_at = models.DateTimeField(_("genomen op"), null=True, blank=True)
    taken_count = models.PositiveIntegerField(_("aantal"), null=True, blank=True)
    taken_total = models.PositiveIntegerField(_("van totaal"), null=True, blank=True)
    taken_share = models.FloatField(_("percentage"), null=True, blank=True)
    taken_text = models.CharField(_("zoals genoemd"), max_length=500, blank=True)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("onderbouwing")
        verbose_name_plural = _("onderbouwing")
        constraints = [
            models.CheckConstraint(
                condition=~Q(kind="poll_question") | Q(question__isnull=False),
                name="werkgroep_poll_evidence_has_question",
            ),
            models.CheckConstraint(
                condition=~Q(kind="trend") | Q(trend_poll__isnull=False, choice__isnull=False),
                name="werkgroep_trend_evidence_has_series_and_answer",
            ),
            models.CheckConstraint(
                condition=~Q(kind="trend") | Q(taken_at__isnull=False),
                name="werkgroep_trend_evidence_is_taken",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} bij actiepunt {self.action_point_id}"


class FollowUpPoll(models.Model):
    """A poll that asks caregivers whether a done action point helps ("Vraag mantelzorgers of
    het helpt"). Once it is closed, /wij-deden/ shows its result next to the action."""

    action_point = models.ForeignKey(
        ActionPoint,
        verbose_name=_("actiepunt"),
        on_delete=models.CASCADE,
        related_name="follow_ups",
    )
    poll = models.OneToOneField(
        "panel.Poll", verbose_name=_("peiling"), on_delete=models.CASCADE, related_name="+"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("vervolgpeiling")
        verbose_name_plural = _("vervolgpeilingen")

    def __str__(self) -> str:
        return f"Vervolgpeiling {self.poll_id} bij actiepunt {self.action_point_id}"


class ExportLog(models.Model):
    """Every export: who made it, what was in it, when."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    user_email = models.EmailField()
    what = models.CharField(max_length=40)
    params = models.JSONField(default=dict, blank=True)
    file_format = models.CharField(max_length=5)
    rows = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("export")
        verbose_name_plural = _("exports")

    def __str__(self) -> str:
        return f"{self.what} ({self.file_format}) {self.created_at:%Y-%m-%d %H:%M}"


class CouncilReportStatus(models.TextChoices):
    DRAFT = "draft", _("Concept")
    PUBLISHED = "published", _("Gepubliceerd")


class CouncilReport(models.Model):
    """A report for the gemeenteraad over a chosen period, compared with the period before.

    While a draft it shows the current figures; publishing stores the figures as they were
    (`snapshot`), so a published report stays exactly as the raad received it."""

    title = models.CharField(_("titel"), max_length=200)
    period_start = models.DateField(_("van"))
    period_end = models.DateField(_("tot en met"))
    step = models.CharField(_("per"), max_length=10, default="month")
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=CouncilReportStatus.choices,
        default=CouncilReportStatus.DRAFT,
    )
    snapshot = models.JSONField(default=dict, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    published_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-period_end", "-pk"]
        verbose_name = _("raadsrapport")
        verbose_name_plural = _("raadsrapporten")
        constraints = [
            models.CheckConstraint(
                condition=Q(period_end__gte=models.F("period_start")),
                name="werkgroep_report_period_in_order",
            ),
            # A published report has its figures and its date; a draft has neither.
            models.CheckConstraint(
                condition=Q(status="draft", published_at__isnull=True)
                | Q(status="published", published_at__isnull=False),
                name="werkgroep_report_published_has_date",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def is_published(self) -> bool:
        return self.status == CouncilReportStatus.PUBLISHED


class CouncilSection(models.Model):
    """The werkgroep's own words for one section of a report: a summary and conclusions."""

    report = models.ForeignKey(CouncilReport, on_delete=models.CASCADE, related_name="sections")
    key = models.CharField(max_length=20)
    summary = models.TextField(_("samenvatting"), max_length=4000, blank=True)
    conclusions = models.TextField(_("conclusies"), max_length=4000, blank=True)
    written_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    written_by_name = models.CharField(max_length=300, blank=True)
    written_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["report", "pk"]
        verbose_name = _("tekst van de werkgroep")
        verbose_name_plural = _("teksten van de werkgroep")
        constraints = [
            models.UniqueConstraint(fields=["report", "key"], name="werkgroep_one_text_per_section")
        ]

    def __str__(self) -> str:
        return f"{self.report_id}/{self.key}"

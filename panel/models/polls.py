"""Flash polls: questions, choices, who took part (Participation) apart from what was said
(Answer), invitations and the running result counters."""

from datetime import timedelta

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from panel.models.members import AgeBand, CareHours, PanelMember, Relation


class Audience(models.TextChoices):
    ALL = "all", _("Alle panelleden")
    WIJKEN = "wijken", _("Alleen bepaalde wijken")


class ResultsVisibility(models.TextChoices):
    AFTER_ANSWER = "after_answer", _("Na het antwoorden")
    AFTER_CLOSE = "after_close", _("Na het sluiten")
    NEVER = "never", _("Nooit")


class PollStatus(models.TextChoices):
    DRAFT = "draft", _("Concept")
    SCHEDULED = "scheduled", _("Gepland")
    OPEN = "open", _("Open")
    CLOSED = "closed", _("Gesloten")


NEW_FOR = timedelta(days=7)  # a poll is "nieuw" on the caregiver's home this long after opening


class PollQuerySet(models.QuerySet):
    def published(self):
        """Only published polls: a concept is never seen or answered by caregivers."""
        return self.filter(published_at__isnull=False)


class Poll(models.Model):
    title = models.CharField(_("titel"), max_length=200)
    intro = models.TextField(_("inleiding"), blank=True)
    opens_at = models.DateTimeField(_("open vanaf"))
    closes_at = models.DateTimeField(_("open tot"))
    audience = models.CharField(
        _("voor wie"), max_length=10, choices=Audience.choices, default=Audience.ALL
    )
    wijken = models.ManyToManyField(
        "sociale_kaart.Wijk", verbose_name=_("wijken"), blank=True, related_name="+"
    )
    anonymous = models.BooleanField(_("anoniem"), default=True)
    results_visibility = models.CharField(
        _("uitslag zichtbaar"),
        max_length=20,
        choices=ResultsVisibility.choices,
        default=ResultsVisibility.AFTER_ANSWER,
    )
    invitations_sent_at = models.DateTimeField(
        _("uitnodigingen verstuurd op"), null=True, blank=True
    )
    # A poll is a concept until panel.publishing.publish_poll checks and publishes it.
    published_at = models.DateTimeField(_("gepubliceerd op"), null=True, blank=True)
    repeat_of = models.ForeignKey(
        "self",
        verbose_name=_("herhaling van"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="repeats",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = PollQuerySet.as_manager()

    class Meta:
        ordering = ["-opens_at"]
        verbose_name = _("peiling")
        verbose_name_plural = _("peilingen")
        constraints = [
            models.CheckConstraint(
                condition=Q(closes_at__gt=F("opens_at")), name="panel_poll_closes_after_opening"
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def status_at(self, now=None) -> str:
        now = now or timezone.now()
        if self.published_at is None:
            return PollStatus.DRAFT
        if now < self.opens_at:
            return PollStatus.SCHEDULED
        if now >= self.closes_at:
            return PollStatus.CLOSED
        return PollStatus.OPEN

    @property
    def status(self) -> str:
        return self.status_at()

    @property
    def is_published(self) -> bool:
        return self.published_at is not None

    def is_new_at(self, now=None) -> bool:
        """Open, and opened (or published) less than NEW_FOR ago: marked "nieuw" for caregivers."""
        now = now or timezone.now()
        if self.published_at is None or self.status_at(now) != PollStatus.OPEN:
            return False
        return now - max(self.opens_at, self.published_at) < NEW_FOR

    @property
    def is_new(self) -> bool:
        return self.is_new_at()


class QuestionKind(models.TextChoices):
    SINGLE = "single", _("Eén keuze")
    MULTIPLE = "multiple", _("Meer keuzes")
    SCALE = "scale", _("Schaal 1 tot 5")
    TEXT = "text", _("Korte tekst")


TEXT_ANSWER_MAX = 500


class Question(models.Model):
    poll = models.ForeignKey(
        Poll, verbose_name=_("peiling"), on_delete=models.CASCADE, related_name="questions"
    )
    order = models.PositiveSmallIntegerField(_("volgorde"))
    text = models.CharField(_("vraag"), max_length=300)
    kind = models.CharField(_("soort"), max_length=10, choices=QuestionKind.choices)
    max_choices = models.PositiveSmallIntegerField(
        _("hoogstens zoveel keuzes"), null=True, blank=True
    )
    vraaggebied = models.ForeignKey(
        "sociale_kaart.Vraaggebied",
        verbose_name=_("vraaggebied"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    wellbeing = models.BooleanField(
        _("vraag hoe het met de mantelzorger gaat"),
        default=False,
        help_text=_(
            "Kiest iemand een van de twee laagste antwoorden (waarde 1 of 2)? Dan ziet die "
            "meteen waar hulp is, en kan die vragen om gebeld te worden."
        ),
    )

    class Meta:
        ordering = ["poll", "order"]
        verbose_name = _("vraag")
        verbose_name_plural = _("vragen")
        constraints = [
            models.UniqueConstraint(fields=["poll", "order"], name="panel_question_order_unique"),
            models.CheckConstraint(
                condition=Q(max_choices__isnull=True) | Q(max_choices__gte=1),
                name="panel_question_max_choices_positive",
            ),
        ]

    def __str__(self) -> str:
        return self.text


class Choice(models.Model):
    question = models.ForeignKey(
        Question, verbose_name=_("vraag"), on_delete=models.CASCADE, related_name="choices"
    )
    order = models.PositiveSmallIntegerField(_("volgorde"))
    text = models.CharField(_("tekst"), max_length=200)
    value = models.SmallIntegerField(_("waarde op de schaal"), null=True, blank=True)
    face = models.CharField(_("gezichtje"), max_length=8, blank=True)

    class Meta:
        ordering = ["question", "order"]
        verbose_name = _("keuze")
        verbose_name_plural = _("keuzes")
        constraints = [
            models.UniqueConstraint(fields=["question", "order"], name="panel_choice_order_unique"),
            models.CheckConstraint(
                condition=Q(value__isnull=True) | Q(value__gte=1, value__lte=5),
                name="panel_choice_scale_value_1_5",
            ),
        ]

    def __str__(self) -> str:
        return self.text


class Participation(models.Model):
    """Who took part. The unique constraint is the guarantee of one response per member."""

    member = models.ForeignKey(
        PanelMember, on_delete=models.SET_NULL, null=True, blank=True, related_name="participations"
    )
    poll = models.ForeignKey(Poll, on_delete=models.CASCADE, related_name="participations")

    class Meta:
        verbose_name = _("deelname")
        verbose_name_plural = _("deelnames")
        constraints = [
            models.UniqueConstraint(fields=["member", "poll"], name="panel_one_response_per_poll"),
        ]

    def __str__(self) -> str:
        return f"Deelname {self.pk} aan peiling {self.poll_id}"


class PollInvitation(models.Model):
    """One e-mail invitation per member per poll: the unique row is claimed before sending,
    so parallel publishes and several workers never send a member the same invitation twice."""

    poll = models.ForeignKey(Poll, on_delete=models.CASCADE, related_name="invitations")
    member = models.ForeignKey(PanelMember, on_delete=models.CASCADE, related_name="+")
    sent_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("uitnodiging")
        verbose_name_plural = _("uitnodigingen")
        constraints = [
            models.UniqueConstraint(
                fields=["poll", "member"], name="panel_one_invitation_per_member"
            ),
        ]

    def __str__(self) -> str:
        return f"Uitnodiging {self.pk} voor peiling {self.poll_id}"


class ModerationStatus(models.TextChoices):
    PENDING = "pending", _("Wacht op controle")
    APPROVED = "approved", _("Goedgekeurd")
    HIDDEN = "hidden", _("Verborgen")


class Answer(models.Model):
    """What was said. member is empty for anonymous polls and after a member leaves."""

    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="answers")
    choice = models.ForeignKey(
        Choice, on_delete=models.CASCADE, null=True, blank=True, related_name="answers"
    )
    text = models.CharField(_("tekst"), max_length=TEXT_ANSWER_MAX, blank=True)
    member = models.ForeignKey(
        PanelMember, on_delete=models.SET_NULL, null=True, blank=True, related_name="answers"
    )
    # Snapshot of the respondent at vote time, for breakdowns (no link to the person).
    wijk = models.ForeignKey(
        "sociale_kaart.Wijk", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    age_band = models.CharField(max_length=10, choices=AgeBand.choices, blank=True)
    relation = models.CharField(max_length=20, choices=Relation.choices, blank=True)
    works = models.BooleanField(null=True, blank=True)
    care_hours = models.CharField(
        max_length=10, choices=CareHours.choices, blank=True, default="", db_default=""
    )
    created_at = models.DateTimeField(auto_now_add=True)
    # Moderation, only for free text.
    status = models.CharField(
        _("status"), max_length=10, choices=ModerationStatus.choices, blank=True
    )
    hidden_reason = models.CharField(_("reden"), max_length=300, blank=True)
    moderated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    moderated_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("antwoord")
        verbose_name_plural = _("antwoorden")
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(choice__isnull=False, text="", status="")
                    | Q(choice__isnull=True) & ~Q(text="") & ~Q(status="")
                ),
                name="panel_answer_choice_xor_text",
            ),
        ]
        indexes = [models.Index(fields=["question", "choice"])]

    def __str__(self) -> str:
        return f"Antwoord {self.pk} op vraag {self.question_id}"


class ResultTally(models.Model):
    """Running counts of stored votes, so results read a few rows per choice instead of
    counting every answer (a million votes read as fast as a thousand).

    Kept up to date in cast_vote's transaction; `panel.tallies.rebuild` recounts them from the
    answers (for data loaded in bulk). One counter is spread over SLOTS rows (a vote picks
    one at random) so parallel votes rarely wait on the same row lock; reads add the slots up.
    question_ref 0 is the poll's respondents counter; dimension "" the totals, otherwise a
    breakdown dimension with group_value the snapshot value ("" = unknown). Free-text answers
    are not tallied here.
    """

    poll = models.ForeignKey(Poll, on_delete=models.CASCADE, related_name="+")
    question_ref = models.PositiveIntegerField(default=0)
    choice_ref = models.PositiveIntegerField(default=0)
    dimension = models.CharField(max_length=10, blank=True)
    group_value = models.CharField(max_length=40, blank=True)
    slot = models.PositiveSmallIntegerField(default=0)
    count = models.BigIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["poll", "question_ref", "choice_ref", "dimension", "group_value", "slot"],
                name="panel_one_tally_per_counter_slot",
            ),
        ]
        indexes = [models.Index(fields=["question_ref", "dimension"])]

    def __str__(self) -> str:
        return f"Teller {self.poll_id}/{self.question_ref}/{self.choice_ref}/{self.dimension}"

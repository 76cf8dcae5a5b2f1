"""The caregivers' panel: members, flash polls and spiegelgesprekken.

Who took part (Participation) is kept apart from what was said (Answer), so a poll can be
anonymous and a member can leave without changing any total.
"""

from datetime import date, timedelta

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class AgeBand(models.TextChoices):
    UNDER_18 = "0-17", _("Jonger dan 18")
    FROM_18 = "18-34", _("18 tot 35 jaar")
    FROM_35 = "35-54", _("35 tot 55 jaar")
    FROM_55 = "55-66", _("55 tot 67 jaar")
    FROM_67 = "67-79", _("67 tot 80 jaar")
    FROM_80 = "80+", _("80 jaar of ouder")


class Relation(models.TextChoices):
    PARTNER = "partner", _("Mijn partner")
    PARENT = "parent", _("Mijn vader of moeder")
    CHILD = "child", _("Mijn kind")
    FAMILY = "family", _("Iemand anders uit mijn familie")
    FRIEND = "friend", _("Een vriend of buur")
    OTHER = "other", _("Iemand anders")


class CareHours(models.TextChoices):
    UNDER_8 = "0-7", _("Minder dan 8 uur per week")
    FROM_8 = "8-19", _("8 tot 20 uur per week")
    FROM_20 = "20-39", _("20 tot 40 uur per week")
    FROM_40 = "40+", _("40 uur of meer per week")


class PanelMember(models.Model):
    """A caregiver in the panel. After leaving only an empty husk remains (for growth figures)."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="panel_member",
    )
    consent_version = models.CharField(_("versie privacytekst"), max_length=20, blank=True)
    consent_at = models.DateTimeField(_("toestemming gegeven op"), null=True, blank=True)
    wijk = models.ForeignKey(
        "sociale_kaart.Wijk",
        verbose_name=_("wijk"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    age_band = models.CharField(_("leeftijd"), max_length=10, choices=AgeBand.choices, blank=True)
    relation = models.CharField(
        _("zorgt voor"), max_length=20, choices=Relation.choices, blank=True
    )
    care_hours = models.CharField(
        _("uren zorg per week"), max_length=10, choices=CareHours.choices, blank=True
    )
    works = models.BooleanField(_("betaald werk"), null=True, blank=True)
    joined_at = models.DateTimeField(_("lid sinds"), default=timezone.now)
    left_at = models.DateTimeField(_("gestopt op"), null=True, blank=True)

    class Meta:
        verbose_name = _("panellid")
        verbose_name_plural = _("panelleden")
        constraints = [
            # A member who left has no account link any more; an active one has one.
            models.CheckConstraint(
                condition=Q(left_at__isnull=True, user__isnull=False)
                | Q(left_at__isnull=False, user__isnull=True),
                name="panel_member_active_xor_left",
            ),
        ]

    def __str__(self) -> str:
        return f"Panellid {self.pk}"

    @property
    def is_active(self) -> bool:
        return self.left_at is None


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


class Spiegelgesprek(models.Model):
    title = models.CharField(_("titel"), max_length=200)
    intro = models.TextField(_("uitleg"), blank=True)
    vraaggebieden = models.ManyToManyField(
        "sociale_kaart.Vraaggebied", verbose_name=_("thema"), blank=True, related_name="+"
    )
    starts_at = models.DateTimeField(_("begint om"))
    duration = models.PositiveSmallIntegerField(_("duur in minuten"), default=120)
    place = models.CharField(_("adres"), max_length=300, blank=True)
    accessibility = models.CharField(_("toegankelijkheid"), max_length=300, blank=True)
    online_link = models.URLField(_("online link"), blank=True)
    caregiver_places = models.PositiveSmallIntegerField(_("plaatsen mantelzorgers"), default=8)
    listener_places = models.PositiveSmallIntegerField(_("plaatsen luisteraars"), default=30)
    cancelled_at = models.DateTimeField(_("gaat niet door sinds"), null=True, blank=True)
    cancel_reason = models.CharField(_("waarom het niet doorgaat"), max_length=300, blank=True)

    class Meta:
        ordering = ["starts_at"]
        verbose_name = _("spiegelgesprek")
        verbose_name_plural = _("spiegelgesprekken")
        constraints = [
            models.CheckConstraint(
                condition=Q(caregiver_places__gte=1), name="panel_gesprek_has_caregiver_places"
            ),
            models.CheckConstraint(
                condition=Q(duration__gte=15), name="panel_gesprek_duration_min_15"
            ),
            models.CheckConstraint(
                condition=~Q(place="") | ~Q(online_link=""), name="panel_gesprek_place_or_link"
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def ends_at(self):
        return self.starts_at + timedelta(minutes=self.duration)

    def places_for(self, kind: str) -> int:
        return self.caregiver_places if kind == RegistrationKind.CAREGIVER else self.listener_places


class RegistrationKind(models.TextChoices):
    CAREGIVER = "caregiver", _("Mantelzorger")
    LISTENER = "listener", _("Luisteraar")


class RegistrationStatus(models.TextChoices):
    REGISTERED = "registered", _("Aangemeld")
    WAITING = "waiting", _("Op de wachtlijst")
    CANCELLED = "cancelled", _("Afgemeld")


class Registration(models.Model):
    gesprek = models.ForeignKey(
        Spiegelgesprek, on_delete=models.CASCADE, related_name="registrations"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="panel_registrations"
    )
    kind = models.CharField(_("soort plaats"), max_length=10, choices=RegistrationKind.choices)
    status = models.CharField(_("status"), max_length=10, choices=RegistrationStatus.choices)
    replacement_care = models.BooleanField(_("vervanging van de zorg nodig"), default=False)
    transport = models.BooleanField(_("vervoer nodig"), default=False)
    # Given by the caregiver only so the organisers can arrange replacement care or transport.
    phone = models.CharField(
        _("telefoonnummer voor vervanging of vervoer"), max_length=20, blank=True
    )
    replacement_care_arranged = models.BooleanField(_("vervanging geregeld"), default=False)
    transport_arranged = models.BooleanField(_("vervoer geregeld"), default=False)
    accessibility = models.CharField(_("toegankelijkheid"), max_length=300, blank=True)
    diet = models.CharField(_("eten en drinken"), max_length=300, blank=True)
    topics = models.TextField(_("wat wilt u vertellen"), max_length=1000, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    promoted_at = models.DateTimeField(null=True, blank=True)
    cancelled_at = models.DateTimeField(null=True, blank=True)
    reminded_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("aanmelding")
        verbose_name_plural = _("aanmeldingen")
        constraints = [
            models.UniqueConstraint(
                fields=["gesprek", "user"],
                condition=~Q(status="cancelled"),
                name="panel_one_active_registration",
            ),
        ]
        indexes = [models.Index(fields=["gesprek", "kind", "status"])]

    def __str__(self) -> str:
        return f"{self.user} → {self.gesprek}"


def first_of_this_month() -> date:
    return timezone.localdate().replace(day=1)


class ContactPoint(models.Model):
    """Where requests to be contacted go: set by beheer in the admin (one active at a time)."""

    name = models.CharField(_("naam"), max_length=200)
    email = models.EmailField(_("e-mail"))
    active = models.BooleanField(_("actief"), default=True)

    class Meta:
        verbose_name = _("contactpunt voor hulpvragen")
        verbose_name_plural = _("contactpunten voor hulpvragen")
        constraints = [
            models.UniqueConstraint(
                fields=["active"], condition=Q(active=True), name="panel_one_active_contact_point"
            ),
        ]

    def __str__(self) -> str:
        return self.name


class ContactRequest(models.Model):
    """A caregiver asked to be contacted. Personal data given for one purpose, kept apart from
    poll answers: no link to a poll, answer, participation, account or wijk, and only the
    month it was asked, so it cannot be matched to an answer by time. Name and phone or
    e-mail are wiped once the mail to the contact point is sent; the row stays for the count
    per month."""

    month = models.DateField(_("maand"), default=first_of_this_month)
    name = models.CharField(_("naam"), max_length=200, blank=True)
    phone = models.CharField(_("telefoon"), max_length=30, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("vraag om contact")
        verbose_name_plural = _("vragen om contact")
        constraints = [
            models.CheckConstraint(condition=Q(month__day=1), name="panel_contact_request_month"),
            models.CheckConstraint(
                condition=Q(sent_at__isnull=False) | ~Q(phone="") | ~Q(email=""),
                name="panel_contact_request_has_a_way_to_reach",
            ),
        ]

    def __str__(self) -> str:
        return f"Vraag om contact {self.pk}"

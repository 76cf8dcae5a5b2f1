"""Spiegelgesprekken and the registrations for them (places, waiting list, needs)."""

from datetime import timedelta

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


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
        settings.AUTH_USER_MODEL,
        verbose_name=_("persoon"),
        on_delete=models.CASCADE,
        related_name="panel_registrations",
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

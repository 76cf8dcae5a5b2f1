"""Panel members (with what they told us about themselves) and requests to be contacted."""

from datetime import date

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.models import User
from panel.exceptions import NotAMember


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

    @property
    def account(self) -> User:
        """The account of a member who takes part. Only a member who left has none (the
        constraint above), and nothing is sent to or read for them: NotAMember."""
        if self.user is None:
            raise NotAMember
        return self.user


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

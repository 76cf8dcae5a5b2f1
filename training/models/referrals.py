"""Learning paths per profession, and the anonymous referral log."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.models import Profession
from training.models.content import Module


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

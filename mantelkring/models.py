"""Site-wide records that belong to no app: e-mail that could not be sent."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class FailedEmail(models.Model):
    """A message the mail server refused or could not be reached for; retried with back-off.

    Holds no body: login codes and links stay out of the database.
    """

    message_id = models.CharField(max_length=64, unique=True)
    recipients = models.TextField(_("aan"))
    subject = models.CharField(_("onderwerp"), max_length=300)
    error = models.TextField(_("fout"))
    attempts = models.PositiveSmallIntegerField(_("pogingen"), default=1)
    first_failed_at = models.DateTimeField(_("eerste fout"), auto_now_add=True)
    last_failed_at = models.DateTimeField(_("laatste fout"), auto_now=True)
    next_attempt_at = models.DateTimeField(_("volgende poging"), null=True, blank=True)
    given_up = models.BooleanField(_("opgegeven"), default=False)
    delivered_at = models.DateTimeField(_("alsnog verstuurd"), null=True, blank=True)

    class Meta:
        ordering = ["-last_failed_at", "-pk"]
        verbose_name = _("mislukte e-mail")
        verbose_name_plural = _("mislukte e-mails")

    def __str__(self) -> str:
        return f"{self.subject} → {self.recipients}"

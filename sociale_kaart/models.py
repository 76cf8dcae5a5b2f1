"""The local map of support: wijken, organisations and their offers.

Field names follow the Open Referral HSDS vocabulary where it has a word for the thing
(organization, service, service_area, location, contact, schedule, fees, assured_date),
so that a later HSDS import or export is a mapping, not a rewrite.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class VraaggebiedCode(models.TextChoices):
    """The 8 basic functions of caregiver support; the shared vocabulary of every app."""

    INFORMATIE = "informatie", _("Informatie")
    ADVIES = "advies", _("Advies en begeleiding")
    EMOTIONELE_STEUN = "emotionele_steun", _("Emotionele steun")
    EDUCATIE = "educatie", _("Educatie")
    PRAKTISCHE_HULP = "praktische_hulp", _("Praktische hulp")
    RESPIJTZORG = "respijtzorg", _("Respijtzorg")
    FINANCIEEL = "financieel", _("Financiële tegemoetkoming")
    MATERIEEL = "materieel", _("Materiële hulp")


class Vraaggebied(models.Model):
    """One row per VraaggebiedCode (created by a migration), so other models can tag them."""

    code = models.CharField(max_length=30, choices=VraaggebiedCode.choices, unique=True)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["order"]
        verbose_name = _("vraaggebied")
        verbose_name_plural = _("vraaggebieden")

    def __str__(self) -> str:
        return self.get_code_display()

    @property
    def name(self) -> str:
        return self.get_code_display()


class Wijk(models.Model):
    name = models.CharField(_("naam"), max_length=100, unique=True)
    slug = models.SlugField(max_length=100, unique=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("wijk")
        verbose_name_plural = _("wijken")

    def __str__(self) -> str:
        return self.name


class Organisation(models.Model):
    """HSDS: organization."""

    name = models.CharField(_("naam"), max_length=200, unique=True)
    description = models.TextField(_("beschrijving"), blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    url = models.URLField(_("website"), blank=True)
    phone = models.CharField(_("telefoon"), max_length=30, blank=True)
    # Typed in by a professional at sign-up: pending until beheer approves it or merges it
    # into an existing organisation; figures show it only once approved.
    is_approved = models.BooleanField(_("goedgekeurd"), default=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisatie")
        verbose_name_plural = _("organisaties")

    def __str__(self) -> str:
        return self.name


class HelpNow(models.TextChoices):
    """Offers shown at once to a caregiver who says it is going badly (the "help now" page).

    The numbers are data, entered and checked by beheer, never written into code.
    """

    NONE = "", _("Nee")
    CONSULENT = "consulent", _("Mantelzorgconsulent of steunpunt: een vaste contactpersoon")
    HELPLINE = "hulplijn", _("Hulplijn: informatie, advies of een luisterend oor")
    CRISIS = "crisis", _("Crisis: direct hulp, dag en nacht")


class Offer(models.Model):
    """A support offer (HSDS: service) with where it is (location) and whom to call (contact)."""

    organization = models.ForeignKey(
        Organisation, verbose_name=_("organisatie"), on_delete=models.CASCADE, related_name="offers"
    )
    name = models.CharField(_("naam"), max_length=200)
    description = models.TextField(
        _("beschrijving"), help_text=_("Markdown. Wordt veilig gemaakt voor tonen.")
    )
    vraaggebieden = models.ManyToManyField(
        Vraaggebied, verbose_name=_("vraaggebieden"), related_name="offers"
    )
    # HSDS: service_area. Either the whole municipality or a list of wijken.
    whole_municipality = models.BooleanField(_("hele gemeente"), default=False)
    service_areas = models.ManyToManyField(
        Wijk, verbose_name=_("wijken"), blank=True, related_name="offers"
    )
    # HSDS: eligibility / application_process.
    referral_required = models.BooleanField(_("verwijzing nodig"), default=False)
    application_process = models.TextField(
        _("hoe kom je eraan"), blank=True, help_text=_("Zo meldt u iemand aan of verwijst u door.")
    )
    warm_handover = models.TextField(
        _("warme overdracht"),
        blank=True,
        help_text=_("Hoe een professional iemand persoonlijk overdraagt."),
    )
    fees_description = models.CharField(_("kosten"), max_length=200, blank=True)
    # HSDS: contact.
    contact_name = models.CharField(_("contactpersoon"), max_length=120, blank=True)
    phone = models.CharField(_("telefoon"), max_length=30, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    url = models.URLField(_("website"), blank=True)
    # HSDS: location / physical_address.
    address_1 = models.CharField(_("adres"), max_length=200, blank=True)
    postal_code = models.CharField(_("postcode"), max_length=10, blank=True)
    city = models.CharField(_("plaats"), max_length=100, blank=True)
    # HSDS: schedule.description, language, accessibility.
    schedule_description = models.CharField(_("openingstijden"), max_length=200, blank=True)
    languages = models.CharField(_("talen"), max_length=200, blank=True, default="Nederlands")
    accessibility = models.CharField(_("toegankelijkheid"), max_length=300, blank=True)
    # HSDS: assured_date, the day someone last checked that this is still right.
    assured_date = models.DateField(_("laatst gecontroleerd"), null=True, blank=True)
    is_active = models.BooleanField(_("actief"), default=True)
    help_now = models.CharField(
        _("tonen als het zwaar is"),
        max_length=20,
        choices=HelpNow.choices,
        blank=True,
        default=HelpNow.NONE,
        help_text=_(
            "Zegt een mantelzorger in het panel dat het slecht gaat? Dan ziet die dit aanbod "
            "meteen, met telefoonnummer. Kies alleen aanbod dat u goed heeft gecontroleerd."
        ),
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("aanbod")
        verbose_name_plural = _("aanbod")
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "name"], name="sociale_kaart_offer_unique_name"
            )
        ]
        indexes = [models.Index(fields=["is_active", "name"])]

    def __str__(self) -> str:
        return self.name

from typing import Any, ClassVar

from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    CAREGIVER = "caregiver", _("Mantelzorger")
    PROFESSIONAL = "professional", _("Professional")
    WERKGROEP = "werkgroep", _("Werkgroep")
    ADMIN = "beheer", _("Beheer")


class Profession(models.TextChoices):
    HUISARTS = "huisarts", _("Huisarts")
    POH = "praktijkondersteuner", _("Praktijkondersteuner (POH)")
    WIJKVERPLEEGKUNDIGE = "wijkverpleegkundige", _("Wijkverpleegkundige")
    WIJKTEAM = "wijkteam", _("Wijkteam / sociaal team")
    WMO_CONSULENT = "wmo_consulent", _("Wmo-consulent")
    CLIENTONDERSTEUNER = "clientondersteuner", _("Cliëntondersteuner")
    MANTELZORGCONSULENT = "mantelzorgconsulent", _("Mantelzorgconsulent")
    OTHER = "other", _("Andere functie")


class UserManager(BaseUserManager["User"]):
    use_in_migrations = True

    def _create_user(self, email: str, password: str | None, **extra: Any) -> "User":
        if not email:
            raise ValueError("An e-mail address is required")
        user = self.model(email=self.normalize_email(email).lower(), **extra)
        if password:
            user.set_password(password)
        else:
            user.set_unusable_password()
        user.save(using=self._db)
        return user

    def create_user(self, email: str, password: str | None = None, **extra: Any) -> "User":
        extra.setdefault("is_staff", False)
        extra.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra)

    def create_superuser(self, email: str, password: str | None = None, **extra: Any) -> "User":
        extra.setdefault("is_staff", True)
        extra.setdefault("is_superuser", True)
        return self._create_user(email, password, **extra)


class User(AbstractUser):
    """A person who logs in with an e-mail address; there are no usernames."""

    username = None  # type: ignore[assignment]  # removes AbstractUser's field
    email = models.EmailField(_("e-mailadres"), unique=True)

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS: ClassVar[list[str]] = []

    # Our manager creates users by e-mail; the stubs expect auth's username-based one.
    objects: ClassVar[UserManager] = UserManager()  # type: ignore[assignment]

    def __str__(self) -> str:
        return self.email


class Profile(models.Model):
    user = models.OneToOneField(User, on_delete=models.CASCADE, related_name="profile")
    role = models.CharField(_("rol"), max_length=20, choices=Role.choices, default=Role.CAREGIVER)
    profession = models.CharField(
        _("beroep"), max_length=30, choices=Profession.choices, blank=True
    )
    organisation = models.ForeignKey(
        "sociale_kaart.Organisation",
        verbose_name=_("organisatie"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="staff_profiles",
    )
    wijk = models.ForeignKey(
        "sociale_kaart.Wijk",
        verbose_name=_("wijk"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        verbose_name = _("profiel")
        verbose_name_plural = _("profielen")
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(role="professional") | ~models.Q(profession=""),
                name="accounts_professional_has_profession",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user.email} ({self.get_role_display()})"

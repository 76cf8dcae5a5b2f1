from allauth.account.adapter import DefaultAccountAdapter
from allauth.utils import build_absolute_uri
from django.conf import settings
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from accounts.roles import START_PAGES, role_of


class AccountAdapter(DefaultAccountAdapter):
    """Public sign-up is for professionals; caregivers join through the panel.

    allauth's own Dutch says "jij"; Mantelkring speaks to people as "u", in plain words.
    """

    error_messages = {
        **DefaultAccountAdapter.error_messages,
        "email_password_mismatch": _(
            "Het e-mailadres of het wachtwoord klopt niet. Probeer het opnieuw."
        ),
        "incorrect_code": _("Deze code klopt niet. Kijk goed in de e-mail en probeer het opnieuw."),
        "too_many_login_attempts": _(
            "U heeft te vaak een verkeerd wachtwoord ingevuld. Wacht vijf minuten en probeer het dan opnieuw."
        ),
        "rate_limited": _(
            "U probeert het te vaak achter elkaar. Wacht even en probeer het dan opnieuw."
        ),
        "account_inactive": _("Dit account is niet actief. Neem contact op met de gemeente."),
        "email_taken": _("Er is al een account met dit e-mailadres. Log in of vraag een code aan."),
        "unknown_email": _("We kennen dit e-mailadres niet."),
    }

    def send_mail(self, template_prefix: str, email: str, context: dict) -> None:
        """A code or a new password asked for an address we do not know: the mail invites the
        person to join the panel (the page itself never says whether an account exists)."""
        if template_prefix == "account/email/unknown_account":
            context = {
                **context,
                "join_url": build_absolute_uri(context.get("request"), reverse("panel:join")),
                "gemeente": settings.MANTELKRING_GEMEENTE,
            }
        super().send_mail(template_prefix, email, context)

    def get_login_redirect_url(self, request):
        role = role_of(request.user)
        if role in START_PAGES:
            return reverse(START_PAGES[role])
        return reverse("home")

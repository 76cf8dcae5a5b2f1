from allauth.account import forms as allauth_forms
from django import forms
from django.utils.translation import gettext_lazy as _

from accounts.models import Profession, Profile, Role
from sociale_kaart.models import Organisation
from sociale_kaart.services import propose_organisation


class ProfessionalSignupForm(forms.Form):
    """Extra fields on allauth's sign-up form: professionals say what they do and where."""

    first_name = forms.CharField(label=_("Voornaam"), max_length=150)
    last_name = forms.CharField(label=_("Achternaam"), max_length=150)
    profession = forms.ChoiceField(label=_("Beroep"), choices=Profession.choices)
    organisation = forms.ModelChoiceField(
        label=_("Organisatie"),
        queryset=Organisation.objects.filter(is_approved=True).order_by("name"),
        empty_label=_("Kies uw organisatie"),
        required=False,
    )
    new_organisation = forms.CharField(
        label=_("Staat uw organisatie er niet bij? Typ de naam"),
        max_length=200,
        required=False,
        help_text=_("Beheer kijkt de nieuwe naam na."),
    )

    def clean(self):
        data = super().clean() or {}
        typed = " ".join((data.get("new_organisation") or "").split())
        if not data.get("organisation") and not typed:
            self.add_error("organisation", _("Kies uw organisatie, of typ de naam hieronder."))
        data["new_organisation"] = typed
        return data

    def signup(self, request, user) -> None:
        organisation = self.cleaned_data["organisation"] or propose_organisation(
            name=self.cleaned_data["new_organisation"]
        )
        user.first_name = self.cleaned_data["first_name"]
        user.last_name = self.cleaned_data["last_name"]
        user.save(update_fields=["first_name", "last_name"])
        Profile.objects.update_or_create(
            user=user,
            defaults={
                "role": Role.PROFESSIONAL,
                "profession": self.cleaned_data["profession"],
                "organisation": organisation,
            },
        )


class LoginForm(allauth_forms.LoginForm):
    """allauth's login form, with the "forgot password" link after the form instead of
    between the two fields, so Tab goes straight from e-mail to password."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["password"].help_text = ""

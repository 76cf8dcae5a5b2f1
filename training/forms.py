import re
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from mantelkring.forms import choice_field
from sociale_kaart import selectors as kaart
from sociale_kaart.forms import OfferFilterForm
from sociale_kaart.models import VraaggebiedCode
from training.models import Register


class ReferFilterForm(OfferFilterForm):
    """The sociale kaart's filter, in the words a professional uses."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["vraaggebied"].label = _("Onderwerp")
        self.fields["wijk"].label = _("Wijk")


WARM_CHOICES = [("ja", _("Ja, ik heb de mantelzorger persoonlijk overgedragen")), ("nee", _("Nee"))]


class ReferralForm(forms.Form):
    """Only choices from fixed lists: there is no place to type anything about the caregiver."""

    vraaggebieden = forms.MultipleChoiceField(
        label=_("Waarvoor heeft u verwezen?"),
        choices=VraaggebiedCode.choices,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Kies één of meer onderwerpen."),
        error_messages={
            "required": _("Kies minstens één onderwerp."),
            "invalid_choice": _("Dit onderwerp kennen we niet. Kies een onderwerp uit de lijst."),
        },
    )
    offer = forms.TypedChoiceField(
        label=_("Naar welk aanbod?"),
        required=False,
        coerce=int,
        empty_value=None,
        error_messages={
            "invalid_choice": _("Dit aanbod kennen we niet. Kies aanbod uit de lijst.")
        },
    )
    wijk = forms.TypedChoiceField(
        label=_("In welke wijk woont de mantelzorger?"),
        required=False,
        coerce=int,
        empty_value=None,
        error_messages={
            "invalid_choice": _("Deze wijk kennen we niet. Kies een wijk uit de lijst.")
        },
    )
    warm = forms.ChoiceField(
        label=_("Heeft u warm overgedragen?"),
        choices=WARM_CHOICES,
        widget=forms.RadioSelect,
        help_text=_(
            "Warm betekent: u heeft de mantelzorger zelf in contact gebracht, bijvoorbeeld door samen te bellen."
        ),
        error_messages={
            "required": _("Kies ja of nee."),
            "invalid_choice": _("Kies ja of nee."),
        },
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        choice_field(self, "offer").choices = [("", _("Geen aanbod gekozen"))] + [
            (str(o.pk), f"{o.name} ({o.organization.name})") for o in kaart.offers()
        ]
        choice_field(self, "wijk").choices = [("", _("Niet bekend of niet gekozen"))] + [
            (str(w.pk), w.name) for w in kaart.wijken()
        ]

    def to_service_kwargs(self) -> dict:
        data = self.cleaned_data
        return {
            "vraaggebied_codes": data["vraaggebieden"],
            "offer_id": data["offer"],
            "wijk_id": data["wijk"],
            "warm": data["warm"] == "ja",
        }


class CertificateCheckForm(forms.Form):
    code = forms.CharField(
        label=_("Certificaatcode"),
        max_length=60,
        help_text=_(
            "Staat op het certificaat, bijvoorbeeld ABCDE-FGHJK. Hoofdletters maken niet uit."
        ),
        error_messages={
            "required": _("Vul de code van het certificaat in."),
            "max_length": _("Deze code is te lang. Kijk de code na."),
        },
    )


BIG_NUMBER = re.compile(r"^[0-9]{11}$")
OTHER_NUMBER = re.compile(r"^[A-Za-z0-9.\-]{3,30}$")


class RegistrationForm(forms.Form):
    """BIG or another register; the number is checked for its form, never looked up."""

    register = forms.ChoiceField(
        label=_("Register"), choices=Register.choices, widget=forms.RadioSelect, initial="big"
    )
    register_name = forms.CharField(
        label=_("Naam van het register"),
        required=False,
        max_length=100,
        help_text=_("Alleen bij een ander register, bijvoorbeeld het Kwaliteitsregister V&VN."),
        error_messages={"max_length": _("Deze naam is te lang.")},
    )
    number = forms.CharField(
        label=_("Registratienummer"),
        required=False,
        max_length=40,
        help_text=_("Niet verplicht. Laat leeg om uw nummer te verwijderen."),
        error_messages={"max_length": _("Dit nummer is te lang.")},
    )

    def clean(self) -> dict[str, Any]:
        super().clean()
        data = self.cleaned_data
        number = "".join((data.get("number") or "").split())
        data["number"] = number
        if not number:
            return data
        if data.get("register") == Register.BIG:
            if not BIG_NUMBER.match(number):
                self.add_error("number", _("Een BIG-nummer bestaat uit 11 cijfers."))
        else:
            if not OTHER_NUMBER.match(number):
                self.add_error(
                    "number",
                    _("Gebruik 3 tot 30 letters, cijfers, punten of streepjes."),
                )
            if not data.get("register_name", "").strip():
                self.add_error("register_name", _("Vul de naam van het register in."))
        return data

    def to_service_kwargs(self) -> dict:
        data = self.cleaned_data
        is_big = data["register"] == Register.BIG
        return {
            "register": data["register"],
            "number": data["number"],
            "register_name": "" if is_big else data["register_name"].strip(),
        }

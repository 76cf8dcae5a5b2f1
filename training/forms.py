from django import forms
from django.utils.translation import gettext_lazy as _

from sociale_kaart import selectors as kaart
from sociale_kaart.forms import OfferFilterForm
from sociale_kaart.models import VraaggebiedCode


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
        self.fields["offer"].choices = [("", _("Geen aanbod gekozen"))] + [
            (str(o.pk), f"{o.name} ({o.organization.name})") for o in kaart.offers()
        ]
        self.fields["wijk"].choices = [("", _("Niet bekend of niet gekozen"))] + [
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

from django import forms
from django.utils.translation import gettext_lazy as _

from mantelkring.forms import ModelChoiceField
from sociale_kaart.models import VraaggebiedCode, Wijk


class OfferFilterForm(forms.Form):
    """Filters for the sociale kaart (also the professionals' refer page, with other labels).
    Unknown values are reported, never an error page."""

    vraaggebied = forms.ChoiceField(
        label=_("Waar zoekt u hulp bij?"),
        required=False,
        choices=[("", _("Alle onderwerpen"))] + list(VraaggebiedCode.choices),
        error_messages={
            "invalid_choice": _("Dit onderwerp kennen we niet. We tonen alle onderwerpen.")
        },
    )
    wijk = ModelChoiceField(
        label=_("In welke wijk?"),
        required=False,
        queryset=Wijk.objects.order_by("name"),
        to_field_name="slug",
        empty_label=_("Alle wijken"),
        error_messages={"invalid_choice": _("Deze wijk kennen we niet. We tonen alle wijken.")},
    )

    def filters(self) -> dict:
        """The valid filters; a bad value is dropped (its error is shown on the form)."""
        self.is_valid()
        data = getattr(self, "cleaned_data", {})
        return {"vraaggebied": data.get("vraaggebied") or None, "wijk": data.get("wijk")}

"""Forms of the spiegelgesprek planning. The rules live in panel.planning."""

from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from mantelkring.forms import ModelMultipleChoiceField
from sociale_kaart.models import Vraaggebied
from werkgroep.studio_forms import FAR, _datetime_field

PLACE_ERRORS = {
    "invalid": _("Vul een heel getal in."),
    "min_value": _("Vul %(limit_value)s of meer in."),
    "max_value": _("Vul %(limit_value)s of minder in."),
    "required": _("Vul een aantal in."),
}


class GesprekForm(forms.Form):
    title = forms.CharField(
        label=_("Titel"),
        max_length=200,
        error_messages={
            "required": _("Geef het gesprek een titel."),
            "max_length": _("De titel is te lang. Gebruik hoogstens 200 tekens."),
        },
    )
    intro = forms.CharField(
        label=_("Uitleg voor wie zich aanmeldt"),
        required=False,
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"max_length": _("De uitleg is te lang. Gebruik hoogstens 3000 tekens.")},
    )
    vraaggebieden = ModelMultipleChoiceField(
        label=_("Thema's"),
        queryset=Vraaggebied.objects.order_by("order"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": _("Kies een thema uit de lijst.")},
    )
    starts_at = _datetime_field(_("Begint om"))
    duration = forms.IntegerField(
        label=_("Duur in minuten"),
        min_value=15,
        max_value=600,
        initial=120,
        error_messages=PLACE_ERRORS,
    )
    place = forms.CharField(
        label=_("Adres"),
        required=False,
        max_length=300,
        help_text=_("Vul een adres in, een online link, of allebei."),
        error_messages={"max_length": _("Gebruik hoogstens 300 tekens.")},
    )
    online_link = forms.URLField(
        label=_("Online link"),
        required=False,
        max_length=200,
        assume_scheme="https",
        error_messages={
            "invalid": _("Deze link klopt niet. Begin met https://"),
            "max_length": _("Deze link is te lang."),
        },
    )
    accessibility = forms.CharField(
        label=_("Toegankelijkheid"),
        required=False,
        max_length=300,
        help_text=_("Bijvoorbeeld: gelijkvloers, invalidentoilet, ringleiding."),
        error_messages={"max_length": _("Gebruik hoogstens 300 tekens.")},
    )
    caregiver_places = forms.IntegerField(
        label=_("Plaatsen voor mantelzorgers"),
        min_value=1,
        max_value=200,
        initial=8,
        error_messages=PLACE_ERRORS,
    )
    listener_places = forms.IntegerField(
        label=_("Plaatsen voor luisteraars"),
        min_value=0,
        max_value=500,
        initial=30,
        error_messages=PLACE_ERRORS,
    )

    def __init__(self, *args, gesprek=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.gesprek = gesprek

    def clean_starts_at(self):
        value = self.cleaned_data["starts_at"]
        now = timezone.now()
        if not (now - FAR < value < now + FAR):
            raise forms.ValidationError(_("Kies een datum binnen twee jaar vanaf vandaag."))
        unchanged = self.gesprek is not None and value == self.gesprek.starts_at
        if value <= now and not unchanged:
            raise forms.ValidationError(_("Kies een moment in de toekomst."))
        return value

    def clean(self) -> dict[str, Any]:
        super().clean()
        data = self.cleaned_data
        if not data.get("place", "").strip() and not data.get("online_link", "").strip():
            self.add_error("place", _("Vul een adres of een online link in."))
        return data

    @classmethod
    def initial_for(cls, gesprek) -> dict:
        return {
            "title": gesprek.title,
            "intro": gesprek.intro,
            "vraaggebieden": list(gesprek.vraaggebieden.all()),
            "starts_at": timezone.localtime(gesprek.starts_at),
            "duration": gesprek.duration,
            "place": gesprek.place,
            "online_link": gesprek.online_link,
            "accessibility": gesprek.accessibility,
            "caregiver_places": gesprek.caregiver_places,
            "listener_places": gesprek.listener_places,
        }


class CancelForm(forms.Form):
    reason = forms.CharField(
        label=_("Waarom gaat het niet door?"),
        required=False,
        max_length=300,
        help_text=_("Dit staat in de e-mail aan wie zich aanmeldde. Korte zinnen, gewone woorden."),
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"max_length": _("Gebruik hoogstens 300 tekens.")},
    )

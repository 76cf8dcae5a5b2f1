from datetime import date, timedelta
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from mantelkring.forms import (
    BoundedDateField,
    IdField,
    ModelChoiceField,
    ModelMultipleChoiceField,
    choice_field,
)
from sociale_kaart.models import Organisation, Vraaggebied, Wijk
from werkgroep.models import ActionStatus, OutcomeItem, OutcomeKind

REQUIRED = {"required": _("Vul dit in.")}


class VraaggebiedField(ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return obj.name


def _vraaggebieden_field() -> VraaggebiedField:
    return VraaggebiedField(
        label=_("Vraaggebieden"),
        required=False,
        queryset=Vraaggebied.objects.order_by("order"),
        widget=forms.CheckboxSelectMultiple,
    )


class ActionPointForm(forms.Form):
    title = forms.CharField(label=_("Titel"), max_length=200, error_messages=REQUIRED)
    description = forms.CharField(
        label=_("Beschrijving voor de werkgroep"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Markdown mag."),
    )
    said = forms.CharField(
        label=_("Wat mantelzorgers zeiden"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Voor de openbare pagina. Korte zinnen, gewone woorden."),
    )
    done = forms.CharField(
        label=_("Wat we deden"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Voor de openbare pagina. Wat is er gebeurd, of wat gaat er gebeuren?"),
    )
    vraaggebieden = _vraaggebieden_field()
    owner = ModelChoiceField(
        label=_("Eigenaar"),
        required=False,
        queryset=Organisation.objects.order_by("name"),
        empty_label=_("Nog geen eigenaar"),
    )
    due_date = BoundedDateField(label=_("Klaar op"), required=False)
    is_public = forms.BooleanField(
        label=_("Tonen op de pagina Jullie zeiden, wij deden"), required=False
    )
    outcomes = ModelMultipleChoiceField(
        label=_("Uitkomsten van spiegelgesprekken"),
        required=False,
        queryset=OutcomeItem.objects.order_by("-created_at"),
        widget=forms.CheckboxSelectMultiple,
    )

    def clean(self) -> dict[str, Any]:
        super().clean()
        data = self.cleaned_data
        if data.get("is_public") and not (
            data.get("said", "").strip() and data.get("done", "").strip()
        ):
            raise forms.ValidationError(
                _(
                    "Een openbaar actiepunt heeft tekst nodig bij 'Wat mantelzorgers zeiden' en 'Wat we deden'."
                )
            )
        return data


class StatusForm(forms.Form):
    status = forms.ChoiceField(label=_("Nieuwe status"), choices=ActionStatus.choices)
    reason = forms.CharField(
        label=_("Toelichting"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Verplicht bij 'Niet haalbaar': zeg waarom."),
    )

    def clean(self) -> dict[str, Any]:
        super().clean()
        data = self.cleaned_data
        if data.get("status") == ActionStatus.NOT_FEASIBLE and not data.get("reason", "").strip():
            self.add_error("reason", _("Zeg waarom dit niet haalbaar is."))
        return data


class PollEvidenceForm(forms.Form):
    question = forms.TypedChoiceField(label=_("Peilingvraag"), coerce=int, error_messages=REQUIRED)
    note = forms.CharField(label=_("Toelichting"), required=False, max_length=300)

    def __init__(self, *args, questions: list[tuple[int, str]], **kwargs):
        super().__init__(*args, **kwargs)
        choice_field(self, "question").choices = [("", _("Kies een vraag")), *questions]


class ReferralEvidenceForm(forms.Form):
    vraaggebied = ModelChoiceField(
        label=_("Vraaggebied"),
        required=False,
        queryset=Vraaggebied.objects.order_by("order"),
        empty_label=_("Alle vraaggebieden"),
    )
    date_from = BoundedDateField(label=_("Vanaf"), required=False)
    date_to = BoundedDateField(label=_("Tot en met"), required=False)
    note = forms.CharField(label=_("Toelichting"), required=False, max_length=300)

    def clean(self) -> dict[str, Any]:
        super().clean()
        data = self.cleaned_data
        if data.get("date_from") and data.get("date_to") and data["date_from"] > data["date_to"]:
            self.add_error("date_to", _("Deze datum ligt voor de begindatum."))
        return data


class OutcomeForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("Soort"), choices=OutcomeKind.choices, widget=forms.RadioSelect
    )
    text = forms.CharField(
        label=_("Tekst"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages=REQUIRED,
    )
    vraaggebieden = _vraaggebieden_field()
    wijk = ModelChoiceField(
        label=_("Wijk"),
        required=False,
        queryset=Wijk.objects.order_by("name"),
        empty_label=_("Geen wijk of alle wijken"),
    )
    speaker_consent = forms.BooleanField(
        label=_("De spreker vindt het goed dat we dit citeren (zonder naam)"), required=False
    )

    def clean(self) -> dict[str, Any]:
        super().clean()
        data = self.cleaned_data
        if data.get("kind") == OutcomeKind.QUOTE and not data.get("speaker_consent"):
            self.add_error(
                "speaker_consent",
                _(
                    "Een citaat mag alleen als de spreker dat goed vindt. Anders: kies Thema of Signaal."
                ),
            )
        return data


class ModerationForm(forms.Form):
    answer_id = IdField(widget=forms.HiddenInput)
    decision = forms.ChoiceField(choices=[("approve", _("Goedkeuren")), ("hide", _("Verbergen"))])
    reason = forms.CharField(label=_("Reden om te verbergen"), required=False, max_length=300)

    def clean(self) -> dict[str, Any]:
        super().clean()
        data = self.cleaned_data
        if data.get("decision") == "hide" and not data.get("reason", "").strip():
            self.add_error("reason", _("Zeg waarom u dit antwoord verbergt."))
        return data


class RedactForm(forms.Form):
    """Black out parts of a free-text answer: one piece of text per line."""

    answer_id = forms.IntegerField(widget=forms.HiddenInput)
    parts = forms.CharField(
        label=_("Wat moet zwart worden?"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "Eén stukje tekst per regel. Daarna is het weg: ook de werkgroep kan het niet "
            "terughalen."
        ),
        error_messages={"required": _("Vul in wat zwart moet worden.")},
    )

    def __init__(self, *args, text: str = "", **kwargs):
        super().__init__(*args, **kwargs)
        self.text = text

    def clean_parts(self) -> list[str]:
        lines = [line.strip() for line in self.cleaned_data["parts"].splitlines() if line.strip()]
        missing = [line for line in lines if line.casefold() not in self.text.casefold()]
        if missing:
            raise forms.ValidationError(
                _("Dit staat niet in het antwoord: %(parts)s") % {"parts": ", ".join(missing)}
            )
        return lines


class UndoForm(forms.Form):
    answer_id = forms.IntegerField(widget=forms.HiddenInput)


class PeriodForm(forms.Form):
    date_from = BoundedDateField(
        label=_("Van"),
        required=False,
        error_messages={"invalid": _("Vul een datum in, bijvoorbeeld 2026-01-01.")},
    )
    date_to = BoundedDateField(label=_("Tot en met"), required=False)

    def period(self) -> tuple[date, date]:
        today = date.today()
        data = self.cleaned_data if self.is_valid() else {}
        date_to = data.get("date_to") or today
        date_from = data.get("date_from") or (date_to - timedelta(days=365))
        if date_from > date_to:
            date_from, date_to = date_to, date_from
        return date_from, date_to

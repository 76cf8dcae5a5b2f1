"""Forms of the poll studio. They parse and bound input; the rules live in panel.publishing."""

from datetime import timedelta

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from mantelkring.forms import ModelMultipleChoiceField
from panel.models import Audience, Question, QuestionKind, ResultsVisibility
from panel.poll_editing import MAX_CHOICES
from sociale_kaart.models import Wijk

DATETIME_FORMAT = "%Y-%m-%dT%H:%M"
FAR = timedelta(days=2 * 366)  # dates beyond this are typing mistakes, not plans


class DateTimeLocalInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format=DATETIME_FORMAT)


def _datetime_field(label) -> forms.DateTimeField:
    return forms.DateTimeField(
        label=label,
        input_formats=[DATETIME_FORMAT, "%Y-%m-%d %H:%M"],
        widget=DateTimeLocalInput(),
        error_messages={
            "required": _("Vul een datum en tijd in."),
            "invalid": _("Deze datum of tijd klopt niet. Gebruik dag, maand, jaar en tijd."),
        },
    )


class NewPollForm(forms.Form):
    title = forms.CharField(
        label=_("Titel"),
        max_length=200,
        help_text=_("Kort en duidelijk, bijvoorbeeld: Hoe gaat het met de dagopvang?"),
        error_messages={
            "required": _("Geef de peiling een titel."),
            "max_length": _("De titel is te lang. Gebruik hoogstens 200 tekens."),
        },
    )
    intro = forms.CharField(
        label=_("Korte inleiding"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"max_length": _("De inleiding is te lang. Gebruik hoogstens 2000 tekens.")},
    )


class PollSettingsForm(NewPollForm):
    opens_at = _datetime_field(_("Open vanaf"))
    closes_at = _datetime_field(_("Open tot"))
    audience = forms.ChoiceField(
        label=_("Voor wie"), choices=Audience.choices, widget=forms.RadioSelect
    )
    wijken = ModelMultipleChoiceField(
        label=_("Wijken"),
        queryset=Wijk.objects.order_by("name"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Alleen nodig als de peiling voor bepaalde wijken is."),
        error_messages={"invalid_choice": _("Kies een wijk uit de lijst.")},
    )
    anonymous = forms.TypedChoiceField(
        label=_("Anoniem"),
        choices=[
            ("yes", _("Ja, anoniem: niemand kan zien wie wat antwoordde")),
            ("no", _("Nee, op naam: het antwoord hoort bij het panellid")),
        ],
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
    )
    results_visibility = forms.ChoiceField(
        label=_("Uitslag zichtbaar voor mantelzorgers"),
        choices=ResultsVisibility.choices,
        widget=forms.RadioSelect,
    )

    def _clean_when(self, name: str):
        value = self.cleaned_data[name]
        now = timezone.now()
        if value is not None and not (now - FAR < value < now + FAR):
            raise forms.ValidationError(_("Kies een datum binnen twee jaar vanaf vandaag."))
        return value

    def clean_opens_at(self):
        return self._clean_when("opens_at")

    def clean_closes_at(self):
        return self._clean_when("closes_at")

    @classmethod
    def initial_for(cls, poll) -> dict:
        return {
            "title": poll.title,
            "intro": poll.intro,
            "opens_at": timezone.localtime(poll.opens_at),
            "closes_at": timezone.localtime(poll.closes_at),
            "audience": poll.audience,
            "wijken": list(poll.wijken.all()),
            "anonymous": "yes" if poll.anonymous else "no",
            "results_visibility": poll.results_visibility,
        }


class AddQuestionForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("Soort vraag"),
        choices=QuestionKind.choices,
        widget=forms.RadioSelect,
        help_text=_("Een schaalvraag krijgt meteen de vijf vaste antwoorden met gezichtjes."),
        error_messages={"required": _("Kies een soort vraag.")},
    )
    text = forms.CharField(
        label=_("De vraag"),
        max_length=300,
        error_messages={
            "required": _("Schrijf de vraag op."),
            "max_length": _("De vraag is te lang. Gebruik hoogstens 300 tekens."),
        },
    )
    max_choices = forms.IntegerField(
        label=_("Hoeveel antwoorden mag iemand hoogstens kiezen?"),
        required=False,
        min_value=1,
        max_value=MAX_CHOICES,
        help_text=_("Alleen bij meer keuzes. Leeg laten: geen maximum."),
        error_messages={
            "invalid": _("Vul een getal in."),
            "min_value": _("Vul 1 of meer in."),
            "max_value": _("Vul een kleiner getal in."),
        },
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["wellbeing"] = wellbeing_field()


def wellbeing_field(initial: bool = False) -> forms.BooleanField:
    return forms.BooleanField(
        label=_("Deze vraag gaat over hoe het met de mantelzorger gaat"),
        required=False,
        initial=initial,
        help_text=_(
            "Alleen bij een schaalvraag. Kiest iemand een van de twee laagste antwoorden? "
            "Dan ziet die meteen waar hulp is, en kan die vragen om gebeld te worden."
        ),
    )


class QuestionEditForm(forms.Form):
    """One question with its options, edited in place. Field names carry the question id."""

    def __init__(self, question: Question, *args, **kwargs):
        kwargs.setdefault("prefix", f"q{question.pk}")
        super().__init__(*args, **kwargs)
        self.question = question
        self.fields["text"] = forms.CharField(
            label=_("Vraag"),
            max_length=300,
            initial=question.text,
            error_messages={
                "required": _("Schrijf de vraag op."),
                "max_length": _("De vraag is te lang. Gebruik hoogstens 300 tekens."),
            },
        )
        if question.kind == QuestionKind.SCALE:
            self.fields["wellbeing"] = wellbeing_field(initial=question.wellbeing)
        if question.kind == QuestionKind.MULTIPLE:
            self.fields["max_choices"] = forms.IntegerField(
                label=_("Hoogstens zoveel keuzes"),
                required=False,
                min_value=1,
                max_value=MAX_CHOICES,
                initial=question.max_choices,
                error_messages={
                    "invalid": _("Vul een getal in."),
                    "min_value": _("Vul 1 of meer in."),
                    "max_value": _("Vul een kleiner getal in."),
                },
            )
        self.choices = list(question.choices.all())
        for number, choice in enumerate(self.choices, 1):
            self.fields[f"choice_{choice.pk}"] = forms.CharField(
                label=_("Antwoord %(number)s") % {"number": number},
                max_length=200,
                initial=choice.text,
                error_messages={
                    "required": _("Een antwoord mag niet leeg zijn. Haal het anders weg."),
                    "max_length": _("Dit antwoord is te lang. Gebruik hoogstens 200 tekens."),
                },
            )
        if question.kind != QuestionKind.TEXT:
            self.fields["new_choice"] = forms.CharField(
                label=_("Nieuw antwoord"),
                max_length=200,
                required=False,
                error_messages={
                    "max_length": _("Dit antwoord is te lang. Gebruik hoogstens 200 tekens.")
                },
            )

    def choice_rows(self) -> list[tuple]:
        return [(choice, self[f"choice_{choice.pk}"]) for choice in self.choices]

    def choice_texts(self) -> dict[int, str]:
        return {choice.pk: self.cleaned_data[f"choice_{choice.pk}"] for choice in self.choices}

"""Forms of the panel. One question per form: caregivers see one thing per screen."""

from typing import TYPE_CHECKING, Any

from django import forms
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from panel.models import TEXT_ANSWER_MAX, AgeBand, CareHours, Question, QuestionKind, Relation
from sociale_kaart.models import Wijk

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

SKIP = ("", _("Zeg ik liever niet"))


class EmailForm(forms.Form):
    email = forms.EmailField(
        label=_("Uw e-mailadres"),
        help_text=_("Hier sturen we een code naar. Met die code logt u in."),
        error_messages={
            "required": _("Vul uw e-mailadres in."),
            "invalid": _("Dit e-mailadres klopt niet. Kijk het nog eens na."),
        },
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )


class JoinCodeForm(forms.Form):
    code = forms.CharField(
        label=_("Uw code"),
        max_length=20,
        help_text=_("De code staat in de e-mail die we u stuurden."),
        error_messages={"required": _("Vul de code uit de e-mail in.")},
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "autocapitalize": "characters"}
        ),
    )

    def clean_code(self) -> str:
        return self.cleaned_data["code"].replace(" ", "").replace("-", "").upper()


class ConsentForm(forms.Form):
    consent = forms.BooleanField(
        label=_("Ik doe mee en ik vind dit goed"),
        error_messages={"required": _("Zet een vinkje als u mee wilt doen.")},
    )


class _OptionalChoiceForm(forms.Form):
    """One optional question with radio buttons; "Zeg ik liever niet" is always there."""

    label: "StrOrPromise" = ""
    options: list = []

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["value"] = forms.ChoiceField(
            label=self.label,
            choices=[*self.get_options(), SKIP],
            required=False,
            widget=forms.RadioSelect,
            error_messages={"invalid_choice": _("Kies een van de antwoorden.")},
        )

    def get_options(self) -> list:
        return list(self.options)


class WijkForm(_OptionalChoiceForm):
    label = _("In welke wijk woont u?")

    def get_options(self) -> list:
        return [(str(w.pk), w.name) for w in Wijk.objects.order_by("name")]


class AgeForm(_OptionalChoiceForm):
    label = _("Hoe oud bent u?")
    options = AgeBand.choices


class RelationForm(_OptionalChoiceForm):
    label = _("Voor wie zorgt u?")
    options = Relation.choices


class CareHoursForm(_OptionalChoiceForm):
    label = _("Hoeveel uur per week zorgt u?")
    options = CareHours.choices


class WorksForm(_OptionalChoiceForm):
    label = _("Heeft u betaald werk?")
    options = [("yes", _("Ja")), ("no", _("Nee"))]


def choice_label(choice) -> str:
    if choice.face:
        return format_html(
            '<span class="mk-face" aria-hidden="true">{}</span> {}', choice.face, choice.text
        )
    return choice.text


class QuestionForm(forms.Form):
    """The answer to one poll question. Invalid or forged ids end here with a Dutch message."""

    def __init__(self, question: Question, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.question = question
        choices = [(str(c.pk), choice_label(c)) for c in question.choices.all()]
        kind = question.kind
        if kind in (QuestionKind.SINGLE, QuestionKind.SCALE):
            self.fields["answer"] = forms.ChoiceField(
                label=question.text,
                choices=choices,
                widget=forms.RadioSelect,
                error_messages={
                    "required": _("Kies een antwoord."),
                    "invalid_choice": _(
                        "Dit antwoord kunnen we niet gebruiken. Kies een van de antwoorden."
                    ),
                },
            )
        elif kind == QuestionKind.MULTIPLE:
            help_text = (
                _("Kies er hoogstens %(n)s.") % {"n": question.max_choices}
                if question.max_choices
                else _("U mag meer dan één antwoord kiezen.")
            )
            self.fields["answer"] = forms.MultipleChoiceField(
                label=question.text,
                choices=choices,
                widget=forms.CheckboxSelectMultiple,
                help_text=help_text,
                error_messages={
                    "required": _("Kies minstens één antwoord."),
                    "invalid_choice": _(
                        "Dit antwoord kunnen we niet gebruiken. Kies een van de antwoorden."
                    ),
                },
            )
        else:
            self.fields["answer"] = forms.CharField(
                label=question.text,
                required=False,
                max_length=TEXT_ANSWER_MAX,
                strip=True,
                widget=forms.Textarea(attrs={"rows": 5}),
                help_text=_("Dit is niet verplicht. U kunt hoogstens 500 tekens typen."),
                error_messages={
                    "max_length": _(
                        "Uw tekst is te lang. Gebruik hoogstens %(limit_value)d tekens. "
                        "Nu zijn het er %(show_value)d."
                    )
                },
            )
            self.fields["contact_me"] = forms.BooleanField(
                label=_("Ik wil graag dat iemand contact met mij opneemt"),
                required=False,
                help_text=_(
                    "Dan ziet u straks waar u hulp krijgt. U kunt dan ook uw naam en "
                    "telefoonnummer geven. Die komen niet bij uw antwoord te staan."
                ),
            )

    def clean_answer(self):
        value = self.cleaned_data["answer"]
        if (
            self.question.kind == QuestionKind.MULTIPLE
            and self.question.max_choices
            and (len(value) > self.question.max_choices)
        ):
            raise forms.ValidationError(
                _("U koos te veel antwoorden. Kies er hoogstens %(n)s.")
                % {"n": self.question.max_choices}
            )
        return value

    def as_session(self) -> dict:
        value = self.cleaned_data["answer"]
        if self.question.kind == QuestionKind.TEXT:
            # "k": the member asked to be contacted. It stays in the session, never in an answer.
            return {"t": value, "k": bool(self.cleaned_data.get("contact_me"))}
        ids = value if isinstance(value, list) else [value]
        return {"c": [int(v) for v in ids]}

    @staticmethod
    def initial_from_session(question: Question, stored: dict | None) -> dict:
        if not stored:
            return {}
        if question.kind == QuestionKind.TEXT:
            return {"answer": stored.get("t", ""), "contact_me": stored.get("k", False)}
        ids = [str(v) for v in stored.get("c", [])]
        return {
            "answer": ids if question.kind == QuestionKind.MULTIPLE else (ids[0] if ids else None)
        }


class CaregiverRegistrationForm(forms.Form):
    replacement_care = forms.BooleanField(
        label=_("Ik heb iemand nodig die de zorg overneemt tijdens het gesprek"), required=False
    )
    transport = forms.BooleanField(label=_("Ik heb vervoer nodig"), required=False)
    phone = forms.RegexField(
        label=_("Uw telefoonnummer"),
        required=False,
        max_length=20,
        regex=r"^\+?[0-9 ()-]{6,19}$",
        help_text=_(
            "Alleen als u vervanging of vervoer nodig heeft. Dan kunnen we u bellen om dat "
            "te regelen. We gebruiken het nummer nergens anders voor."
        ),
        widget=forms.TextInput(attrs={"autocomplete": "tel", "inputmode": "tel"}),
        error_messages={
            "invalid": _("Dit telefoonnummer klopt niet. Gebruik alleen cijfers."),
            "max_length": _("Dit telefoonnummer is te lang."),
        },
    )
    accessibility = forms.CharField(
        label=_("Heeft u hulp nodig om binnen te komen of te zitten?"),
        required=False,
        max_length=300,
        help_text=_("Bijvoorbeeld: ik gebruik een rolstoel."),
        error_messages={"max_length": _("Gebruik hoogstens %(limit_value)d tekens.")},
    )
    diet = forms.CharField(
        label=_("Moeten we rekening houden met eten of drinken?"),
        required=False,
        max_length=300,
        help_text=_("Bijvoorbeeld: ik eet geen vlees."),
        error_messages={"max_length": _("Gebruik hoogstens %(limit_value)d tekens.")},
    )
    topics = forms.CharField(
        label=_("Waar wilt u over praten?"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"max_length": _("Gebruik hoogstens %(limit_value)d tekens.")},
    )


class ListenerRegistrationForm(CaregiverRegistrationForm):
    """Listeners come to listen: no replacement care, no topics."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        del self.fields["replacement_care"]
        del self.fields["topics"]
        del self.fields["phone"]


class ContactRequestForm(forms.Form):
    name = forms.CharField(
        label=_("Uw naam"),
        max_length=200,
        error_messages={"required": _("Vul uw naam in.")},
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    phone = forms.CharField(
        label=_("Uw telefoonnummer"),
        required=False,
        max_length=30,
        widget=forms.TextInput(attrs={"autocomplete": "tel", "inputmode": "tel"}),
        error_messages={"max_length": _("Gebruik hoogstens %(limit_value)d tekens.")},
    )
    email = forms.EmailField(
        label=_("Of uw e-mailadres"),
        required=False,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        error_messages={"invalid": _("Dit e-mailadres klopt niet. Kijk het nog eens na.")},
    )

    def clean(self) -> dict[str, Any]:
        super().clean()
        data = self.cleaned_data
        if not self.errors and not data.get("phone", "").strip() and not data.get("email"):
            self.add_error("phone", _("Vul een telefoonnummer of een e-mailadres in."))
        return data

"""Forms of the reporting pages: a period with its step, and the council report's texts."""

from datetime import date, timedelta
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from mantelkring.forms import choice_field
from werkgroep.periods import MAX_DAYS, Period, Step, default_period

EARLIEST = date(2000, 1, 1)
LATEST = date(2100, 12, 31)
DATE_ERRORS = {"invalid": _("Vul een datum in, bijvoorbeeld 2026-01-31.")}


class PeriodForm(forms.Form):
    """A chosen period (inclusive). Empty fields mean the last twelve months; a wrong entry
    gives a Dutch message and the default. Without a step field the step is per month (pages
    whose rows are rounds, not months)."""

    date_from = forms.DateField(
        label=_("Van"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages=DATE_ERRORS,
    )
    date_to = forms.DateField(
        label=_("Tot en met"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages=DATE_ERRORS,
    )

    def _clean_bounded(self, name: str) -> date | None:
        value = self.cleaned_data.get(name)
        if value is not None and not EARLIEST <= value <= LATEST:
            raise forms.ValidationError(
                _("Kies een datum tussen 2000 en 2100."), code="out_of_range"
            )
        return value

    def clean_date_from(self):
        return self._clean_bounded("date_from")

    def clean_date_to(self):
        return self._clean_bounded("date_to")

    def clean(self) -> dict[str, Any]:
        super().clean()
        data = self.cleaned_data
        start, end = data.get("date_from"), data.get("date_to")
        if start and end:
            if start > end:
                self.add_error("date_to", _("De einddatum ligt voor de begindatum."))
            elif (end - start).days + 1 > MAX_DAYS:
                self.add_error("date_to", _("Kies een periode van hoogstens vijf jaar."))
        return data

    def period(self) -> Period:
        default = default_period(timezone.localdate())
        if not self.is_valid():
            return default
        start, end = self.cleaned_data.get("date_from"), self.cleaned_data.get("date_to")
        if start and end:
            return Period(start=start, end=end)
        if end:
            return Period(start=max(end.replace(day=1, year=end.year - 1), EARLIEST), end=end)
        if start:
            end = max(start, timezone.localdate())
            return Period(start=start, end=min(end, start + timedelta(days=MAX_DAYS - 1)))
        return default

    def chosen_step(self) -> Step:
        if self.is_valid() and self.cleaned_data.get("step"):
            return Step(self.cleaned_data["step"])
        return Step.MONTH


class PeriodStepForm(PeriodForm):
    """A chosen period, and whether to show it per month or per quarter."""

    step = forms.ChoiceField(
        label=_("Per"),
        required=False,
        choices=[(Step.MONTH, _("maand")), (Step.QUARTER, _("kwartaal"))],
    )


class CouncilReportForm(PeriodStepForm):
    title = forms.CharField(
        label=_("Titel"),
        max_length=200,
        error_messages={"required": _("Vul dit in."), "max_length": _("Hoogstens 200 tekens.")},
    )
    field_order = ["title", "date_from", "date_to", "step"]

    def clean(self) -> dict[str, Any]:
        super().clean()
        data = self.cleaned_data
        if not data.get("date_from"):
            self.add_error("date_from", _("Vul dit in."))
        if not data.get("date_to"):
            self.add_error("date_to", _("Vul dit in."))
        return data


class SectionTextForm(forms.Form):
    key = forms.CharField(widget=forms.HiddenInput, max_length=20)
    summary = forms.CharField(
        label=_("Samenvatting"),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"max_length": _("Hoogstens 4000 tekens.")},
    )
    conclusions = forms.CharField(
        label=_("Conclusies"),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"max_length": _("Hoogstens 4000 tekens.")},
    )


def chosen_period(request) -> Period | None:
    """The period in ?date_from=&date_to= when both are given and valid; None otherwise (everything)."""
    form = PeriodStepForm(request.GET or None)
    if form.is_valid() and form.cleaned_data.get("date_from") and form.cleaned_data.get("date_to"):
        return form.period()
    return None


NOTE = forms.CharField(label=_("Toelichting"), required=False, max_length=300)


class AnswerCitationForm(forms.Form):
    choice = forms.TypedChoiceField(
        label=_("Antwoord"), coerce=int, error_messages={"required": _("Kies een antwoord.")}
    )
    note = NOTE

    def __init__(self, *args, options: list[tuple[int, str]], **kwargs):
        super().__init__(*args, **kwargs)
        choice_field(self, "choice").choices = [("", _("Kies een antwoord")), *options]


class TrendCitationForm(forms.Form):
    answer = forms.ChoiceField(
        label=_("Antwoord in een reeks peilingen"),
        error_messages={"required": _("Kies een antwoord.")},
    )
    note = NOTE

    def __init__(self, *args, options: list[tuple[str, str]], **kwargs):
        super().__init__(*args, **kwargs)
        choice_field(self, "answer").choices = [("", _("Kies een antwoord")), *options]

    def ids(self) -> tuple[int, int]:
        root, choice = self.cleaned_data["answer"].split(":")
        return int(root), int(choice)

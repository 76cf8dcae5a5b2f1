from datetime import date

from django import forms
from django.forms.renderers import TemplatesSetting
from django.utils.translation import gettext_lazy as _


class FormRenderer(TemplatesSetting):
    """Every form renders its fields the NL Design System way (templates/forms/field.html)."""

    form_template_name = "forms/div.html"
    field_template_name = "forms/field.html"


# Dates a person means in this product: anything outside is a typing error (or an attack), and
# would overflow date arithmetic further on.
EARLIEST_DATE = date(2000, 1, 1)
LATEST_DATE = date(2100, 12, 31)
DATE_RANGE_MESSAGE = _("Kies een datum tussen 2000 en 2100.")
# The largest id a database row can have (a signed 64-bit key).
MAX_ID = 2**63 - 1


class BoundedDateField(forms.DateField):
    """A date between 2000 and 2100, with a Dutch message for anything else."""

    widget = forms.DateInput(attrs={"type": "date"})

    def __init__(self, **kwargs):
        kwargs.setdefault(
            "error_messages", {"invalid": _("Vul een datum in, bijvoorbeeld 2026-12-31.")}
        )
        super().__init__(**kwargs)
        self.widget.attrs.update(min=EARLIEST_DATE.isoformat(), max=LATEST_DATE.isoformat())

    def validate(self, value):
        super().validate(value)
        if value and not EARLIEST_DATE <= value <= LATEST_DATE:
            raise forms.ValidationError(DATE_RANGE_MESSAGE, code="out_of_range")


class IdField(forms.IntegerField):
    """A row id posted by a page: a positive whole number that fits the database."""

    def __init__(self, **kwargs):
        kwargs.setdefault("min_value", 1)
        kwargs.setdefault("max_value", MAX_ID)
        super().__init__(**kwargs)


class IdForm(forms.Form):
    """For buttons that post one id (delete, remove): anything else is not a valid request."""

    id = IdField()


def _fits_an_id(value) -> bool:
    text = str(value).strip()
    return text.isdigit() and 1 <= int(text) <= MAX_ID


class ModelChoiceField(forms.ModelChoiceField):
    """Django's field, but an id no database row can have is an invalid choice before any
    query (SQLite raises OverflowError for integers beyond 64 bits, which Django lets through)."""

    def to_python(self, value):
        if value not in self.empty_values and not self.to_field_name and not _fits_an_id(value):
            raise forms.ValidationError(
                self.error_messages["invalid_choice"], code="invalid_choice"
            )
        return super().to_python(value)


class ModelMultipleChoiceField(forms.ModelMultipleChoiceField):
    """Django's field, with the same check on every id as ModelChoiceField above."""

    def clean(self, value):
        if not self.to_field_name and isinstance(value, list | tuple):
            for pk in value:
                if not _fits_an_id(pk):
                    raise forms.ValidationError(
                        self.error_messages["invalid_pk_value"],
                        code="invalid_pk_value",
                        params={"pk": pk},
                    )
        return super().clean(value)


def choice_field(form: forms.BaseForm, name: str) -> forms.ChoiceField:
    """A form's choice field, typed as one, to set its choices when the form is made (the
    stubs give `form.fields` plain Fields)."""
    field = form.fields[name]
    if not isinstance(field, forms.ChoiceField):
        raise TypeError(f"{name} is not a choice field")
    return field

"""choice_field: a form's choice field by name, so its choices can be set when the form is made."""

import pytest
from django import forms

from mantelkring.forms import choice_field


class _Form(forms.Form):
    colour = forms.ChoiceField(choices=[("red", "Rood")])
    name = forms.CharField()


def test_choice_field_returns_the_bound_forms_own_field():
    form = _Form()
    choice_field(form, "colour").choices = [("blue", "Blauw")]
    assert list(form.fields["colour"].choices) == [("blue", "Blauw")]
    assert list(_Form.base_fields["colour"].choices) == [("red", "Rood")]


def test_choice_field_refuses_a_field_without_choices():
    with pytest.raises(TypeError):
        choice_field(_Form(), "name")

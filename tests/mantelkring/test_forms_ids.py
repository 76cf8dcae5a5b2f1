"""Ids no database row can have are invalid choices, never a server error (SQLite cannot even
compare an integer beyond 64 bits: Django's own model choice fields let that OverflowError out)."""

import pytest
from django.core.exceptions import ValidationError

from mantelkring.forms import ModelChoiceField, ModelMultipleChoiceField
from sociale_kaart.models import Wijk

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("value", ["9" * 30, "-1", "0", "abc", "1.5"])
def test_a_model_choice_refuses_ids_outside_the_database_range(value):
    field = ModelChoiceField(queryset=Wijk.objects.all())
    with pytest.raises(ValidationError):
        field.clean(value)


@pytest.mark.parametrize("value", ["9" * 30, "-1", "abc"])
def test_a_model_multiple_choice_refuses_ids_outside_the_database_range(value):
    field = ModelMultipleChoiceField(queryset=Wijk.objects.all())
    with pytest.raises(ValidationError):
        field.clean([value])

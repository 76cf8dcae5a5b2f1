import pytest

from mantelkring.templatetags.mantelkring import percent_filter


@pytest.mark.parametrize(
    ("rate", "shown"),
    [
        (0.0, 0),
        (None, 0),
        (0.5, 50),
        (1.0, 100),
        (0.256, 26),
        (0.125, 12),
        (0.135, 14),
        (2 / 3, 67),
    ],
)
def test_a_rate_is_shown_as_a_whole_percentage_rounded_half_to_even(rate, shown):
    assert percent_filter(rate) == shown

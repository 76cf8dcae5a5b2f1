"""Property-based fuzzing (Hypothesis): every form that each role can reach by following links
gets generated values (hostile ones included) and must never answer a server error
(issue 15, finding 4).

`make test` runs a small fixed-seed sample. A longer run, with a fresh random seed:

    HYPOTHESIS_PROFILE=long .venv/bin/python -m pytest tests/fuzz -q
"""

import os

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.fuzz.world import ROLES, FormField, crawl, load_demo_world

_CHECKS = [
    HealthCheck.too_slow,
    HealthCheck.function_scoped_fixture,
    HealthCheck.data_too_large,
    HealthCheck.filter_too_much,
]
settings.register_profile(
    "default",
    max_examples=30,
    derandomize=True,
    database=None,
    deadline=None,
    suppress_health_check=_CHECKS,
    print_blob=True,
)
settings.register_profile(
    "long",
    max_examples=2000,
    derandomize=False,
    database=None,
    deadline=None,
    suppress_health_check=_CHECKS,
    print_blob=True,
)
PROFILE = settings.get_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))

OMIT = object()
# Leaving the panel deletes the account: the run would go on as nobody (tested in tests/panel).
ENDS_THE_ACCOUNT = ("/panel/mijn-gegevens/stoppen/",)
HOSTILE = [
    "",
    " ",
    "0",
    "-1",
    "1.5",
    "9" * 40,
    "1e309",
    "NaN",
    "9999-12-31",
    "0001-01-01",
    "2026-02-30",
    "31-12-2026",
    "<script>alert(1)</script>",
    "' OR 1=1 --",
    '=HYPERLINK("http://example.invalid","x")',
    "a@b",
    "\u202e\u0000\ufeff",
    "x" * 20_000,
]


def _values(field: FormField):
    choices = [st.sampled_from(HOSTILE), st.text(max_size=40), st.just(OMIT)]
    if field.value:
        choices.append(st.just(field.value))
    if field.options:
        choices.append(st.sampled_from(field.options))
        if field.multiple:
            choices.append(st.lists(st.sampled_from(field.options), max_size=4))
    return st.one_of(*choices)


@pytest.mark.parametrize("role", ROLES)
def test_no_form_answers_a_server_error_to_generated_values(client, db, role):
    people = load_demo_world()
    user = people[role]
    if user is not None:
        client.force_login(user)
    _pages, forms = crawl(client)
    forms = [form for form in forms if form.action not in ENDS_THE_ACCOUNT]
    assert forms, role

    @PROFILE
    @given(data=st.data())
    def post_generated_values(data):
        form = data.draw(st.sampled_from(forms), label="form")
        payload = {}
        for field in form.fields:
            if field.name == "csrfmiddlewaretoken":
                continue
            value = data.draw(_values(field), label=field.name)
            if value is not OMIT:
                payload[field.name] = value
        if user is not None:
            client.force_login(user)  # a form that logged out or left must not end the run
        send = client.get if form.method == "get" else client.post
        response = send(form.action, payload)
        assert response.status_code < 500, (form.action, payload)

    post_generated_values()

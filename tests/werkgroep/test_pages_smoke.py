import pytest
from django.urls import reverse

from tests.werkgroep.factories import ActionPointFactory


@pytest.mark.parametrize(
    "name", ["dashboard", "actions", "action_new", "gesprekken", "coverage", "report", "export_log"]
)
def test_every_werkgroep_page_renders_for_the_werkgroep(
    client, werkgroep_user, poll_with_votes, name
):
    ActionPointFactory()
    client.force_login(werkgroep_user)
    assert client.get(reverse(f"werkgroep:{name}")).status_code == 200

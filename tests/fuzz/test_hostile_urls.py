"""Every URL of the site, for every role, with hostile arguments and query values, answers
without a server error (issue 15, finding 4)."""

import pytest

from tests.fuzz.world import ROLES, hostile_urls, load_demo_world, with_hostile_query


def test_the_walk_covers_routes_with_arguments():
    urls = [url for url, _ordinary in hostile_urls()]
    assert any(u.startswith("/werkgroep/acties/9999") for u in urls), urls
    assert "/accounts/confirm-email/1/" in urls
    assert len(urls) > 60


@pytest.mark.parametrize("role", ROLES)
def test_no_url_answers_a_server_error_to_hostile_values(client, db, role):
    people = load_demo_world()
    if people[role] is not None:
        client.force_login(people[role])
    failures = []
    for url, ordinary in hostile_urls():
        for target in [url, with_hostile_query(url)] if ordinary else [url]:
            response = client.get(target)
            if response.status_code >= 500:
                failures.append((target[:120], response.status_code))
    assert failures == []

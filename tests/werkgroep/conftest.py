import pytest

from tests.werkgroep.factories import make_poll, random_votes


@pytest.fixture
def poll_with_votes(db):
    poll = make_poll()
    random_votes(poll, 40)
    return poll

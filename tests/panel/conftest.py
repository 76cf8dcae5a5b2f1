import pytest

from sociale_kaart.models import Wijk
from tests.panel.factories import PanelMemberFactory, make_poll


@pytest.fixture
def wijk(db):
    return Wijk.objects.get_or_create(slug="centrum", defaults={"name": "Centrum"})[0]


@pytest.fixture
def member(caregiver, wijk):
    """The fixed cast's caregiver, as a panel member."""
    return PanelMemberFactory(user=caregiver, wijk=wijk, age_band="55-66", works=True)


@pytest.fixture
def poll(db):
    return make_poll()

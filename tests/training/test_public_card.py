"""The signalling card for every vindplaats: public, per wijk, with the phone numbers and
addresses of local contact points written out, the date it was made and a QR code."""

import re
from datetime import date

import pytest
import segno
from django.urls import reverse

from sociale_kaart.models import Offer, Organisation, Vraaggebied, Wijk

pytestmark = pytest.mark.django_db


@pytest.fixture
def wijk():
    org = Organisation.objects.create(name="Steunpunt Mantelzorg Test", phone="038 444 5555")
    noord = Wijk.objects.create(name="Noord", slug="noord")
    zuid = Wijk.objects.create(name="Zuid", slug="zuid")
    local = Offer.objects.create(
        organization=org,
        name="Consulent Noord",
        description="Denkt mee.",
        phone="038 123 4567",
        address_1="Dorpsstraat 1",
        postal_code="8051 AA",
        city="Hattem",
        url="https://example.org/consulent",
    )
    local.service_areas.set([noord])
    local.vraaggebieden.set([Vraaggebied.objects.get(code="advies")])
    everywhere = Offer.objects.create(
        organization=org, name="Mantelzorgcafé", description="Samen.", whole_municipality=True
    )
    elsewhere = Offer.objects.create(
        organization=org, name="Alleen Zuid", description="Zuid.", phone="038 999 0000"
    )
    elsewhere.service_areas.set([zuid])
    Offer.objects.create(
        organization=org, name="Gestopt", description="-", phone="038 000 0000", is_active=False
    )
    return noord, everywhere


def test_the_public_card_of_a_wijk_shows_numbers_and_addresses_not_links(client, wijk):
    noord, _everywhere = wijk
    response = client.get(reverse("training_public:card", args=["noord"]))
    assert response.status_code == 200
    page = response.content.decode()
    assert "Signaleringskaart Noord" in page
    assert "038 123 4567" in page and "Dorpsstraat 1, 8051 AA Hattem" in page
    # An offer without its own number shows the organisation's.
    assert "Mantelzorgcafé" in page and "038 444 5555" in page
    assert "Alleen Zuid" not in page and "Gestopt" not in page
    assert "example.org/consulent" not in page and 'href="tel:' not in page
    assert date.today().strftime("%Y") in page and "Gemaakt op" in page
    # The signalling questions are there too.
    assert "Zorgt u voor iemand?" in page


def test_the_qr_code_points_to_the_live_sociale_kaart_of_the_wijk(client, wijk):
    page = client.get(reverse("training_public:card", args=["noord"])).content.decode()
    expected = "http://testserver" + reverse("sociale_kaart:offers") + "?wijk=noord"
    assert f"{expected}" in page
    qr = re.search(r'<img src="(data:image/svg\+xml[^"]+)"', page).group(1)
    assert qr.replace("&amp;", "&") == segno.make(expected, error="m").svg_data_uri(
        scale=3, border=2
    )


def test_the_list_of_cards_and_an_unknown_wijk(client, wijk):
    page = client.get(reverse("training_public:cards")).content.decode()
    assert reverse("training_public:card", args=["noord"]) in page
    assert reverse("training_public:card", args=["zuid"]) in page
    assert client.get(reverse("training_public:card", args=["nergens"])).status_code == 404


def test_professionals_keep_their_own_card_and_find_the_listener_places(client, professional):
    client.force_login(professional)
    page = client.get(reverse("training:signaleringskaart")).content.decode()
    assert "Signaleringskaart: zorgt deze persoon voor iemand?" in page
    assert f'href="{reverse("panel:gesprekken")}"' in page
    assert "Luisteren bij spiegelgesprekken" in page
    assert client.get(reverse("panel:gesprekken")).status_code == 200

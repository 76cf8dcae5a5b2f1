import pytest
from django.urls import reverse

from sociale_kaart import selectors
from sociale_kaart.models import Vraaggebied, VraaggebiedCode
from tests.sociale_kaart.factories import OfferFactory, WijkFactory


@pytest.fixture
def kaart(db):
    centrum = WijkFactory(name="Centrum", slug="centrum")
    oost = WijkFactory(name="Oost", slug="oost")
    offers = {
        "respijt_centrum": OfferFactory(
            name="Vervanging Centrum", vraaggebieden=["respijtzorg"], wijken=[centrum]
        ),
        "respijt_oost": OfferFactory(
            name="Vervanging Oost", vraaggebieden=["respijtzorg"], wijken=[oost]
        ),
        "respijt_overal": OfferFactory(
            name="Logeeropvang",
            vraaggebieden=["respijtzorg", "praktische_hulp"],
            whole_municipality=True,
        ),
        "info_centrum": OfferFactory(
            name="Infopunt", vraaggebieden=["informatie"], wijken=[centrum]
        ),
        "oud": OfferFactory(
            name="Gestopt", vraaggebieden=["respijtzorg"], whole_municipality=True, is_active=False
        ),
    }
    return {"centrum": centrum, "oost": oost, **offers}


def test_the_eight_vraaggebieden_exist_after_migrating(db):
    assert list(Vraaggebied.objects.values_list("code", flat=True)) == list(VraaggebiedCode.values)


def test_filter_by_vraaggebied_and_wijk_returns_local_and_municipal_offers(kaart):
    names = [o.name for o in selectors.offers(vraaggebied="respijtzorg", wijk=kaart["centrum"])]
    assert names == ["Logeeropvang", "Vervanging Centrum"]


def test_the_public_page_filters_on_vraaggebied_and_wijk(client, kaart):
    response = client.get(
        reverse("sociale_kaart:offers"), {"vraaggebied": "respijtzorg", "wijk": "oost"}
    )
    assert response.status_code == 200
    names = [o.name for o in response.context["offers"]]
    assert names == ["Logeeropvang", "Vervanging Oost"]


def test_without_filters_all_active_offers_show(client, kaart):
    response = client.get(reverse("sociale_kaart:offers"))
    assert {o.name for o in response.context["offers"]} == {
        "Logeeropvang",
        "Vervanging Centrum",
        "Vervanging Oost",
        "Infopunt",
    }


@pytest.mark.parametrize(
    "params",
    [
        {"wijk": "atlantis"},
        {"vraaggebied": "<script>"},
        {"vraaggebied": "respijtzorg", "wijk": "' OR 1=1 --"},
        {"wijk": "%00%ff"},
        {"vraaggebied": ["a", "b"]},
    ],
)
def test_bad_filter_values_give_a_clean_page_with_a_message(client, kaart, params):
    response = client.get(reverse("sociale_kaart:offers"), params)
    assert response.status_code == 200
    body = response.content.decode()
    assert "kennen we niet" in body
    assert "<script>" not in body.split("<main", 1)[1]


def test_the_page_runs_a_fixed_number_of_queries(client, kaart, django_assert_max_num_queries):
    for _ in range(30):
        OfferFactory(
            vraaggebieden=["respijtzorg", "informatie"], wijken=[kaart["centrum"], kaart["oost"]]
        )
    with django_assert_max_num_queries(6):
        client.get(reverse("sociale_kaart:offers"), {"vraaggebied": "respijtzorg"})


def test_offer_descriptions_render_inert(client, kaart):
    offer = kaart["info_centrum"]
    offer.description = (
        "Kom langs! <script>alert(1)</script> <img src=x onerror=alert(2)> "
        '[klik](javascript:alert(3)) <a href="javascript:alert(4)" onclick="alert(5)">hier</a> '
        "<iframe src=//evil></iframe> **echt belangrijk**"
    )
    offer.save()
    body = client.get(reverse("sociale_kaart:offers")).content.decode()
    main = body.split("<main", 1)[1]
    assert "<script>alert" not in main
    assert "onerror" not in main
    assert "onclick" not in main
    assert "javascript:" not in main
    assert "<iframe" not in main
    assert "<strong>echt belangrijk</strong>" in main

import re

import pytest
from django.urls import reverse

from accounts.models import Profession, Role
from sociale_kaart.models import Offer, Organisation, Vraaggebied, Wijk
from tests.accounts.factories import UserFactory
from training import selectors
from training.models import Referral

pytestmark = pytest.mark.django_db


@pytest.fixture
def kaart():
    org = Organisation.objects.create(name="Steunpunt Test")
    noord = Wijk.objects.create(name="Noord", slug="noord")
    zuid = Wijk.objects.create(name="Zuid", slug="zuid")
    consulent = Offer.objects.create(
        organization=org,
        name="Consulent Noord",
        description="Denkt mee.",
        referral_required=True,
        application_process="Via de huisarts.",
        warm_handover="Bel Marieke en stel samen voor.",
        contact_name="Marieke",
    )
    consulent.vraaggebieden.set([Vraaggebied.objects.get(code="advies")])
    consulent.service_areas.set([noord])
    cafe = Offer.objects.create(
        organization=org,
        name="Mantelzorgcafé",
        description="Samen praten.",
        whole_municipality=True,
    )
    cafe.vraaggebieden.set([Vraaggebied.objects.get(code="emotionele_steun")])
    gone = Offer.objects.create(
        organization=org, name="Gestopt aanbod", description="Weg.", is_active=False
    )
    return {
        "org": org,
        "noord": noord,
        "zuid": zuid,
        "consulent": consulent,
        "cafe": cafe,
        "gone": gone,
    }


@pytest.fixture
def pro(kaart):
    return UserFactory(
        role=Role.PROFESSIONAL,
        profession=Profession.WIJKTEAM,
        organisation=kaart["org"],
        email="wijkteam@example.org",
    )


def post(client, **data):
    return client.post(reverse("training:referral_new"), data)


def test_a_referral_takes_profession_and_organisation_from_the_profile(client, pro, kaart):
    client.force_login(pro)
    response = post(
        client,
        vraaggebieden=["advies", "respijtzorg"],
        offer=kaart["consulent"].pk,
        wijk=kaart["noord"].pk,
        warm="ja",
    )
    assert response.status_code == 302
    referral = Referral.objects.get()
    assert (
        referral.profession,
        referral.organisation,
        referral.offer,
        referral.wijk,
        referral.warm,
    ) == ("wijkteam", kaart["org"], kaart["consulent"], kaart["noord"], True)
    assert sorted(referral.vraaggebieden.values_list("code", flat=True)) == [
        "advies",
        "respijtzorg",
    ]
    assert selectors.referral_counts(group_by=["profession", "warm"]) == [
        {"profession": "wijkteam", "warm": True, "count": 1}
    ]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"vraaggebieden": ["geheim"], "warm": "nee"}, "Dit onderwerp kennen we niet"),
        ({"vraaggebieden": [], "warm": "nee"}, "Kies minstens één onderwerp."),
        (
            {"vraaggebieden": ["advies"], "offer": "999999", "warm": "nee"},
            "Dit aanbod kennen we niet",
        ),
        ({"vraaggebieden": ["advies"], "offer": "abc", "warm": "nee"}, "Dit aanbod kennen we niet"),
        (
            {"vraaggebieden": ["advies"], "wijk": "999999", "warm": "nee"},
            "Deze wijk kennen we niet",
        ),
        ({"vraaggebieden": ["advies"]}, "Kies ja of nee."),
        ({"vraaggebieden": ["advies"], "warm": "misschien"}, "Kies ja of nee."),
    ],
)
def test_the_referral_form_rejects_unknown_values_in_dutch_and_stores_nothing(
    client, pro, data, message
):
    client.force_login(pro)
    response = post(client, **data)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Referral.objects.exists()


def test_an_inactive_offer_is_rejected(client, pro, kaart):
    client.force_login(pro)
    response = post(client, vraaggebieden=["advies"], offer=kaart["gone"].pk, warm="nee")
    assert response.status_code == 400 and not Referral.objects.exists()


def test_the_referral_form_has_no_place_to_type_anything(client, pro):
    client.force_login(pro)
    page = client.get(reverse("training:referral_new")).content.decode()
    form = page.split('action="/training/verwijzingen/nieuw/"', 1)[1].split("</form>", 1)[0]
    assert "<textarea" not in form
    assert set(re.findall(r'<input[^>]*type="([a-z]+)"', form)) <= {"hidden", "checkbox", "radio"}


def test_extra_posted_fields_are_ignored(client, pro):
    client.force_login(pro)
    post(
        client, vraaggebieden=["advies"], warm="nee", naam="Mevrouw Jansen", notitie="Woont alleen"
    )
    referral = Referral.objects.get()
    assert "Jansen" not in str(referral.__dict__)


def test_my_referrals_shows_only_my_own(client, pro, kaart):
    other = UserFactory(role=Role.PROFESSIONAL, profession=Profession.HUISARTS)
    client.force_login(other)
    post(client, vraaggebieden=["financieel"], warm="nee")
    client.force_login(pro)
    post(client, vraaggebieden=["emotionele_steun"], offer=kaart["cafe"].pk, warm="ja")
    page = client.get(reverse("training:referrals")).content.decode()
    assert (
        "Mantelzorgcafé" in page
        and "Emotionele steun" in page
        and "Financiële tegemoetkoming" not in page
    )


def test_refer_filters_the_sociale_kaart_and_shows_how_to_refer(client, pro, kaart):
    client.force_login(pro)
    page = client.get(
        reverse("training:refer"), {"vraaggebied": "advies", "wijk": "noord"}
    ).content.decode()
    assert "Consulent Noord" in page and "Mantelzorgcafé" not in page
    assert (
        "Via de huisarts." in page
        and "Bel Marieke en stel samen voor." in page
        and "Marieke" in page
    )
    page = client.get(
        reverse("training:refer"), {"vraaggebied": "advies", "wijk": "zuid"}
    ).content.decode()
    assert "Consulent Noord" not in page


def test_refer_reports_an_unknown_filter_in_dutch(client, pro, kaart):
    client.force_login(pro)
    page = client.get(reverse("training:refer"), {"vraaggebied": "onzin"}).content.decode()
    assert "Dit onderwerp kennen we niet" in page


def test_the_signaleringskaart_links_to_the_prefiltered_sociale_kaart(client, pro):
    client.force_login(pro)
    page = client.get(reverse("training:signaleringskaart")).content.decode()
    assert f"{reverse('training:refer')}?vraaggebied=advies" in page
    assert f"{reverse('training:refer')}?vraaggebied=respijtzorg" in page

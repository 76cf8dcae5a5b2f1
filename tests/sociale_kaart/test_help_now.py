"""The "help now" lines come from the sociale kaart: for the caregiver's wijk, checked data."""

import io

from django.core.management import call_command

from sociale_kaart.models import HelpNow
from sociale_kaart.selectors import help_now
from tests.sociale_kaart.factories import OfferFactory, WijkFactory


def test_help_now_gives_the_consulent_for_the_wijk_then_lines_then_crisis(db):
    noord, zuid = WijkFactory(name="Noord", slug="noord"), WijkFactory(name="Zuid", slug="zuid")
    OfferFactory(name="Consulent Noord", help_now=HelpNow.CONSULENT, wijken=[noord], phone="1")
    OfferFactory(name="Consulent Zuid", help_now=HelpNow.CONSULENT, wijken=[zuid], phone="2")
    OfferFactory(name="Crisislijn", help_now=HelpNow.CRISIS, whole_municipality=True, phone="3")
    OfferFactory(name="Luisterlijn", help_now=HelpNow.HELPLINE, whole_municipality=True, phone="4")
    OfferFactory(name="Gewoon aanbod", whole_municipality=True, phone="5")
    OfferFactory(
        name="Uit", help_now=HelpNow.CRISIS, whole_municipality=True, is_active=False, phone="6"
    )

    lines = help_now(wijk_id=noord.pk)

    assert [(line.name, line.phone) for line in lines] == [
        ("Consulent Noord", "1"),
        ("Luisterlijn", "4"),
        ("Crisislijn", "3"),
    ]


def test_without_a_wijk_only_lines_for_the_whole_gemeente_show(db):
    noord = WijkFactory(name="Noord", slug="noord")
    OfferFactory(name="Consulent Noord", help_now=HelpNow.CONSULENT, wijken=[noord])
    OfferFactory(name="Crisislijn", help_now=HelpNow.CRISIS, whole_municipality=True)
    assert [line.name for line in help_now(wijk_id=None)] == ["Crisislijn"]


def test_the_demo_has_a_consulent_a_help_line_and_a_crisis_line(db):
    call_command("demo", stdout=io.StringIO())
    kinds = {line.kind for line in help_now(wijk_id=None)}
    assert kinds == {HelpNow.CONSULENT, HelpNow.HELPLINE, HelpNow.CRISIS}
    assert all(line.phone for line in help_now(wijk_id=None))

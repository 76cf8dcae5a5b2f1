"""Demo sociale kaart: 6 wijken, 10 organisations, 25 offers on all 8 vraaggebieden.

Everything here is invented for the demo (names end in "(demo)", phone numbers are
fictitious 0522-00xxxx numbers); it resembles what a Drentse gemeente typically has.
"""

import datetime
from typing import TypedDict

from django.utils.text import slugify

from sociale_kaart.models import HelpNow, Offer, Organisation, Vraaggebied, Wijk

WIJKEN = ["Centrum", "Haveltermade", "Koedijkslanden", "Nijeveen", "Oosterboer", "Berggierslanden"]

ORGANISATIONS = [
    ("Welzijn Meppel (demo)", "Welzijnsorganisatie met het steunpunt mantelzorg.", "0522-001001"),
    ("Contactpunt Mantelzorg (demo)", "Eén vast aanspreekpunt voor mantelzorgers.", "0522-001002"),
    (
        "Sociaal Wijkteam Meppel (demo)",
        "Hulp bij vragen over zorg, geld, wonen en opvoeden.",
        "0522-001003",
    ),
    (
        "Huisartsenpraktijk De Linde (demo)",
        "Huisartsenpraktijk met praktijkondersteuners.",
        "0522-001004",
    ),
    ("Thuiszorg Reestdal (demo)", "Wijkverpleging en thuiszorg.", "0522-001005"),
    (
        "Vrijwilligerscentrale Meppel (demo)",
        "Vrijwilligers voor praktische hulp en gezelschap.",
        "0522-001006",
    ),
    (
        "Dagbesteding De Wering (demo)",
        "Dagbesteding voor ouderen en mensen met dementie.",
        "0522-001007",
    ),
    (
        "Gemeente Meppel, Wmo-loket (demo)",
        "Loket voor Wmo-voorzieningen en de mantelzorgwaardering.",
        "0522-001008",
    ),
    (
        "Cliëntondersteuning Drenthe (demo)",
        "Onafhankelijke cliëntondersteuning, gratis.",
        "0522-001009",
    ),
    (
        "Uitleenpunt Hulpmiddelen Zuidwest (demo)",
        "Uitleen van hulpmiddelen voor thuis.",
        "0522-001010",
    ),
]

# name, organisation index, vraaggebieden, wijken (None = whole gemeente), referral, fees, description
OFFERS = [
    (
        "Mantelzorgconsulent",
        1,
        ["advies", "informatie", "emotionele_steun"],
        None,
        False,
        "Gratis",
        "Een vaste consulent die met u meedenkt, helpt met formulieren en de weg wijst.",
    ),
    (
        "Informatiepunt mantelzorg in de bibliotheek",
        0,
        ["informatie"],
        ["Centrum"],
        False,
        "Gratis",
        "Elke dinsdagochtend kunt u zonder afspraak binnenlopen met uw vragen.",
    ),
    (
        "Mantelzorgcafé",
        0,
        ["emotionele_steun", "educatie"],
        None,
        False,
        "Gratis, koffie van ons",
        "Eens per maand praten met andere mantelzorgers. Soms met een spreker over een thema.",
    ),
    (
        "Lotgenotengroep levend verlies",
        1,
        ["emotionele_steun"],
        None,
        False,
        "Gratis",
        "Een kleine groep voor mensen die rouwen om iemand die er nog is, bijvoorbeeld bij dementie.",
    ),
    (
        "Cursus 'Omgaan met dementie'",
        6,
        ["educatie", "informatie"],
        None,
        False,
        "Gratis",
        "Vier avonden over wat dementie doet en hoe u zelf overeind blijft.",
    ),
    (
        "Training 'Grenzen aangeven'",
        0,
        ["educatie", "emotionele_steun"],
        ["Haveltermade", "Oosterboer"],
        False,
        "€ 10 voor het werkboek",
        "Oefenen met nee zeggen en hulp vragen, in drie bijeenkomsten.",
    ),
    (
        "Vrijwillige hulp in huis en tuin",
        5,
        ["praktische_hulp"],
        None,
        False,
        "Gratis",
        "Een vrijwilliger helpt met klusjes, boodschappen of de tuin.",
    ),
    (
        "Vervoer naar afspraken",
        5,
        ["praktische_hulp"],
        ["Nijeveen", "Koedijkslanden", "Berggierslanden"],
        False,
        "€ 0,35 per km",
        "Vrijwillige chauffeurs rijden u of uw naaste naar het ziekenhuis of de dagbesteding.",
    ),
    (
        "Maaltijdservice",
        4,
        ["praktische_hulp"],
        None,
        False,
        "Vanaf € 7,50 per maaltijd",
        "Warme maaltijden aan huis, ook voor één of twee dagen per week.",
    ),
    (
        "Vrijwillige vervanging thuis",
        1,
        ["respijtzorg"],
        None,
        False,
        "Gratis",
        "Een vaste vrijwilliger neemt de zorg een dagdeel van u over, zodat u even weg kunt.",
    ),
    (
        "Dagbesteding voor ouderen",
        6,
        ["respijtzorg", "praktische_hulp"],
        ["Centrum", "Haveltermade", "Oosterboer"],
        True,
        "Eigen bijdrage Wmo",
        "Een zinvolle dag voor uw naaste, met vervoer. U heeft die dag tijd voor uzelf.",
    ),
    (
        "Logeeropvang kort verblijf",
        4,
        ["respijtzorg"],
        None,
        True,
        "Eigen bijdrage",
        "Uw naaste logeert een paar dagen in een zorghuis. Eerst een kennismaking om te wennen.",
    ),
    (
        "Respijt op maat: zorg overnemen 3 tot 4 uur",
        4,
        ["respijtzorg"],
        None,
        True,
        "Via Wmo of Wlz",
        "Een beroepskracht neemt de zorg thuis over in een blok van drie tot vier uur.",
    ),
    (
        "Mantelzorgwaardering",
        7,
        ["financieel"],
        None,
        False,
        "Gratis",
        "Eens per jaar een waardering voor mantelzorgers die in de gemeente wonen of zorgen. Aanvragen kan tot 1 december.",
    ),
    (
        "Hulp bij geldzaken en formulieren",
        2,
        ["financieel", "advies"],
        None,
        False,
        "Gratis",
        "Samen kijken naar toeslagen, vergoedingen en de eigen bijdrage.",
    ),
    (
        "Onafhankelijke cliëntondersteuning",
        8,
        ["advies", "informatie"],
        None,
        False,
        "Gratis",
        "Iemand die naast u staat bij het keukentafelgesprek en alleen uw belang dient.",
    ),
    (
        "Keukentafelgesprek Wmo",
        7,
        ["advies", "materieel", "respijtzorg"],
        None,
        False,
        "Gratis",
        "Een consulent komt langs om te bespreken wat u en uw naaste nodig hebben.",
    ),
    (
        "Uitleen van hulpmiddelen",
        9,
        ["materieel"],
        None,
        False,
        "Borg € 25",
        "Rolstoel, douchestoel of rollator lenen voor korte tijd.",
    ),
    (
        "Woningaanpassing via de Wmo",
        7,
        ["materieel"],
        None,
        True,
        "Eigen bijdrage mogelijk",
        "Een traplift, drempelhulp of andere aanpassing zodat thuis wonen kan blijven.",
    ),
    (
        "Wijkverpleging: zorg en advies thuis",
        4,
        ["praktische_hulp", "advies"],
        ["Centrum", "Koedijkslanden", "Berggierslanden"],
        True,
        "Vergoed door zorgverzekering",
        "De wijkverpleegkundige helpt met verzorging en denkt mee over de belasting van de mantelzorger.",
    ),
    (
        "Praktijkondersteuner GGZ",
        3,
        ["emotionele_steun", "advies"],
        None,
        True,
        "Vergoed, geen eigen risico",
        "Gesprekken bij stress, somberheid of overbelasting. Via de huisarts.",
    ),
    (
        "Jonge mantelzorgers: JoMa-club",
        0,
        ["emotionele_steun", "informatie"],
        None,
        False,
        "Gratis",
        "Voor scholieren die thuis zorgen. Samen leuke dingen doen en praten als je wilt.",
    ),
    (
        "Werk en mantelzorg: spreekuur",
        1,
        ["advies", "informatie"],
        ["Centrum", "Nijeveen"],
        False,
        "Gratis",
        "Voor werkende mantelzorgers: verlof, afspraken met de werkgever en slimme planning.",
    ),
    (
        "Buurthulp Oosterboer",
        5,
        ["praktische_hulp", "emotionele_steun"],
        ["Oosterboer"],
        False,
        "Gratis",
        "Buren helpen buren: een praatje, een boodschap, een oogje in het zeil.",
    ),
    (
        "Informatiebijeenkomst 'Zorgt u voor iemand?'",
        1,
        ["informatie", "educatie"],
        ["Haveltermade", "Nijeveen"],
        False,
        "Gratis",
        "Een ochtend over wat er in de gemeente is voor mensen die zorgen voor een naaste.",
    ),
]


# The offer a caregiver sees first when they say it goes badly: their own consulent.
CONSULENT_OFFER = "Mantelzorgconsulent"


# National lines for the "help now" page. Unlike the local demo data these are the real,
# public lines (DOMAIN.md names them); beheer checks the numbers and sets the date checked.
class HelpLine(TypedDict):
    organisation: str
    name: str
    help_now: str
    phone: str
    url: str
    schedule: str
    description: str
    codes: list[str]


HELP_LINES: list[HelpLine] = [
    {
        "organisation": "MantelzorgNL",
        "name": "Mantelzorglijn",
        "help_now": HelpNow.HELPLINE,
        "phone": "030 760 60 55",
        "url": "https://www.mantelzorg.nl",
        "schedule": "Op werkdagen, overdag",
        "description": "Informatie, advies en een luisterend oor voor mensen die voor iemand zorgen.",
        "codes": ["informatie", "advies", "emotionele_steun"],
    },
    {
        "organisation": "De Luisterlijn",
        "name": "De Luisterlijn",
        "help_now": HelpNow.HELPLINE,
        "phone": "088 0767 000",
        "url": "https://www.deluisterlijn.nl",
        "schedule": "Dag en nacht",
        "description": "Praat anoniem met iemand die naar u luistert. Dag en nacht.",
        "codes": ["emotionele_steun"],
    },
    {
        "organisation": "113 Zelfmoordpreventie",
        "name": "113 Zelfmoordpreventie",
        "help_now": HelpNow.CRISIS,
        "phone": "113",
        "url": "https://www.113.nl",
        "schedule": "Dag en nacht, gratis en anoniem. Of bel 0800 0113.",
        "description": "Denkt u aan zelfmoord? Praat er over. Bel gratis, dag en nacht.",
        "codes": ["emotionele_steun"],
    },
    {
        "organisation": "Alarmnummer 112",
        "name": "112: direct gevaar",
        "help_now": HelpNow.CRISIS,
        "phone": "112",
        "url": "",
        "schedule": "Dag en nacht",
        "description": "Is er direct gevaar voor u of voor een ander? Bel 112.",
        "codes": ["emotionele_steun"],
    },
]


def _load_help_lines(vraaggebieden: dict) -> None:
    for line in HELP_LINES:
        org, _ = Organisation.objects.update_or_create(
            name=line["organisation"],
            defaults={"phone": line["phone"], "url": line["url"], "description": ""},
        )
        offer, _ = Offer.objects.update_or_create(
            organization=org,
            name=line["name"],
            defaults={
                "description": line["description"],
                "whole_municipality": True,
                "help_now": line["help_now"],
                "phone": line["phone"],
                "url": line["url"],
                "schedule_description": line["schedule"],
                "application_process": "Zelf bellen mag.",
                "fees_description": "Gratis",
            },
        )
        offer.vraaggebieden.set([vraaggebieden[c] for c in line["codes"]])


def load() -> str:
    wijken = {
        name: Wijk.objects.update_or_create(slug=slugify(name), defaults={"name": name})[0]
        for name in WIJKEN
    }
    orgs = []
    for name, description, phone in ORGANISATIONS:
        org, _ = Organisation.objects.update_or_create(
            name=name,
            defaults={
                "description": description,
                "phone": phone,
                "email": f"info@{slugify(name)}.example",
            },
        )
        orgs.append(org)
    vraaggebieden = {v.code: v for v in Vraaggebied.objects.all()}
    for i, (name, org_index, codes, wijk_names, referral, fees, description) in enumerate(OFFERS):
        org = orgs[org_index]
        offer, _ = Offer.objects.update_or_create(
            organization=org,
            name=name,
            defaults={
                "description": description,
                "whole_municipality": wijk_names is None,
                "referral_required": referral,
                "application_process": (
                    "Verwijzing via huisarts of Wmo-consulent."
                    if referral
                    else "Zelf bellen of mailen mag."
                ),
                "warm_handover": "Bel de contactpersoon en stel de mantelzorger samen voor.",
                "fees_description": fees,
                "contact_name": f"Contactpersoon {org.name.split(' (')[0]}",
                "phone": org.phone,
                "email": org.email,
                "address_1": f"Demostraat {i + 1}",
                "postal_code": "7941 AA",
                "city": "Meppel",
                "schedule_description": "Maandag tot en met vrijdag, 9.00 tot 17.00 uur",
                "accessibility": "Rolstoeltoegankelijk, invalidenparkeerplaats bij de ingang",
                "assured_date": datetime.date(2026, 10, 1),
                "help_now": HelpNow.CONSULENT if name == CONSULENT_OFFER else HelpNow.NONE,
            },
        )
        offer.vraaggebieden.set([vraaggebieden[c] for c in codes])
        offer.service_areas.set([] if wijk_names is None else [wijken[w] for w in wijk_names])
    _load_help_lines(vraaggebieden)
    return (
        f"{len(wijken)} wijken, {len(orgs)} organisaties, {len(OFFERS)} aanbod, "
        f"{len(HELP_LINES)} landelijke hulplijnen"
    )

"""Starter content that ships with Mantelkring: three modules and a learning path per
profession. Written for this product from the domain notes and the source documents
(figures name their source); it quotes no published questionnaire.

The leading underscore keeps Django's migration loader from treating this as a migration.
Data migration 0002 loads it; later changes go through the admin (and bump the version).
"""

# (text, correct, feedback)
HERKENNEN = {
    "slug": "herkennen",
    "title": "Herkennen",
    "order": 1,
    "minutes": 25,
    "points": "1.0",
    "pass_mark": 70,
    "vraaggebieden": ["informatie", "advies"],
    "professions": [
        "huisarts",
        "praktijkondersteuner",
        "wijkverpleegkundige",
        "wijkteam",
        "wmo_consulent",
        "clientondersteuner",
        "mantelzorgconsulent",
        "other",
    ],
    "summary": (
        "Wie is mantelzorger, waarom zegt bijna niemand dat zelf, en waar ziet u deze mensen? "
        "Met de woorden die wél werken."
    ),
    "lessons": [
        (
            "Wie is mantelzorger?",
            """Een mantelzorger zorgt langdurig en onbetaald voor iemand uit de eigen kring: een partner,
ouder, kind, ander familielid, vriend of buur. De zorg komt voort uit de relatie, niet uit een
beroep of uit vrijwilligerswerk via een organisatie.

In Nederland doen ongeveer **5 miljoen mensen** dit (bron: Trendbureau Drenthe voor MantelzorgNL,
2026). In een gemeente als Hattem geeft ongeveer **1 op de 5 volwassenen** mantelzorg (bron: nota
Hattem 2016). En naar schatting is ongeveer **1 op de 10 jongeren** een jonge mantelzorger (bron: SCP,
genoemd in de nota Hattem).

Mantelzorg is veel meer dan verzorgen. Denk aan:

- regelen: afspraken, medicijnen, formulieren, geldzaken;
- meegaan naar de huisarts of het ziekenhuis;
- het huishouden, boodschappen, koken;
- toezicht houden, ook 's nachts;
- troosten, geruststellen, gezelschap houden.

Iemand die dagelijks belt om te vragen of moeder haar pillen heeft genomen, is ook mantelzorger.
Een kind dat thuis voor een zieke ouder of een broertje met een beperking zorgt, ook.

**Voor u betekent dit:** ga er niet van uit dat alleen "zware" zorg telt. Bij bijna elke patiënt
of cliënt met een langdurige aandoening staat iemand die zorgt.""",
        ),
        (
            "Waarom mantelzorgers het zelf niet zeggen",
            """De meeste mantelzorgers noemen zichzelf niet zo. Ze zeggen: "Ik ben gewoon zijn vrouw" of
"Dat doe je toch voor je moeder". Het woord *mantelzorger* is een beleidswoord. Mensen
herkennen zich er niet in.

Andere redenen waarom mensen niet om hulp vragen:

- **Het voelt vanzelfsprekend.** Zorgen hoort bij de relatie. Hulp vragen voelt als tekortschieten.
- **Loyaliteit en schaamte.** Ze willen hun naaste niet "afvallen" of laten zien hoe zwaar het is.
- **Ze weten niet wat er is.** Veel mensen kennen het aanbod in de gemeente niet.
- **Angst voor meer verplichtingen.** Sommigen zijn bang dat de gemeente dan juist méér van ze vraagt.
- **Het sluipt erin.** De zorg groeit langzaam. Niemand merkt het moment waarop het te veel werd.

Het gevolg: mensen komen pas in beeld als het al misgaat. In Hattem was maar ongeveer **3%** van de
geschatte mantelzorgers bekend bij het steunpunt (bron: nota Hattem 2016).

Mantelzorgers zeggen zelf dat professionals vooral naar de patiënt kijken en zelden vragen hoe het
met hén gaat (bron: MantelzorgNL 2026). **Herkennen begint dus bij u**: niet wachten tot iemand het
zegt, maar er zelf naar vragen.""",
        ),
        (
            "Waar u mantelzorgers tegenkomt",
            """Mantelzorgers zijn er al: ze zitten naast de patiënt, doen de deur open, bellen voor een
afspraak. Die plekken heten *vindplaatsen*. Voorbeelden:

| Waar | Waaraan u het ziet |
|---|---|
| Spreekkamer huisarts of POH | Iemand komt mee, vult aan, weet de medicijnen |
| Huisbezoek wijkverpleging | Wie doet de was, de boodschappen, de nachten? |
| Keukentafelgesprek Wmo | Er zit een partner of kind bij dat veel regelt |
| Ziekenhuis en revalidatie | Bij ontslag gaat de zorg thuis verder, bij wie? |
| Apotheek | Iemand haalt steeds de medicijnen op voor een ander |
| School | Een leerling is moe, te laat, of moet vaak weg |
| Werk | Een medewerker belt veel, verzuimt, wil minder werken |

Ook kerken en moskeeën, sportclubs, bibliotheken en sociale media zijn vindplaatsen (bron: Mezzo
Model).

Bij het **keukentafelgesprek** is het betrekken van de mantelzorger geen extra: de Wmo 2015 vraagt
de gemeente om ook de mogelijkheden én de ondersteuningsbehoefte van de mantelzorger te onderzoeken.

Een signaal voor de huisarts: een patiënt die vaker komt met moeheid, slecht slapen of vage
klachten. Vraag dan ook: "Zorgt u thuis voor iemand?\"""",
        ),
        (
            "De woorden die werken",
            """Vraag niet: "Bent u mantelzorger?" Het antwoord is bijna altijd nee. Vraag naar wat iemand
dóét:

- "Zorgt u voor iemand?"
- "Wat doet u allemaal voor uw man?"
- "Wie helpt er thuis nog meer?"
- "En hoe gaat het met ú?"

**Gebruik gewone woorden.** Zeg "iemand die de zorg een dagdeel overneemt" of "tijdelijke
vervanging van de zorg voor uw moeder" in plaats van *respijtzorg*. Zeg "iemand die met u
meedenkt" in plaats van *mantelzorgondersteuning*.

**Zie de mantelzorger als partner.** Zij kennen de zorgvrager het best. Vraag naar hun ervaring en
neem die serieus. Dat maakt de zorg beter en het contact makkelijker.

**Sluit aan bij wie u voor u heeft:**

- een jonge mantelzorger wil niet anders behandeld worden dan klasgenoten, wel begrip;
- een werkende mantelzorger heeft weinig tijd en wil praktische, snelle antwoorden;
- ouders die voor een kind zorgen zien zichzelf vooral als ouder, niet als mantelzorger.

Eén goede vraag kan genoeg zijn. Wie zich gezien voelt, komt later makkelijker terug.""",
        ),
    ],
    "questions": [
        {
            "situation": "Meneer Jansen (78) komt op het spreekuur voor zijn hartfalen. Zijn dochter Linda zit erbij. Zij weet precies welke medicijnen hij slikt en wanneer hij kortademig wordt.",
            "prompt": "Wat is de beste vraag aan Linda?",
            "review": 3,
            "options": [
                (
                    "Bent u de mantelzorger van uw vader?",
                    False,
                    "Veel mensen herkennen zich niet in dat woord. De kans is groot dat Linda 'nee' zegt, ook al zorgt ze veel.",
                ),
                (
                    "U weet er veel van. Wat doet u allemaal voor uw vader, en hoe gaat het met u?",
                    True,
                    "Goed. U vraagt naar wat ze doet en naar haarzelf. Zo hoort u hoeveel ze zorgt, zonder etiket.",
                ),
                (
                    "Kunt u volgende keer de medicijnlijst meenemen?",
                    False,
                    "Handig voor de zorg aan meneer, maar u mist de kans om te zien hoe het met Linda gaat.",
                ),
            ],
            "explanation": "Vraag naar wat iemand doet en hoe het met hem of haar gaat. Het woord 'mantelzorger' werkt vaak niet.",
        },
        {
            "situation": 'Mevrouw Smit (52) zegt tijdens een keukentafelgesprek: "Ik ben geen mantelzorger hoor, ik ben gewoon zijn vrouw." Ze helpt haar man met MS elke dag met wassen en aankleden.',
            "prompt": "Wat doet u?",
            "review": 2,
            "options": [
                (
                    "U legt uit dat zij officieel wel mantelzorger is, volgens de definitie.",
                    False,
                    "Overtuigen met een definitie werkt meestal niet. Het kan voelen alsof u haar relatie een etiket geeft.",
                ),
                (
                    "U accepteert haar woorden en vraagt wat zij nodig heeft om dit vol te houden.",
                    True,
                    "Goed. U sluit aan bij hoe zij het ziet. Het gaat om haar behoefte, niet om het woord.",
                ),
                (
                    "U gaat verder met de vragen over haar man, want zij zegt dat het goed gaat.",
                    False,
                    "Dan mist u haar. De Wmo vraagt juist om ook de mogelijkheden en behoeften van de mantelzorger te bespreken.",
                ),
            ],
            "explanation": "Mensen zien zorg als deel van hun relatie. Sluit aan bij hun woorden en vraag naar wat ze nodig hebben.",
        },
        {
            "situation": "U bent praktijkondersteuner. Mevrouw Bakker (61) komt voor de derde keer in twee maanden met slecht slapen, hoofdpijn en moeheid. Er is geen lichamelijke oorzaak gevonden.",
            "prompt": "Welke vraag helpt nu het meest?",
            "review": 3,
            "options": [
                (
                    "Heeft u veel stress op uw werk?",
                    False,
                    "Kan, maar u sluit de thuissituatie uit. Vraag breder.",
                ),
                (
                    "Zorgt u thuis voor iemand, of is er iemand om wie u zich veel zorgen maakt?",
                    True,
                    "Goed. Eigen klachten zonder duidelijke oorzaak kunnen een teken zijn van zorg die zwaar wordt.",
                ),
                (
                    "Zullen we een slaapmiddel proberen?",
                    False,
                    "Dat behandelt het gevolg. De oorzaak blijft dan buiten beeld.",
                ),
            ],
            "explanation": "Vaak eigen klachten zoals moeheid en slecht slapen kunnen wijzen op (te) veel zorg thuis. Vraag er actief naar.",
        },
        {
            "situation": "Een wijkverpleegkundige komt twee keer per week bij meneer De Boer (84) voor wondzorg. Zijn buurvrouw doet elke dag zijn boodschappen en kijkt 's avonds of hij in bed ligt.",
            "prompt": "Is de buurvrouw een mantelzorger?",
            "review": 1,
            "options": [
                (
                    "Nee, want ze is geen familie.",
                    False,
                    "Mantelzorg kan ook door een vriend of buur gegeven worden. Het gaat om zorg vanuit een persoonlijke relatie.",
                ),
                (
                    "Nee, want boodschappen doen is geen echte zorg.",
                    False,
                    "Praktische hulp en toezicht horen ook bij mantelzorg.",
                ),
                (
                    "Ja, ze zorgt langdurig en onbetaald voor iemand uit haar eigen kring.",
                    True,
                    "Goed. Ook een buur die elke dag helpt is mantelzorger, en kan ook overbelast raken.",
                ),
            ],
            "explanation": "Mantelzorg is langdurige, onbetaalde zorg voor iemand uit de eigen kring: familie, vriend of buur. Ook regelen, toezicht en boodschappen tellen.",
        },
        {
            "situation": "U werkt in een sociaal wijkteam. Op welke plekken is het het meest zinvol om afspraken te maken over het herkennen van mantelzorgers?",
            "prompt": "Kies alle vindplaatsen die passen.",
            "kind": "multiple",
            "review": 3,
            "options": [
                (
                    "Huisartsenpraktijken en praktijkondersteuners",
                    True,
                    "Goed. Mantelzorgers komen vaak mee op het spreekuur, of komen zelf met klachten.",
                ),
                (
                    "Scholen, via de zorgcoördinator",
                    True,
                    "Goed. Daar vindt u jonge mantelzorgers, die zelden zelf hulp vragen.",
                ),
                (
                    "Werkgevers en hun HR-afdeling",
                    True,
                    "Goed. Veel mantelzorgers werken; op het werk ziet men verzuim en stress als eerste.",
                ),
                (
                    "Alleen het steunpunt mantelzorg, want daar horen ze thuis",
                    False,
                    "Het steunpunt ziet alleen wie al de weg weet. Het doel is juist om mensen te vinden die nog niet in beeld zijn.",
                ),
            ],
            "explanation": "Mantelzorgers zijn te vinden waar ze al komen: huisarts, school, werk, wijkverpleging, apotheek, kerk of moskee. Het steunpunt ziet maar een klein deel.",
        },
        {
            "situation": 'Tijdens een huisbezoek zegt de zoon van mevrouw Visser dat hij "alles prima redt". Hij werkt fulltime en gaat elke avond bij zijn moeder langs.',
            "prompt": "Wat is een goede reactie?",
            "review": 2,
            "options": [
                (
                    "Fijn om te horen. Dan hoeven we het daar niet over te hebben.",
                    False,
                    "Veel mantelzorgers zeggen dat het goed gaat, ook als het zwaar is. U sluit het gesprek te snel.",
                ),
                (
                    "U doet veel naast uw werk. Kunt u dit nog een half jaar zo volhouden?",
                    True,
                    "Goed. U erkent wat hij doet en vraagt naar de toekomst. Dat maakt het makkelijker om eerlijk te zijn.",
                ),
                (
                    "U moet echt hulp aanvragen, anders gaat het mis.",
                    False,
                    "Druk zetten werkt vaak averechts. Hij voelt zich dan niet gehoord.",
                ),
            ],
            "explanation": '"Het gaat prima" is vaak loyaliteit. Erkennen en vragen naar volhouden opent het gesprek.',
        },
    ],
}

SIGNALEREN = {
    "slug": "signaleren",
    "title": "Signaleren",
    "order": 2,
    "minutes": 30,
    "points": "1.5",
    "pass_mark": 70,
    "vraaggebieden": ["emotionele_steun", "advies", "respijtzorg"],
    "professions": [
        "huisarts",
        "praktijkondersteuner",
        "wijkverpleegkundige",
        "wijkteam",
        "wmo_consulent",
        "clientondersteuner",
        "mantelzorgconsulent",
        "other",
    ],
    "summary": (
        "Overbelasting en ontspoorde zorg op tijd zien, ook bij jonge en werkende mantelzorgers, en "
        "er een goed gesprek over voeren."
    ),
    "lessons": [
        (
            "Signalen van overbelasting",
            """Mantelzorg is niet vanzelf zwaar. Het wordt te zwaar als wat iemand moet dragen groter wordt
dan wat iemand kan dragen. In Hattem gaf ongeveer **15%** van de mantelzorgers aan overbelast te zijn
(bron: nota Hattem 2016, Wmo 0-meting).

**Signalen die u kunt zien of horen:**

- *Lichaam:* moe, slecht slapen, rugklachten, vaker ziek, eigen zorg uitstellen.
- *Gevoel:* somber, prikkelbaar, snel in tranen, schuldgevoel, "ik kan niet meer".
- *Sociaal:* geen tijd meer voor vrienden, hobby's of werk; zich alleen voelen.
- *Praktisch:* de zorg neemt toe, ook 's nachts; er zijn weinig anderen die helpen.

**Extra risico** bij: samenwonen met de zorgvrager, zorg die al lang duurt of veel uren kost,
zorg voor iemand met dementie, psychische problemen of verslaving, een klein netwerk, eigen
gezondheidsproblemen, en zorg die samenvalt met werk of jonge kinderen.

Let ook op wat er *verandert*: een ziekenhuisopname, een nieuwe diagnose of een verhuizing kan de
balans in korte tijd laten omslaan.

Wacht niet tot iemand het water aan de lippen staat. Hulp die vroeg komt, houdt de zorg thuis
langer vol (bron: Mezzo Model).""",
        ),
        (
            "Als de zorg ontspoort",
            """Soms gaat zorg over in verwaarlozing of zelfs mishandeling van de zorgvrager. Dat heet
**ontspoorde mantelzorg**. Meestal komt het door uitputting en machteloosheid, niet door kwade wil.

**Vormen:**

- verwaarlozing: te weinig eten of drinken, slechte verzorging, medicijnen niet goed;
- psychisch: schelden, dreigen, kleineren, negeren;
- lichamelijk: hardhandig vastpakken, duwen, slaan;
- financieel: geld of spullen van de zorgvrager gebruiken zonder toestemming;
- vrijheid beperken: opsluiten, vastbinden, contact met anderen verbieden.

**Signalen:** onverklaarde blauwe plekken, vermagering, slechte hygiëne, een zorgvrager die bang
of stil is, een mantelzorger die boos of grof praat, of die zegt "ik word er gek van".

**Wat doet u?**

1. Benoem wat u ziet, zonder te beschuldigen: "Ik zie dat het heel zwaar is. Dan kan iemand
   weleens uitschieten. Herkent u dat?"
2. Zorg snel voor ontlasting, bijvoorbeeld tijdelijke vervanging van de zorg.
3. Volg de **meldcode huiselijk geweld en kindermishandeling** van uw organisatie. Die geldt ook
   voor ouderen. Bij twijfel kunt u advies vragen bij **Veilig Thuis (0800-2000)**.
4. Blijf betrokken: spreek af wanneer u terugkomt.""",
        ),
        (
            "Jonge en werkende mantelzorgers",
            """**Jonge mantelzorgers** zijn kinderen en jongeren die thuis zorgen voor een ouder, broer of zus
met een ziekte, beperking, psychisch probleem of verslaving. Ze zijn loyaal en vertellen het zelden.

Signalen: moe of te laat op school, slechtere cijfers, vaak afwezig, weinig vrienden, volwassen
gedrag voor hun leeftijd. Jonge mantelzorgers willen begrip en een luisterend oor, bijvoorbeeld van
een mentor of zorgcoördinator, maar niet anders behandeld worden dan klasgenoten (bron: MantelzorgNL
2026). Een groep met leeftijdgenoten kan veel steun geven.

**Werkende mantelzorgers** combineren een baan met zorg. Signalen: verzuim, veel bellen onder
werktijd, minder willen werken of stoppen. Werk kan ook rust geven: even weg uit de zorg. Wat helpt:

- een gesprek met de leidinggevende over flexibele tijden of thuiswerken;
- de regels voor zorgverlof uit de Wet arbeid en zorg: *kortdurend zorgverlof* (per 12 maanden tot
  twee keer de wekelijkse werkuren, met minstens 70% loon) en *langdurend zorgverlof* (tot zes keer
  de wekelijkse werkuren, onbetaald);
- hulp en informatie buiten kantoortijd, bijvoorbeeld 's avonds.

Voor beide groepen geldt: het aanbod sluit minder vaak aan dan bij andere mantelzorgers. Vraag wat
zíj nodig hebben.""",
        ),
        (
            "Het gesprek over belasting",
            """U hoeft geen lang gesprek te voeren. Een paar goede vragen op het juiste moment is genoeg.

1. **Erken.** "U doet veel voor uw vader."
2. **Vraag naar de situatie.** Wat doet u? Hoeveel uur? Sinds wanneer? Wie helpt er nog meer?
3. **Vraag naar de belasting.** "Hoe gaat het met ú? Slaapt u goed? Heeft u nog tijd voor uzelf?"
4. **Vraag naar volhouden.** "Kunt u dit zo nog een half jaar volhouden?"
5. **Vraag wat zou helpen.** Laat de mantelzorger zelf kiezen. Kom niet meteen met een oplossing.
6. **Spreek iets af.** Een verwijzing, een folder, of: "Ik vraag er over een maand weer naar."

Luister meer dan u praat. Stiltes zijn goed. Neem signalen serieus, ook als iemand ze wegwuift.

Vraag altijd **toestemming** voordat u iets doorgeeft aan een andere organisatie, en noteer in het
dossier alleen wat nodig is.

Soms zit de zorgvrager erbij. Vraag dan of u de mantelzorger ook even apart kunt spreken, of maak
een aparte afspraak. Niet iedereen praat vrij waar de naaste bij is.""",
        ),
    ],
    "questions": [
        {
            "situation": 'Mevrouw Hoekstra (70) zorgt al vier jaar voor haar man met dementie. Ze zegt op het spreekuur: "Het gaat wel. Ik slaap alleen slecht, want hij loopt \'s nachts rond."',
            "prompt": "Welke signalen van overbelasting hoort u?",
            "kind": "multiple",
            "review": 1,
            "options": [
                (
                    "Slecht slapen",
                    True,
                    "Goed. Gebrek aan slaap is een belangrijk signaal, zeker als het lang duurt.",
                ),
                (
                    "Zorg die ook 's nachts doorgaat",
                    True,
                    "Goed. Nachtzorg geeft weinig rust en verhoogt het risico.",
                ),
                (
                    "Zorg voor iemand met dementie, al jaren",
                    True,
                    "Goed. Dementie en langdurige zorg zijn bekende risicofactoren.",
                ),
                (
                    "Ze zegt dat het wel gaat, dus er is geen probleem",
                    False,
                    '"Het gaat wel" betekent niet dat het goed gaat. Kijk naar de signalen, niet alleen naar het antwoord.',
                ),
            ],
            "explanation": "Slecht slapen, nachtzorg, lange duur en dementie samen wijzen op een groot risico op overbelasting.",
        },
        {
            "situation": 'Bij een huisbezoek ziet u dat meneer Mulder (88) is afgevallen en er onverzorgd uitziet. Zijn dochter, die bij hem inwoont, snauwt hem af en zegt tegen u: "Ik word er soms gek van."',
            "prompt": "Wat is de beste eerste stap?",
            "review": 2,
            "options": [
                (
                    "U zegt tegen de dochter dat dit mishandeling is en dat u het gaat melden.",
                    False,
                    "Beschuldigen maakt het gesprek dicht. Meestal is uitputting de oorzaak. Volg de meldcode stap voor stap.",
                ),
                (
                    "U benoemt wat u ziet, erkent hoe zwaar het is en zoekt samen snel naar ontlasting. U volgt de meldcode van uw organisatie.",
                    True,
                    "Goed. U neemt het signaal serieus, zonder te beschuldigen, en u gebruikt de afspraken die er zijn.",
                ),
                (
                    "U doet niets, want het is een familiezaak.",
                    False,
                    "Verwaarlozing van een kwetsbare oudere vraagt actie. De meldcode geldt ook voor ouderen.",
                ),
            ],
            "explanation": "Ontspoorde zorg komt meestal door uitputting. Benoem, ontlast, en volg de meldcode. Vraag bij twijfel advies aan Veilig Thuis.",
        },
        {
            "situation": "De mentor van Daan (14) ziet dat hij vaak te laat is en in slaap valt in de klas. Daan vertelt dat zijn moeder ziek is en dat hij 's ochtends zijn zusje naar school brengt.",
            "prompt": "Wat helpt Daan het meest?",
            "review": 3,
            "options": [
                (
                    "Hem een strafuur geven voor het te laat komen, net als iedereen.",
                    False,
                    "Dan ziet u de oorzaak niet. Daan heeft begrip nodig, niet straf voor iets waar hij weinig aan kan doen.",
                ),
                (
                    "Een rustig gesprek met de zorgcoördinator, en hem wijzen op een groep voor jonge mantelzorgers.",
                    True,
                    "Goed. Een luisterend oor op school en contact met leeftijdgenoten helpen jonge mantelzorgers.",
                ),
                (
                    "Voor de hele klas uitleggen dat Daan thuis zorgt, zodat iedereen rekening houdt.",
                    False,
                    "Jonge mantelzorgers willen niet als uitzondering behandeld worden. Vraag eerst wat Daan zelf wil.",
                ),
            ],
            "explanation": "Jonge mantelzorgers vertellen het zelden. Begrip, een luisterend oor en lotgenoten helpen, zonder ze apart te zetten.",
        },
        {
            "situation": "Esther (45) werkt 32 uur als verpleegkundige en zorgt voor haar vader na een beroerte. Ze meldt zich steeds vaker ziek en denkt erover om te stoppen met werken.",
            "prompt": "Welke tip geeft u als eerste?",
            "review": 3,
            "options": [
                (
                    "Stoppen met werken is verstandig, dan heeft ze tijd voor haar vader.",
                    False,
                    "Stoppen kost inkomen en pensioen, en werk geeft vaak ook rust. Kijk eerst naar andere mogelijkheden.",
                ),
                (
                    "Praat met uw leidinggevende over flexibele tijden en zorgverlof, en kijk welke hulp de zorg thuis kan verlichten.",
                    True,
                    "Goed. Afspraken op het werk en hulp thuis maken het vaak mogelijk om te blijven werken.",
                ),
                (
                    "Meld u ziek tot het beter gaat.",
                    False,
                    "Ziekmelden lost de zorg niet op en kan op het werk problemen geven.",
                ),
            ],
            "explanation": "Werkende mantelzorgers hebben baat bij afspraken met de werkgever (zorgverlof, flexibele tijden) en hulp die de zorg thuis verlicht.",
        },
        {
            "situation": "U heeft tien minuten. Meneer Peters (66) zorgt voor zijn vrouw na haar heupoperatie. U wilt weten of hij het aankan.",
            "prompt": "Welke vraag geeft u de meeste informatie?",
            "review": 4,
            "options": [
                (
                    "Gaat het goed met u?",
                    False,
                    "Een gesloten vraag. De meeste mensen zeggen dan 'ja'.",
                ),
                (
                    "Kunt u dit zo nog een half jaar volhouden?",
                    True,
                    "Goed. Deze vraag laat iemand vooruitkijken. Twijfel in het antwoord is een duidelijk signaal.",
                ),
                (
                    "Heeft u al een rollator voor uw vrouw?",
                    False,
                    "Nuttig voor de zorg, maar u hoort niets over hem.",
                ),
            ],
            "explanation": "Vragen naar volhouden ('nog een half jaar?') laat snel zien of de balans klopt.",
        },
        {
            "situation": "Mevrouw Yilmaz komt met haar moeder op het spreekuur. Haar moeder doet het woord. Mevrouw Yilmaz zegt weinig en kijkt moe.",
            "prompt": "Hoe vraagt u naar de belasting van de dochter?",
            "review": 4,
            "options": [
                (
                    "U vraagt het meteen, waar haar moeder bij is.",
                    False,
                    "Niet iedereen praat vrij als de naaste meeluistert. Dan hoort u misschien alleen 'het gaat wel'.",
                ),
                (
                    "U vraagt of u haar even apart kunt spreken, of u biedt een eigen afspraak aan.",
                    True,
                    "Goed. Zo geeft u ruimte om eerlijk te zijn, zonder dat haar moeder zich schuldig voelt.",
                ),
                (
                    "U vraagt het niet, want ze komt voor haar moeder.",
                    False,
                    "Dan mist u de mantelzorger. Juist zij raakt vaak uit beeld.",
                ),
            ],
            "explanation": "Geef de mantelzorger ruimte om apart te praten. Vraag altijd toestemming voordat u iets doorgeeft.",
        },
    ],
}

DOORVERWIJZEN = {
    "slug": "doorverwijzen",
    "title": "Doorverwijzen",
    "order": 3,
    "minutes": 30,
    "points": "1.5",
    "pass_mark": 70,
    "vraaggebieden": [
        "informatie",
        "advies",
        "emotionele_steun",
        "educatie",
        "praktische_hulp",
        "respijtzorg",
        "financieel",
        "materieel",
    ],
    "professions": [
        "huisarts",
        "praktijkondersteuner",
        "wijkverpleegkundige",
        "wijkteam",
        "wmo_consulent",
        "clientondersteuner",
        "mantelzorgconsulent",
        "other",
    ],
    "summary": (
        "De 8 vraaggebieden, warm doorverwijzen met de sociale kaart, tijdelijke vervanging van de "
        "zorg, en erkenning met de mantelzorgwaardering."
    ),
    "lessons": [
        (
            "De 8 vraaggebieden",
            """Alle hulp voor mantelzorgers valt in acht vraaggebieden. De sociale kaart, deze training en de
werkgroep gebruiken dezelfde acht woorden.

1. **Informatie**: waar kan ik terecht, wat bestaat er? Ook op papier en aan de balie.
2. **Advies en begeleiding**: een vaste persoon die meedenkt en helpt met regelen en formulieren,
   zoals een mantelzorgconsulent of casemanager dementie.
3. **Emotionele steun**: een luisterend oor, lotgenoten, een mantelzorgcafé, hulp bij
   *levend verlies*.
4. **Educatie**: cursussen en trainingen, bijvoorbeeld over dementie of grenzen aangeven.
5. **Praktische hulp**: hulp in huis en tuin, boodschappen, vervoer, maaltijden.
6. **Respijtzorg**: tijdelijke vervanging van de zorg, thuis, op de dagbesteding of in een logeerhuis.
7. **Financiële tegemoetkoming**: bijvoorbeeld de jaarlijkse mantelzorgwaardering.
8. **Materiële hulp**: hulpmiddelen en woningaanpassingen.

Mantelzorgers noemen zelf vooral vijf dingen (bron: MantelzorgNL 2026): makkelijk te vinden
informatie, **één vast contactpersoon**, emotionele steun, **erkenning**, en respijt die past.

Vraag eerst wat iemand nodig heeft. Kies daarna het vraaggebied, niet andersom.""",
        ),
        (
            "Warm doorverwijzen",
            """Bij een **koude** verwijzing geeft u een folder of een telefoonnummer mee. Veel mensen bellen dan
nooit. Bij een **warme** verwijzing zorgt u zelf voor het eerste contact.

**Zo verwijst u warm:**

1. Vraag toestemming: "Mag ik u in contact brengen met iemand die met u meedenkt?"
2. Bel samen, tijdens het gesprek. Of spreek af dat de consulent de mantelzorger terugbelt.
3. Noem de contactpersoon bij naam: "U krijgt Marieke aan de lijn."
4. Geef alleen door wat nodig is, en alleen met toestemming.
5. Vraag later na of het contact er is gekomen.

Waarom warm? Mantelzorgers willen één vast aanspreekpunt dat ook praktisch helpt (bron: MantelzorgNL
2026). Een naam en een eerste afspraak verlagen de drempel.

In de gezamenlijke werkwijze verwijzen alle professionals naar **algemene voorzieningen** (zoals
een mantelzorgcafé of vrijwillige hulp) en **warm naar de specialist**: het steunpunt of de
mantelzorgconsulent (bron: Mezzo Model). U hoeft dus niet alles zelf op te lossen.""",
        ),
        (
            "De sociale kaart gebruiken",
            """De **sociale kaart** is het overzicht van alle hulp in de gemeente. In Mantelkring vindt u die onder
*Doorverwijzen*.

**Zo zoekt u:**

- Kies het **vraaggebied** waar de mantelzorger hulp bij zoekt.
- Kies de **wijk** waar de mantelzorger woont. Aanbod voor de hele gemeente ziet u altijd.
- Kijk bij elk aanbod of er een **verwijzing nodig** is, wie de **contactpersoon** is en hoe de
  **warme overdracht** gaat.
- Let op de datum *laatst gecontroleerd*. Klopt er iets niet, meld het dan bij beheer.

**Leg daarna de verwijzing vast.** Dat kost tien seconden: vraaggebied, eventueel het aanbod en de
wijk, en of u warm heeft overgedragen. U vult **niets** in over de mantelzorger zelf: geen naam,
geen leeftijd, geen verhaal.

Waarom vastleggen? De gemeente en haar partners willen weten hoe professionals mantelzorgers naar
hulp leiden en waar het aanbod tekortschiet. De werkgroep ziet alleen totalen, per vraaggebied,
beroep, organisatie en maand.""",
        ),
        (
            "Tijdelijke vervanging van de zorg",
            """*Respijtzorg* betekent: iemand anders neemt de zorg tijdelijk over, zodat de mantelzorger even vrij
is. Zeg dat ook zo, in gewone woorden: "iemand die de zorg voor uw man een middag overneemt".

**Vormen:**

- **Thuis:** een vaste vrijwilliger of een beroepskracht neemt de zorg over. Mantelzorgers vragen
  vooral om blokken van **3 tot 4 uur** aan huis.
- **Dagbesteding:** de naaste gaat één of meer dagen per week naar een dagbesteding, het liefst een
  plek die past bij wat hij of zij leuk vindt.
- **Logeren of kort verblijf:** de naaste logeert een paar dagen in een zorghuis. Een
  **kennismaking vooraf** helpt om te wennen.
- **Vervoer** erheen hoort erbij; zonder vervoer gaat het vaak niet door.

(bron: MantelzorgNL 2026)

**Betaling** verschilt: via de Wmo (gemeente), de Wet langdurige zorg of de zorgverzekering. De
gemeente moet onder de Wmo 2015 voorzieningen voor respijtzorg beschikbaar hebben (bron: Mezzo
Model). Bij twijfel: verwijs naar het Wmo-loket of de mantelzorgconsulent.

Veel mantelzorgers voelen zich schuldig als ze zorg uit handen geven. Zeg dat het normaal is, en dat
het helpt om het langer vol te houden.""",
        ),
        (
            "Erkenning en de mantelzorgwaardering",
            """Mantelzorgers willen **gezien worden**, ook door professionals. Dat begint klein: vragen hoe het
met hén gaat, hun kennis van de naaste serieus nemen, en ze betrekken bij afspraken over de zorg.

**De mantelzorgwaardering.** Gemeenten zijn onder de Wmo 2015 verantwoordelijk voor het waarderen
van mantelzorgers. Veel gemeenten geven een jaarlijkse **mantelzorgwaardering** of
*mantelzorgcompliment*: een bedrag, een cadeaubon, een activiteit of een pas met korting.
Mantelzorgers stellen het op prijs, maar alleen geld voelt voor sommigen afstandelijk; een persoonlijk
woord hoort erbij (bron: MantelzorgNL 2026).

**Wat u kunt doen:**

- wijs mantelzorgers op de waardering en hoe ze die aanvragen (kijk op de sociale kaart bij
  *Financiële tegemoetkoming*, en let op de aanvraagtermijn);
- sommige gemeenten werken met een **mantelzorgverklaring**, een vast formulier waarmee iemand kan
  laten zien dat hij mantelzorger is (bron: Regioplan, monitor van de VWS-pilots);
- vertel dat mantelzorgers kunnen **meepraten** over beleid, bijvoorbeeld in het mantelzorgpanel of
  een spiegelgesprek.

Erkenning kost weinig tijd en maakt het makkelijker om later wél hulp te vragen.""",
        ),
    ],
    "questions": [
        {
            "situation": 'Mevrouw De Vries zorgt voor haar man met Parkinson. Ze wil graag "één vast iemand die met me meedenkt en helpt met alle formulieren".',
            "prompt": "Onder welk vraaggebied zoekt u op de sociale kaart?",
            "review": 1,
            "options": [
                (
                    "Advies en begeleiding",
                    True,
                    "Goed. Een vaste contactpersoon die meedenkt en helpt met regelen valt onder advies en begeleiding, zoals de mantelzorgconsulent.",
                ),
                (
                    "Materiële hulp",
                    False,
                    "Materiële hulp gaat over hulpmiddelen en aanpassingen in huis.",
                ),
                (
                    "Educatie",
                    False,
                    "Educatie gaat over cursussen en trainingen, niet over persoonlijke begeleiding.",
                ),
            ],
            "explanation": "Eén vast aanspreekpunt dat ook praktisch helpt valt onder advies en begeleiding. Het is een van de vijf dingen die mantelzorgers het meest noemen.",
        },
        {
            "situation": 'U heeft met meneer Kok besproken dat hij hulp wil van de mantelzorgconsulent. Hij twijfelt: "Ik weet niet of ik ga bellen."',
            "prompt": "Wat is warm doorverwijzen hier?",
            "review": 2,
            "options": [
                (
                    "U geeft hem de folder van het steunpunt mee.",
                    False,
                    "Dat is een koude verwijzing. De kans is groot dat hij niet belt.",
                ),
                (
                    "U vraagt toestemming en belt samen met hem de consulent, of spreekt af dat de consulent hem terugbelt.",
                    True,
                    "Goed. Zo is het eerste contact er al en kent hij de naam van zijn contactpersoon.",
                ),
                (
                    "U stuurt zijn dossier door naar het steunpunt, zodat zij contact opnemen.",
                    False,
                    "Zonder toestemming deelt u geen gegevens. En een heel dossier is meer dan nodig is.",
                ),
            ],
            "explanation": "Warm doorverwijzen: met toestemming zelf het eerste contact leggen, met een naam en een afspraak.",
        },
        {
            "situation": 'Mevrouw Dijkstra zorgt elke dag voor haar moeder met dementie. Ze zegt: "Ik wil gewoon een keer een middag naar mijn kleinkinderen, maar ik kan haar niet alleen laten."',
            "prompt": "Wat bespreekt u? Kies alles wat past.",
            "kind": "multiple",
            "review": 4,
            "options": [
                (
                    "Iemand die de zorg thuis een middag overneemt, bijvoorbeeld een vaste vrijwilliger",
                    True,
                    "Goed. Een blok van een paar uur thuis is precies waar veel mantelzorgers om vragen.",
                ),
                (
                    "Dagbesteding voor haar moeder, een of meer dagen per week",
                    True,
                    "Goed. Dagbesteding geeft de mantelzorger vaste vrije tijd en de naaste een zinvolle dag.",
                ),
                (
                    "U noemt het 'respijtzorg' en geeft haar het aanvraagformulier",
                    False,
                    "Het woord respijtzorg zegt veel mensen niets. Zeg liever: iemand die de zorg even overneemt. En een formulier alleen is een koude verwijzing.",
                ),
                (
                    "Verhuizing van haar moeder naar een verpleeghuis",
                    False,
                    "Daar vraagt ze niet om. Ze wil even vrij zijn, niet de zorg opgeven.",
                ),
            ],
            "explanation": "Tijdelijke vervanging van de zorg kan thuis, op de dagbesteding of in een logeerhuis. Gebruik gewone woorden en sluit aan bij de vraag.",
        },
        {
            "situation": "U heeft een mantelzorger doorverwezen naar het mantelzorgcafé en legt de verwijzing vast in Mantelkring.",
            "prompt": "Wat vult u in?",
            "review": 3,
            "options": [
                (
                    "De naam en leeftijd van de mantelzorger, zodat het café contact kan opnemen.",
                    False,
                    "Het formulier vraagt nooit om persoonsgegevens. Contact regelt u via de warme overdracht, met toestemming.",
                ),
                (
                    "Het vraaggebied (emotionele steun), eventueel het aanbod en de wijk, en of u warm heeft overgedragen.",
                    True,
                    "Goed. Alleen keuzes uit vaste lijsten. Zo ziet de werkgroep totalen, zonder dat iemand herkenbaar is.",
                ),
                (
                    "Een korte beschrijving van de situatie thuis.",
                    False,
                    "Er is bewust geen vrij tekstveld. Een beschrijving kan iemand herkenbaar maken.",
                ),
            ],
            "explanation": "De verwijzing bevat alleen tags uit vaste lijsten. Beroep en organisatie komen uit uw profiel. Nooit gegevens over de mantelzorger.",
        },
        {
            "situation": "Meneer Bos (80) zorgt al jaren voor zijn vrouw. Hij vertelt dat hij nog nooit iets van de gemeente heeft gehoord.",
            "prompt": "Wat kunt u hem vertellen over erkenning?",
            "review": 5,
            "options": [
                (
                    "Dat de gemeente elk jaar een mantelzorgwaardering geeft, en hoe hij die aanvraagt.",
                    True,
                    "Goed. De waardering is een vorm van erkenning. Veel mantelzorgers weten niet dat ze die kunnen aanvragen.",
                ),
                (
                    "Dat erkenning er alleen is voor mantelzorgers die meer dan 40 uur per week zorgen.",
                    False,
                    "Dat klopt niet. Voorwaarden verschillen per gemeente; kijk op de sociale kaart bij financiële tegemoetkoming.",
                ),
                (
                    "Niets, erkenning is een taak van de gemeente en niet van u.",
                    False,
                    "Erkenning begint bij professionals: vragen hoe het gaat en wijzen op de waardering kost weinig tijd.",
                ),
            ],
            "explanation": "Wijs op de mantelzorgwaardering en erken de mantelzorger zelf. Beide maken het later makkelijker om hulp te vragen.",
        },
        {
            "situation": "U zoekt op de sociale kaart hulp in de wijk waar de mantelzorger woont. Bij het aanbod staat 'Verwijzing nodig: ja'.",
            "prompt": "Wat betekent dat voor u?",
            "review": 3,
            "options": [
                (
                    "De mantelzorger kan er niet zelf heen bellen; er is een verwijzing nodig, bijvoorbeeld van de huisarts of Wmo-consulent. Lees hoe u verwijst.",
                    True,
                    "Goed. Bij elk aanbod staat hoe u verwijst en wie de contactpersoon is.",
                ),
                (
                    "Het aanbod is alleen voor mensen met een indicatie uit de Wet langdurige zorg.",
                    False,
                    "Dat staat er niet. Lees bij het aanbod hoe de verwijzing gaat.",
                ),
                (
                    "U kunt beter ander aanbod kiezen.",
                    False,
                    "Een verwijzing nodig hebben is geen reden om het niet te doen. Het kan juist het beste passen.",
                ),
            ],
            "explanation": "De sociale kaart laat per aanbod zien of een verwijzing nodig is, hoe u verwijst en hoe de warme overdracht gaat.",
        },
    ],
}

MODULES = [HERKENNEN, SIGNALEREN, DOORVERWIJZEN]

# What each profession does first.
LEARNING_PATHS = {
    "huisarts": ["herkennen", "signaleren", "doorverwijzen"],
    "praktijkondersteuner": ["herkennen", "signaleren", "doorverwijzen"],
    "wijkverpleegkundige": ["signaleren", "herkennen", "doorverwijzen"],
    "wijkteam": ["doorverwijzen", "signaleren", "herkennen"],
    "wmo_consulent": ["herkennen", "doorverwijzen", "signaleren"],
    "clientondersteuner": ["herkennen", "doorverwijzen", "signaleren"],
    "mantelzorgconsulent": ["signaleren", "doorverwijzen", "herkennen"],
    "other": ["herkennen", "signaleren", "doorverwijzen"],
}

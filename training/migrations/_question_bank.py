"""The starter modules cut into units of at most ten minutes, with a learning goal per
starter question and a second, case-based variant for every goal. Written for this product
from the domain notes and the source documents; it quotes no published questionnaire.

Data migration 0004 loads it. The leading underscore keeps Django's migration loader away.

UNITS: per module slug, one unit per lesson: (lesson number, minutes).
GOALS: per module slug, in the order of the starter questions of migration 0002:
the goal text, the lesson (number) that teaches it, and a second variant
(situation, prompt, kind, options as (text, correct, feedback), explanation).
"""

UNITS = {
    "herkennen": [(1, 6), (2, 6), (3, 6), (4, 7)],
    "signaleren": [(1, 8), (2, 7), (3, 7), (4, 8)],
    "doorverwijzen": [(1, 6), (2, 6), (3, 6), (4, 6), (5, 6)],
}

GOALS = {
    "herkennen": [
        {
            "goal": "U vraagt naar wat iemand doet, zonder het woord mantelzorger.",
            "lesson": 4,
            "variant": {
                "situation": "Mevrouw Koster (81) komt voor controle van haar diabetes. Haar schoonzoon Ahmed brengt haar en vult de vragen over haar suiker en eten steeds aan.",
                "prompt": "Wat vraagt u aan Ahmed?",
                "options": [
                    (
                        "Wat komt er allemaal op uw schouders terecht, en hoe houdt u dat vol?",
                        True,
                        "Goed. U vraagt naar zijn taken en naar hemzelf, in gewone woorden.",
                    ),
                    (
                        "Staat u geregistreerd als mantelzorger bij de gemeente?",
                        False,
                        "Een beleidswoord en een vraag naar papieren. Grote kans dat hij zich er niet in herkent.",
                    ),
                    (
                        "Wilt u de suikerwaarden voortaan bijhouden in een schriftje?",
                        False,
                        "Nuttig voor mevrouw, maar u hoort niets over hoe het met Ahmed gaat.",
                    ),
                ],
                "explanation": "Gewone woorden openen het gesprek: vraag wat iemand doet en hoe het met hem gaat.",
            },
        },
        {
            "goal": "U sluit aan bij mensen die zichzelf geen mantelzorger noemen.",
            "lesson": 2,
            "variant": {
                "situation": 'Meneer Van Dam (67) verzorgt sinds haar beroerte elke dag zijn vrouw. Als u vraagt of hij hulp kan gebruiken, zegt hij: "Dat doe je toch gewoon voor elkaar."',
                "prompt": "Hoe reageert u?",
                "options": [
                    (
                        "U zegt dat hij volgens de wet recht heeft op mantelzorgondersteuning.",
                        False,
                        "Hij ziet de zorg als deel van zijn huwelijk. Een etiket of een regel maakt dat niet anders.",
                    ),
                    (
                        "U zegt dat dat mooi is, en vraagt wat hem helpt om dit goed te blijven doen.",
                        True,
                        "Goed. U erkent zijn woorden en vraagt naar wat hij nodig heeft.",
                    ),
                    (
                        "U laat het onderwerp rusten, want hij wil kennelijk geen hulp.",
                        False,
                        "Veel mensen zeggen dit uit loyaliteit. Met een andere vraag komt het gesprek vaak wel op gang.",
                    ),
                ],
                "explanation": "Mensen zien zorg als deel van hun relatie. Ga mee in hun woorden en vraag naar wat helpt.",
            },
        },
        {
            "goal": "U herkent eigen klachten van een patiënt als mogelijk signaal van zorg thuis.",
            "lesson": 3,
            "variant": {
                "situation": "U bent huisarts. Meneer El Idrissi (58) komt voor de tweede keer deze maand met rugpijn en maagklachten. Hij zegt dat hij 's nachts vaak wakker ligt. Onderzoek laat niets bijzonders zien.",
                "prompt": "Wat vraagt u?",
                "options": [
                    (
                        "Zullen we een scan laten maken om het zeker te weten?",
                        False,
                        "Dat kan later nodig zijn, maar u mist de vraag wat er thuis speelt.",
                    ),
                    (
                        "Zorgt u thuis voor iemand?",
                        True,
                        "Goed. Vage, steeds terugkerende klachten kunnen komen door veel zorg thuis. Deze vraag maakt dat bespreekbaar.",
                    ),
                    (
                        "Probeert u eens minder koffie te drinken?",
                        False,
                        "Een leefstijltip lost het niet op als de oorzaak thuis ligt.",
                    ),
                ],
                "explanation": "Terugkerende moeheid, pijn of slecht slapen zonder duidelijke oorzaak: vraag of iemand thuis zorgt.",
            },
        },
        {
            "goal": "U weet wie er mantelzorger is: langdurig, onbetaald, uit de eigen kring.",
            "lesson": 1,
            "variant": {
                "situation": "Sara (16) kookt elke avond en helpt haar jongere broer met huiswerk, omdat haar moeder door een depressie vaak in bed ligt. Haar vader werkt tot laat.",
                "prompt": "Is Sara een mantelzorger?",
                "options": [
                    (
                        "Nee, ze is nog geen volwassene.",
                        False,
                        "Ook kinderen en jongeren kunnen mantelzorger zijn. Naar schatting 1 op de 10 jongeren is dat.",
                    ),
                    (
                        "Ja, ze zorgt langdurig en onbetaald voor haar gezin vanwege de ziekte van haar moeder.",
                        True,
                        "Goed. Huishouden, zorgen voor een broer of zus en steun geven tellen mee.",
                    ),
                    (
                        "Nee, koken en huiswerk zijn gewone klusjes thuis.",
                        False,
                        "Het gaat om zorg die er is door de ziekte van een gezinslid, elke dag. Dat is meer dan meehelpen.",
                    ),
                ],
                "explanation": "Mantelzorg is langdurige, onbetaalde zorg voor iemand uit de eigen kring. Leeftijd maakt niet uit.",
            },
        },
        {
            "goal": "U weet waar mantelzorgers te vinden zijn: waar ze al komen.",
            "lesson": 3,
            "variant": {
                "situation": "Het wijkteam wil dat meer mantelzorgers in beeld komen die nog nergens hulp vragen. U maakt een lijst van plekken die u gaat bezoeken.",
                "prompt": "Welke plekken zet u op de lijst? Kies alles wat past.",
                "kind": "multiple",
                "options": [
                    (
                        "De apotheek in de wijk",
                        True,
                        "Goed. Mantelzorgers halen daar vaak de medicijnen op voor hun naaste.",
                    ),
                    (
                        "De sportclub en de kerk of moskee",
                        True,
                        "Goed. Daar komen mensen die het zelf niet over zorg zullen hebben, maar daar wel gezien worden.",
                    ),
                    (
                        "Alleen mensen die al bij het steunpunt bekend zijn",
                        False,
                        "Die zijn al in beeld. Het gaat juist om wie nog niet bekend is.",
                    ),
                ],
                "explanation": "Zoek mantelzorgers waar ze al komen: apotheek, school, werk, sportclub, kerk of moskee, huisarts.",
            },
        },
        {
            "goal": "U hoort loyaliteit achter 'het gaat prima' en opent het gesprek.",
            "lesson": 2,
            "variant": {
                "situation": 'De dochter van meneer Hendriks (90) komt drie keer per week koken en doet zijn was. Als u vraagt hoe het met haar gaat, zegt ze snel: "Met mij? Goed hoor, het gaat om mijn vader."',
                "prompt": "Wat zegt u?",
                "options": [
                    (
                        "Dan richten we ons verder op uw vader.",
                        False,
                        "U neemt het 'goed' over en sluit het gesprek over haar.",
                    ),
                    (
                        "U doet veel voor hem. Wat kost het u, en hoelang houdt u dit zo vol?",
                        True,
                        "Goed. U erkent wat ze doet en geeft ruimte om eerlijk te zijn over de toekomst.",
                    ),
                    (
                        "U ziet er moe uit, u moet echt beter voor uzelf zorgen.",
                        False,
                        "Een oordeel werkt vaak averechts. Ze voelt zich dan niet gehoord.",
                    ),
                ],
                "explanation": "'Het gaat goed' is vaak loyaliteit. Erkennen en vragen naar volhouden opent het gesprek.",
            },
        },
    ],
    "signaleren": [
        {
            "goal": "U herkent signalen van overbelasting in wat iemand vertelt.",
            "lesson": 1,
            "variant": {
                "situation": 'Meneer Postma (74) zorgt voor zijn vrouw met COPD. Hij vertelt: "Ik kom nergens meer aan toe. Mijn eigen controle bij de tandarts heb ik maar afgezegd. En ik ben snel geïrriteerd."',
                "prompt": "Welke signalen van overbelasting hoort u?",
                "kind": "multiple",
                "options": [
                    (
                        "Hij stelt zijn eigen zorg uit.",
                        True,
                        "Goed. Eigen afspraken afzeggen is een bekend lichamelijk signaal.",
                    ),
                    (
                        "Hij is snel geïrriteerd en heeft geen tijd meer voor zichzelf.",
                        True,
                        "Goed. Prikkelbaarheid en geen tijd voor jezelf wijzen op een balans die zoek is.",
                    ),
                    (
                        "Zijn vrouw heeft COPD, dus hij is zeker overbelast.",
                        False,
                        "De ziekte alleen zegt het niet. Het gaat om wat hij draagt tegenover wat hij aankan.",
                    ),
                ],
                "explanation": "Signalen zitten in lichaam, gevoel en leven: eigen zorg uitstellen, prikkelbaar, geen tijd voor zichzelf.",
            },
        },
        {
            "goal": "U reageert goed als zorg ontspoort: benoemen, ontlasten, meldcode.",
            "lesson": 2,
            "variant": {
                "situation": 'Bij een huisbezoek ziet u blauwe plekken op de armen van mevrouw Verbeek (85). Haar zoon, die al maanden alleen voor haar zorgt, zegt: "Ze wil niet meewerken, ik pak haar soms te hard vast."',
                "prompt": "Wat doet u eerst?",
                "options": [
                    (
                        "U doet alsof u het niet gehoord heeft, om de relatie niet te beschadigen.",
                        False,
                        "Zo blijft mevrouw onveilig en krijgt de zoon geen hulp.",
                    ),
                    (
                        "U benoemt wat u ziet, erkent dat hij uitgeput lijkt, zoekt snel ontlasting en volgt de meldcode; bij twijfel vraagt u Veilig Thuis om advies.",
                        True,
                        "Goed. Ontsporing komt meestal door uitputting. U beschermt mevrouw en helpt de zoon.",
                    ),
                    (
                        "U zegt de zoon dat hij niet meer voor zijn moeder mag zorgen.",
                        False,
                        "Dat kunt u niet alleen beslissen, en het lost de uitputting niet op.",
                    ),
                ],
                "explanation": "Benoem wat u ziet, zorg voor ontlasting en volg de meldcode. Veilig Thuis geeft advies.",
            },
        },
        {
            "goal": "U steunt jonge mantelzorgers zonder ze apart te zetten.",
            "lesson": 3,
            "variant": {
                "situation": "Lotte (12) zit in groep 8. Haar vader heeft een spierziekte. De leerkracht merkt dat ze stil is en nooit meer meegaat naar buitenschoolse activiteiten.",
                "prompt": "Wat doet de leerkracht het beste?",
                "options": [
                    (
                        "Lotte voor de klas vragen te vertellen hoe het thuis gaat.",
                        False,
                        "Jonge mantelzorgers willen niet anders behandeld worden dan klasgenoten.",
                    ),
                    (
                        "Apart en rustig vragen hoe het thuis gaat, luisteren, en wijzen op een groep met leeftijdgenoten die hetzelfde meemaken.",
                        True,
                        "Goed. Een luisterend oor en lotgenoten helpen, zonder haar apart te zetten.",
                    ),
                    (
                        "Niets zeggen; thuis is niet de zaak van school.",
                        False,
                        "School is een belangrijke vindplaats. Jonge mantelzorgers vertellen het zelden uit zichzelf.",
                    ),
                ],
                "explanation": "Begrip, een luisterend oor en lotgenoten helpen jonge mantelzorgers; apart zetten niet.",
            },
        },
        {
            "goal": "U helpt werkende mantelzorgers zorg en werk te combineren.",
            "lesson": 3,
            "variant": {
                "situation": "Kees (52) is buschauffeur met wisselende diensten. Zijn moeder heeft dementie en belt hem vaak tijdens zijn werk. Hij slaapt slecht en is bang zijn baan te verliezen.",
                "prompt": "Wat raadt u als eerste aan?",
                "options": [
                    (
                        "Stoppen met werken, zodat hij meer tijd heeft.",
                        False,
                        "Werk geeft inkomen en afleiding. Stoppen maakt het vaak zwaarder.",
                    ),
                    (
                        "Met zijn werkgever praten over vaste diensten of zorgverlof, en kijken welke hulp de zorg thuis verlicht.",
                        True,
                        "Goed. Afspraken met de werkgever en hulp thuis maken zorg en werk samen vol te houden.",
                    ),
                    (
                        "Zijn telefoon uitzetten tijdens het werk.",
                        False,
                        "Dat lost de zorg niet op en maakt hem waarschijnlijk nog onrustiger.",
                    ),
                ],
                "explanation": "Werkende mantelzorgers hebben baat bij afspraken met de werkgever en hulp die de zorg thuis verlicht.",
            },
        },
        {
            "goal": "U vraagt in korte tijd naar de balans: kan iemand het volhouden?",
            "lesson": 4,
            "variant": {
                "situation": "Mevrouw Wouters (59) zorgt voor haar broer na een ongeluk. U heeft nog vijf minuten van het gesprek over.",
                "prompt": "Welke vraag stelt u?",
                "options": [
                    (
                        "Hoeveel uur per week zorgt u precies?",
                        False,
                        "Uren zeggen weinig over wat het iemand kost.",
                    ),
                    (
                        "Als het zo doorgaat: houdt u dit nog een half jaar vol?",
                        True,
                        "Goed. Een vraag naar volhouden laat snel zien of de balans klopt.",
                    ),
                    (
                        "Heeft uw broer al een indicatie voor thuiszorg?",
                        False,
                        "Een vraag over de broer. U weet daarna nog niets over haar.",
                    ),
                ],
                "explanation": "Vragen naar volhouden laat snel zien of de balans tussen draaglast en draagkracht klopt.",
            },
        },
        {
            "goal": "U geeft de mantelzorger ruimte en vraagt toestemming.",
            "lesson": 4,
            "variant": {
                "situation": "Meneer Öztürk (80) komt met zijn zoon bij de wijkverpleegkundige. De zoon vertaalt alles en kijkt vaak op zijn horloge. Als u hem iets vraagt, kijkt hij naar zijn vader.",
                "prompt": "Hoe vraagt u naar hoe het met de zoon gaat?",
                "options": [
                    (
                        "Waar zijn vader bij is: 'U lijkt het zwaar te hebben, klopt dat?'",
                        False,
                        "Met zijn vader erbij is eerlijk antwoorden moeilijk.",
                    ),
                    (
                        "U biedt aan om even apart te praten of hem later te bellen, en vraagt wat u wel en niet mag doorgeven.",
                        True,
                        "Goed. Ruimte om apart te praten en toestemming vragen maken het veilig om eerlijk te zijn.",
                    ),
                    (
                        "U meldt hem aan bij het steunpunt zonder het te vragen, want hij heeft geen tijd.",
                        False,
                        "Zonder toestemming geeft u niets door, ook niet met goede bedoelingen.",
                    ),
                ],
                "explanation": "Geef de mantelzorger ruimte om apart te praten. Vraag altijd toestemming voordat u iets doorgeeft.",
            },
        },
    ],
    "doorverwijzen": [
        {
            "goal": "U kiest het goede vraaggebied voor de vraag van een mantelzorger.",
            "lesson": 1,
            "variant": {
                "situation": 'Meneer Claassen zorgt voor zijn dochter met een verstandelijke beperking. Hij zegt: "Ik weet niet waar ik recht op heb, en ik zie door de bomen het bos niet meer. Ik wil iemand die met me meekijkt."',
                "prompt": "Onder welk vraaggebied zoekt u?",
                "options": [
                    (
                        "Advies en begeleiding",
                        True,
                        "Goed. Een vast iemand die meedenkt en de weg wijst valt onder advies en begeleiding.",
                    ),
                    (
                        "Financiële tegemoetkoming",
                        False,
                        "Hij vraagt niet om geld maar om iemand die meekijkt.",
                    ),
                    (
                        "Tijdelijke vervanging van de zorg",
                        False,
                        "Hij vraagt niet om vrije tijd, maar om overzicht.",
                    ),
                ],
                "explanation": "Iemand die meedenkt en de weg wijst: advies en begeleiding.",
            },
        },
        {
            "goal": "U verwijst warm door: met toestemming, een naam en een afspraak.",
            "lesson": 2,
            "variant": {
                "situation": "Mevrouw Boer (66) wil graag praten met lotgenoten, maar vindt het spannend om alleen naar een bijeenkomst te gaan.",
                "prompt": "Wat is hier warm doorverwijzen?",
                "options": [
                    (
                        "U zegt dat ze op internet kan zoeken naar een lotgenotengroep.",
                        False,
                        "Dat is een koude verwijzing: de drempel blijft even hoog.",
                    ),
                    (
                        "Met haar toestemming belt u de begeleider van de groep, die haar terugbelt en bij de eerste keer opwacht.",
                        True,
                        "Goed. Het eerste contact is gelegd en ze kent een naam.",
                    ),
                    (
                        "U geeft haar naam en adres door aan de groep, zodat ze een uitnodiging krijgt.",
                        False,
                        "Zonder toestemming geeft u geen gegevens door.",
                    ),
                ],
                "explanation": "Warm doorverwijzen: met toestemming zelf het eerste contact leggen, met een naam en een afspraak.",
            },
        },
        {
            "goal": "U weet welke vormen van tijdelijke vervanging er zijn, in gewone woorden.",
            "lesson": 4,
            "variant": {
                "situation": 'Meneer Jacobs zorgt dag en nacht voor zijn vrouw met Alzheimer. Hij zegt: "Ik wil één keer een weekend naar mijn broer in Friesland. Maar wie zorgt er dan voor haar?"',
                "prompt": "Wat kunt u met hem bespreken? Kies alles wat past.",
                "kind": "multiple",
                "options": [
                    (
                        "Een logeerhuis waar zijn vrouw een weekend kan verblijven",
                        True,
                        "Goed. Een logeerhuis geeft een paar dagen vrij.",
                    ),
                    (
                        "Iemand die een weekend bij hen thuis de zorg overneemt",
                        True,
                        "Goed. Vervanging thuis kan ook voor een langere tijd.",
                    ),
                    (
                        "U zegt dat hij 'respijtzorg' moet aanvragen bij de Wmo, en laat het daarbij",
                        False,
                        "Het woord zegt veel mensen niets en een loket noemen is een koude verwijzing.",
                    ),
                ],
                "explanation": "Tijdelijke vervanging kan thuis, op de dagbesteding of in een logeerhuis. Gebruik gewone woorden.",
            },
        },
        {
            "goal": "U legt een verwijzing vast met alleen tags, nooit gegevens van de mantelzorger.",
            "lesson": 3,
            "variant": {
                "situation": "U heeft een jonge mantelzorger warm doorverwezen naar een lotgenotengroep. U wilt dit vastleggen in Mantelkring.",
                "prompt": "Wat legt u vast?",
                "options": [
                    (
                        "Het vraaggebied, de wijk en of het een warme overdracht was",
                        True,
                        "Goed. Alleen tags uit vaste lijsten; uw beroep en organisatie komen uit uw profiel.",
                    ),
                    (
                        "De voornaam en de school van de jongere, zodat de groep contact kan opnemen",
                        False,
                        "De verwijzing bevat nooit gegevens over de mantelzorger.",
                    ),
                    (
                        "Een korte notitie over de thuissituatie",
                        False,
                        "Er is bewust geen vrij tekstveld: zo komen er geen persoonlijke gegevens in.",
                    ),
                ],
                "explanation": "Een verwijzing bevat alleen tags uit vaste lijsten. Nooit gegevens over de mantelzorger.",
            },
        },
        {
            "goal": "U erkent de mantelzorger en wijst op de mantelzorgwaardering.",
            "lesson": 5,
            "variant": {
                "situation": 'Mevrouw Prins zorgt al tien jaar voor haar zoon met autisme. Ze zegt: "Niemand vraagt ooit hoe het met mij gaat."',
                "prompt": "Wat doet u?",
                "options": [
                    (
                        "U zegt dat veel ouders dat doen en dat het erbij hoort.",
                        False,
                        "Zo voelt ze zich opnieuw niet gezien.",
                    ),
                    (
                        "U erkent wat ze al tien jaar doet, vraagt hoe het met haar gaat en vertelt over de mantelzorgwaardering van de gemeente.",
                        True,
                        "Goed. Erkenning van u en van de gemeente maakt het later makkelijker om hulp te vragen.",
                    ),
                    (
                        "U verwijst haar meteen door naar de ggz.",
                        False,
                        "Ze vraagt om erkenning, niet om behandeling.",
                    ),
                ],
                "explanation": "Erken de mantelzorger zelf en wijs op de mantelzorgwaardering.",
            },
        },
        {
            "goal": "U leest op de sociale kaart hoe u verwijst en wat er nodig is.",
            "lesson": 3,
            "variant": {
                "situation": "Op de sociale kaart staat bij een dagbesteding: 'Verwijzing nodig: nee. Warme overdracht: bel de coördinator.'",
                "prompt": "Wat betekent dit?",
                "options": [
                    (
                        "De mantelzorger kan zich zelf melden; voor een warme overdracht belt u met toestemming de coördinator.",
                        True,
                        "Goed. De kaart zegt per aanbod of een verwijzing nodig is en hoe de warme overdracht gaat.",
                    ),
                    (
                        "U mag deze dagbesteding niet aanraden.",
                        False,
                        "Geen verwijzing nodig betekent juist dat de drempel laag is.",
                    ),
                    (
                        "Er is altijd eerst een indicatie van de huisarts nodig.",
                        False,
                        "Dat staat er niet: bij dit aanbod is geen verwijzing nodig.",
                    ),
                ],
                "explanation": "De sociale kaart laat per aanbod zien of een verwijzing nodig is en hoe u warm overdraagt.",
            },
        },
    ],
}

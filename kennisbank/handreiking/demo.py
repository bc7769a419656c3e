"""Demo content: two handreikingen, in our own words, from the facts in DOMAIN.md and the seeds.

"Sturen op zelfsturing" follows the method as described in seeds/000 L721-L807 and L2178-L2261,
seeds/001 L126-L134 and L337-L349, seeds/003 L2756-L2976 and the limits in seeds/000 L271-L488.
"Handelingswijze jongeren" follows the werkwijze per fase of seeds/002 L1783-L2418.
Idempotent: a book or chapter that already exists (by slug) is left as it is.
"""

import datetime

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from cms.models import Doelgroep, Fase
from kennisbank.handreiking import services
from kennisbank.handreiking.models import HandreikingIndexPage, HandreikingPage, HoofdstukPage
from kennisbank.models import BeslismomentPage, InterventiePage


def T(html):  # noqa: N802 - short builders keep the content below readable
    return ("tekst", html)


def B(term, definitie):  # noqa: N802
    return ("kernbegrip", {"term": term, "definitie": definitie})


def TIP(tekst):  # noqa: N802
    return ("tip", tekst)


def V(titel, tekst, beter=""):  # noqa: N802
    return ("valkuil", {"titel": titel, "tekst": tekst, "beter": beter})


def P(titel, tekst):  # noqa: N802
    return ("praktijkvoorbeeld", {"titel": titel, "tekst": tekst})


def BRON(bron, url=""):  # noqa: N802
    return ("bron", {"bron": bron, "url": url})


def S(titel, stappen):  # noqa: N802
    return (
        "schema",
        {"titel": titel, "stappen": [{"label": s, "toelichting": t} for s, t in stappen]},
    )


def F(oordeel, regels, toelichting=""):  # noqa: N802
    return {
        "oordeel": oordeel,
        "regels": [{"spreker": wie, "tekst": wat} for wie, wat in regels],
        "toelichting": toelichting,
    }


def TECH(naam, wanneer, *fragmenten):  # noqa: N802
    return ("techniek", {"naam": naam, "wanneer": wanneer, "fragmenten": list(fragmenten)})


# A verwijzing is resolved when loading: the first live page matching the description, if any.
def REF(soort, toelichting="", **filters):  # noqa: N802
    return ("__verwijzing__", {"soort": soort, "filters": filters, "toelichting": toelichting})


# Sources as the research names them; where a report carries no title in our copy, a description
# of it, never an invented title.
RWI = (
    "Raad voor Werk en Inkomen (2010). Sturen op zelfsturing: advies over zelfsturing in de "
    "re-integratiepraktijk."
)
ROTTERDAM = (
    "Onderzoek in opdracht van cluster Werk en Inkomen, gemeente Rotterdam: de invoering van "
    "‘sturen op zelfsturing’ bij ExIT, Werkloont en het Jongerenloket (januari-november 2013)."
)
LEERNETWERK = (
    "Rietdijk, A. e.a., NHL Stenden Hogeschool (2021). Werken naar evidence based "
    "handelingswijzen voor consulenten om jongeren uit de bijstand te laten uitstromen."
)

ZELFSTURING = {
    "slug": "sturen-op-zelfsturing",
    "titel": "Sturen op zelfsturing",
    "samenvatting": (
        "De methodiek waarmee je werkzoekenden helpt zelf de regie te nemen over hun weg naar "
        "werk of school: wat zelfsturing is, hoe je inschat wat iemand zelf kan, en welke "
        "gesprekstechnieken daarbij helpen."
    ),
    "intro": (
        "<p>Dit boek is de gedeelde basis voor trainingen, intervisie en oefeningen. Lees het op "
        "volgorde of spring naar wat je nodig hebt. Trainers houden het bij; elke wijziging wordt "
        "beoordeeld door een kennisbeheerder.</p>"
    ),
    "hoofdstukken": [
        {
            "slug": "wat-is-zelfsturing",
            "titel": "Wat is zelfsturing",
            "samenvatting": (
                "Zelfsturing is een proces in vijf stappen waarin de werkzoekende zelf aan het "
                "stuur zit, met of zonder hulp."
            ),
            "fases": ["eerste-gesprek"],
            "body": [
                T(
                    "<p>Bij zelfsturing betrek je de werkzoekende actief bij zijn eigen traject. "
                    "Hij denkt niet alleen mee over de vorm, hij neemt zelf besluiten en zet zelf "
                    "stappen. Dat is meer dan een keuze uit een lijstje trajecten: het gaat om "
                    "het hele proces, van de eerste kennismaking tot het vinden van werk of een "
                    "opleiding.</p>"
                ),
                B(
                    "Zelfsturing",
                    "Het proces waarin iemand, met of zonder hulp van een professional, zelf het "
                    "initiatief neemt, doelen stelt, acties plant, ze uitvoert en evalueert.",
                ),
                S(
                    "De vijf stappen van zelfsturing",
                    [
                        ("Initiatief nemen", "Zelf in beweging komen."),
                        ("Doelen stellen", "Bepalen waar je naartoe wilt."),
                        ("Plannen", "Acties bedenken en in een volgorde zetten."),
                        ("Uitvoeren", "De acties echt doen."),
                        ("Evalueren", "Terugkijken: wat werkte, wat niet, wat nu?"),
                    ],
                ),
                T(
                    "<p>Niet iedereen kan die stappen meteen zelf zetten. <strong>Sturen op "
                    "zelfsturing</strong> betekent dat jij als consulent stuurt op die "
                    "vaardigheden: je stimuleert eigen initiatief waar het er is en je helpt het "
                    "opbouwen waar het ontbreekt. Zelfsturing is dus geen doel op zich, maar een "
                    "middel om duurzaam aan het werk of naar school te gaan.</p>"
                ),
                B(
                    "Zelfsturend vermogen",
                    "De mate waarin iemand de vijf stappen van zelfsturing zelf kan zetten. Het "
                    "verschilt per persoon en soms per leefdomein (werk, gezin, geld, gezondheid).",
                ),
                TIP(
                    "Vraag in het eerste gesprek niet alleen wat iemand al gedaan heeft, maar ook "
                    "wat hij van jou verwacht. Dat zegt veel over zijn zelfsturend vermogen."
                ),
                BRON(RWI),
            ],
            "paragrafen": [
                {
                    "slug": "vangrails",
                    "titel": "Vangrails: de grenzen van de ruimte",
                    "samenvatting": "Zelfsturing speelt zich af binnen regels die je vooraf "
                    "neutraal uitlegt.",
                    "fases": ["eerste-gesprek"],
                    "body": [
                        B(
                            "Vangrails",
                            "De grenzen die beleid en wet stellen aan doelen en acties: wat wel "
                            "en niet kan binnen de uitkering. Wie erbuiten gaat, riskeert een "
                            "maatregel.",
                        ),
                        T(
                            "<p>De ruimte voor eigen keuzes is groot, maar niet onbeperkt. Leg "
                            "de vangrails aan het begin uit, zonder dreigende toon: dit zijn de "
                            "spelregels, en binnen die regels bepaal jij veel zelf. Zo weet de "
                            "klant waar hij aan toe is en hoef je later niet te verrassen met "
                            "een maatregel.</p><p>Let op: sommige vangrails maken zelfsturing "
                            "lastig, zoals een verplicht groepsprogramma voor iedereen. Benoem "
                            "die spanning in je team in plaats van hem stil te laten "
                            "bestaan.</p>"
                        ),
                        TIP(
                            "Gebruik neutraal informeren (de N van NORBS) voor de vangrails: "
                            "feiten, geen oordeel, en daarna ruimte voor een reactie."
                        ),
                    ],
                },
            ],
        },
        {
            "slug": "weten-willen-kunnen",
            "titel": "Weten, willen, kunnen",
            "samenvatting": ("Drie voorwaarden voor zelfsturing, en hoe je ziet welke ontbreekt."),
            "fases": ["eerste-gesprek", "plangesprek", "screening-diagnose"],
            "body": [
                T(
                    "<p>Of iemand zelf kan sturen, hangt af van drie dingen die met elkaar "
                    "samenhangen. Breng ze alle drie in beeld voordat je een aanpak kiest.</p>"
                ),
                B(
                    "Weten",
                    "Zicht hebben op je eigen mogelijkheden en op de weg erheen: zelfinzicht en "
                    "kennis van de arbeidsmarkt.",
                ),
                B(
                    "Willen",
                    "Het doel echt willen bereiken: motivatie die van binnenuit komt, niet alleen "
                    "door druk van buiten.",
                ),
                B(
                    "Kunnen",
                    "Het doel is haalbaar met de kennis, vaardigheden en omstandigheden die "
                    "iemand heeft, en hij gelooft dat ook zelf (vertrouwen in eigen kunnen).",
                ),
                T(
                    "<p>Willen en kunnen beïnvloeden elkaar. Wie vaak is mislukt, verliest het "
                    "vertrouwen dat het kan lukken, en dan zakt ook de motivatie weg. Wat op "
                    "onwil lijkt (passief zijn, afspraken missen, tegenwerpingen) is dan vaak "
                    "een gebrek aan vertrouwen.</p><ul><li>Wil en kan iemand wel, maar weet hij "
                    "de weg niet? Geef informatie en faciliteer.</li><li>Scoort iemand laag op "
                    "willen en kunnen? Werk eerst aan motivatie en zelfvertrouwen, met kleine "
                    "stappen die lukken.</li></ul>"
                ),
                V(
                    "Niet kunnen aanzien voor niet willen",
                    "Een klant die afspraken mist, wordt snel als onwillig gezien. Soms speelt "
                    "iets anders: schulden, stress, een beperking die niet meteen opvalt.",
                    "Vraag open naar wat het lastig maakt voordat je conclusies trekt of een "
                    "maatregel overweegt.",
                ),
                P(
                    "Een cv dat er maar niet kwam",
                    "Een jongen van begin twintig zou drie weken op rij zijn cv insturen en deed "
                    "het niet. Zijn consulent vroeg wat hem tegenhield. Hij bleek niet te weten "
                    "wat hij moest opschrijven, omdat hij nooit betaald werk had gehad. Samen "
                    "zetten ze zijn vrijwilligerswerk en sportclub op papier; een week later "
                    "stuurde hij zelf de eerste sollicitatie.",
                ),
                REF(
                    "beslismoment",
                    "Twijfel je tussen niet willen en niet kunnen? Dit beslismoment helpt.",
                ),
                BRON(RWI),
            ],
        },
        {
            "slug": "methodisch-handelen",
            "titel": "Methodisch handelen: vier stappen",
            "samenvatting": (
                "Werken met opzet en in een vaste volgorde: de vier stappen die elke begeleiding "
                "doorloopt, en bij welke stap de inhoud van dit platform hoort."
            ),
            "fases": [
                "screening-diagnose",
                "oordeelsvorming",
                "besluitvorming",
                "monitoring-coaching",
            ],
            "body": [
                T(
                    "<p>Zelfsturing als beleid blijft papier zolang consulenten niet op een "
                    "gedeelde manier werken en oordelen. Methodisch handelen is die gedeelde "
                    "manier: je weet wat je doet, waarom, en in welke volgorde. Dezelfde stappen "
                    "komen in elk traject terug, in een lang traject ook meer dan eens.</p>"
                ),
                B(
                    "Methodisch handelen",
                    "Werken met opzet, met een doel en volgens een vaste volgorde van stappen, "
                    "met een beoordelingskader dat het hele team deelt.",
                ),
                S(
                    "De stappen van methodisch handelen",
                    [
                        (
                            "Screening en diagnose",
                            "Wat staat werk of school in de weg, waar komt dat vandaan en is "
                            "steun nodig? Breng weten, willen en kunnen in beeld.",
                        ),
                        (
                            "Oordeelsvorming",
                            "Weeg wat de klant over zichzelf zegt tegen het dossier, de "
                            "arbeidsmarkt en wat werkt voor wie; overleg met een collega of "
                            "deskundige.",
                        ),
                        (
                            "Besluitvorming",
                            "Maak samen met de klant het plan: doelen, termijnen en wie wat doet, "
                            "zo dicht mogelijk bij wat hij wil en kan.",
                        ),
                        (
                            "Monitoring en coaching",
                            "Volg wat de klant doet, coach en stuur bij, grijp in als het nodig "
                            "is en zorg dat hij kan doen wat jullie afspraken.",
                        ),
                    ],
                ),
                T(
                    "<p>Bij hoofdstukken, oefeningen en interventies zie je bij welke stap ze "
                    "horen. Loopt een traject vast, vraag je dan eerst af in welke stap je zit: "
                    "een plan maken (besluitvorming) zonder te weten wat iemand tegenhoudt "
                    "(screening), strandt vaak op de eerste afspraak.</p>"
                ),
                TIP(
                    "Zeg in intervisie niet alleen wat je deed, maar ook in welke stap je zat. "
                    "Een vastgelopen casus blijkt vaak een overgeslagen stap."
                ),
                BRON(RWI),
            ],
        },
        {
            "slug": "klanttypen",
            "titel": "Klanttypen: toetser, co-producent, regievoerder",
            "samenvatting": "Wie heeft de regie? Drie typen en wat ze van jou vragen.",
            "fases": ["eerste-gesprek", "plangesprek", "screening-diagnose", "oordeelsvorming"],
            "body": [
                T(
                    "<p>Werkzoekenden verschillen in hoeveel ze zelf kunnen sturen. De methodiek "
                    "onderscheidt drie typen. Het type bepaalt hoe de regie verdeeld is tussen "
                    "jou en de klant, niet hoeveel de klant waard is. En het kan verschuiven: "
                    "het doel is dat een toetser co-producent wordt, en een co-producent "
                    "regievoerder.</p>"
                ),
                B(
                    "Toetser",
                    "Klant met weinig zelfsturend vermogen. De consulent neemt de regie en stelt "
                    "voor; de klant toetst of dat past bij wat hij wil.",
                ),
                B(
                    "Co-producent",
                    "Klant die gemotiveerd is maar een duwtje nodig heeft, bijvoorbeeld omdat "
                    "plannen niet haalbaar zijn of acties uitblijven. De regie is gedeeld.",
                ),
                B(
                    "Regievoerder",
                    "Klant die zelf bepaalt hoe zijn weg naar werk of school eruitziet, binnen "
                    "de vangrails. De consulent coacht op afstand.",
                ),
                TIP(
                    "Vraag een regievoerder expliciet wat jouw inzet nog toevoegt. Misschien is "
                    "minder contact juist beter."
                ),
                V(
                    "Een regievoerder laten zwemmen",
                    "Sommige regievoerders doen alles zelf en vinden toch geen werk. Op afstand "
                    "blijven coachen helpt dan niet meer.",
                    "Kijk samen naar de arbeidsmarkt en de werkgeverskant: andere routes, "
                    "contact met werkgevers, een werkervaringsplek.",
                ),
                T(
                    "<p>Let op: zelfsturend vermogen kan per leefdomein verschillen. Iemand "
                    "regelt zijn zoektocht naar werk prima zelf, maar loopt vast in zijn "
                    "financiën. Stem je aanpak per domein af.</p>"
                ),
                BRON(ROTTERDAM),
            ],
        },
        {
            "slug": "gedragsfasen",
            "titel": "Gedragsfasen: waar staat iemand",
            "samenvatting": "Verandering gaat in fases. Pas je benadering aan op de fase.",
            "fases": [
                "voorbeschouwing",
                "overpeinzing",
                "voorbereiding-beslissing",
                "actieve-verandering",
                "bestendiging",
            ],
            "body": [
                T(
                    "<p>Zelfsturing leren is een vorm van gedragsverandering. Mensen beginnen "
                    "niet allemaal op hetzelfde punt. Wie nog geen reden ziet om te veranderen, "
                    "heeft niets aan een actieplan; wie al bezig is, heeft niets aan een gesprek "
                    "over voor- en nadelen.</p>"
                ),
                S(
                    "Vijf fases van gedragsverandering",
                    [
                        ("Voorbeschouwing", "Ziet geen probleem. Jij: informeren, twijfel zaaien."),
                        ("Overpeinzing", "Twijfelt. Jij: ambivalentie samen verkennen."),
                        ("Voorbereiding / beslissing", "Wil. Jij: doelen en plan maken."),
                        ("Actieve verandering", "Doet het. Jij: bevestigen, bijsturen."),
                        ("Bestendiging", "Houdt het vol. Jij: terugval bespreekbaar maken."),
                    ],
                ),
                B(
                    "Ambivalentie",
                    "Tegelijk wel en niet willen veranderen: hinken op twee gedachten. Een "
                    "normale stap op weg naar verandering, geen teken van onwil.",
                ),
                T(
                    "<p>Open vragen helpen je de fase te herkennen. Praat iemand vooral over "
                    "waarom het niet kan? Dan zit hij waarschijnlijk in voorbeschouwing of "
                    "overpeinzing. Hoor je plannen en data? Dan is hij klaar om te beslissen.</p>"
                ),
                V(
                    "Een plan maken met iemand die nog twijfelt",
                    "Een plan van aanpak invullen met een klant in overpeinzing levert een "
                    "papieren plan op dat niemand uitvoert.",
                    "Neem eerst de tijd voor de twijfel; het plan komt in het plangesprek.",
                ),
                BRON(RWI),
            ],
        },
        {
            "slug": "gesprekstechnieken-norbs",
            "titel": "Gesprekstechnieken: NORBS",
            "samenvatting": "Vijf basistechnieken voor een gesprek waarin de klant aan het "
            "woord is.",
            "fases": ["eerste-gesprek", "plangesprek", "verloop"],
            "body": [
                B(
                    "NORBS",
                    "Vijf basisgesprekstechnieken: neutraal informeren, open vragen, "
                    "reflecteren, bevestigen en samenvatten.",
                ),
                T(
                    "<p>NORBS is de basis onder motiverende gespreksvoering en oplossingsgericht "
                    "coachen. De technieken helpen je een goede relatie op te bouwen en de "
                    "klant aan het woord te houden.</p>"
                ),
                TECH(
                    "Neutraal informeren",
                    "Bij rechten en plichten, de vangrails en de keuzes die iemand heeft.",
                    F(
                        "goed",
                        [
                            (
                                "consulent",
                                "Omdat je jonger bent dan 27, zoek je eerst vier weken zelf naar "
                                "werk of school voordat je aanvraag verder gaat. Wat weet je daar "
                                "al van?",
                            ),
                        ],
                        "Feiten, gevolgd door een open vraag.",
                    ),
                    F(
                        "fout",
                        [
                            (
                                "consulent",
                                "Je moet vier weken zoeken, anders krijg je niks. Dat snap je wel.",
                            )
                        ],
                        "Dreigend en met een oordeel.",
                    ),
                ),
                TECH(
                    "Open vragen",
                    "Om de klant te laten vertellen en om te horen in welke fase hij zit.",
                    F(
                        "goed",
                        [
                            ("consulent", "Hoe ziet een goede week er voor jou uit?"),
                            ("klant", "Uitslapen, sporten, en dan eigenlijk wel iets doen."),
                        ],
                    ),
                    F(
                        "fout",
                        [
                            ("consulent", "Heb je al gesolliciteerd?"),
                            ("klant", "Nee."),
                        ],
                        "Een gesloten vraag: het gesprek stopt.",
                    ),
                ),
                TECH(
                    "Reflecteren",
                    "Om te laten merken dat je luistert en te checken of je het goed begrijpt.",
                    F(
                        "goed",
                        [
                            ("klant", "Ik wil wel werken, maar ik word toch steeds afgewezen."),
                            ("consulent", "Je wilt graag, en je bent het afwijzen zat."),
                        ],
                    ),
                ),
                TECH(
                    "Bevestigen",
                    "Om inzet en sterke kanten te benoemen, ook als het resultaat nog uitblijft.",
                    F(
                        "goed",
                        [
                            (
                                "consulent",
                                "Je hebt drie keer gebeld, ook al vond je dat spannend. Dat is "
                                "doorzetten.",
                            )
                        ],
                    ),
                ),
                TECH(
                    "Samenvatten",
                    "Aan het eind van een onderwerp of gesprek, om te ordenen en af te spreken.",
                    F(
                        "goed",
                        [
                            (
                                "consulent",
                                "Even op een rij: je wilt de techniek in, je twijfelt tussen "
                                "een opleiding en meteen werken, en je gaat deze week met je oom "
                                "praten over zijn bedrijf. Klopt dat?",
                            )
                        ],
                        "Neem vooral de uitspraken mee die vóór verandering pleiten.",
                    ),
                ),
                BRON(RWI),
            ],
        },
        {
            "slug": "motiverende-gespreksvoering",
            "titel": "Motiverende gespreksvoering",
            "samenvatting": "De eigen redenen van de klant om te veranderen naar boven halen.",
            "fases": ["eerste-gesprek", "plangesprek", "verloop"],
            "body": [
                T(
                    "<p>Motiverende gespreksvoering (MI) gaat ervan uit dat motivatie niet op te "
                    "leggen is. Je kunt iemand niet overtuigen; je kunt wel helpen zijn eigen "
                    "redenen te vinden. Eerst werk je aan de motivatie om te veranderen, daarna "
                    "aan een veranderplan.</p><h3>De basishouding</h3><p>Vier kenmerken "
                    "bepalen de houding waarmee je het gesprek voert:</p><ul><li><strong>"
                    "Samenwerken</strong>: jullie zoeken samen, jij bent geen expert die "
                    "voorschrijft.</li><li><strong>Ontlokken</strong>: je vraagt naar zijn "
                    "eigen beweegredenen in plaats van de jouwe aan te dragen.</li><li>"
                    "<strong>Aanvaarden</strong>: je respecteert zijn keuzes, ook als hij jouw "
                    "hulp (nog) niet wil.</li><li><strong>Compassie</strong>: wat goed is voor "
                    "hem weegt zwaarder dan jouw doelen of cijfers.</li></ul>"
                ),
                B(
                    "Verandertaal",
                    "Uitspraken van de klant die vóór verandering pleiten: wensen, redenen, "
                    "vermogen en voornemens. Die wil je uitlokken en versterken.",
                ),
                B(
                    "Herstelreflex",
                    "De neiging van de hulpverlener om problemen meteen op te lossen en de klant "
                    "op het goede pad te zetten. Roept vaak juist weerstand op.",
                ),
                T(
                    "<p>Klanten praten zichzelf vaak van verandering af met een <em>ja, "
                    "maar</em>: ik wil wel werken, maar ik wil er ook zijn voor mijn kinderen. "
                    "Ik wil best solliciteren, maar ik word vast afgewezen. Ga daar niet tegenin. "
                    "Reflecteer beide kanten, zodat de klant zelf de afweging maakt.</p>"
                ),
                TECH(
                    "Ambivalentie verkennen",
                    "In de fase van overpeinzing, als de klant wel en niet wil.",
                    F(
                        "goed",
                        [
                            ("klant", "Ik wil best dat werk doen, maar het verdient zo weinig."),
                            (
                                "consulent",
                                "Het werk trekt je wel, en tegelijk vraag je je af of het de "
                                "moeite loont. Wat zou het je naast geld opleveren?",
                            ),
                            ("klant", "Nou, ik zou in elk geval weer ergens bij horen."),
                        ],
                        "De consulent reflecteert beide kanten en lokt verandertaal uit.",
                    ),
                    F(
                        "fout",
                        [
                            ("klant", "Ik wil best dat werk doen, maar het verdient zo weinig."),
                            (
                                "consulent",
                                "Maar je moet toch ergens beginnen. Later verdien je vanzelf meer.",
                            ),
                            ("klant", "Ja, dat zeggen ze altijd."),
                        ],
                        "Herstelreflex: de consulent argumenteert, de klant verdedigt de "
                        "andere kant.",
                    ),
                ),
                REF(
                    "interventie",
                    "Een interventie uit het schema die op motiverende gespreksvoering steunt.",
                    basismethodieken__slug="motiverende-gespreksvoering",
                ),
                BRON(
                    "Movisie. Methodebeschrijving motiverende gespreksvoering.",
                    "https://www.movisie.nl/",
                ),
            ],
        },
        {
            "slug": "oplossingsgericht-coachen",
            "titel": "Oplossingsgericht coachen",
            "samenvatting": "Niet het probleem, maar wat al werkt als vertrekpunt.",
            "fases": ["plangesprek", "verloop", "monitoring-coaching"],
            "body": [
                T(
                    "<p>Oplossingsgericht coachen zoekt naar wat al goed gaat en bouwt daarop "
                    "voort. Het helpt de klant die wil veranderen om dat ook effectief te doen. "
                    "Drie eenvoudige regels:</p><ol><li>Wat goed gaat, laat je met rust.</li>"
                    "<li>Werkt iets niet, doe dan iets anders.</li><li>Werkt iets wel, doe er "
                    "meer van.</li></ol><p>Praten over een gewenste toekomst maakt energie en "
                    "hoop los. Vraag door op uitzonderingen: wanneer ging het wél?</p>"
                ),
                B(
                    "Schaalvraag",
                    "Vraag om een cijfer van 0 tot 10, bijvoorbeeld voor vertrouwen of "
                    "voortgang, met als vervolg: wat maakt dat het al zo hoog is, en wat is "
                    "één stap hoger?",
                ),
                TECH(
                    "Schaalvragen",
                    "Om voortgang zichtbaar te maken en een kleine volgende stap te vinden.",
                    F(
                        "goed",
                        [
                            ("consulent", "Hoeveel vertrouwen heb je dat het lukt, van 0 tot 10?"),
                            ("klant", "Een vijf."),
                            (
                                "consulent",
                                "Een vijf, dus er is al iets. Wat maakt dat het geen twee is?",
                            ),
                        ],
                    ),
                    F(
                        "fout",
                        [
                            ("consulent", "Je zit er wel echt diep in, met die schulden."),
                            ("klant", "Ik red me heus. Ik geef mezelf een acht."),
                            ("consulent", "Waarom geen zeven?"),
                            ("klant", "Ik ben gewoon tevreden."),
                            ("consulent", "Oké. Ik meld je aan bij het sportproject."),
                        ],
                        "De vraag zelf is niet het probleem: vragen waarom het geen lager cijfer "
                        "is, zoekt naar wat er al goed gaat. Het misgaat door de context. Na het "
                        "negatieve label verdedigt de klant zich met zijn acht, niemand weet waar "
                        "het cijfer over gaat, en de consulent doet niets met het antwoord: hij "
                        "stapt door naar een traject dat hij al bedacht had.",
                    ),
                ),
                TIP(
                    "Schrijf het cijfer op en vraag er de volgende keer weer naar. Zo ziet de "
                    "klant zijn eigen vooruitgang."
                ),
                REF(
                    "interventie",
                    basismethodieken__slug="oplossingsgericht-coachen",
                ),
                BRON(LEERNETWERK),
            ],
        },
        {
            "slug": "doelen-stellen",
            "titel": "Doelen stellen",
            "samenvatting": "Specifieke doelen, leerdoelen en subdoelen: welk doel past wanneer.",
            "fases": ["plangesprek", "besluitvorming"],
            "versies": [
                "Eerste versie.",
                "Toegevoegd: subdoelen en een voorbeeld uit het plangesprek.",
            ],
            "body": [
                T(
                    "<p>Doelen stel je samen met de klant. Een opgelegd doel neemt de "
                    "zelfsturing weg en roept weerstand op. Geen doel of een "
                    "<em>doe-je-best</em>-doel werkt meestal ook niet: wie niet weet wanneer het "
                    "doel bereikt is, stopt eerder.</p>"
                ),
                B(
                    "Specifiek doel",
                    "Een doel met een aantal en een moment, zodat duidelijk is wanneer het "
                    "gehaald is. Bijvoorbeeld: vóór vrijdag inschrijven bij drie uitzendbureaus.",
                ),
                B(
                    "Leerdoel",
                    "Een doel waarin het leren centraal staat, niet de uitkomst. Geschikt voor "
                    "nieuwe of moeilijke taken. Bijvoorbeeld: leren een sollicitatiebrief te "
                    "schrijven.",
                ),
                T(
                    "<p>Een uitdagend specifiek doel spoort aan, zolang de klant de vaardigheden "
                    "heeft. Zijn die er nog niet, dan werkt een specifiek doel averechts: het "
                    "lukt niet, en de motivatie zakt. Kies dan een leerdoel; daarop kun je "
                    "eigenlijk niet falen.</p>"
                ),
                ("__alleen_laatste_versie__", None),
                B(
                    "Subdoel",
                    "Een kleine tussenstap op weg naar een groter doel. Succesvolle subdoelen "
                    "werken sterk motiverend.",
                ),
                P(
                    "Van vaag naar specifiek in het plangesprek",
                    "Een vrouw van rond de veertig zei in het plangesprek: ik ga mijn best doen "
                    "om werk te vinden. Haar consulent vroeg wat dat deze week zou betekenen. "
                    "Het werd: dinsdag twee vacatures in de zorg uitzoeken en donderdag samen "
                    "bespreken. Het grote doel bleef werk, het subdoel was haalbaar en "
                    "controleerbaar.",
                ),
                BRON(ROTTERDAM),
            ],
        },
        {
            "slug": "valkuilen",
            "titel": "Valkuilen in het gesprek",
            "samenvatting": "Wat in de praktijk vaak misgaat, met voorbeelden en wat beter werkt.",
            "fases": ["eerste-gesprek", "plangesprek", "verloop"],
            "body": [
                T(
                    "<p>Bij observaties van gesprekken vielen steeds dezelfde valkuilen op. Ze "
                    "komen voort uit goede bedoelingen: helpen, snel resultaat. Maar ze nemen de "
                    "regie over van de klant.</p>"
                ),
                V(
                    "Ongevraagd advies",
                    "Tips en oplossingen geven voordat de klant erom vraagt of zelf heeft "
                    "nagedacht.",
                    "Vraag eerst wat de klant zelf al bedacht heeft, en vraag toestemming: mag ik "
                    "je een idee geven?",
                ),
                V(
                    "Negatief labelen",
                    "De problemen van de klant benadrukken: je zit echt in een diepe put. Het "
                    "klopt misschien, maar het activeert niet.",
                    "Benoem wat er wél lukt en reflecteer het gevoel zonder het te versterken.",
                ),
                V(
                    "Initiatief overnemen",
                    "De klant noemt een probleem en de consulent zegt meteen: dat regel ik voor "
                    "je.",
                    "Toets eerst of hulp nodig is en wat de klant zelf kan doen.",
                ),
                V(
                    "Niet doorvragen op een signaal",
                    "De klant laat iets vallen (slecht slapen, een boze huisbaas, ‘thuis is het "
                    "lastig’) en de consulent gaat door met zijn lijstje.",
                    "Sta stil bij wat je hoort: vraag wat er speelt voordat je verdergaat. Zo'n "
                    "signaal is vaak de reden dat een plan niet lukt.",
                ),
                V(
                    "Eigen norm opleggen",
                    "Jouw idee van een goed leven of een goede baan als maatstaf nemen.",
                    "Vraag naar de waarden en wensen van de klant.",
                ),
                V(
                    "Het aanbod van de organisatie centraal zetten",
                    "Een traject voorstellen omdat er plek is, niet omdat het past bij de klant.",
                    "Begin bij het doel van de klant en kijk dan welk aanbod daarbij helpt.",
                ),
                TECH(
                    "Herken de valkuil",
                    "Oefen met deze fragmenten: welke valkuil zie je?",
                    F(
                        "fout",
                        [
                            ("klant", "Ik moet alles regelen en het lukt niet, ik heb schulden."),
                            ("consulent", "Dat kennen we, daar help ik je wel mee."),
                        ],
                        "Initiatief te snel overgenomen.",
                    ),
                    F(
                        "fout",
                        [
                            (
                                "consulent",
                                "Oké, we moeten een plan van aanpak maken. Ik denk aan een "
                                "sporttraject.",
                            )
                        ],
                        "Aanbod van de organisatie centraal, niet eerder besproken.",
                    ),
                ),
                BRON(ROTTERDAM),
            ],
        },
        {
            "slug": "wanneer-past-het-niet",
            "titel": "Wanneer past de methodiek niet",
            "samenvatting": "De grenzen van sturen op zelfsturing, en wat je dan doet.",
            "fases": [],
            "doelgroepen": ["lvb", "laaggeletterden", "statushouders"],
            "verlopen": True,
            "body": [
                T(
                    "<p>Sturen op zelfsturing is bruikbaar, maar niet voor iedereen en niet in "
                    "elke situatie de beste aanpak. Onderzoek in de praktijk liet een paar "
                    "grenzen zien.</p><h3>Toetsers zonder vooruitgang</h3><p>Bij sommige "
                    "toetsers komt ook na lange tijd geen ontwikkeling op gang. Soms ligt dat aan "
                    "de uitvoering, soms zijn er grenzen aan wat iemand zelf kan sturen. Durf "
                    "dan een andere aanpak te kiezen.</p><h3>Een talige methode</h3><p>De "
                    "methode leunt op gesprekken. Bij klanten die het Nederlands beperkt "
                    "beheersen of een licht verstandelijke beperking hebben, sluit dat niet "
                    "altijd aan. Gebruik eenvoudige taal, beeld en doen in plaats van praten, "
                    "en check of je begrepen wordt.</p><h3>Het ligt niet altijd aan gedrag"
                    "</h3><p>Werkloosheid komt niet alleen door motivatie of gedrag. De "
                    "arbeidsmarkt, eisen van werkgevers en flexwerk spelen ook mee. Als een "
                    "regievoerder alles goed doet en toch niets vindt, richt je dan op toegang "
                    "tot werkgevers, bijvoorbeeld met een werkgeversbenadering of individuele "
                    "plaatsing en steun (IPS).</p>"
                ),
                V(
                    "De methodiek als wondermiddel zien",
                    "Alles en iedereen in hetzelfde model persen, ook waar het wringt.",
                    "Bespreek twijfelgevallen in intervisie en leg vast waarom je afwijkt.",
                ),
                TIP(
                    "Merk je dat een vangrail zelfsturing onmogelijk maakt? Breng het in bij je "
                    "teamchef of in het leernetwerk: het is een signaal voor beleid."
                ),
                BRON(ROTTERDAM),
            ],
        },
    ],
}


def _fase_hoofdstuk(slug, titel, samenvatting, werkwijze, houding, toolbox, tip, fase):
    return {
        "slug": slug,
        "titel": titel,
        "samenvatting": samenvatting,
        "fases": [fase],
        "doelgroepen": ["jongeren"],
        "body": [
            T(f"<h3>Werkwijze</h3>{werkwijze}"),
            T(f"<h3>Houding</h3>{houding}"),
            T(f"<h3>Toolbox</h3>{toolbox}"),
            TIP(tip),
            REF("interventie", "Uit het interventieschema voor deze fase.", fases__slug=fase),
            REF("beslismoment", fases__slug=fase),
            BRON(LEERNETWERK),
        ],
    }


JONGEREN = {
    "slug": "handelingswijze-jongeren",
    "titel": "Handelingswijze jongeren",
    "samenvatting": (
        "Hoe consulenten jongeren van 18 tot 27 met een uitkering begeleiden naar school of "
        "werk, fase voor fase: de standaard werkwijze, de houding en de toolbox."
    ),
    "intro": (
        "<p>Consulenten van drie gemeenten ontwikkelden deze handelingswijze samen in een "
        "leernetwerk, op basis van wat zij in de praktijk doen, onderzoek onder jongeren en "
        "literatuur. De basismethodieken zijn motiverende gespreksvoering, oplossingsgericht "
        "coachen en de stress-sensitieve benadering.</p>"
    ),
    "hoofdstukken": [
        {
            "slug": "opbouw",
            "titel": "Opbouw: werkwijze, houding en toolbox",
            "samenvatting": "Hoe de handelingswijze in elkaar zit en hoe je hem gebruikt.",
            "fases": [],
            "doelgroepen": ["jongeren"],
            "body": [
                T(
                    "<p>De handelingswijze volgt het traject van een jongere in zes fases: "
                    "voorafgaand aan het eerste contact, het eerste gesprek, de zoekperiode van "
                    "vier weken, het plangesprek, het verloop en de nazorg. Per fase staat "
                    "beschreven:</p><ul><li><strong>de werkwijze</strong>: wat je standaard "
                    "bespreekt en doet;</li><li><strong>de houding</strong>: hoe je de jongere "
                    "benadert;</li><li><strong>de toolbox</strong>: wat je naar keuze inzet, "
                    "als maatwerk.</li></ul>"
                ),
                B(
                    "Toolbox",
                    "Activiteiten en interventies die geen vast onderdeel van de werkwijze zijn, "
                    "maar die de consulent naar keuze inzet, passend bij de jongere.",
                ),
                B(
                    "Stress-sensitieve benadering",
                    "Werken met oog voor het stressniveau van de klant: stress verlagen of in elk "
                    "geval niet verhogen, met kleine haalbare doelen en een veilige basis.",
                ),
                S(
                    "De zes fases",
                    [
                        ("Voorafgaand", ""),
                        ("Eerste gesprek", ""),
                        ("Zoekperiode", "vier weken, voor jongeren onder de 27"),
                        ("Plangesprek", ""),
                        ("Verloop", ""),
                        ("Nazorg", ""),
                    ],
                ),
            ],
        },
        _fase_hoofdstuk(
            "voorafgaand",
            "Voorafgaand aan het eerste gesprek",
            "Voorbereiden: rechten en plichten, ketenpartners, eerste inschatting.",
            "<ul><li>Benoem rechten en plichten al in de uitnodiging en op de website.</li>"
            "<li>Verzamel het school- en werkverleden.</li><li>Maak een eerste inschatting van "
            "de zoekperiode en mogelijke belemmeringen.</li></ul>",
            "<p>Neem contact op met ketenpartners alleen met toestemming van de jongere, en "
            "kom zonder vooroordeel naar het eerste gesprek.</p>",
            "<p>Onderhoud de lijnen met scholen voor praktijk- en speciaal onderwijs en met "
            "het regionaal meld- en coördinatiepunt, zodat je snel kunt schakelen.</p>",
            "Let bij je inschatting ook op non-verbale signalen: hoeveel spanning roept "
            "verandering op?",
            "voorafgaand",
        ),
        _fase_hoofdstuk(
            "eerste-gesprek",
            "Het eerste gesprek",
            "Kennismaken, uitleggen, de persoonlijke situatie verkennen en afspraken maken.",
            "<ul><li>Stel jezelf voor en leg je rol en het proces uit.</li><li>Vraag naar de "
            "persoonlijke situatie; urgente problemen eerst.</li><li>Vraag wie in het netwerk "
            "zich zorgen maakt of kan helpen.</li><li>Maak afspraken voor de zoekperiode en "
            "een afspraak voor het tweede gesprek over vier weken.</li></ul>",
            "<p>Bouw aan de relatie: gelijkwaardig, oordeelvrij, met echte interesse in het "
            "dagelijks leven van de jongere. Werk toekomstgericht, geef keuzevrijheid en spreek "
            "de jongere aan op zijn keuzes. Complimenteer: jongeren zien hun eigen successen "
            "vaak niet.</p>",
            "<p>Maak het proces visueel, bied keuzes en zoek bij een no-show actief contact via "
            "de kanalen die de jongere gebruikt.</p>",
            "Gebruik motiverende gespreksvoering om te checken hoe gemotiveerd de jongere is, "
            "in plaats van het aan te nemen.",
            "eerste-gesprek",
        ),
        _fase_hoofdstuk(
            "zoekperiode",
            "De zoekperiode",
            "Vier weken zelf zoeken, met de vinger aan de pols.",
            "<p>In de zoekperiode zoekt de jongere eerst zelf naar werk of school. Houd "
            "contact, bijvoorbeeld over een vacature of het cv. Soms is daarna geen uitkering "
            "meer nodig.</p>",
            "<p>Laagdrempelig en regelmatig contact; laat merken dat je beschikbaar bent, "
            "zonder het zoeken over te nemen.</p>",
            "<p>Help bij de eerste praktische stappen, zoals contact leggen met iemand die "
            "verder kan helpen.</p>",
            "Wijs de jongere erop dat de aanvraag binnen vijf werkdagen na de zoekperiode "
            "moet worden doorgezet.",
            "zoekperiode",
        ),
        _fase_hoofdstuk(
            "plangesprek",
            "Het plangesprek",
            "Samen de zoekperiode bespreken en een plan van aanpak maken.",
            "<ul><li>Bespreek wat de zoekperiode heeft opgeleverd.</li><li>Stel samen met de "
            "jongere leerdoelen op, met kleine concrete subdoelen.</li><li>Toets de plannen "
            "samen aan de werkelijkheid.</li><li>Kies de route: school, werk, zorg, of geen "
            "recht op begeleiding. Kan de jongere met studiefinanciering naar school, dan gaat "
            "school voor: dan heeft hij geen recht op bijstand.</li><li>Stuur het plan van "
            "aanpak ook naar de jongere.</li></ul>",
            "<p>Eigen regie en inspraak staan voorop: bied keuzes en sluit aan bij wat de "
            "jongere zelf drijft.</p>",
            "<p>Is het opleidingsniveau, talent of leerstijl onduidelijk, vraag dan een test "
            "aan.</p>",
            "Lees ook het hoofdstuk over doelen stellen in Sturen op zelfsturing.",
            "plangesprek",
        ),
        _fase_hoofdstuk(
            "verloop",
            "Het verloop",
            "Afspraken nakomen, contact houden en bijsturen.",
            "<ul><li>Kom afspraken na en zorg voor goede communicatie, ook met inkomen en "
            "handhaving.</li><li>Herinner de jongere aan afspraken via de kanalen die hij "
            "gebruikt.</li><li>Ga zo nodig mee naar afspraken en sollicitatiegesprekken."
            "</li></ul>",
            "<p>Monitoring is maatwerk: gemiddeld eens per maand face-to-face, daartussen "
            "korter contact. Bij niet nakomen van afspraken kan handhaving volgen; bespreek "
            "eerst wat er speelt. Een maatregel vraagt verwijtbaarheid en de jongere wordt eerst "
            "gehoord.</p>",
            "<p>Betrek het netwerk (met toestemming), werk samen met wijkteam, school, huisarts "
            "of begeleiding, en zet zo nodig werkervaring in: vrijwilligerswerk, werkstage of "
            "proefplaatsing. Gaat de jongere naast de uitkering betaald werken, dan geeft hij "
            "zijn inkomsten door (inlichtingenplicht) en worden ze met de uitkering verrekend: "
            "leg dat vooraf uit, dan voelt werken niet als straf.</p>",
            "Draag bij vervanging goed over; een nieuwe consulent zonder overdracht kost de "
            "jongere vertrouwen.",
            "verloop",
        ),
        _fase_hoofdstuk(
            "nazorg",
            "Nazorg",
            "Contact na uitstroom, zodat het resultaat blijft staan.",
            "<p>Houd na uitstroom drie maanden contact, met de mogelijkheid om te verlengen. "
            "Vooral telefonisch of via berichten, face-to-face als het nodig is.</p>",
            "<p>Blijf bereikbaar: de jongere mag bij een vraag zelf contact opnemen.</p>",
            "<p>Volg jongeren die kwetsbaar zijn eventueel langer, om terugval te voorkomen.</p>",
            "Vier het resultaat samen: benoem wat de jongere zelf heeft bereikt.",
            "nazorg",
        ),
    ],
}

BOEKEN = [ZELFSTURING, JONGEREN]


def _verwijzing(spec):
    model = {"interventie": InterventiePage, "beslismoment": BeslismomentPage}[spec["soort"]]
    doel = model.objects.live().filter(**spec["filters"]).order_by("path").first()
    if doel is None:
        return None
    return ("verwijzing", {"pagina": doel, "toelichting": spec["toelichting"]})


def _body(items, laatste_versie):
    body = []
    for soort, waarde in items:
        if soort == "__alleen_laatste_versie__":
            if not laatste_versie:
                break
            continue
        if soort == "__verwijzing__":
            blok = _verwijzing(waarde)
            if blok is not None:
                body.append(blok)
            continue
        body.append((soort, waarde))
    return body


def _hoofdstuk_laden(ouder, spec, eigenaar, beoordelaar, vandaag):
    bestaand = HoofdstukPage.objects.child_of(ouder).filter(slug=spec["slug"]).first()
    if bestaand is not None:
        return bestaand, False
    verlopen = spec.get("verlopen", False)
    versies = spec.get("versies", ["Eerste versie."])
    hoofdstuk = HoofdstukPage(
        title=spec["titel"],
        slug=spec["slug"],
        samenvatting=spec["samenvatting"],
        body=_body(spec["body"], laatste_versie=len(versies) == 1),
        eigenaar=eigenaar,
        laatst_beoordeeld=vandaag - datetime.timedelta(days=400 if verlopen else 30),
        volgende_beoordeling=vandaag + datetime.timedelta(days=-35 if verlopen else 335),
    )
    ouder.add_child(instance=hoofdstuk)
    hoofdstuk.fases.set(Fase.objects.filter(slug__in=spec.get("fases", [])))
    hoofdstuk.doelgroepen.set(Doelgroep.objects.filter(slug__in=spec.get("doelgroepen", [])))
    for nummer, notitie in enumerate(versies, start=1):
        if nummer > 1:
            hoofdstuk.body = _body(spec["body"], laatste_versie=nummer == len(versies))
        services.hoofdstuk_publiceren(
            hoofdstuk=hoofdstuk, notitie=notitie, auteur=eigenaar, beoordelaar=beoordelaar
        )
    return hoofdstuk, True


@transaction.atomic
def handreikingen_laden(stdout):
    index = HandreikingIndexPage.objects.first()
    if index is None:
        stdout.write("Geen handreikingpagina gevonden: draai eerst migrate.")
        return
    gebruikers = get_user_model().objects
    eigenaar = gebruikers.filter(username="demo-trainer").first()
    beoordelaar = gebruikers.filter(username="demo-kennisbeheerder").first()
    vandaag = timezone.localdate()
    nieuw = 0
    for spec in BOEKEN:
        boek = HandreikingPage.objects.child_of(index).filter(slug=spec["slug"]).first()
        if boek is None:
            boek = HandreikingPage(
                title=spec["titel"],
                slug=spec["slug"],
                samenvatting=spec["samenvatting"],
                intro=spec["intro"],
            )
            index.add_child(instance=boek)
            boek.save_revision(user=eigenaar).publish(user=beoordelaar)
        for hoofdstuk_spec in spec["hoofdstukken"]:
            hoofdstuk, gemaakt = _hoofdstuk_laden(
                boek, hoofdstuk_spec, eigenaar, beoordelaar, vandaag
            )
            nieuw += gemaakt
            for paragraaf_spec in hoofdstuk_spec.get("paragrafen", []):
                nieuw += _hoofdstuk_laden(
                    hoofdstuk, paragraaf_spec, eigenaar, beoordelaar, vandaag
                )[1]
    stdout.write(f"Handreikingen geladen ({nieuw} nieuwe hoofdstukken).")

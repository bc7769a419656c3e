"""Demo content for intervisie: two groups and a year of sessions (idempotent).

The cases are invented and anonymised, written in our own words from the patterns in the source
research: the Friese leernetwerk that met every four weeks, wrote a procesverslag in turns, added
to the interventieschema and had everyone pick one interventie to try (seeds/002 L259-L438,
L683-L684), and intervisie that was planned but rarely happened (seeds/000 L1573-L1660).
"""

import datetime
import random

from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone

from cms.activiteiten import Activiteit
from cms.models import Organisatie
from cms.services import activiteit_vastleggen
from kennisbank.models import InterventiePage
from leernetwerk import services
from leernetwerk.methoden import methoden_laden
from leernetwerk.models import (
    Intervisiegroep,
    Intervisiemethode,
    Intervisiesessie,
    Methodestap,
    Voornemen,
)

# Sessions fall on a fixed four-week grid, so loading again on another day adds nothing twice.
ANKER = datetime.date(2024, 1, 9)

CASUSSEN = [
    {
        "casus": (
            "Een jongere van twintig zonder startkwalificatie kwam goed gemotiveerd naar het "
            "eerste gesprek. Daarna reageert hij niet meer op brieven en berichten. Zijn moeder "
            "belde een keer dat hij 's nachts gamet en overdag slaapt."
        ),
        "hulpvraag": "Hoe houd ik contact zonder meteen met een maatregel te dreigen?",
        "notities": [
            "Uitnodigingen gingen alleen per brief; de jongere leest geen post.",
            "Idee uit de groep: een korte huisbezoek-afspraak, samen met iemand die hij vertrouwt.",
            "De inbrenger merkt dat ze zelf snel naar handhaving grijpt als het stil wordt.",
        ],
        "leerpunten": (
            "Eerst het contactkanaal van de jongere zelf gebruiken. Stilte is informatie, geen "
            "weigering: ga na of het niet willen of niet kunnen is."
        ),
        "actie": "Bij nieuwe jongeren in het eerste gesprek vragen hoe ze bereikt willen worden.",
    },
    {
        "casus": (
            "Een statushouder van vierentwintig zegt in het plangesprek op alles ja, maar komt "
            "de afspraken daarna niet na. Er was een tolk bij het eerste gesprek, daarna niet meer."
        ),
        "hulpvraag": "Hoe weet ik of hij begrijpt wat we samen afspreken?",
        "notities": [
            "Ja zeggen is in zijn ogen beleefd tegenover iemand van de gemeente.",
            "Terugvragen in eigen woorden werkte bij een collega beter dan vragen of het "
            "duidelijk is.",
            "Afspraken op papier met pictogrammen, en een tolk bij elk besluit.",
        ],
        "leerpunten": (
            "Check begrip door de klant de afspraak te laten navertellen. Plan een tolk bij "
            "momenten waarop iets beslist wordt."
        ),
        "actie": "Een afsprakenkaart met pictogrammen uitproberen in het plangesprek.",
    },
    {
        "casus": (
            "Een moeder van drieëntwintig wil graag werken, maar zegt steeds dat het nu niet "
            "uitkomt. Ze heeft "
            "geen kinderopvang en haar netwerk is klein. De inbrenger twijfelt of ze echt wil."
        ),
        "hulpvraag": "Is dit niet willen of niet kunnen, en wat doe ik dan?",
        "notities": [
            "De groep vroeg door: er is wel een oma in de buurt, maar die werkt zelf.",
            "Kinderopvangtoeslag was voor haar een onbekende regeling.",
            "Voorstel: de opvang regelen is haar eerste actie in de zoekperiode. Uitstellen kan "
            "niet; moet werk wachten, dan alleen met een tijdelijke ontheffing.",
        ],
        "leerpunten": (
            "Praktische drempels eerst wegnemen voordat je motivatie beoordeelt. Vraag naar het "
            "netwerk met een netwerkkaart."
        ),
        "actie": "Een overzicht maken van opvangmogelijkheden en de toeslag voor de folderkast.",
    },
    {
        "casus": (
            "Een jongere met een licht verstandelijke beperking heeft schulden en zegt zelf dat "
            "hij alles onder controle heeft. Hij wil geen bewindvoering."
        ),
        "hulpvraag": "Hoeveel regie laat ik bij hem, en wanneer grijp ik in?",
        "notities": [
            "De inbrenger wil hem beschermen en voelt zich verantwoordelijk voor de schulden.",
            "In de groep kwam de vraag: wat kan hij wel zelf? Kleine stappen, steeds samen "
            "evalueren.",
            "Met toestemming de schuldhulp erbij halen in een gezamenlijk gesprek.",
        ],
        "leerpunten": (
            "Regie geven betekent bij LVB: kleine, concrete stappen en vaak terugkijken. Eigen "
            "zorg om de klant herkennen en bespreekbaar maken."
        ),
        "actie": "Een gezamenlijk gesprek met schuldhulp plannen, met de jongere als regisseur.",
    },
    {
        "casus": (
            "Een jongere komt steeds te laat en doet daarna alsof dat niets uitmaakt. De "
            "inbrenger ergert zich en merkt dat de gesprekken korter en zakelijker worden."
        ),
        "hulpvraag": "Wat doet mijn ergernis met onze samenwerking?",
        "notities": [
            "De groep herkende stoer gedrag als bescherming tegen schaamte.",
            "Een deelnemer vertelde hoe humor bij een vergelijkbare jongere het ijs brak.",
            "De inbrenger wil de ergernis benoemen zonder te verwijten.",
        ],
        "leerpunten": "Eigen gevoel is bruikbare informatie. Benoemen wat je ziet, zonder oordeel.",
        "actie": "In het volgende gesprek benoemen wat het te laat komen met de afspraak doet.",
    },
    {
        "casus": (
            "Na de zoekperiode van vier weken blijkt een jongere zelf niets te hebben gezocht. "
            "Hij zegt dat hij niet wist hoe. De inbrenger twijfelt tussen een maatregel en "
            "intensievere begeleiding."
        ),
        "hulpvraag": "Welk besluit past hier: hoge contactfrequentie of handhaving?",
        "notities": [
            "In de zoekperiode was er geen tussentijds contact; de jongere liep direct vast.",
            "Het schema noemt een tussengesprek na twee weken; dat gebeurde niet.",
            "Besluit: eerst vier weken intensief, met duidelijke afspraken over wat hij zelf doet.",
        ],
        "leerpunten": (
            "Tussentijds contact in de zoekperiode voorkomt dat een jongere weken vastloopt. "
            "Handhaving pas als kunnen vaststaat."
        ),
        "actie": "Een tussengesprek na twee weken zoekperiode standaard inplannen.",
    },
    {
        "casus": (
            "Een werkgever belt dat een jongere na twee weken proefplaatsing niet meer komt. De "
            "jongere zelf zegt dat de collega's hem negeren."
        ),
        "hulpvraag": "Hoe bemiddel ik zonder partij te kiezen?",
        "notities": [
            "Er was geen vaste contactpersoon op de werkvloer afgesproken.",
            "Een driegesprek met werkgever, jongere en consulent leek de groep de beste stap.",
            "Een collega kent een jobcoach die dit vaker doet.",
        ],
        "leerpunten": (
            "Bij een plaatsing vooraf een maatje op de werkvloer regelen en na een week bellen."
        ),
        "actie": "Bij elke proefplaatsing na de eerste week de werkgever en de jongere bellen.",
    },
]

THEMAS = [
    (
        "Geslaagde trajecten: wat deden we dat werkte?",
        "Ieder vertelde over een jongere die uitstroomde. Wat steeds terugkwam: vaste contacten, "
        "het netwerk betrekken en kleine successen benoemen.",
    ),
    (
        "Van aanmelding tot uitstroom: de route in kaart",
        "We legden de fases van voorafgaand tot nazorg op tafel en schreven per fase op wat "
        "ieder doet. De verschillen tussen de gemeenten waren groter dan verwacht.",
    ),
    (
        "Beslismoment: hoge of lage contactfrequentie",
        "Wanneer zie je een jongere wekelijks en wanneer eens per maand? Criteria uit de groep: "
        "zelfstandigheid, netwerk, en of er al een concreet doel is.",
    ),
    (
        "Niet willen of niet kunnen",
        "Met drie casussen oefenden we het onderscheid. De groep spreekt af eerst drempels "
        "uit te sluiten voordat een maatregel ter sprake komt.",
    ),
    (
        "Werkgevers en de werkvloer",
        "Een jobcoach schoof aan. Afspraak: bij elke plaatsing een maatje op de werkvloer en "
        "een belmoment na de eerste week.",
    ),
    (
        "Wat jongeren zelf zeggen",
        "We bespraken de uitkomsten van de focusgroep met jongeren: zij willen vooral eerlijk "
        "horen wat er van ze verwacht wordt, en één vast gezicht.",
    ),
    (
        "Motiverende gespreksvoering in de praktijk",
        "In tweetallen oefenden we reflecteren en samenvatten met situaties uit eigen werk. "
        "Lastig blijft: niet te snel met oplossingen komen.",
    ),
]

VOORNEMEN_TITELS = [
    "Netwerkkaart maken met de jongere",
    "Tussengesprek na twee weken zoekperiode",
    "Afsprakenkaart met pictogrammen",
    "Belmoment na de eerste week van een plaatsing",
    "Samenvatten aan het eind van elk gesprek",
    "Huisbezoek bij jongeren die niet reageren",
]


def _data(begin, eind, verschuiving):
    datum = ANKER + datetime.timedelta(days=verschuiving)
    while datum < begin:
        datum += datetime.timedelta(weeks=4)
    while datum <= eind:
        yield datum
        datum += datetime.timedelta(weeks=4)


def _dateren(voornemen, datum):
    """Give a demo voornemen and its ledger rows the date of its meeting (reflection: the next)."""
    gemaakt = timezone.make_aware(datetime.datetime.combine(datum, datetime.time(12)))
    Voornemen.objects.filter(pk=voornemen.pk).update(aangemaakt=gemaakt)
    rijen = Activiteit.objects.filter(
        content_type=ContentType.objects.get_for_model(Voornemen), object_id=voornemen.pk
    )
    rijen.filter(soort=Activiteit.Soort.VOORNEMEN_GEMAAKT).update(moment=gemaakt)
    rijen.filter(soort=Activiteit.Soort.VOORNEMEN_GEREFLECTEERD).update(
        moment=gemaakt + datetime.timedelta(weeks=4)
    )
    if voornemen.afgerond:
        Voornemen.objects.filter(pk=voornemen.pk).update(
            afgerond=gemaakt + datetime.timedelta(weeks=4)
        )


def _voornemen(gebruiker, titel, bijeenkomst, interventies):
    interventie = next((i for i in interventies if i.title == titel), None)
    if interventie is None and interventies:
        interventie = interventies[VOORNEMEN_TITELS.index(titel) % len(interventies)]
    if interventie is not None:
        return services.voornemen_maken(
            gebruiker=gebruiker, interventie=interventie, bijeenkomst=bijeenkomst
        )[0]
    voornemen, nieuw = Voornemen.objects.get_or_create(
        gebruiker=gebruiker,
        titel=titel,
        status=Voornemen.Status.OPEN,
        defaults={"bijeenkomst": bijeenkomst},
    )
    if nieuw:
        activiteit_vastleggen(
            gebruiker=gebruiker,
            soort=Activiteit.Soort.VOORNEMEN_GEMAAKT,
            onderwerp=voornemen,
            titel=titel,
        )
    return voornemen


# The leercyclus demo tells a story in Team Jongeren: Daan has done nothing for months and
# Sanne (demo-consulent) missed the latest sessions; intervisie attendance must agree with it.
AFWEZIG_LAATSTE_WEKEN = {"daan.mulder": 16, "demo-consulent": 6}


def _sessie_vullen(sessie, index, rng, leden, interventies, vorige, laatste=False):
    """Write the record of a past session, confirm attendance, add actiepunten."""
    if sessie.methode.is_leernetwerk:
        thema, verslag = THEMAS[index % len(THEMAS)]
        sessie.agenda = f"1. Terugblik op de voornemens\n2. Thema: {thema}\n3. Interventieschema"
        sessie.procesverslag = verslag
        sessie.leerpunten = "Aanvullingen voor het interventieschema besproken; zie procesverslag."
    else:
        casus = CASUSSEN[index % len(CASUSSEN)]
        sessie.casus = casus["casus"]
        sessie.hulpvraag = casus["hulpvraag"]
        sessie.leerpunten = casus["leerpunten"]
        sessie.inbrenger = leden[index % len(leden)]
        for i, stap in enumerate(sessie.stappen.all()):
            stap.notitie = casus["notities"][i % len(casus["notities"])]
            stap.save(update_fields=["notitie"])
    sessie.status = Intervisiesessie.Status.AFGEROND
    sessie.huidige_stap = sessie.stappen.count() + 1
    sessie.save()
    if interventies:
        sessie.interventies.set(rng.sample(interventies, min(2, len(interventies))))
        if sessie.methode.is_leernetwerk:
            sessie.schemawijzigingen.set(interventies[index % len(interventies) :][:1])

    bevestigd_op = timezone.make_aware(datetime.datetime.combine(sessie.datum, sessie.eind))
    weken_geleden = (timezone.localdate() - sessie.datum).days / 7
    for aanwezigheid in sessie.aanwezigheden.select_related("deelnemer"):
        afwezig = AFWEZIG_LAATSTE_WEKEN.get(aanwezigheid.deelnemer.username, 0)
        if weken_geleden >= afwezig and rng.random() < 0.8:
            services.aanwezigheid_bevestigen(sessie=sessie, deelnemer=aanwezigheid.deelnemer)
            aanwezigheid.bevestigd = bevestigd_op
            aanwezigheid.save(update_fields=["bevestigd"])

    if not sessie.methode.is_leernetwerk:
        casus = CASUSSEN[index % len(CASUSSEN)]
        services.actiepunt_toevoegen(
            sessie=sessie,
            omschrijving=casus["actie"],
            eigenaar=sessie.inbrenger,
            deadline=sessie.datum + datetime.timedelta(weeks=4),
        )
        if laatste:
            # The latest session leaves work for the demo consulent, so her home page shows it.
            eigenaar = next((u for u in leden if u.username == "demo-consulent"), sessie.notulist)
            services.actiepunt_toevoegen(
                sessie=sessie,
                omschrijving="De leerpunten van deze casus inbrengen in het werkoverleg",
                eigenaar=eigenaar,
                deadline=sessie.datum + datetime.timedelta(weeks=2),
            )
    # Most actiepunten are closed in the next session; some stay open a while (as in practice).
    if vorige is not None and index % 3 != 0:
        for actiepunt in vorige.actiepunten.filter(afgerond__isnull=True):
            services.actiepunt_afronden(actiepunt=actiepunt, in_sessie=sessie)


@transaction.atomic
def intervisie_laden(stdout=None):
    User = get_user_model()
    methoden_laden(Intervisiemethode, Methodestap)
    gebruikers = {u.username: u for u in User.objects.all()}
    org = {o.slug: o for o in Organisatie.objects.all()}
    methoden = {m.slug: m for m in Intervisiemethode.objects.all()}
    interventies = list(InterventiePage.objects.live().order_by("path")[:12])

    groepen = [
        {
            "slug": "intervisie-team-jongeren",
            "naam": "Intervisie Team Jongeren",
            "soort": Intervisiegroep.Soort.INTERVISIEGROEP,
            "organisaties": ["noordwaarde"],
            "leden": ["demo-consulent", "fatima.elamrani", "daan.mulder", "lotte.jansen"],
            "leiders": ["fatima.elamrani"],
            "methoden": [
                "incidentmethode",
                "vijfstappenmethode",
                "balint",
                "casuistiekbespreking",
                "roddelmethode",
                "u-model",
                "topoi",
            ],
            "verschuiving": 0,
            "tijd": (datetime.time(13, 30), datetime.time(15, 0)),
        },
        {
            "slug": "leernetwerk-noordwaarde-lindenhoven",
            "naam": "Leernetwerk jongeren Noordwaarde en Lindenhoven",
            "soort": Intervisiegroep.Soort.LEERNETWERK,
            "organisaties": ["noordwaarde", "lindenhoven"],
            "leden": [
                "demo-consulent",
                "daan.mulder",
                "bram.smit",
                "anouk.bos",
                "ricardo.martina",
                "mirjam.postma",
            ],
            "leiders": ["demo-trainer"],
            "methoden": ["leernetwerkbijeenkomst"],
            "verschuiving": 14,
            "tijd": (datetime.time(9, 30), datetime.time(12, 0)),
        },
    ]
    vandaag = timezone.localdate()
    aantal = 0
    for g in groepen:
        groep = Intervisiegroep.objects.filter(slug=g["slug"]).first()
        if groep is None:
            groep = services.groep_aanmaken(
                naam=g["naam"],
                slug=g["slug"],
                soort=g["soort"],
                organisaties=[org[s] for s in g["organisaties"]],
                leden=[gebruikers[u] for u in g["leden"]],
                gespreksleiders=[gebruikers[u] for u in g["leiders"]],
                standaard_methode=methoden[g["methoden"][0]],
            )
        leden = list(groep.leden.order_by("username"))
        vorige = None
        data = list(
            _data(
                vandaag - datetime.timedelta(days=365),
                vandaag + datetime.timedelta(weeks=4),
                g["verschuiving"],
            )
        )
        for index, datum in enumerate(data):
            rng = random.Random(f"{g['slug']}-{datum.isoformat()}")  # noqa: S311
            sessie = Intervisiesessie.objects.filter(groep=groep, datum=datum).first()
            if sessie is None:
                methode = methoden[g["methoden"][index % len(g["methoden"])]]
                sessie = services.sessie_plannen(
                    groep=groep,
                    methode=methode,
                    datum=datum,
                    start=g["tijd"][0],
                    eind=g["tijd"][1],
                    vorm=rng.choice(["live", "live", "online"]),
                    gespreksleider=gebruikers[g["leiders"][0]],
                    notulist=leden[(index + 1) % len(leden)],
                )
                aantal += 1
                if datum < vandaag:
                    laatste = index + 1 < len(data) and data[index + 1] >= vandaag
                    _sessie_vullen(sessie, index, rng, leden, interventies, vorige, laatste)
                    if methode.is_leernetwerk:
                        weken_geleden = (vandaag - datum).days / 7
                        for i, lid in enumerate(leden[:3] if datum < data[-3] else leden):
                            if weken_geleden < AFWEZIG_LAATSTE_WEKEN.get(lid.username, 0):
                                continue
                            titel = VOORNEMEN_TITELS[(index + i) % len(VOORNEMEN_TITELS)]
                            voornemen = _voornemen(lid, titel, sessie, interventies)
                            if datum < data[-3] and voornemen.status == Voornemen.Status.OPEN:
                                services.voornemen_afronden(
                                    voornemen=voornemen,
                                    reflectie_gedaan="Twee keer geprobeerd bij nieuwe jongeren.",
                                    reflectie_werkte="Het gesprek werd concreter; kost wel tijd.",
                                )
                            _dateren(voornemen, datum)
            vorige = sessie
    if stdout is not None:
        stdout.write(f"Intervisie: 2 groepen, {aantal} nieuwe sessies.")

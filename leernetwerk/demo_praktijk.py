"""Demo content for the practice loops: two koppels with their observations, a case brought into
an intervisie group and two draft oefeningen from practice (idempotent).

Written in our own words after the patterns in the research: pairs of consulenten who sat in on
each other's conversations about once every four weeks, and who did not always manage it in the
rush of the day (seeds/000 L1575-L1597; seeds/002 L2462); staff who found generic exercises
artificial and wanted their own cases (seeds/000 L1469-L1477). No client can be recognised.
"""

import datetime

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from cms.taxonomie import Basismethodiek
from leernetwerk import services
from leernetwerk.models import Groepsbijdrage, Intervisiegroep, Koppel
from oefeningen import services as oefeningen_services
from oefeningen.models import Oefeningconcept

# (consulent, collega, formed days ago, observations: (days ago, observer, techniques,
# valkuilen, what went well, tip))
KOPPELS = [
    (
        "demo-consulent",
        "fatima.elamrani",
        90,
        [
            (
                76,
                "fatima.elamrani",
                ["open-vragen", "samenvatten"],
                ["initiatief-overnemen"],
                "Eerste gesprek met een jongere die net van school af is. Je begon met de vraag "
                "wat hij zelf al geprobeerd had en liet de stiltes vallen. Daardoor vertelde hij "
                "over zijn bijbaantje in het weekend, waar nog niets over in het dossier stond.",
                "Toen hij zei dat hij zijn cv lastig vond, bood je meteen aan het samen te maken. "
                "Vraag eerst wat hij al heeft en wat hij zelf wil doen.",
            ),
            (
                54,
                "demo-consulent",
                ["neutraal-informeren", "reflecteren", "bevestigen"],
                ["eigen-norm"],
                "Plangesprek met een jonge vrouw die twijfelt tussen een zorgopleiding en werk. "
                "Je gaf eerst zonder oordeel uitleg over wat school voor haar recht op een "
                "uitkering betekent, en vroeg daarna wat zij ervan vond. Je reflectie 'je wilt "
                "vooral niet weer iets beginnen wat je niet afmaakt' raakte de kern.",
                "Bij 'een opleiding is toch het verstandigst' schoof je je eigen voorkeur naar "
                "voren. Laat haar de voor- en nadelen zelf op een rij zetten.",
            ),
            (
                33,
                "fatima.elamrani",
                ["open-vragen", "reflecteren"],
                ["niet-doorvragen"],
                "Vervolggesprek na twee gemiste afspraken. Je opende zonder verwijt: wat maakte "
                "dat het de vorige keer niet lukte? Hij kwam zelf met de nachten waarin hij zijn "
                "broer helpt met bezorgen.",
                "Toen hij zei dat hij slecht slaapt, ging je door naar de afspraken. Vraag daar "
                "op door: het kan verklaren waarom juist de ochtendafspraken mislukken.",
            ),
        ],
    ),
    (
        "bram.smit",
        "joost.vandijk",
        70,
        [
            (
                38,
                "joost.vandijk",
                ["neutraal-informeren", "samenvatten"],
                ["ongevraagd-advies"],
                "Gesprek met een man van in de vijftig die na lange tijd zonder werk een "
                "werkstage bij een groenbedrijf overweegt. Je legde rustig uit wat een werkstage "
                "met behoud van uitkering inhoudt. Je samenvatting aan het eind gaf hem de ruimte "
                "om zelf te zeggen dat hij het wil proberen.",
                "Je noemde drie werkgevers voordat hij zelf iets kon bedenken. Vraag eerst welke "
                "plek hij zelf in gedachten heeft.",
            ),
            (
                12,
                "bram.smit",
                ["bevestigen", "open-vragen"],
                [],
                "Gesprek met een vrouw die parttime werkt naast een aanvullende uitkering. Je "
                "benoemde concreet wat haar in drie maanden gelukt is: elke week op tijd en uit "
                "zichzelf om extra uren gevraagd. Daarna dacht ze hardop na over meer uren.",
                "Sluit af met een samenvatting van wat zij zelf gaat doen; nu bleef de volgende "
                "stap wat in de lucht hangen.",
            ),
        ],
    ),
]

BIJDRAGE = {
    "groep": "intervisie-team-jongeren",
    "auteur": "daan.mulder",
    "dagen_geleden": 10,
    "titel": "Hij zegt ja, maar er gebeurt niets",
    "casus": (
        "Een jongen van twintig zonder startkwalificatie zegt in elk gesprek dat hij wil werken. "
        "We spreken af hoeveel sollicitaties hij verstuurt, maar bij het volgende gesprek is er "
        "niets gebeurd. Er is steeds een reden: zijn telefoon was kapot, thuis was het onrustig."
    ),
    "reflectie": (
        "Ik merk dat ik de afspraken steeds kleiner maak en zelf vacatures voor hem ga zoeken. "
        "Dat is initiatief overnemen. Mijn vraag aan de groep: hoe bespreek ik dit patroon met "
        "hem zonder dat het een verwijt wordt?"
    ),
}

CONCEPTEN = [
    {
        "auteur": "lotte.jansen",
        "titel": "Werken of eerst terug naar school?",
        "casus_profiel": "jongen van 18, geen startkwalificatie, wil meteen geld verdienen",
        "casus": (
            "Hij stopte na een half jaar met zijn mbo-opleiding en wil een uitkering aanvragen "
            "om op zichzelf te kunnen wonen. School is niets voor hem, zegt hij. In het gesprek "
            "blijkt dat hij graag met zijn handen werkt en vaak bij een fietsenmaker helpt."
        ),
        "vraag": (
            "Een jongere die naar school kan, heeft geen recht op bijstand: school gaat voor. Hoe "
            "bespreek je dat met hem zonder dat het gesprek daarop vastloopt? Schrijf je eerste "
            "drie zinnen op."
        ),
        "eigen_aanpak": (
            "Ik legde eerst neutraal uit dat school voorgaat en vroeg daarna wat hem bij de "
            "fietsenmaker zo beviel. Leren en werken tegelijk, in een bbl-opleiding, bleek voor "
            "hem een opening."
        ),
    },
    {
        "auteur": "demo-consulent",
        "titel": "Geldzorgen in het eerste gesprek",
        "casus_profiel": "vrouw van 34, twee kinderen, net gescheiden",
        "casus": (
            "Ze komt voor een uitkering en begint direct over achterstanden bij de energie en de "
            "zorgverzekering. Ze is emotioneel en zegt dat ze nauwelijks slaapt."
        ),
        "vraag": "Wat doe je als eerste?",
        "eigen_aanpak": "",
        "teruggegeven": (
            "Een casus die veel collega's herkennen. Maak de vraag specifieker: gaat het om wat "
            "je zegt, of om welke interventie je kiest? En schrijf op wat jij deed, dan bouw ik "
            "het modelantwoord daarop."
        ),
    },
]


def _dagen_geleden(dagen):
    return timezone.localdate() - datetime.timedelta(days=dagen)


@transaction.atomic
def praktijk_laden(stdout=None):
    gebruikers = {u.username: u for u in get_user_model().objects.all()}
    trainer = gebruikers["demo-trainer"]
    technieken = {t.slug: t for t in Basismethodiek.objects.filter(soort="techniek")}
    nieuw = 0
    for consulent, collega, gevormd, observaties in KOPPELS:
        a, b = sorted((gebruikers[consulent], gebruikers[collega]), key=lambda u: u.pk)
        koppel = Koppel.objects.filter(eerste=a, tweede=b).first()
        if koppel is not None:
            continue
        koppel = services.koppel_vormen(consulent=a, collega=b, door=trainer)
        koppel.gevormd = _dagen_geleden(gevormd)
        koppel.save(update_fields=["gevormd"])
        for dagen, wie, tech, valkuilen, goed, tip in observaties:
            services.koppelobservatie_vastleggen(
                koppel=koppel,
                observator=gebruikers[wie],
                datum=_dagen_geleden(dagen),
                technieken=[technieken[t] for t in tech],
                valkuilen=valkuilen,
                ging_goed=goed,
                tip=tip,
            )
        nieuw += 1

    groep = Intervisiegroep.objects.filter(slug=BIJDRAGE["groep"]).first()
    if groep is not None and not groep.bijdragen.filter(titel=BIJDRAGE["titel"]).exists():
        bijdrage = services.groepsbijdrage_inbrengen(
            groep=groep,
            auteur=gebruikers[BIJDRAGE["auteur"]],
            titel=BIJDRAGE["titel"],
            casus=BIJDRAGE["casus"],
            reflectie=BIJDRAGE["reflectie"],
        )
        moment = timezone.now() - datetime.timedelta(days=BIJDRAGE["dagen_geleden"])
        Groepsbijdrage.objects.filter(pk=bijdrage.pk).update(aangemaakt=moment)

    for c in CONCEPTEN:
        auteur = gebruikers[c["auteur"]]
        if Oefeningconcept.objects.filter(auteur=auteur, titel=c["titel"]).exists():
            continue
        concept = oefeningen_services.oefeningconcept_indienen(
            auteur=auteur,
            titel=c["titel"],
            casus_profiel=c["casus_profiel"],
            casus=c["casus"],
            vraag=c["vraag"],
            eigen_aanpak=c["eigen_aanpak"],
        )
        if c.get("teruggegeven"):
            oefeningen_services.oefeningconcept_teruggeven(
                concept=concept, trainer=trainer, opmerking=c["teruggegeven"]
            )
    if stdout is not None:
        stdout.write(f"Praktijk: {nieuw} nieuwe koppels, een eigen casus, twee concept-oefeningen.")

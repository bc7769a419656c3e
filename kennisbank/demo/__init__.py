# ruff: noqa: E501  (demo text: long Dutch sentences read better unbroken)
"""Demo content of the interventieschema: interventies from interventies.csv (read through the
importer, so the demo proves the import), a few details the file format does not carry, and
the five beslismomenten. Idempotent: loading twice leaves the same state and no new revisions.
"""

import datetime
from pathlib import Path

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from cms.models import Doelgroep, Fase, Organisatie
from kennisbank.models import (
    BeslismomentPage,
    InterventieNotitie,
    InterventiePage,
    InterventieschemaPage,
    Verplichting,
)
from kennisbank.services import interventies_importeren

CSV = Path(__file__).with_name("interventies.csv")

# Fields outside the import format, per slug.
AANVULLINGEN = {
    "flexibele-dagbesteding": {
        "hiaat_eigenaar": "Teamchef Werk en Participatie, met de arbeidsdeskundige"
    },
    "opvangbudget-ouders": {"hiaat_eigenaar": "Beleidsadviseur participatie"},
    "cursus-rolpatronen": {"hiaat_eigenaar": "Leernetwerk Noordwaarde (werkgroep statushouders)"},
    "ondernemen-statushouders": {"hiaat_eigenaar": ""},
    "taalcafe-buurthuis": {
        "verplichting": Verplichting.VRIJWILLIG,
        "verwijsroute": "Aanmelden kan zonder verwijzing; de consulent belt de coördinator voor een eerste kennismaking.",
    },
    "beweegpilot-sportschool": {
        "verplichting": Verplichting.VRIJWILLIG,
        "verwijsroute": "Via de arbeidsdeskundige; na zes weken een tussengesprek.",
    },
    "leerwerkstage-groen": {
        "verplichting": Verplichting.BEIDE,
        "verwijsroute": "Aanmelding door de consulent bij de arbeidsdeskundige.",
    },
    "groepstraining-aan-de-slag": {"verplichting": Verplichting.VERPLICHT},
    "flexibel-bijverdienen": {
        "verplichting": Verplichting.VRIJWILLIG,
        "verwijsroute": "De consulent zoekt eerst een passend traject; dit komt er als extra bij.",
    },
    "taalmaatje-een-op-een": {"verplichting": Verplichting.VRIJWILLIG},
    "medische-keuring-belastbaarheid": {
        "verplichting": Verplichting.VERPLICHT,
        "verwijsroute": "Aanvraag via het keuringsformulier in het cliëntvolgsysteem.",
    },
    "boosttraject": {"verplichting": Verplichting.BEIDE},
    "motivatie-checken": {
        "aanpak": [
            (
                "stappen",
                [
                    "Vraag: hoe belangrijk is het voor je om werk of school te vinden, van 0 tot 10?",
                    "Vraag daarna: waarom geen lager cijfer? Zo hoor je de eigen redenen.",
                    "Vraag: wat zou je nodig hebben om één punt hoger te komen?",
                    "Stel dezelfde vragen over vertrouwen: hoe zeker ben je dat het lukt?",
                    "Vat samen en spreek één kleine stap af.",
                ],
            ),
            (
                "voorbeeld",
                {
                    "consulent": "Je zegt een 4. Waarom geen 2?",
                    "klant": "Nou, ik wil wel een eigen inkomen, ik wil niet altijd van mijn moeder afhankelijk zijn.",
                },
            ),
            (
                "tip",
                "Hoog belang maar laag vertrouwen wijst eerder op niet kunnen dan op niet willen.",
            ),
        ]
    },
    "keuzes-bieden": {
        "aanpak": [
            (
                "stappen",
                [
                    "Leg twee of drie reële mogelijkheden naast elkaar.",
                    "Vertel per optie neutraal wat die inhoudt.",
                    "Vraag welke het beste past en waarom.",
                    "Leg de keuze vast in de woorden van de jongere.",
                ],
            ),
            ("tip", "Bied alleen opties die je echt kunt waarmaken."),
        ]
    },
    "no-show-actief-contact": {
        "aanpak": [
            (
                "voorbeeld",
                {
                    "consulent": "Hoi, we hadden vanochtend een afspraak. Alles goed met je? Laat je even weten wanneer het wel uitkomt?",
                },
            ),
            (
                "tip",
                "Stuur het bericht dezelfde dag: hoe later, hoe groter de drempel om te reageren.",
            ),
        ]
    },
}

NOTITIES = {
    "pva-eigen-regie": [
        (
            "noordwaarde",
            "Gebruik het PVA-sjabloon 'Jongeren 2025' in het cliëntvolgsysteem; mail de pdf via de beveiligde mail.",
        ),
        (
            "lindenhoven",
            "Lindenhoven werkt met een persoonlijk actieplan op papier dat de cliënt meeneemt; scan het daarna in.",
        ),
    ],
    "handhaving-inzetten": [
        (
            "noordwaarde",
            "Meld een vermoeden van verwijtbaar gedrag via het formulier 'signaal handhaving'; bespreek het eerst in het casusoverleg.",
        ),
    ],
}


def _rt(*alineas):
    return "".join(f"<p>{a}</p>" for a in alineas)


BESLISMOMENTEN = [
    {
        "slug": "niet-willen-of-niet-kunnen",
        "title": "Niet willen of niet kunnen?",
        "vraag": "Komt de jongere niet in beweging omdat hij niet wil, of omdat hij (nog) niet kan?",
        "toelichting": _rt(
            "Motivatie hangt af van hoe belangrijk iemand het doel vindt, van de druk uit zijn omgeving en van het vertrouwen dat het lukt. Daarnaast spelen vaardigheden en omstandigheden mee. Wat er achter stilstand zit, bepaalt welke interventie helpt.",
        ),
        "fases": ["zoekperiode", "plangesprek"],
        "doelgroepen": ["jongeren"],
        "opties": [
            (
                "Niet willen",
                "Het doel is voor de jongere (nog) niet belangrijk of hij ziet er het nut niet van. Vaardigheden en omstandigheden zijn op orde.",
                ["motivatie-checken", "keuzes-bieden", "toekomstgericht-vragen"],
            ),
            (
                "Niet kunnen",
                "De jongere wil wel, maar mist vaardigheden, vertrouwen of heeft belemmeringen zoals schulden, gezondheid, LVB of geen kinderopvang.",
                [
                    "onderzoek-belemmeringen",
                    "urgente-problemen-eerst",
                    "specialistische-hulp-lvb-ass",
                    "leerdoelen-subdoelen",
                ],
            ),
            (
                "Nog onduidelijk",
                "Je hebt te weinig zicht. Verken eerst de leefdomeinen en vraag (met toestemming) het netwerk mee te kijken.",
                ["netwerk-in-beeld", "onderzoek-belemmeringen"],
            ),
        ],
    },
    {
        "slug": "hoge-of-lage-contactfrequentie",
        "title": "Hoge of lage contactfrequentie",
        "vraag": "Hoe vaak heb je contact met deze jongere, en waarom?",
        "toelichting": _rt(
            "Consulenten kiezen verschillend; bespreek je keuze en de reden ervan met de jongere en in het team."
        ),
        "fases": ["eerste-gesprek", "verloop"],
        "doelgroepen": ["jongeren"],
        "opties": [
            (
                "Hoog frequent",
                "Bij vermijding, weinig motivatie, als de jongere snel uit beeld raakt, of als hij laat zien dat hij ervoor gaat (gunfactor).",
                ["bereikbaar-whatsapp", "herinneren-afspraken", "vinger-aan-de-pols-zoekperiode"],
            ),
            (
                "Laag frequent",
                "Als er al begeleiding elders loopt, of als de jongere (nog) niet aan zijn problemen kan werken en rust nodig heeft.",
                ["monitoring-maatwerk", "samenwerken-school-huisarts-ggz"],
            ),
        ],
    },
    {
        "slug": "uitkomst-plangesprek",
        "title": "Uitkomst van het plangesprek",
        "vraag": "Welke richting kiest de jongere na de zoekperiode: school, werk, zorg, of is er geen recht op begeleiding?",
        "toelichting": _rt(
            "De keuze en de redenen komen in het PVA, dat de jongere ook gemaild krijgt."
        ),
        "fases": ["plangesprek"],
        "doelgroepen": ["jongeren"],
        "opties": [
            (
                "School",
                "De jongere heeft geen startkwalificatie en kan leren. Dan gaat school voor: wie jonger is dan 27 en met studiefinanciering of een tegemoetkoming (WTOS) een opleiding kan volgen, heeft geen recht op bijstand. Zoek samen een opleiding die past bij niveau en interesse en help bij inschrijven en aanvragen.",
                ["test-aanvragen", "voorlichting-geld-bsa", "relatiebeheer-pro-vso-rmc"],
            ),
            (
                "Werk",
                "De jongere is klaar voor de werkvloer, eventueel met een opstap.",
                ["vrijwilligerswerk-werkstage", "proefplaatsing", "meegaan-naar-afspraken"],
            ),
            (
                "Zorg",
                "Gezondheid, verslaving of een crisis gaat voor; eerst stabiliseren.",
                [
                    "verwijzen-wijkteam-psychosociaal",
                    "huisarts-bewegingscoach",
                    "specialistische-hulp-lvb-ass",
                ],
            ),
            (
                "Geen recht op begeleiding",
                "De jongere heeft zelf werk of school gevonden, of valt buiten de regeling. Laat de deur open voor later.",
                ["vraagbaak-na-uitstroom"],
            ),
        ],
    },
    {
        "slug": "no-show",
        "title": "No-show",
        "vraag": "De jongere komt niet opdagen. Wat doe je?",
        "toelichting": _rt(
            "Een gemiste afspraak is eerst een signaal, pas daarna een overtreding."
        ),
        "fases": ["eerste-gesprek", "verloop"],
        "doelgroepen": ["jongeren"],
        "opties": [
            (
                "Zelf contact zoeken",
                "Eerste of incidentele keer: app, bel of mail dezelfde dag en vraag wat er is.",
                ["no-show-actief-contact", "herinneren-afspraken"],
            ),
            (
                "Overdragen",
                "Er lukt na meerdere pogingen geen contact en je maakt je zorgen.",
                ["overdracht-wijkteam-bij-geen-contact"],
            ),
            (
                "Handhaving",
                "De jongere is bereikbaar maar komt afspraken herhaaldelijk en verwijtbaar niet na.",
                ["handhaving-inzetten"],
            ),
        ],
    },
    {
        "slug": "handhaving",
        "title": "Handhaving",
        "vraag": "Zet je handhaving in als afspraken niet worden nagekomen?",
        "toelichting": _rt(
            "Handhaving is een middel, geen doel. Een maatregel kan alleen als de jongere verwijtbaar tekortschiet: ga dat na, en hoor hem voordat er besloten wordt, zodat zijn kant van het verhaal meeweegt.",
            "Bespreek de gevolgen vooraf en blijf na een maatregel in contact.",
        ),
        "fases": ["verloop"],
        "doelgroepen": ["jongeren"],
        "opties": [
            (
                "Eerst het gesprek",
                "Er is twijfel of de jongere niet kan: onderzoek eerst wat er speelt.",
                ["onderzoek-belemmeringen", "motivatie-checken"],
            ),
            (
                "Handhaving inzetten",
                "De jongere kan wel, is gewaarschuwd en komt afspraken toch niet na.",
                ["handhaving-inzetten", "interne-lijnen-inkomen"],
            ),
        ],
    },
]


def _aanvullen(interventie, velden):
    gewijzigd = False
    for veld, waarde in velden.items():
        if veld == "aanpak":
            if len(interventie.aanpak):
                continue
            interventie.aanpak = waarde
            gewijzigd = True
        elif getattr(interventie, veld) != waarde:
            setattr(interventie, veld, waarde)
            gewijzigd = True
    return gewijzigd


# Who keeps which interventie current: (owner, months since the last review, months until the
# next; negative is overdue). The rest has no owner yet, as in a kennisbank that is growing.
BEOORDELINGEN = {
    "keuzes-bieden": ("demo-trainer", 3, 9),
    "motivatie-checken": ("demo-trainer", 5, 7),
    "leerdoelen-subdoelen": ("demo-trainer", 14, -2),
    "handhaving-inzetten": ("demo-kennisbeheerder", 2, 10),
    "loonkostensubsidie": ("demo-kennisbeheerder", 1, 11),
    "tijdelijke-ontheffing": ("demo-kennisbeheerder", 1, 5),
    "flexibel-bijverdienen": ("demo-kennisbeheerder", 13, -1),
    "no-show-actief-contact": ("demo-trainer", 4, 8),
}


def _beoordeling(slug, gebruikers, vandaag):
    if slug not in BEOORDELINGEN or BEOORDELINGEN[slug][0] not in gebruikers:
        return {}
    eigenaar, geleden, tot = BEOORDELINGEN[slug]
    return {
        "eigenaar": gebruikers[eigenaar],
        "laatst_beoordeeld": vandaag - datetime.timedelta(days=30 * geleden),
        "volgende_beoordeling": vandaag + datetime.timedelta(days=30 * tot),
    }


@transaction.atomic
def _aanvullingen_laden():
    organisaties = {o.slug: o for o in Organisatie.objects.all()}
    gebruikers = {
        u.username: u
        for u in get_user_model().objects.filter(
            username__in={e for e, _g, _t in BEOORDELINGEN.values()}
        )
    }
    vandaag = timezone.localdate()
    slugs = set(AANVULLINGEN) | set(NOTITIES) | set(BEOORDELINGEN)
    for interventie in InterventiePage.objects.filter(slug__in=slugs):
        velden = dict(AANVULLINGEN.get(interventie.slug, {}))
        velden.update(_beoordeling(interventie.slug, gebruikers, vandaag))
        gewijzigd = _aanvullen(interventie, velden)
        notities = [
            (organisaties[org], tekst)
            for org, tekst in NOTITIES.get(interventie.slug, [])
            if org in organisaties
        ]
        bestaand = [(n.organisatie_id, n.tekst) for n in interventie.notities.all()]
        if notities and bestaand != [(o.pk, t) for o, t in notities]:
            interventie.notities = [InterventieNotitie(organisatie=o, tekst=t) for o, t in notities]
            gewijzigd = True
        if gewijzigd:
            interventie.save_revision().publish()


@transaction.atomic
def _beslismomenten_laden(schema):
    fases = {f.slug: f for f in Fase.objects.all()}
    doelgroepen = {d.slug: d for d in Doelgroep.objects.all()}
    interventies = {i.slug: i for i in InterventiePage.objects.all()}
    for gegevens in BESLISMOMENTEN:
        opties = [
            (
                "optie",
                {
                    "optie": optie,
                    "criteria": f"<p>{criteria}</p>",
                    "interventies": [interventies[s] for s in slugs if s in interventies],
                },
            )
            for optie, criteria, slugs in gegevens["opties"]
        ]
        pagina = BeslismomentPage.objects.filter(slug=gegevens["slug"]).first()
        if pagina is not None:
            continue  # already loaded; never overwrite what a kennisbeheerder changed
        pagina = BeslismomentPage(
            title=gegevens["title"],
            slug=gegevens["slug"],
            vraag=gegevens["vraag"],
            toelichting=gegevens["toelichting"],
            opties=opties,
        )
        pagina.fases = [fases[s] for s in gegevens["fases"]]
        pagina.doelgroepen = [doelgroepen[s] for s in gegevens["doelgroepen"]]
        schema.add_child(instance=pagina)
        pagina.save_revision().publish()


def demo_laden(stdout):
    schema = InterventieschemaPage.objects.first()
    if schema is None:
        stdout.write("Geen interventieschema-pagina: kennisbank-demo overgeslagen.")
        return
    resultaat = interventies_importeren(inhoud=CSV.read_bytes(), bestandsnaam=CSV.name)
    if resultaat.fouten:
        for fout in resultaat.fouten:
            stdout.write(f"rij {fout.rij}, {fout.kolom}: {fout.melding}")
        raise RuntimeError("De demo-interventies konden niet worden ingelezen.")
    _aanvullingen_laden()
    _beslismomenten_laden(schema)
    stdout.write(
        f"Interventieschema: {len(resultaat.nieuw)} nieuw, {len(resultaat.gewijzigd)} bijgewerkt, "
        f"{len(resultaat.ongewijzigd)} ongewijzigd; {len(BESLISMOMENTEN)} beslismomenten."
    )

"""Reminder fixtures: one thing of each kind due for demo-consulent (Team Jongeren, Noordwaarde)."""

import datetime as dt

import pytest
from django.utils import timezone
from wagtail.models import Page

from cms.models import Organisatie, Team
from leernetwerk import services as leernetwerk_services
from leernetwerk.leercyclus.models import Leercyclusplan, Planmodule
from leernetwerk.methoden import methoden_laden
from leernetwerk.models import Intervisiemethode, Methodestap, Voornemen
from oefeningen import services as oefeningen_services
from oefeningen.models import (
    Antwoord,
    LeermodulePage,
    LeermoduleToewijzing,
    OefeningenIndexPage,
    OefeningPage,
    Poging,
)

BASIS = "https://leernetwerk.example.nl"
CASUS = "Jongere van twintig wil eerst zijn rijbewijs halen voordat hij gaat solliciteren."
HULPVRAAG = "Hoe houd ik hem gemotiveerd zonder te pushen?"


@pytest.fixture(autouse=True)
def _basis_url(settings):
    settings.WAGTAILADMIN_BASE_URL = BASIS


@pytest.fixture
def vandaag():
    return timezone.localdate()


@pytest.fixture
def consulent(demo_gebruikers):
    return demo_gebruikers["demo-consulent"]


@pytest.fixture
def team(demo_gebruikers):
    return Team.objects.get(slug="jongeren-noordwaarde")


@pytest.fixture
def maak_leermodule(db, team, vandaag):
    """A published leermodule of one chapter, assigned to Team Jongeren, due in `dagen` days."""
    thuis = Page.objects.get(depth=2)

    def maak(titel="Zelfsturing verkennen", dagen=5):
        slug = titel.lower().replace(" ", "-")
        hoofdstuk = thuis.add_child(instance=Page(title=f"Hoofdstuk bij {titel}", slug=f"h-{slug}"))
        module = LeermodulePage(
            title=titel, slug=slug, onderdelen=[{"type": "hoofdstuk", "value": hoofdstuk.pk}]
        )
        OefeningenIndexPage.objects.get().add_child(instance=module)
        LeermoduleToewijzing.objects.create(
            module=module,
            team=team,
            vanaf=vandaag - dt.timedelta(days=30),
            deadline=vandaag + dt.timedelta(days=dagen),
        )
        module.save_revision().publish()
        module.hoofdstuk = hoofdstuk
        return module

    return maak


@pytest.fixture
def maak_planmodule(team, vandaag):
    """A module of the team plan done outside the platform (a classroom training)."""
    plan, _ = Leercyclusplan.objects.get_or_create(team=team)

    def maak(naam="Training motiverende gespreksvoering", dagen=-2):
        return Planmodule.objects.create(
            plan=plan, naam=naam, uiterlijk=vandaag + dt.timedelta(days=dagen)
        )

    return maak


@pytest.fixture
def oefening(db):
    pagina = OefeningPage(
        title="Doel herschrijven",
        slug="doel-herschrijven",
        casus_profiel="vrouw van 34, wil aan het werk",
        casus="Ze wil 'iets met mensen' doen.",
        stappen=[
            {
                "type": "open",
                "value": {
                    "titel": "Jouw doel",
                    "sleutel": "",
                    "daarna": "",
                    "vraag": "Herschrijf het doel.",
                    "modelantwoord": "Binnen vier weken drie werkgevers bellen.",
                    "rubric": ["specifiek"],
                },
            }
        ],
    )
    OefeningenIndexPage.objects.get().add_child(instance=pagina)
    return pagina


@pytest.fixture
def maak_feedback(oefening, demo_gebruikers):
    """Trainer feedback on an open answer of `gebruiker` (not yet read)."""

    def maak(gebruiker, tekst="Sterk: je maakt het doel meetbaar."):
        nummer = Poging.objects.filter(gebruiker=gebruiker, oefening=oefening).count() + 1
        poging = Poging.objects.create(gebruiker=gebruiker, oefening=oefening, nummer=nummer)
        poging.afgerond = timezone.now()
        poging.save()
        antwoord = Antwoord.objects.create(
            poging=poging,
            stap_id=oefening.stappen[0].id,
            stap_type="open",
            tekst="Drie werkgevers bellen.",
            feedback_gevraagd=timezone.now(),
        )
        feedback, _ = oefeningen_services.feedback_geven(
            antwoord=antwoord, trainer=demo_gebruikers["demo-trainer"], tekst=tekst
        )
        return feedback

    return maak


@pytest.fixture
def groep(demo_gebruikers):
    methoden_laden(Intervisiemethode, Methodestap)
    g = demo_gebruikers
    return leernetwerk_services.groep_aanmaken(
        naam="Intervisie Team Jongeren",
        slug="intervisie-team-jongeren",
        organisaties=[Organisatie.objects.get(slug="noordwaarde")],
        leden=[g["demo-consulent"], g["fatima.elamrani"], g["daan.mulder"]],
        gespreksleiders=[g["fatima.elamrani"]],
        standaard_methode=Intervisiemethode.objects.get(slug="incidentmethode"),
    )


@pytest.fixture
def sessie_morgen(groep, vandaag, demo_gebruikers):
    """A session tomorrow 13:30-15:00 whose record already holds confidential content."""
    sessie = leernetwerk_services.sessie_plannen(
        groep=groep,
        methode=Intervisiemethode.objects.get(slug="incidentmethode"),
        datum=vandaag + dt.timedelta(days=1),
        start=dt.time(13, 30),
        eind=dt.time(15, 0),
        gespreksleider=demo_gebruikers["fatima.elamrani"],
        inbrenger=demo_gebruikers["daan.mulder"],
    )
    sessie.casus, sessie.hulpvraag = CASUS, HULPVRAAG
    sessie.save()
    return sessie


@pytest.fixture
def maak_voornemen(consulent):
    """An open voornemen chosen `dagen` days ago (no end date of its own unless `tot`)."""

    def maak(titel="Eerst samenvatten, dan een voorstel", dagen=30, tot=None, gebruiker=None):
        voornemen = Voornemen.objects.create(gebruiker=gebruiker or consulent, titel=titel, tot=tot)
        Voornemen.objects.filter(pk=voornemen.pk).update(
            aangemaakt=timezone.now() - dt.timedelta(days=dagen)
        )
        voornemen.refresh_from_db()
        return voornemen

    return maak

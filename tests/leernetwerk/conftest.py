"""Intervisie fixtures: the Team Jongeren group and a finished incidentmethode session."""

import datetime

import pytest
from django.utils import timezone

from cms.models import Organisatie
from leernetwerk import services
from leernetwerk.methoden import methoden_laden
from leernetwerk.models import Intervisiemethode, Methodestap

CASUS = "Jongere van twintig wil eerst zijn rijbewijs halen voordat hij gaat solliciteren."


@pytest.fixture
def methoden(db):
    methoden_laden(Intervisiemethode, Methodestap)
    return {m.slug: m for m in Intervisiemethode.objects.all()}


@pytest.fixture
def groep(demo_gebruikers, methoden):
    g = demo_gebruikers
    return services.groep_aanmaken(
        naam="Intervisie Team Jongeren",
        slug="intervisie-team-jongeren",
        organisaties=[Organisatie.objects.get(slug="noordwaarde")],
        leden=[g["demo-consulent"], g["fatima.elamrani"], g["daan.mulder"], g["lotte.jansen"]],
        gespreksleiders=[g["fatima.elamrani"]],
        standaard_methode=methoden["incidentmethode"],
    )


@pytest.fixture
def plan_sessie(groep, methoden, demo_gebruikers):
    def plannen(datum=None, methode="incidentmethode", start=(13, 30), eind=(15, 0), **velden):
        sessie = services.sessie_plannen(
            groep=velden.pop("groep", groep),
            methode=methoden[methode],
            datum=datum or timezone.localdate(),
            start=datetime.time(*start),
            eind=datetime.time(*eind),
            gespreksleider=demo_gebruikers["fatima.elamrani"],
        )
        for naam, waarde in velden.items():
            setattr(sessie, naam, waarde)
        sessie.save()
        return sessie

    return plannen


@pytest.fixture
def sessie(plan_sessie, demo_gebruikers):
    """A session last week with content, an open actiepunt and confirmed attendance."""
    s = plan_sessie(
        datum=timezone.localdate() - datetime.timedelta(days=7),
        casus=CASUS,
        hulpvraag="Hoe houd ik hem gemotiveerd?",
        leerpunten="Kleine stappen vieren.",
        inbrenger=demo_gebruikers["daan.mulder"],
    )
    services.actiepunt_toevoegen(
        sessie=s, omschrijving="Rijschoolkosten uitzoeken", eigenaar=demo_gebruikers["daan.mulder"]
    )
    services.aanwezigheid_bevestigen(sessie=s, deelnemer=demo_gebruikers["daan.mulder"])
    return s


@pytest.fixture
def pdf_opmaak(monkeypatch):
    """Record, for each PDF the view writes, every text box and the page's right content edge."""
    import weasyprint

    vastgelegd = []

    class HTML(weasyprint.HTML):
        def write_pdf(self, *args, **kwargs):
            for pagina in self.render().pages:
                doos = pagina._page_box
                rechts = doos.content_box_x() + doos.width
                teksten = [
                    (b.position_x + b.width, b.text)
                    for b in doos.descendants()
                    if getattr(b, "text", "").strip()
                ]
                vastgelegd.append((rechts, teksten))
            return super().write_pdf(*args, **kwargs)

    monkeypatch.setattr(weasyprint, "HTML", HTML)
    return vastgelegd

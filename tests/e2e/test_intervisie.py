"""A gespreksleider runs an incidentmethode session step by step; participants confirm."""

import datetime

import pytest
from django.utils import timezone

from cms.models import Organisatie
from leernetwerk import services
from leernetwerk.methoden import methoden_laden
from leernetwerk.models import Intervisiemethode, Intervisiesessie, Methodestap

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

CASUS = "Een jongere van negentien komt niet meer naar afspraken sinds zijn stage stopte."


@pytest.fixture
def sessie_vandaag(demo_gebruikers):
    # Transactional tests flush the database: load the reference methods again.
    methoden_laden(Intervisiemethode, Methodestap)
    g = demo_gebruikers
    groep = services.groep_aanmaken(
        naam="Intervisie Team Jongeren",
        slug="intervisie-team-jongeren",
        organisaties=[Organisatie.objects.get(slug="noordwaarde")],
        leden=[g["demo-consulent"], g["fatima.elamrani"], g["daan.mulder"]],
        gespreksleiders=[g["fatima.elamrani"]],
    )
    return services.sessie_plannen(
        groep=groep,
        methode=Intervisiemethode.objects.get(slug="incidentmethode"),
        datum=timezone.localdate(),
        start=datetime.time(13, 30),
        eind=datetime.time(15, 0),
        gespreksleider=g["fatima.elamrani"],
    )


def _uitloggen(page):
    page.get_by_role("button", name="Uitloggen").click()
    page.wait_for_url("**/inloggen/")


def test_gespreksleider_runs_incidentmethode_and_members_confirm(
    live_server, page, inloggen, sessie_vandaag
):
    inloggen("fatima.elamrani")
    page.get_by_role("navigation", name="Hoofdnavigatie").get_by_role(
        "link", name="Intervisie"
    ).click()
    page.get_by_role("link", name="Intervisie Team Jongeren").first.click()
    page.locator("table").get_by_role("link").first.click()
    page.get_by_role("link", name="Sessie starten").click()

    # Terugblik and inbreng.
    page.get_by_label("Inbrenger").select_option(label="Daan Mulder")
    page.get_by_label("Casus").fill(CASUS)
    page.get_by_label("Hulpvraag").fill("Hoe krijg ik weer contact?")
    page.get_by_role("button", name="Volgende stap").click()

    stappen = list(sessie_vandaag.stappen.all())
    for stap in stappen:
        kop = page.get_by_role("heading", level=2)
        assert f"Stap {stap.volgorde} van {len(stappen)}: {stap.titel}" in kop.inner_text()
        assert f"Tijd voor deze stap: {stap.minuten} minuten" in page.content()
        page.get_by_label("Notities bij deze stap").fill(f"Aantekening {stap.volgorde}")
        page.get_by_role("button", name="Volgende stap").click()

    # A privacy slip is refused with the exact text named; nothing typed is lost.
    page.get_by_label("Leerpunten").fill("Bel hem op 06-12345678 en stuur geen brief.")
    page.get_by_role("button", name="Sessie afronden").click()
    assert page.get_by_text("Verwijder het telefoonnummer “06-12345678”.").is_visible()
    assert page.get_by_label("Leerpunten").input_value().startswith("Bel hem op 06-12345678")
    page.get_by_label("Leerpunten").fill("Eerst bellen via het netwerk, dan pas een brief.")

    page.get_by_label("Nieuw actiepunt").fill("Contact leggen via de stagebegeleider")
    page.get_by_label("Eigenaar").select_option(label="Daan Mulder")
    page.get_by_role("button", name="Actiepunt toevoegen").click()
    assert page.get_by_text("Actiepunt toegevoegd.").is_visible()
    # The leerpunten typed before adding the actiepunt were saved with it.
    assert page.get_by_label("Leerpunten").input_value().startswith("Eerst bellen")
    page.get_by_role("button", name="Sessie afronden").click()
    assert page.get_by_text("De sessie is afgerond").is_visible()

    page.get_by_role("button", name="Ik was erbij: bevestig mijn aanwezigheid").click()
    assert page.get_by_text("Je aanwezigheid is bevestigd: 1,50 uur").is_visible()
    _uitloggen(page)

    # Another member sees the record and confirms her own attendance.
    inloggen("demo-consulent")
    page.goto(f"{live_server.url}{sessie_vandaag.get_absolute_url()}")
    assert page.get_by_text(CASUS).is_visible()
    assert page.get_by_text("Aantekening 3").is_visible()
    assert page.get_by_text("Contact leggen via de stagebegeleider").is_visible()
    page.get_by_role("button", name="Ik was erbij: bevestig mijn aanwezigheid").click()
    assert page.get_by_text("Sanne de Vries: aanwezig, zelf bevestigd").is_visible()
    assert page.get_by_text("Fatima El Amrani: aanwezig, zelf bevestigd").is_visible()
    assert page.get_by_text("Daan Mulder: nog niet bevestigd").is_visible()
    _uitloggen(page)

    # The teamchef gets no content.
    inloggen("demo-teamchef")
    response = page.goto(f"{live_server.url}{sessie_vandaag.get_absolute_url()}")
    assert response.status == 404  # as for a session that does not exist
    assert CASUS not in page.content()
    sessie = Intervisiesessie.objects.get(pk=sessie_vandaag.pk)
    assert sessie.status == Intervisiesessie.Status.AFGEROND and sessie.casus == CASUS

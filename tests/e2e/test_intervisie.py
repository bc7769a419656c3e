"""A gespreksleider runs an incidentmethode session step by step; participants confirm."""

import datetime
import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

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
        expect(kop).to_contain_text(f"Stap {stap.volgorde} van {len(stappen)}: {stap.titel}")
        expect(page.get_by_text(f"Tijd voor deze stap: {stap.minuten} minuten")).to_be_visible()
        page.get_by_label("Notities bij deze stap").fill(f"Aantekening {stap.volgorde}")
        page.get_by_role("button", name="Volgende stap").click()

    # A privacy slip is refused with the exact text named; nothing typed is lost.
    page.get_by_label("Leerpunten").fill("Bel hem op 06-12345678 en stuur geen brief.")
    page.get_by_role("button", name="Sessie afronden").click()
    expect(page.get_by_text("Verwijder het telefoonnummer “06-12345678”.")).to_be_visible()
    expect(page.get_by_label("Leerpunten")).to_have_value(re.compile(r"^Bel hem op 06-12345678"))
    page.get_by_label("Leerpunten").fill("Eerst bellen via het netwerk, dan pas een brief.")

    page.get_by_label("Nieuw actiepunt").fill("Contact leggen via de stagebegeleider")
    page.get_by_label("Eigenaar").select_option(label="Daan Mulder")
    page.get_by_role("button", name="Actiepunt toevoegen").click()
    expect(page.get_by_text("Actiepunt toegevoegd.")).to_be_visible()
    # The leerpunten typed before adding the actiepunt were saved with it.
    expect(page.get_by_label("Leerpunten")).to_have_value(re.compile(r"^Eerst bellen"))
    page.get_by_role("button", name="Sessie afronden").click()
    expect(page.get_by_text("De sessie is afgerond")).to_be_visible()

    page.get_by_role("button", name="Ik was erbij: bevestig mijn aanwezigheid").click()
    expect(page.get_by_text("Je aanwezigheid is bevestigd: 1,50 uur")).to_be_visible()
    _uitloggen(page)

    # Another member sees the record and confirms her own attendance.
    inloggen("demo-consulent")
    page.goto(f"{live_server.url}{sessie_vandaag.get_absolute_url()}")
    expect(page.get_by_text(CASUS)).to_be_visible()
    expect(page.get_by_text("Aantekening 3")).to_be_visible()
    expect(page.get_by_text("Contact leggen via de stagebegeleider")).to_be_visible()
    page.get_by_role("button", name="Ik was erbij: bevestig mijn aanwezigheid").click()
    expect(page.get_by_text("Sanne de Vries: aanwezig, zelf bevestigd")).to_be_visible()
    expect(page.get_by_text("Fatima El Amrani: aanwezig, zelf bevestigd")).to_be_visible()
    expect(page.get_by_text("Daan Mulder: nog niet bevestigd")).to_be_visible()
    _uitloggen(page)

    # The teamchef gets no content.
    inloggen("demo-teamchef")
    response = page.goto(f"{live_server.url}{sessie_vandaag.get_absolute_url()}")
    assert response.status == 404  # as for a session that does not exist
    expect(page.get_by_text(CASUS)).to_have_count(0)
    sessie = Intervisiesessie.objects.get(pk=sessie_vandaag.pk)
    assert sessie.status == Intervisiesessie.Status.AFGEROND and sessie.casus == CASUS


def test_download_pdf_works_with_the_prefilled_dates(live_server, page, inloggen, sessie_vandaag):
    inloggen("daan.mulder")
    page.goto(f"{live_server.url}/intervisie/")
    vandaag = timezone.localdate()
    # A type=date input only shows (and submits) an ISO value; 01-01-2026 would look empty.
    expect(page.get_by_label("Van")).to_have_value(f"{vandaag:%Y}-01-01")
    expect(page.get_by_label("Tot en met")).to_have_value(f"{vandaag:%Y-%m-%d}")
    with page.expect_download() as download_info:
        page.get_by_role("button", name="Download PDF").click()
    download = download_info.value
    assert download.suggested_filename == f"intervisie-uren-{vandaag:%Y}-01-01-{vandaag}.pdf"
    with open(download.path(), "rb") as bestand:
        assert bestand.read(5) == b"%PDF-"

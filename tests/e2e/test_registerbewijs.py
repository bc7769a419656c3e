"""A consulent sets her register period, sees her running total and downloads her evidence and
her portfolio: the journey from Mijn leercyclus to the files."""

import datetime
import json

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from cms.models import Organisatie
from leernetwerk import services
from leernetwerk.methoden import methoden_laden
from leernetwerk.models import Intervisiemethode, Methodestap

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def bevestigde_sessie(demo_gebruikers):
    methoden_laden(Intervisiemethode, Methodestap)
    g = demo_gebruikers
    groep = services.groep_aanmaken(
        naam="Intervisie Team Jongeren",
        slug="intervisie-team-jongeren",
        organisaties=[Organisatie.objects.get(slug="noordwaarde")],
        leden=[g["fatima.elamrani"], g["daan.mulder"]],
        gespreksleiders=[g["fatima.elamrani"]],
    )
    sessie = services.sessie_plannen(
        groep=groep,
        methode=Intervisiemethode.objects.get(slug="incidentmethode"),
        datum=timezone.localdate() - datetime.timedelta(days=30),
        start=datetime.time(9, 0),
        eind=datetime.time(12, 30),
        pauze_minuten=30,
        onderwerp="Motivatie bij jongeren",
        gespreksleider=g["fatima.elamrani"],
    )
    for wie in ("daan.mulder", "fatima.elamrani"):
        services.aanwezigheid_bevestigen(sessie=sessie, deelnemer=g[wie])
    return sessie


def _download(page, naam):
    with page.expect_download() as info:
        page.get_by_role("link", name=naam).click()
    download = info.value
    with open(download.path(), "rb") as bestand:
        return download.suggested_filename, bestand.read()


def test_register_period_totals_and_downloads(live_server, page, inloggen, bevestigde_sessie):
    inloggen("daan.mulder")
    page.goto(f"{live_server.url}/mijn-leercyclus/")
    page.get_by_role("link", name="Bewijs van reflectie-uren voor je register").click()

    begin = timezone.localdate() - datetime.timedelta(days=60)
    page.get_by_role("textbox", name="Register", exact=True).fill("Registerplein")
    page.get_by_label("Begin van de registerperiode").fill(f"{begin:%Y-%m-%d}")
    page.get_by_label("Minimum reflectie-uren in de periode").fill("zestig")
    page.get_by_role("button", name="Registerperiode opslaan").click()
    expect(page.get_by_text("Vul een getal in, bijvoorbeeld 60 of 37,5.")).to_be_visible()
    expect(page.get_by_role("textbox", name="Register", exact=True)).to_have_value("Registerplein")

    page.get_by_label("Minimum reflectie-uren in de periode").fill("37,5")
    page.get_by_role("button", name="Registerperiode opslaan").click()
    expect(page.get_by_text("Je registerperiode is opgeslagen.")).to_be_visible()
    expect(page.get_by_text("3,00 van 37,5 uur (punten)")).to_be_visible()
    rij = page.get_by_role("row", name="Motivatie bij jongeren")
    expect(rij).to_contain_text("30 min")
    expect(rij).to_contain_text("Fatima El Amrani")

    naam, inhoud = _download(page, "Download PDF van je registerperiode")
    assert naam.startswith(f"intervisie-uren-{begin}-") and inhoud[:5] == b"%PDF-"
    naam, inhoud = _download(page, "Download CSV van je registerperiode")
    tekst = inhoud.decode("utf-8-sig")
    assert naam.endswith(".csv") and "Motivatie bij jongeren" in tekst and ";3,00;" in tekst

    page.goto(f"{live_server.url}/mijn-leercyclus/")
    naam, inhoud = _download(page, "Download portfolio (JSON)")
    portfolio = json.loads(inhoud)
    assert portfolio["intervisie"]["uren"] == "3.00"
    assert portfolio["registerperiode"]["minimum_uren"] == "37.5"
    naam, inhoud = _download(page, "Download portfolio (PDF)")
    assert naam.startswith("portfolio-daan.mulder-") and inhoud[:5] == b"%PDF-"

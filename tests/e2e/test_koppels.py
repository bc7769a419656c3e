"""A koppel is reminded on the home page, records an observation, and the teamchef sees only
that and when they met."""

import datetime
import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from leernetwerk import services

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

TIP = "Vat aan het eind samen wat hij zelf gaat doen, dan weet hij waar hij aan toe is."


@pytest.fixture
def koppel(demo_gebruikers):
    g = demo_gebruikers
    koppel = services.koppel_vormen(
        consulent=g["demo-consulent"], collega=g["fatima.elamrani"], door=g["demo-trainer"]
    )
    koppel.gevormd = timezone.localdate() - datetime.timedelta(weeks=5)
    koppel.save()
    return koppel


def _uitloggen(page):
    page.get_by_role("button", name="Uitloggen").click()
    page.wait_for_url("**/inloggen/")


def test_pair_is_reminded_records_an_observation_and_the_teamchef_sees_only_the_date(
    live_server, page, inloggen, koppel
):
    inloggen("demo-consulent")
    expect(page.get_by_text("Je koppel met Fatima El Amrani keek nog niet mee")).to_be_visible()
    page.get_by_role("link", name="Tijd om mee te kijken").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Koppel met Fatima El Amrani")

    page.get_by_label("Open vragen").check()
    page.get_by_label("Samenvatten").check()
    page.get_by_label("Valkuil: ongevraagd advies").check()
    page.get_by_label("Wat ging goed").fill("Je liet haar eerst zelf vertellen wat ze al deed.")
    page.get_by_label("Één tip").fill("Bel haar terug op 06-12345678.")
    page.get_by_role("button", name="Observatie opslaan").click()
    # The privacy guard names what to remove, at the field; nothing typed is lost.
    expect(page.get_by_text("Verwijder het telefoonnummer “06-12345678”.")).to_be_visible()
    expect(page.get_by_label("Wat ging goed")).to_have_value(re.compile("^Je liet haar eerst"))
    expect(page.get_by_label("Samenvatten")).to_be_checked()
    page.get_by_label("Één tip").fill(TIP)
    page.get_by_role("button", name="Observatie opslaan").click()

    expect(page.get_by_text("Je observatie is opgeslagen.")).to_be_visible()
    waarneming = page.get_by_role("article")
    expect(waarneming).to_contain_text("Sanne de Vries keek mee bij Fatima El Amrani")
    expect(waarneming).to_contain_text("Open vragen, Samenvatten")
    expect(waarneming).to_contain_text(TIP)
    page.goto(f"{live_server.url}/")
    expect(page.get_by_role("link", name="Tijd om mee te kijken")).to_have_count(0)
    _uitloggen(page)

    inloggen("demo-teamchef")
    page.goto(f"{live_server.url}/intervisie/koppels/")
    rij = page.get_by_role("row", name=re.compile("Sanne de Vries · Fatima El Amrani"))
    expect(rij).to_contain_text(timezone.localdate().strftime("%d-%m-%Y"))
    expect(page.get_by_text(TIP)).to_have_count(0)
    response = page.goto(f"{live_server.url}{koppel.get_absolute_url()}")
    assert response.status == 404
    expect(page.get_by_text(TIP)).to_have_count(0)

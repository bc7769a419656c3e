"""A consulent offers a case from her own practice as a draft oefening; a trainer adopts it."""

import re

import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

TITEL = "Werken of eerst terug naar school?"
CASUS = (
    "Een jongen van achttien stopte met zijn mbo-opleiding en wil een uitkering om op zichzelf "
    "te wonen. Hij helpt graag bij een fietsenmaker."
)


def _uitloggen(page):
    page.get_by_role("button", name="Uitloggen").click()
    page.wait_for_url("**/inloggen/")


def test_consulent_offers_her_case_and_a_trainer_adopts_it_as_oefening(
    live_server, page, inloggen, demo_gebruikers
):
    inloggen("demo-consulent")
    page.goto(f"{live_server.url}/oefeningen/")
    page.get_by_role("link", name="Eigen casus inbrengen").click()
    page.get_by_label("Concept-oefening die een trainer kan overnemen").check()
    page.get_by_label(re.compile("^Titel")).fill(TITEL)
    page.get_by_label("De casus").fill(CASUS + " BSN 111222333.")
    page.get_by_label("Je reflectie en je vraag").fill("Hoe bespreek je dat school voorgaat?")
    page.get_by_label("Profiel (alleen voor een oefening)").fill("jongen van 18, geen diploma")
    page.get_by_role("button", name="Casus inbrengen").click()
    # Refused at the field with what to remove; everything typed is still there.
    expect(page.get_by_text("Verwijder het burgerservicenummer “111222333”.")).to_be_visible()
    expect(page.get_by_label("De casus")).to_have_value(re.compile("BSN 111222333"))
    expect(page.get_by_label("Profiel (alleen voor een oefening)")).to_have_value(
        "jongen van 18, geen diploma"
    )
    expect(page.get_by_label("Concept-oefening die een trainer kan overnemen")).to_be_checked()
    page.get_by_label("De casus").fill(CASUS)
    page.get_by_role("button", name="Casus inbrengen").click()
    expect(page.get_by_text("Je concept-oefening is ingediend.")).to_be_visible()
    expect(page.get_by_role("row", name=re.compile(re.escape(TITEL)))).to_contain_text(
        "wacht op een trainer"
    )
    _uitloggen(page)

    inloggen("demo-trainer")
    page.goto(f"{live_server.url}/oefeningen/")
    page.get_by_role("link", name="Concept-oefeningen uit de praktijk").click()
    rij = page.get_by_role("row", name=re.compile(re.escape(TITEL)))
    rij.get_by_role("link", name=re.compile("^Beoordelen")).click()
    expect(page.get_by_label(re.compile("^Casus"))).to_have_value(CASUS)
    page.get_by_label("Modelantwoord").fill(
        "Leg neutraal uit dat school voorgaat en vraag wat hem bij de fietsenmaker beviel."
    )
    page.get_by_label("Criteria voor de zelfbeoordeling").fill(
        "Je informeert neutraal\nJe sluit aan bij wat hij graag doet"
    )
    page.get_by_role("button", name="Overnemen en publiceren").click()
    expect(page.get_by_text(f"“{TITEL}” staat nu als oefening")).to_be_visible()
    expect(page.get_by_text("Er wachten geen concept-oefeningen.")).to_be_visible()
    _uitloggen(page)

    inloggen("demo-consulent")
    page.goto(f"{live_server.url}/oefenen/mijn-concepten/")
    page.get_by_role("row", name=re.compile(re.escape(TITEL))).get_by_role(
        "link", name=TITEL
    ).last.click()
    expect(page.get_by_text(CASUS)).to_be_visible()

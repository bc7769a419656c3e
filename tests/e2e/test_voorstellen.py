"""Browser journey: a consulent proposes a new interventie from the schema; the kennisbeheerder
takes it over in the admin, publishes the draft in the page editor; the consulent sees it live."""

import re

import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def _wisselen(page, inloggen, username):
    page.context.clear_cookies()
    return inloggen(username)


def test_a_proposal_goes_from_consulent_through_review_into_the_schema(live_server, page, inloggen):
    # The consulent proposes; a first try without fase keeps what she typed.
    inloggen("demo-consulent")
    page.goto(f"{live_server.url}/interventieschema/")
    page.get_by_role("link", name="Stel een nieuwe interventie voor").click()
    page.get_by_label("Titel").fill("Wandelend gesprek")
    page.get_by_label("Samenvatting").fill("Het plangesprek lopend buiten voeren.")
    page.get_by_label("Waarom stel je dit voor?").fill("Jongeren praten buiten makkelijker.")
    page.get_by_role("button", name="Voorstel indienen").click()
    expect(page.get_by_text("Kies minstens één fase waarin je dit inzet.")).to_be_visible()
    expect(page.get_by_label("Titel")).to_have_value("Wandelend gesprek")
    page.get_by_label("Tweede gesprek / plangesprek").check()
    page.get_by_role("button", name="Voorstel indienen").click()
    expect(page.get_by_role("heading", name="Mijn voorstellen")).to_be_visible()
    expect(page.get_by_role("row", name=re.compile("Wandelend gesprek"))).to_contain_text(
        "Wacht op beoordeling"
    )

    # The kennisbeheerder finds it in the queue, takes it over and publishes the draft.
    _wisselen(page, inloggen, "demo-kennisbeheerder")
    page.goto(f"{live_server.url}/beheer/")
    page.get_by_role("link", name="Voorstellen").click()
    page.get_by_role("link", name="Wandelend gesprek").click()
    expect(page.get_by_text("Jongeren praten buiten makkelijker.")).to_be_visible()
    page.get_by_role("button", name="Overnemen als concept").click()
    expect(page.locator(".messages")).to_contain_text("Voorstel overgenomen als concept")
    expect(page.locator("#id_title")).to_have_value("Wandelend gesprek")
    page.get_by_role("button", name="Meer acties").click()
    page.get_by_role("button", name="Publiceren").click()
    expect(page.locator(".messages")).to_contain_text("Wandelend gesprek")

    # The consulent sees it taken over and live in the schema.
    _wisselen(page, inloggen, "demo-consulent")
    page.goto(f"{live_server.url}/interventieschema/voorstellen/")
    rij = page.get_by_role("row", name=re.compile("Wandelend gesprek"))
    expect(rij).to_contain_text("Overgenomen")
    rij.get_by_role("link", name="Nu in het schema").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Wandelend gesprek")

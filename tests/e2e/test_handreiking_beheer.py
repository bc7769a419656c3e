"""Browser journey: a trainer edits a chapter in the admin and submits it for review; it goes
live only when a kennisbeheerder approves it, and then readers see the change note."""

import re

import pytest
from playwright.sync_api import expect

# The handreiking fixtures are shared with the unit tests.
from tests.handreiking.conftest import index, maak_boek, maak_hoofdstuk, tekst  # noqa: F401

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def _wisselen(page, inloggen, username):
    page.context.clear_cookies()
    return inloggen(username)


def test_trainer_submits_a_chapter_and_the_kennisbeheerder_publishes_it(
    live_server,
    page,
    inloggen,
    maak_boek,  # noqa: F811
    maak_hoofdstuk,  # noqa: F811
    demo_gebruikers,
):
    boek = maak_boek()
    hoofdstuk = maak_hoofdstuk(boek, "Doelen stellen", body=[tekst("<p>Oude uitleg.</p>")])
    bewerken = f"{live_server.url}/beheer/pages/{hoofdstuk.pk}/edit/"

    # The trainer edits the title and the change note, then submits for review.
    inloggen("demo-trainer")
    page.goto(bewerken)
    page.locator("#id_title").fill("Doelen stellen en bijstellen")
    page.locator("#id_samenvatting").fill("Doelen samen opstellen en onderweg bijstellen.")
    page.locator("#id_wijzigingsnotitie").fill("Bijstellen van doelen toegevoegd.")
    page.get_by_role("button", name="Meer acties").click()
    page.get_by_role("button", name="Stuur door naar Handreiking beoordelen").click()
    expect(page.locator(".messages")).to_contain_text("ter goedkeuring ingediend")

    # Not live yet: readers still see the published version.
    page.goto(f"{live_server.url}{hoofdstuk.url}")
    expect(page.get_by_role("heading", level=1)).to_have_text(re.compile("Doelen stellen$"))

    # The kennisbeheerder approves from the edit view; now it is live.
    _wisselen(page, inloggen, "demo-kennisbeheerder")
    page.goto(bewerken)
    page.get_by_role("button", name="Meer acties").click()
    page.get_by_role("button", name="Goedkeuren en publiceren", exact=True).click()
    expect(page.locator(".messages")).to_contain_text("Doelen stellen en bijstellen")

    _wisselen(page, inloggen, "demo-consulent")
    page.goto(f"{live_server.url}{hoofdstuk.url}")
    expect(page.get_by_role("heading", level=1)).to_have_text(
        re.compile("Doelen stellen en bijstellen$")
    )
    expect(page.get_by_text("Bijstellen van doelen toegevoegd.")).to_be_visible()

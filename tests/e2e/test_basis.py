import re

import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_consulent_logs_in_and_reaches_navigation_by_keyboard(live_server, page, inloggen):
    page.goto(f"{live_server.url}/")
    expect(page).to_have_url(re.compile(re.escape(f"{live_server.url}/inloggen/")))
    inloggen("demo-consulent")
    expect(page.get_by_role("heading", level=1)).to_have_text(re.compile(r"^Goedendag"))
    nav = page.get_by_role("navigation", name="Hoofdnavigatie")
    expect(nav.get_by_role("link", name="Interventieschema")).to_be_visible()
    page.keyboard.press("Tab")
    expect(page.locator(":focus")).to_have_text("Naar de inhoud")


def test_wrong_password_shows_dutch_message_at_the_form(live_server, page, demo_gebruikers):
    page.goto(f"{live_server.url}/inloggen/")
    page.get_by_label("Gebruikersnaam").fill("demo-consulent")
    page.get_by_label("Wachtwoord").fill("verkeerd")
    page.get_by_role("button", name="Inloggen").click()
    expect(page.get_by_role("alert")).to_contain_text("onbekend")
    expect(page.get_by_label("Gebruikersnaam")).to_have_value("demo-consulent")

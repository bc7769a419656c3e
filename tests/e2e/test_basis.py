import pytest

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_consulent_logs_in_and_reaches_navigation_by_keyboard(live_server, page, inloggen):
    page.goto(f"{live_server.url}/")
    assert page.url.startswith(f"{live_server.url}/inloggen/")
    inloggen("demo-consulent")
    assert page.get_by_role("heading", level=1).inner_text().startswith("Goedendag")
    nav = page.get_by_role("navigation", name="Hoofdnavigatie")
    assert nav.get_by_role("link", name="Interventieschema").is_visible()
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Naar de inhoud"


def test_wrong_password_shows_dutch_message_at_the_form(live_server, page, demo_gebruikers):
    page.goto(f"{live_server.url}/inloggen/")
    page.get_by_label("Gebruikersnaam").fill("demo-consulent")
    page.get_by_label("Wachtwoord").fill("verkeerd")
    page.get_by_role("button", name="Inloggen").click()
    assert "onbekend" in page.get_by_role("alert").inner_text()
    assert page.get_by_label("Gebruikersnaam").input_value() == "demo-consulent"

import pytest
from django.core.management import call_command

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_consulent_searches_with_an_abbreviation_and_narrows_by_type(
    live_server, page, inloggen, settings
):
    settings.DEBUG = True  # the demo loader refuses without it
    call_command("demo_laden", verbosity=0)
    inloggen("demo-consulent")
    zoekvak = page.get_by_role("searchbox", name="Zoek in Leernetwerk")
    zoekvak.fill("MI")
    zoekvak.press("Enter")
    page.wait_for_url("**/zoeken/?q=MI*")
    resultaten = page.locator("main").inner_text()
    assert "Motiverende gespreksvoering" in resultaten
    page.get_by_role("link", name="Handreiking").last.click()
    page.wait_for_load_state()
    assert "type=" in page.url
    assert "Motiverende gespreksvoering" in page.locator("main").inner_text()

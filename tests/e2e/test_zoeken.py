import re

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

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
    expect(page).to_have_url(re.compile(r"/zoeken/\?q=MI"))
    expect(page.locator("main")).to_contain_text("Motiverende gespreksvoering")
    page.get_by_role("link", name="Handreiking").last.click()
    expect(page).to_have_url(re.compile(r"[?&]type="))
    expect(page.locator("main")).to_contain_text("Motiverende gespreksvoering")

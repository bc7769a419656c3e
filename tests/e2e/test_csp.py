"""Browser check of production's Content-Security-Policy: the key pages and the admin work under
it without a single violation, and the browser really enforces it (an injected inline script is
refused)."""

import importlib
import os
import sys
from unittest import mock

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from kennisbank.handreiking.models import HandreikingPage
from kennisbank.models import InterventiePage
from leernetwerk.models import Intervisiesessie

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def productie_csp(settings, tmp_path):
    omgeving = {
        "SECRET_KEY": "csp-test-" + "x" * 40,
        "ALLOWED_HOSTS": "localhost",
        "WAGTAILADMIN_BASE_URL": "https://leernetwerk.example.nl",
        "LEERNETWERK_VAR_DIR": str(tmp_path),
    }
    with mock.patch.dict(os.environ, omgeving):
        sys.modules.pop("cms.settings.production", None)
        productie = importlib.import_module("cms.settings.production")
    settings.LEERNETWERK_CSP = productie.LEERNETWERK_CSP
    settings.LEERNETWERK_CSP_BEHEER = productie.LEERNETWERK_CSP_BEHEER


def test_key_pages_and_admin_run_without_csp_violations(
    live_server, page, inloggen, settings, productie_csp
):
    settings.DEBUG = True  # the demo loader refuses without it
    call_command("demo_laden", "--geen-index", verbosity=0)
    settings.DEBUG = False
    schendingen = []

    def melding(bericht):
        if bericht.type == "error" and "Content Security Policy" in bericht.text:
            schendingen.append(f"{page.url}: {bericht.text}")

    page.on("console", melding)
    inloggen("demo-trainer")
    sessie = Intervisiesessie.objects.filter(gespreksleider__username="demo-trainer").first()
    boek = HandreikingPage.objects.live().first()
    for pad in [
        "/",
        "/handreiking/",
        f"{boek.url}afdrukken/",
        "/interventieschema/",
        "/oefeningen/",
        "/intervisie/",
        "/mijn-leercyclus/",
        "/zoeken/?q=jongeren",
    ]:
        page.goto(f"{live_server.url}{pad}")
        expect(page.locator("main h1").first).to_be_visible()
    # Our own scripts run: the session timer is added by sessie.js.
    page.goto(f"{live_server.url}/intervisie/sessies/{sessie.pk}/leiden/?stap=1")
    expect(page.get_by_role("button", name="Start timer")).to_be_visible()

    # The admin: dashboard and a page editor with an inline panel (Wagtail's inline scripts).
    page.goto(f"{live_server.url}/beheer/")
    expect(page.locator("#main")).to_be_visible()
    interventie = InterventiePage.objects.first()
    page.goto(f"{live_server.url}/beheer/pages/{interventie.pk}/edit/")
    expect(page.locator("#id_title")).to_have_value(interventie.title)
    totaal = page.locator("#id_notities-TOTAL_FORMS")
    aantal = int(totaal.input_value())
    page.locator("#id_notities-ADD").click()
    expect(totaal).to_have_value(str(aantal + 1))
    assert schendingen == []

    # The policy is enforced on our pages: an inline script is refused.
    page.goto(f"{live_server.url}/")
    page.evaluate(
        "() => { const s = document.createElement('script');"
        " s.textContent = 'document.body.dataset.inline = 1'; document.body.append(s); }"
    )
    expect(page.locator("body")).not_to_have_attribute("data-inline", "1")
    assert any("inline script" in s for s in schendingen), schendingen

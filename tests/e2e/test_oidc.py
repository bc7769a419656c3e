import re

import pytest
from playwright.sync_api import expect

from cms.models import Organisatie
from tests.cms.oidc_provider import ProefProvider
from tests.e2e.test_toegankelijkheid import _ernstig

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def provider(settings):
    provider = ProefProvider().start()
    provider.persoon = {
        "sub": "e2e-sanne",
        "email": "sanne@noordwaarde.nl",
        "given_name": "Sanne",
        "family_name": "Bakker",
        "roles": ["Leernetwerk.Consulent"],
    }
    settings.OIDC_RP_CLIENT_ID = provider.client_id
    settings.OIDC_RP_CLIENT_SECRET = provider.client_secret
    settings.OIDC_OP_DISCOVERY_URL = provider.discovery_url
    settings.OIDC_ORGANISATIES = {
        provider.issuer: {
            "organisatie": "noordwaarde",
            "rollen": {"Leernetwerk.Consulent": "Consulent"},
        }
    }
    yield provider
    provider.stop()


def test_consulent_signs_in_with_the_gemeente_account_button(live_server, page, provider):
    Organisatie.objects.create(naam="Gemeente Noordwaarde", slug="noordwaarde")
    page.goto(f"{live_server.url}/zoeken/")
    expect(page).to_have_url(re.compile(re.escape(f"{live_server.url}/inloggen/")))
    knop = page.get_by_role("link", name="Inloggen met je gemeente-account")
    expect(knop).to_be_visible()
    expect(page.get_by_label("Gebruikersnaam")).to_be_visible()  # local login stays
    assert _ernstig(page) == []  # axe: no serious accessibility violations with the button
    knop.focus()
    page.keyboard.press("Enter")  # by keyboard
    # Through the provider and back: on the page she asked for, signed in as herself.
    expect(page).to_have_url(re.compile(re.escape(f"{live_server.url}/zoeken/")))
    expect(page.get_by_role("button", name="Uitloggen")).to_be_visible()
    page.goto(f"{live_server.url}/")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Sanne")

import datetime as dt
import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from cms.models import Team
from leernetwerk.leercyclus.models import Leercyclusplan, Planmodule
from leernetwerk.models import Voornemen
from tests.e2e.test_toegankelijkheid import _ernstig

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_home_page_reminder_leads_to_the_thing_and_settings_turn_a_kind_off(
    live_server, inloggen, demo_gebruikers
):
    consulent = demo_gebruikers["demo-consulent"]
    voornemen = Voornemen.objects.create(gebruiker=consulent, titel="Eerst samenvatten")
    Voornemen.objects.filter(pk=voornemen.pk).update(
        aangemaakt=timezone.now() - dt.timedelta(days=30)
    )
    plan = Leercyclusplan.objects.create(team=Team.objects.get(slug="jongeren-noordwaarde"))
    Planmodule.objects.create(
        plan=plan, naam="Training MGV", uiterlijk=timezone.localdate() - dt.timedelta(days=1)
    )

    page = inloggen("demo-consulent")
    tegel = page.locator("li.tegel").filter(
        has=page.get_by_role("heading", name="Herinneringen", exact=True)
    )
    reflectie = tegel.get_by_role("link", name=re.compile("Je wilde “Eerst samenvatten” proberen"))
    module = tegel.get_by_role("link", name=re.compile("“Training MGV” had af moeten zijn"))
    expect(reflectie).to_have_attribute("href", f"/mijn-leercyclus/#voornemen-{voornemen.pk}")
    expect(module).to_be_visible()
    assert _ernstig(page) == []
    reflectie.click()
    expect(page).to_have_url(f"{live_server.url}/mijn-leercyclus/#voornemen-{voornemen.pk}")
    expect(page.locator(f"#voornemen-{voornemen.pk}")).to_contain_text("Afronden met reflectie")

    page.get_by_role("link", name="Instellingen", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Mijn instellingen")
    keuze = page.get_by_role("checkbox", name="Voornemens")
    expect(keuze).to_be_checked()
    keuze.uncheck()
    page.get_by_role("button", name="Instellingen opslaan").click()
    expect(page.get_by_role("status")).to_contain_text("Je instellingen voor herinneringen")
    expect(page.get_by_role("checkbox", name="Voornemens")).not_to_be_checked()
    expect(page.get_by_role("checkbox", name="Leermodules")).to_be_checked()
    assert _ernstig(page) == []

    page.get_by_role("link", name="Start", exact=True).click()
    expect(module).to_be_visible()
    expect(reflectie).to_have_count(0)

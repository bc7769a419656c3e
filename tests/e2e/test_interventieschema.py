import csv
import importlib
import io
import re

import pytest
from django.apps import apps
from django.conf import settings
from django.utils.translation import get_supported_language_variant
from playwright.sync_api import expect
from wagtail.models import Locale, Page

from kennisbank.models import InterventieschemaPage
from kennisbank.services import KOLOMMEN, interventies_importeren
from leernetwerk.models import Voornemen

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

# The data migrations this test needs, rerun because an earlier transactional test flushes the
# database (and serialized_rollback clashes with the groups post_migrate recreates).
DATAMIGRATIES = [
    ("cms.migrations.0002_referentiedata", "laden"),
    ("cms.migrations.0003_startpagina", "startpagina_maken"),
    ("kennisbank.migrations.0002_herkomst", "laden"),
    ("kennisbank.migrations.0003_interventieschema_pagina", "schema_maken"),
]


@pytest.fixture
def referentiedata(db):
    if InterventieschemaPage.objects.exists():
        return
    if Page.get_first_root_node() is None:
        taal = get_supported_language_variant(settings.LANGUAGE_CODE)
        locale, _ = Locale.objects.get_or_create(language_code=taal)
        Page.add_root(instance=Page(title="Root", slug="root", locale=locale))
    for module, functie in DATAMIGRATIES:
        getattr(importlib.import_module(module), functie)(apps, None)


def _interventies():
    rijen = [
        ("Eenvoudige taal bij LVB", "eenvoudige-taal", "lvb", "verloop"),
        ("Taalcafé", "taalcafe", "statushouders", "verloop"),
        ("Netwerk in beeld", "netwerk-in-beeld", "lvb;jongeren", "eerste-gesprek"),
    ]
    uit = io.StringIO()
    schrijver = csv.DictWriter(uit, fieldnames=KOLOMMEN, restval="")
    schrijver.writeheader()
    for titel, slug, doelgroepen, fase in rijen:
        schrijver.writerow(
            {
                "titel": titel,
                "slug": slug,
                "samenvatting": f"{titel}: zo pak je het aan in het plangesprek.",
                "fases": fase,
                "laag": "toolbox",
                "doelgroepen": doelgroepen,
            }
        )
    resultaat = interventies_importeren(inhoud=uit.getvalue().encode(), bestandsnaam="e2e.csv")
    assert not resultaat.fouten


def test_consulent_filters_opens_an_interventie_and_chooses_to_try_it(
    referentiedata, live_server, page, inloggen, demo_gebruikers
):
    _interventies()
    inloggen("demo-consulent")
    page.get_by_role("navigation", name="Hoofdnavigatie").get_by_role(
        "link", name="Interventieschema"
    ).click()
    page.get_by_label("Doelgroep", exact=True).select_option(
        label="LVB (licht verstandelijke beperking)"
    )
    page.get_by_role("button", name="Filter toepassen").click()
    expect(page).to_have_url(re.compile(r"[?&]doelgroep=lvb"))
    matrix = page.locator("table.schema-matrix")
    expect(matrix.get_by_role("link", name="Eenvoudige taal bij LVB")).to_be_visible()
    expect(matrix.get_by_role("link", name="Netwerk in beeld")).to_be_visible()
    expect(matrix.get_by_role("link", name="Taalcafé")).to_have_count(0)

    matrix.get_by_role("link", name="Eenvoudige taal bij LVB").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Eenvoudige taal bij LVB")
    page.get_by_role("button", name="Dit ga ik proberen").click()
    expect(page.get_by_role("status")).to_contain_text("Genoteerd in je leercyclus")
    assert Voornemen.objects.get(gebruiker=demo_gebruikers["demo-consulent"]).titel == (
        "Eenvoudige taal bij LVB"
    )

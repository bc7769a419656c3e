"""Automated accessibility check (axe-core, shipped inside axe-playwright-python) on key pages:
no serious or critical violations."""

import pytest
from axe_playwright_python.sync_playwright import Axe

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

PAGINAS = [
    ("demo-consulent", "/"),
    ("demo-consulent", "/handreiking/"),
    ("demo-consulent", "/interventieschema/"),
    ("demo-consulent", "/interventieschema/voorstellen/nieuw/"),
    ("demo-consulent", "/interventieschema/voorstellen/"),
    ("demo-consulent", "/zoeken/?q=jongeren"),
    ("demo-consulent", "/oefeningen/"),
    ("demo-consulent", "/intervisie/"),
    ("demo-consulent", "/mijn-leercyclus/"),
    ("demo-consulent", "/intervisie/uren/"),
    ("demo-teamchef", "/team/"),
]


def _ernstig(page):
    resultaat = Axe().run(page)
    return [
        f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes'][:3]]}"
        for v in resultaat.response["violations"]
        if v["impact"] in {"serious", "critical"}
    ]


def test_login_page_has_no_serious_violations(live_server, page):
    page.goto(f"{live_server.url}/inloggen/")
    assert _ernstig(page) == []


def test_key_pages_have_no_serious_violations(live_server, page, inloggen, settings):
    settings.DEBUG = True  # demo_laden refuses without DEBUG
    from django.core.management import call_command

    call_command("demo_laden", verbosity=0)
    huidige = None
    paginas = PAGINAS + [("demo-consulent", pad) for pad in _detailpaginas()]
    fouten = {}
    for gebruiker, pad in paginas:
        if gebruiker != huidige:
            page.context.clear_cookies()
            inloggen(gebruiker)
            huidige = gebruiker
        response = page.goto(f"{live_server.url}{pad}")
        assert response.status == 200, pad
        if gevonden := _ernstig(page):
            fouten[pad] = gevonden
    assert fouten == {}


def _detailpaginas():
    """One page of each content type from the demo, plus the schema's other views."""
    from kennisbank.handreiking.models import HoofdstukPage
    from kennisbank.models import BeslismomentPage, InterventiePage
    from leernetwerk.models import Intervisiegroep
    from oefeningen.models import LeermodulePage, OefeningPage

    paden = [
        model.objects.live().order_by("path").first().url
        for model in (
            InterventiePage,
            BeslismomentPage,
            HoofdstukPage,
            OefeningPage,
            LeermodulePage,
        )
    ]
    groep = Intervisiegroep.objects.filter(leden__username="demo-consulent").first()
    paden.append(f"/intervisie/groepen/{groep.pk}/")
    paden += [
        "/interventieschema/lijst/?doelgroep=jongeren",
        "/interventieschema/hiaten/",
        "/handreiking/sturen-op-zelfsturing/",
    ]
    return paden

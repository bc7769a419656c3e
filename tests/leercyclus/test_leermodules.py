"""Leermodules of the oefeningen app in the leercyclus: planned by the teamchef, progress shown."""

import datetime as dt

import pytest
from django.utils import timezone
from wagtail.models import Page

from cms.activiteiten import Activiteit
from cms.models import Team
from cms.services import activiteit_vastleggen
from leernetwerk.leercyclus.models import Planmodule
from oefeningen.models import LeermodulePage, LeermoduleToewijzing, OefeningenIndexPage
from tests.leercyclus.hulp import tabel_uit_html

S = Activiteit.Soort
pytestmark = pytest.mark.django_db


@pytest.fixture
def hoofdstukken(db):
    """Three stand-ins for handreiking chapters: a leermodule counts any live page read."""
    thuis = Page.objects.get(depth=2)
    return [thuis.add_child(instance=Page(title=f"Hoofdstuk {i}", slug=f"h{i}")) for i in range(3)]


@pytest.fixture
def leermodule(hoofdstukken):
    module = LeermodulePage(
        title="Zelfsturing verkennen",
        slug="zelfsturing-verkennen",
        onderdelen=[{"type": "hoofdstuk", "value": h.pk} for h in hoofdstukken]
        + [{"type": "intervisie", "value": {"aantal": 1, "toelichting": ""}}],
    )
    OefeningenIndexPage.objects.get().add_child(instance=module)
    vandaag = timezone.localdate()
    LeermoduleToewijzing.objects.create(
        module=module,
        team=Team.objects.get(slug="jongeren-noordwaarde"),
        vanaf=vandaag - dt.timedelta(days=30),
        deadline=vandaag + dt.timedelta(days=30),
    )
    module.save_revision().publish()
    return module


def _plan_met_leermodule(client, leermodule, team="jongeren-noordwaarde"):
    uiterlijk = timezone.localdate() + dt.timedelta(days=30)
    return client.post(
        f"/team/{team}/plan/",
        {
            "intervisie_elke_weken": "4",
            "min_reflectie_uren": "0",
            "stil_na_weken": "6",
            "modules-TOTAL_FORMS": "1",
            "modules-INITIAL_FORMS": "0",
            "modules-MIN_NUM_FORMS": "0",
            "modules-MAX_NUM_FORMS": "30",
            "modules-0-leermodule": str(leermodule.pk),
            "modules-0-naam": "",
            "modules-0-uiterlijk": uiterlijk.isoformat(),
        },
    )


def test_teamchef_plans_a_leermodule_assigned_to_the_team(client_als, leermodule):
    client = client_als("demo-teamchef")
    html = client.get("/team/jongeren-noordwaarde/plan/").content.decode()
    assert f'<option value="{leermodule.pk}">Zelfsturing verkennen</option>' in html
    assert _plan_met_leermodule(client, leermodule).status_code == 302
    module = Planmodule.objects.get()
    assert (module.naam, module.leermodule) == ("Zelfsturing verkennen", leermodule)
    assert not module.zelf_af_te_vinken
    # Not assigned to the other team: not offered there, and refused when posted anyway.
    html = client.get("/team/werk-participatie-noordwaarde/plan/").content.decode()
    assert "Zelfsturing verkennen" not in html
    response = _plan_met_leermodule(client, leermodule, team="werk-participatie-noordwaarde")
    assert response.status_code == 400
    assert "veld__fout" in response.content.decode()
    assert Planmodule.objects.count() == 1


def test_dashboard_and_mijn_leercyclus_show_leermodule_progress(
    client_als, demo_gebruikers, hoofdstukken, leermodule
):
    _plan_met_leermodule(client_als("demo-teamchef"), leermodule)
    sanne, fatima = demo_gebruikers["demo-consulent"], demo_gebruikers["fatima.elamrani"]
    # Hand-computed: Sanne read two of the three chapters and attended intervisie in the
    # module period (3 of 4 items); Fatima read one chapter and attended intervisie before the
    # module began, which does not count (1 of 4).
    for h in hoofdstukken[:2]:
        activiteit_vastleggen(gebruiker=sanne, soort=S.HOOFDSTUK_GELEZEN, onderwerp=h)
    activiteit_vastleggen(gebruiker=sanne, soort=S.INTERVISIE_BIJGEWOOND)
    activiteit_vastleggen(gebruiker=fatima, soort=S.HOOFDSTUK_GELEZEN, onderwerp=hoofdstukken[0])
    activiteit_vastleggen(
        gebruiker=fatima,
        soort=S.INTERVISIE_BIJGEWOOND,
        moment=timezone.now() - dt.timedelta(days=60),
    )

    def modules_kolom():
        html = client_als("demo-teamchef").get("/team/jongeren-noordwaarde/").content.decode()
        return {r[0]: r[6] for r in tabel_uit_html(html, "dashboard")[1:-1]}

    kolom = modules_kolom()
    assert kolom["Sanne de Vries"] == "0 van 1; Zelfsturing verkennen: 3 van 4 onderdelen"
    assert kolom["Fatima El Amrani"] == "0 van 1; Zelfsturing verkennen: 1 van 4 onderdelen"
    assert kolom["Daan Mulder"] == "0 van 1; Zelfsturing verkennen: 0 van 4 onderdelen"
    export = client_als("demo-teamchef").get("/team/jongeren-noordwaarde/export.csv")
    assert "Zelfsturing verkennen: 3 van 4 onderdelen" in export.content.decode("utf-8-sig")
    html = client_als("demo-consulent").get("/mijn-leercyclus/").content.decode()
    assert "3 van 4 onderdelen" in html and f'href="{leermodule.url}"' in html

    # The last chapter completes the module: the ledger records it and the plan counts it.
    activiteit_vastleggen(gebruiker=sanne, soort=S.HOOFDSTUK_GELEZEN, onderwerp=hoofdstukken[2])
    assert Activiteit.objects.filter(gebruiker=sanne, soort=S.MODULE_AFGEROND).count() == 1
    kolom = modules_kolom()
    assert kolom["Sanne de Vries"] == "1 van 1; Zelfsturing verkennen: 4 van 4 onderdelen"
    assert kolom["Fatima El Amrani"] == "0 van 1; Zelfsturing verkennen: 1 van 4 onderdelen"


def test_dashboard_with_leermodules_keeps_a_fixed_query_count(
    client_als, demo_gebruikers, hoofdstukken, leermodule, django_assert_max_num_queries
):
    client = client_als("demo-teamchef")
    _plan_met_leermodule(client, leermodule)
    client.get("/team/jongeren-noordwaarde/")  # warm the site-root cache used for URLs
    with django_assert_max_num_queries(16):
        client.get("/team/jongeren-noordwaarde/")
    team = Team.objects.get(slug="jongeren-noordwaarde")
    for i in range(20):
        lid = type(demo_gebruikers["demo-consulent"]).objects.create(username=f"lid{i}")
        team.leden.add(lid)
        for h in hoofdstukken:
            activiteit_vastleggen(gebruiker=lid, soort=S.HOOFDSTUK_GELEZEN, onderwerp=h)
    with django_assert_max_num_queries(16):
        response = client.get("/team/jongeren-noordwaarde/")
    assert len(tabel_uit_html(response.content.decode(), "dashboard")) == 4 + 20 + 2

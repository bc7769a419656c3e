"""Mijn leercyclus: own figures, voornemens closed with reflection, a private reflection log."""

import datetime as dt
from decimal import Decimal

import pytest
from django.utils import timezone
from wagtail.models import Page

from cms.activiteiten import Activiteit
from leernetwerk.leercyclus.models import Leercyclusplan, Planmodule, Reflectie
from leernetwerk.models import Voornemen

from .hulp import vastleggen

S = Activiteit.Soort
BSN = "111222333"  # passes the elfproef


@pytest.fixture
def sanne(demo_gebruikers):
    return demo_gebruikers["demo-consulent"]


def test_overview_counts_this_years_activity(client_als, sanne):
    vastleggen(sanne, S.HOOFDSTUK_GELEZEN, 0)
    vastleggen(sanne, S.OEFENING_AFGEROND, 0)
    vastleggen(sanne, S.FEEDBACK_ONTVANGEN, 0)
    vastleggen(sanne, S.INTERVISIE_BIJGEWOOND, 0, uren=2)
    vastleggen(sanne, S.INTERVISIE_BIJGEWOOND, 0, uren=1.5)
    vastleggen(sanne, S.INTERVISIE_BIJGEWOOND, 400, uren=2)  # last year: not counted
    html = client_als("demo-consulent").get("/mijn-leercyclus/").content.decode()
    assert "<dt>Intervisie bijgewoond</dt><dd>2 <span" in html
    assert "(3,5 uur)" in html
    assert "<dt>Oefeningen afgerond</dt><dd>1</dd>" in html
    assert "<dt>Feedback ontvangen</dt><dd>1</dd>" in html


def test_plan_modules_show_and_can_be_marked_done(client_als, sanne, demo_gebruikers):
    from cms.models import Team

    team = Team.objects.get(slug="jongeren-noordwaarde")
    plan = Leercyclusplan.objects.create(team=team)
    module = Planmodule.objects.create(
        plan=plan, naam="Gespreksvoering", uiterlijk=timezone.localdate() - dt.timedelta(3)
    )
    client = client_als("demo-consulent")
    html = client.get("/mijn-leercyclus/").content.decode()
    assert "Gespreksvoering" in html and "te laat" in html
    response = client.post(f"/mijn-leercyclus/modules/{module.pk}/afgerond/", {"afgerond": "1"})
    assert response.status_code == 302
    assert Activiteit.objects.filter(gebruiker=sanne, soort=S.MODULE_AFGEROND).count() == 1
    html = client.get("/mijn-leercyclus/").content.decode()
    assert "Toch nog niet af" in html
    client.post(f"/mijn-leercyclus/modules/{module.pk}/afgerond/", {"afgerond": "0"})
    assert not Activiteit.objects.filter(gebruiker=sanne, soort=S.MODULE_AFGEROND).exists()
    # Someone outside the team cannot mark it.
    other = client_als("bram.smit").post(
        f"/mijn-leercyclus/modules/{module.pk}/afgerond/", {"afgerond": "1"}
    )
    assert other.status_code == 404


def test_voornemen_is_closed_with_reflection_and_recorded(client_als, sanne):
    voornemen = Voornemen.objects.create(gebruiker=sanne, titel="Netwerkkaart maken")
    client = client_als("demo-consulent")
    response = client.post(
        f"/mijn-leercyclus/voornemens/{voornemen.pk}/reflecteren/",
        {f"v{voornemen.pk}-gedaan": "Drie keer gedaan", f"v{voornemen.pk}-werkte": "Werkte goed"},
    )
    assert response.status_code == 302
    voornemen.refresh_from_db()
    assert voornemen.status == Voornemen.Status.AFGEROND
    assert voornemen.reflectie_gedaan == "Drie keer gedaan" and voornemen.afgerond
    assert Activiteit.objects.filter(
        gebruiker=sanne, soort=S.VOORNEMEN_GEREFLECTEERD, object_id=voornemen.pk
    ).exists()
    html = client.get("/mijn-leercyclus/").content.decode()
    assert "Werkte goed" in html
    again = client.post(f"/mijn-leercyclus/voornemens/{voornemen.pk}/reflecteren/", {})
    assert again.status_code == 404, "a closed voornemen is not reflected on twice"


def test_voornemen_reflection_with_client_data_is_refused_and_kept(client_als, sanne):
    voornemen = Voornemen.objects.create(gebruiker=sanne, titel="Samenvatten")
    response = client_als("demo-consulent").post(
        f"/mijn-leercyclus/voornemens/{voornemen.pk}/reflecteren/",
        {f"v{voornemen.pk}-gedaan": f"Met klant {BSN} geoefend", f"v{voornemen.pk}-werkte": ""},
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "BSN" in html and "Schrijf kort op wat werkte en wat niet." in html
    assert f"Met klant {BSN} geoefend" in html
    voornemen.refresh_from_db()
    assert voornemen.status == Voornemen.Status.OPEN
    assert not Activiteit.objects.filter(soort=S.VOORNEMEN_GEREFLECTEERD).exists()


def test_someone_elses_voornemen_is_404(client_als, demo_gebruikers):
    voornemen = Voornemen.objects.create(gebruiker=demo_gebruikers["lotte.jansen"], titel="x")
    response = client_als("demo-consulent").post(
        f"/mijn-leercyclus/voornemens/{voornemen.pk}/reflecteren/",
        {f"v{voornemen.pk}-gedaan": "a", f"v{voornemen.pk}-werkte": "b"},
    )
    assert response.status_code == 404


def test_reflection_log_records_hours_in_ledger_but_not_the_text(client_als, sanne):
    client = client_als("demo-consulent")
    response = client.post(
        "/mijn-leercyclus/reflecties/nieuw/",
        {"datum": f"{timezone.localdate()}", "uren": "1.5", "tekst": "Vaker stilte laten vallen"},
    )
    assert response.status_code == 302
    reflectie = Reflectie.objects.get(gebruiker=sanne)
    activiteit = Activiteit.objects.get(gebruiker=sanne, soort=S.REFLECTIE)
    assert activiteit.uren == Decimal("1.5") and activiteit.object_id == reflectie.pk
    assert "stilte" not in activiteit.titel
    assert "Vaker stilte laten vallen" in client.get("/mijn-leercyclus/").content.decode()
    assert (
        "Vaker stilte" not in client_als("lotte.jansen").get("/mijn-leercyclus/").content.decode()
    )
    client = client_als("demo-consulent")
    client.post(f"/mijn-leercyclus/reflecties/{reflectie.pk}/verwijderen/")
    assert not Reflectie.objects.exists() and not Activiteit.objects.filter(soort=S.REFLECTIE)


def test_reflection_with_bad_input_says_why_and_saves_nothing(client_als, sanne):
    morgen = timezone.localdate() + dt.timedelta(1)
    response = client_als("demo-consulent").post(
        "/mijn-leercyclus/reflecties/nieuw/",
        {"datum": f"{morgen}", "uren": "40", "tekst": f"Gesprek met {BSN}"},
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "kies vandaag of eerder" in html
    assert "hoogstens 12" in html
    assert "BSN" in html and f"Gesprek met {BSN}" in html
    assert not Reflectie.objects.exists() and not Activiteit.objects.exists()


def test_other_users_cannot_delete_my_reflection(client_als, sanne):
    reflectie = Reflectie.objects.create(gebruiker=sanne, tekst="mijn")
    response = client_als("lotte.jansen").post(
        f"/mijn-leercyclus/reflecties/{reflectie.pk}/verwijderen/"
    )
    assert response.status_code == 404
    assert Reflectie.objects.filter(pk=reflectie.pk).exists()


def test_overview_query_count_is_fixed(client_als, sanne, django_assert_max_num_queries):
    client = client_als("demo-consulent")
    with django_assert_max_num_queries(12):
        client.get("/mijn-leercyclus/")
    home = Page.objects.get(depth=2)
    for i in range(20):
        pagina = home.add_child(instance=Page(title=f"Interventie {i}", slug=f"interventie-{i}"))
        Voornemen.objects.create(gebruiker=sanne, titel=f"Voornemen {i}", interventie=pagina)
        Reflectie.objects.create(gebruiker=sanne, tekst=f"Reflectie {i}")
        vastleggen(sanne, S.OEFENING_AFGEROND, i)
    with django_assert_max_num_queries(12):
        html = client.get("/mijn-leercyclus/").content.decode()
    assert "Voornemen 19" in html and "Reflectie 19" in html
    assert 'href="/interventie-19/"' in html

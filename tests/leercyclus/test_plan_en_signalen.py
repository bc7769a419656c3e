"""The teamchef's plan form, the hours rule and the status rules (the demo story: test_demo)."""

import datetime as dt
from decimal import Decimal

from django.contrib.contenttypes.models import ContentType
from django.utils import timezone

from cms.activiteiten import Activiteit
from cms.models import Team
from leernetwerk.leercyclus.models import Leercyclusplan, Planmodule
from leernetwerk.leercyclus.selectors import Feiten, status_bepalen

from .hulp import tabel_uit_html, vastleggen

S = Activiteit.Soort


def _plan_post(**extra):
    gegevens = {
        "intervisie_elke_weken": "3",
        "min_reflectie_uren": "18",
        "stil_na_weken": "5",
        "modules-TOTAL_FORMS": "2",
        "modules-INITIAL_FORMS": "0",
        "modules-MIN_NUM_FORMS": "0",
        "modules-MAX_NUM_FORMS": "30",
        "modules-0-naam": "Motiverende gespreksvoering",
        "modules-0-uiterlijk": "2027-03-01",
        "modules-1-naam": "",
        "modules-1-uiterlijk": "",
    }
    gegevens.update(extra)
    return gegevens


def test_teamchef_sets_the_plan_with_modules(client_als):
    client = client_als("demo-teamchef")
    assert client.get("/team/jongeren-noordwaarde/plan/").status_code == 200
    response = client.post("/team/jongeren-noordwaarde/plan/", _plan_post())
    assert response.status_code == 302
    assert response["Location"] == "/team/jongeren-noordwaarde/"
    plan = Leercyclusplan.objects.get(team__slug="jongeren-noordwaarde")
    assert (plan.intervisie_elke_weken, plan.min_reflectie_uren, plan.stil_na_weken) == (
        3,
        Decimal("18"),
        5,
    )
    assert [m.naam for m in plan.modules.all()] == ["Motiverende gespreksvoering"]
    html = client.get("/team/jongeren-noordwaarde/").content.decode()
    assert "Intervisie minstens elke 3 weken" in html
    assert "Motiverende gespreksvoering" in html


def test_removing_a_module_from_the_plan(client_als, demo_gebruikers):
    client = client_als("demo-teamchef")
    client.post("/team/jongeren-noordwaarde/plan/", _plan_post())
    module = Planmodule.objects.get()
    Activiteit.objects.create(
        gebruiker=demo_gebruikers["demo-consulent"],
        soort=S.MODULE_AFGEROND,
        content_type=ContentType.objects.get_for_model(Planmodule),
        object_id=module.pk,
    )
    response = client.post(
        "/team/jongeren-noordwaarde/plan/",
        _plan_post(
            **{
                "modules-INITIAL_FORMS": "1",
                "modules-0-id": str(module.pk),
                "modules-0-DELETE": "on",
            }
        ),
    )
    assert response.status_code == 302
    assert not Planmodule.objects.exists()
    assert not Activiteit.objects.filter(soort=S.MODULE_AFGEROND).exists()


def test_bad_plan_input_is_explained_at_the_field_and_nothing_saved(client_als):
    response = client_als("demo-teamchef").post(
        "/team/jongeren-noordwaarde/plan/",
        _plan_post(intervisie_elke_weken="0", **{"modules-0-uiterlijk": ""}),
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "groter dan of gelijk aan 1" in html or "minstens 1" in html
    assert "Dit is een verplicht veld." in html
    assert 'value="Motiverende gespreksvoering"' in html
    assert not Leercyclusplan.objects.exists() and not Planmodule.objects.exists()


def _plan(**kw):
    return Leercyclusplan(
        intervisie_elke_weken=4, min_reflectie_uren=Decimal("24"), stil_na_weken=6, **kw
    )


def test_reflection_hours_are_judged_pro_rata_with_one_interval_of_slack():
    peil = timezone.make_aware(dt.datetime(2026, 7, 2, 12))  # day 183 of 365
    recent = peil - dt.timedelta(days=3)
    feiten = Feiten(laatste_activiteit=recent, laatste_intervisie=recent)
    # (183 - 28) / 365 * 24 = 10.19 -> 10.2 hours expected by 2 July.
    feiten.reflectie_uren_jaar = Decimal("10")
    status = status_bepalen(plan=_plan(), feiten=feiten, toestand=[], peil=peil)
    assert status.code == "achter"
    assert status.redenen == ("10 van 10,2 reflectie-uren (naar rato)",)
    feiten.reflectie_uren_jaar = Decimal("10.5")
    assert status_bepalen(plan=_plan(), feiten=feiten, toestand=[], peil=peil).code == "op_schema"
    januari = timezone.make_aware(dt.datetime(2026, 1, 20, 12))
    feiten = Feiten(laatste_activiteit=januari, laatste_intervisie=januari)
    assert (
        status_bepalen(plan=_plan(), feiten=feiten, toestand=[], peil=januari).code == "op_schema"
    )


def test_status_thresholds_are_the_plans():
    peil = timezone.now()
    feiten = Feiten(
        laatste_activiteit=peil - dt.timedelta(weeks=5, days=6),
        laatste_intervisie=peil - dt.timedelta(days=28),
        reflectie_uren_jaar=Decimal("500"),
    )
    assert status_bepalen(plan=_plan(), feiten=feiten, toestand=[], peil=peil).code == "op_schema"
    feiten.laatste_intervisie = peil - dt.timedelta(days=29)
    assert status_bepalen(plan=_plan(), feiten=feiten, toestand=[], peil=peil).code == "achter"
    feiten.laatste_activiteit = peil - dt.timedelta(weeks=6)
    status = status_bepalen(plan=_plan(), feiten=feiten, toestand=[], peil=peil)
    assert (status.code, status.label) == ("stil", "geen activiteit sinds 6 weken")


def test_new_member_without_activity_counts_as_stalled(client_als, demo_gebruikers):
    team = Team.objects.get(slug="jongeren-noordwaarde")
    vastleggen(demo_gebruikers["fatima.elamrani"], S.INTERVISIE_BIJGEWOOND, 1, uren=2)
    html = client_als("demo-teamchef").get(f"/team/{team.slug}/").content.decode()
    status = {r[0]: r[-1] for r in tabel_uit_html(html, "dashboard")[1:-1]}
    assert status["Daan Mulder"] == "nog geen activiteit"
    assert "Dit team heeft nog geen leercyclusplan" in html


def test_plan_page_query_count_is_fixed(client_als, django_assert_max_num_queries):
    client = client_als("demo-teamchef")
    team = Team.objects.get(slug="jongeren-noordwaarde")
    plan = Leercyclusplan.objects.create(team=team)
    with django_assert_max_num_queries(7):
        client.get("/team/jongeren-noordwaarde/plan/")
    vandaag = timezone.localdate()
    Planmodule.objects.bulk_create(
        [Planmodule(plan=plan, naam=f"Module {i}", uiterlijk=vandaag) for i in range(25)]
    )
    with django_assert_max_num_queries(7):
        html = client.get("/team/jongeren-noordwaarde/plan/").content.decode()
    assert "Module 24" in html

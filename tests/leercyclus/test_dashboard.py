"""The teamchef dashboard against a hand-computed team, its privacy, period filter and exports."""

import csv
import datetime as dt
import io
from decimal import Decimal

import openpyxl
import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone

from cms.activiteiten import Activiteit
from leernetwerk.leercyclus import services
from leernetwerk.leercyclus.models import Leercyclusplan, Planmodule, Reflectie
from leernetwerk.leercyclus.selectors import cel_tekst
from leernetwerk.models import Voornemen

from .hulp import gebruiker, tabel_uit_html, team_maken, vastleggen

S = Activiteit.Soort


@pytest.fixture
def testteam(demo_gebruikers):
    """Three members, a plan, and ledger rows at fixed distances from now.

    Anna keeps to the plan, Bert missed intervisie and a module, Carla stopped seven weeks ago.
    """
    anna = gebruiker("anna", "Anna", "Aalders")
    bert = gebruiker("bert", "Bert", "Bos")
    carla = gebruiker("carla", "Carla", "Cornelissen")
    team = team_maken("testteam", demo_gebruikers["demo-teamchef"], [anna, bert, carla])
    plan = Leercyclusplan.objects.create(
        team=team, intervisie_elke_weken=4, min_reflectie_uren=0, stil_na_weken=6
    )
    vandaag = timezone.localdate()
    m1 = Planmodule.objects.create(plan=plan, naam="Basis", uiterlijk=vandaag - dt.timedelta(10))
    Planmodule.objects.create(plan=plan, naam="Verdieping", uiterlijk=vandaag + dt.timedelta(30))

    vastleggen(anna, S.INTERVISIE_BIJGEWOOND, 3, uren=2)
    vastleggen(anna, S.INTERVISIE_BIJGEWOOND, 31, uren=1.5)
    vastleggen(anna, S.INTERVISIE_BIJGEWOOND, 90, uren=2)  # before the 60-day period
    vastleggen(anna, S.OEFENING_AFGEROND, 5)
    vastleggen(anna, S.OEFENING_AFGEROND, 20)
    vastleggen(anna, S.FEEDBACK_ONTVANGEN, 4)
    vastleggen(anna, S.HOOFDSTUK_GELEZEN, 2)
    services.module_afronden(gebruiker=anna, module=m1)
    Voornemen.objects.create(gebruiker=anna, titel="Geheim voornemen van Anna")
    services.reflectie_schrijven(
        gebruiker=anna, datum=vandaag, tekst="Privé gedachte van Anna", uren=Decimal("1")
    )

    vastleggen(bert, S.INTERVISIE_BIJGEWOOND, 45, uren=2)
    vastleggen(bert, S.HOOFDSTUK_GELEZEN, 6)

    vastleggen(carla, S.HOOFDSTUK_GELEZEN, 50)

    # Someone outside the team: must not count anywhere.
    vastleggen(demo_gebruikers["demo-consulent"], S.INTERVISIE_BIJGEWOOND, 3, uren=2)
    return {"team": team, "anna": anna, "bert": bert, "carla": carla}


def _periode():
    vandaag = timezone.localdate()
    return {"van": f"{vandaag - dt.timedelta(59):%Y-%m-%d}", "tot": f"{vandaag:%Y-%m-%d}"}


def _jaaruren(*paren):
    """Hours of (days ago, hours) pairs that fall in this calendar year."""
    jaarstart = timezone.localdate().replace(month=1, day=1)
    totaal = sum(
        (
            Decimal(str(u))
            for d, u in paren
            if timezone.localtime(timezone.now() - dt.timedelta(days=d)).date() >= jaarstart
        ),
        Decimal(0),
    )
    return cel_tekst(totaal)


def test_dashboard_numbers_equal_the_hand_computed_team(client_als, testteam):
    response = client_als("demo-teamchef").get("/team/testteam/", _periode())
    assert response.status_code == 200
    rijen = tabel_uit_html(response.content.decode(), "dashboard")
    kop, anna, bert, carla, totaal = rijen
    assert kop[0] == "Naam" and kop[-1] == "Status"
    # naam, laatste, sessies, uren, koppelgesprekken, laatste koppelgesprek, modules,
    # oefeningen, feedback, hoofdstukken, voornemens, jaaruren, status
    assert anna[0] == "Anna Aalders"
    assert anna[2:11] == ["2", "3,5", "0", "–", "1 van 2", "2", "1", "1", "1"]
    assert anna[11] == _jaaruren((3, 2), (31, 1.5), (90, 2), (0, 1))
    assert anna[12] == "op schema"
    assert bert[2:11] == ["1", "2", "0", "–", "0 van 2", "0", "0", "1", "0"]
    assert bert[12] == (
        "achter: geen intervisie sinds 6 weken (plan: elke 4); module “Basis” te laat"
    )
    assert carla[1] == f"{timezone.localtime(timezone.now() - dt.timedelta(50)):%d-%m-%Y}"
    assert carla[2:11] == ["0", "0", "0", "–", "0 van 2", "0", "0", "1", "0"]
    assert carla[12] == "geen activiteit sinds 7 weken"
    assert totaal[0] == "Team totaal (3 leden)"
    assert totaal[2:11] == ["3", "5,5", "0", "–", "1 van 6", "2", "1", "3", "1"]
    assert totaal[12] == "1 op schema · 1 achter · 1 stil"


def test_alerts_name_stalled_member_missed_intervisie_and_late_module(client_als, testteam):
    html = client_als("demo-teamchef").get("/team/testteam/", _periode()).content.decode()
    assert "Signalen (3)" in html
    assert "Carla Cornelissen: geen activiteit sinds 7 weken (plan: stil na 6 weken)" in html
    assert "Bert Bos: geen intervisie sinds 6 weken (plan: elke 4 weken)" in html
    assert "nog niet afgerond door: Bert Bos, Carla Cornelissen" in html
    assert "Anna Aalders:" not in html


def test_teamchef_sees_participation_never_content(client_als, testteam):
    html = client_als("demo-teamchef").get("/team/testteam/").content.decode()
    assert "Anna Aalders" in html
    assert "Geheim voornemen" not in html
    assert "Privé gedachte" not in html
    csv_tekst = client_als("demo-teamchef").get("/team/testteam/export.csv").content.decode()
    assert "Geheim voornemen" not in csv_tekst and "Privé gedachte" not in csv_tekst
    assert Reflectie.objects.filter(tekst__contains="Privé").exists()


def test_period_filter_changes_counts_and_status_date(client_als, testteam):
    vandaag = timezone.localdate()
    response = client_als("demo-teamchef").get(
        "/team/testteam/", {"van": f"{vandaag - dt.timedelta(10):%Y-%m-%d}", "tot": f"{vandaag}"}
    )
    anna = tabel_uit_html(response.content.decode(), "dashboard")[1]
    assert anna[2:4] == ["1", "2"]
    # Judged 40 days ago, Carla was not yet stalled and Anna had not yet read anything.
    eerder = vandaag - dt.timedelta(40)
    response = client_als("demo-teamchef").get(
        "/team/testteam/", {"van": f"{eerder - dt.timedelta(30):%Y-%m-%d}", "tot": f"{eerder}"}
    )
    rijen = tabel_uit_html(response.content.decode(), "dashboard")
    assert rijen[3][12] != "geen activiteit sinds 7 weken"
    assert rijen[1][9] == "0"


def test_invalid_period_explains_at_the_field_and_falls_back(client_als, testteam):
    vandaag = timezone.localdate()
    response = client_als("demo-teamchef").get(
        "/team/testteam/", {"van": f"{vandaag}", "tot": f"{vandaag - dt.timedelta(5)}"}
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "De einddatum ligt vóór de begindatum." in html
    assert f'value="{vandaag - dt.timedelta(5):%Y-%m-%d}"' in html, "what the user typed stays"
    assert len(tabel_uit_html(html, "dashboard")) == 5
    response = client_als("demo-teamchef").get("/team/testteam/", {"van": "gisteren", "tot": ""})
    assert response.status_code == 200


@pytest.mark.parametrize(
    "pad",
    [
        "/team/activering-lindenhoven/",
        "/team/activering-lindenhoven/export.csv",
        "/team/activering-lindenhoven/export.xlsx",
        "/team/activering-lindenhoven/plan/",
        "/team/bestaat-niet/",
    ],
)
def test_teamchef_gets_404_for_a_team_they_do_not_lead(client_als, pad):
    assert client_als("demo-teamchef").get(pad).status_code == 404


def test_members_and_other_roles_get_404_on_team_pages(client_als, testteam):
    for wie in ["demo-consulent", "demo-beheerder", "teamchef.lindenhoven"]:
        client = client_als(wie)
        assert client.get("/team/testteam/").status_code == 404
        assert client.get("/team/testteam/export.csv").status_code == 404


def test_csv_export_rows_equal_dashboard_rows(client_als, testteam):
    client = client_als("demo-teamchef")
    html = client.get("/team/testteam/", _periode()).content.decode()
    scherm = tabel_uit_html(html, "dashboard")
    response = client.get("/team/testteam/export.csv", _periode())
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    rijen = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert rijen == scherm


def test_xlsx_export_rows_equal_dashboard_rows(client_als, testteam):
    client = client_als("demo-teamchef")
    scherm = tabel_uit_html(client.get("/team/testteam/", _periode()).content.decode(), "dashboard")
    response = client.get("/team/testteam/export.xlsx", _periode())
    blad = openpyxl.load_workbook(io.BytesIO(response.content)).active

    def tekst(waarde):
        if isinstance(waarde, float):
            waarde = Decimal(str(waarde))
        if isinstance(waarde, dt.datetime):
            waarde = waarde.date()
        return cel_tekst(waarde)

    rijen = [[tekst(c) for c in rij] for rij in blad.iter_rows(values_only=True)]
    assert rijen == scherm
    assert isinstance(blad["C2"].value, int), "numbers stay numbers in Excel"


def test_trend_chart_is_svg_with_a_table_of_the_same_months(client_als, testteam):
    html = client_als("demo-teamchef").get("/team/testteam/", _periode()).content.decode()
    assert '<svg viewBox="0 0 720 260" role="img" aria-labelledby="trend-titel"' in html
    assert "trend__staaf--intervisie" in html
    maanden = tabel_uit_html(html, "trendtabel")[1:]
    assert 2 <= len(maanden) <= 3
    assert sum(int(m[2]) for m in maanden) == 3, "intervisie per month adds up to the sessions"


def test_teamchef_overview_shows_first_team_and_links_the_others(client_als, demo_gebruikers):
    html = client_als("demo-teamchef").get("/team/").content.decode()
    assert "Mijn team: Team Jongeren" in html
    assert 'href="/team/werk-participatie-noordwaarde/"' in html


def test_non_teamchef_is_refused_the_team_overview(client_als):
    assert client_als("demo-consulent").get("/team/").status_code == 403


def test_dashboard_query_count_does_not_grow_with_members(
    client_als, testteam, django_assert_max_num_queries
):
    client = client_als("demo-teamchef")
    with django_assert_max_num_queries(11):
        client.get("/team/testteam/")
    for i in range(30):
        lid = gebruiker(f"extra{i}", "Extra", str(i))
        testteam["team"].leden.add(lid)
        vastleggen(lid, S.INTERVISIE_BIJGEWOOND, i + 1, uren=1)
        Voornemen.objects.create(gebruiker=lid, titel="x")
    with django_assert_max_num_queries(11):
        response = client.get("/team/testteam/")
    assert len(tabel_uit_html(response.content.decode(), "dashboard")) == 35


def test_xlsx_export_survives_a_team_name_excel_forbids_in_sheet_titles(client_als, testteam):
    testteam["team"].naam = "Jongeren [noord/zuid]: pilot?"
    testteam["team"].save()
    response = client_als("demo-teamchef").get("/team/testteam/export.xlsx")
    assert response.status_code == 200
    assert openpyxl.load_workbook(io.BytesIO(response.content)).active.title.startswith("Jongeren")


def test_team_exports_write_a_formula_like_name_as_text(client_als, testteam):
    aanval = '=HYPERLINK("http://aanval.example","Anna")'
    get_user_model().objects.filter(username="anna").update(first_name=aanval, last_name="")
    client = client_als("demo-teamchef")
    tekst = client.get("/team/testteam/export.csv").content.decode("utf-8-sig")
    namen = [r[0] for r in csv.reader(io.StringIO(tekst), delimiter=";")]
    assert "'" + aanval in namen and aanval not in namen
    blad = openpyxl.load_workbook(
        io.BytesIO(client.get("/team/testteam/export.xlsx").content)
    ).active
    cellen = [c for c in blad["A"] if c.value == aanval]
    assert cellen and all(c.data_type == "s" for c in cellen)

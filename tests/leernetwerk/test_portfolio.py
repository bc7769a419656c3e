"""My own record: the consulent's whole leercyclus as PDF and JSON, and nobody else's content."""

import datetime
import json

import pytest
from django.utils import timezone

from cms.activiteiten import Activiteit
from cms.models import Team
from leernetwerk import services
from leernetwerk.leercyclus.models import Leercyclusplan, Planmodule, Reflectie
from leernetwerk.models import Voornemen

from .conftest import CASUS

S = Activiteit.Soort
VREEMD = [
    CASUS,
    "Kleine stappen vieren",  # leerpunten of the session
    "Rijschoolkosten uitzoeken",  # Daan's actiepunt
    "Daans voornemen",
    "Daans reflectie over zijn klant",
    "Daans logboek",
    "Daans oefening",
    "Daan Mulder",  # another participant
    "Fatima El Amrani",  # the gespreksleider
]


@pytest.fixture
def leercycli(sessie, demo_gebruikers):
    """Sanne's own leercyclus beside Daan's, who shares her intervisie session."""
    sanne, daan = demo_gebruikers["demo-consulent"], demo_gebruikers["daan.mulder"]
    services.aanwezigheid_bevestigen(sessie=sessie, deelnemer=sanne)
    sessie.onderwerp = "Motivatie bij jongeren"
    sessie.pauze_minuten = 15
    sessie.save()
    nu = timezone.now()
    for wie, titel, gedaan in (
        (sanne, "Doelen samen formuleren", "Ik liet de klant zelf het doel kiezen."),
        (daan, "Daans voornemen", "Daans reflectie over zijn klant"),
    ):
        Voornemen.objects.create(
            gebruiker=wie,
            titel=titel,
            status=Voornemen.Status.AFGEROND,
            afgerond=nu,
            reflectie_gedaan=gedaan,
            reflectie_werkte="Kleine doelen werkten beter.",
        )
    Voornemen.objects.create(gebruiker=sanne, titel="Open vragen oefenen")
    Reflectie.objects.create(gebruiker=sanne, tekst="Mijn eigen logboekregel.", uren="1.5")
    Reflectie.objects.create(gebruiker=daan, tekst="Daans logboek")
    for wie, titel in ((sanne, "Klanttype herkennen"), (daan, "Daans oefening")):
        Activiteit.objects.create(gebruiker=wie, soort=S.OEFENING_AFGEROND, titel=titel)
    Activiteit.objects.create(gebruiker=sanne, soort=S.MODULE_AFGEROND, titel="Basismodule MI")
    plan = Leercyclusplan.objects.create(team=Team.objects.get(slug="jongeren-noordwaarde"))
    Planmodule.objects.create(
        plan=plan, naam="Zelfsturing", uiterlijk=timezone.localdate() + datetime.timedelta(30)
    )
    return sanne, daan


def test_the_json_holds_her_whole_leercyclus_and_nothing_of_anyone_else(
    client_als, leercycli, sessie
):
    response = client_als("demo-consulent").get("/mijn-leercyclus/portfolio.json")

    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert response["Content-Disposition"].startswith('attachment; filename="portfolio-demo-')
    tekst = response.content.decode()
    gegevens = json.loads(tekst)
    assert gegevens["formaat"] == "leernetwerk-portfolio" and gegevens["versie"] == 1
    assert gegevens["persoon"]["naam"] == "Sanne de Vries"
    assert [m["module"] for m in gegevens["modules"]["plan"]] == ["Zelfsturing"]
    assert [m["titel"] for m in gegevens["modules"]["afgerond"]] == ["Basismodule MI"]
    assert [o["titel"] for o in gegevens["oefeningen"]] == ["Klanttype herkennen"]
    assert [v["titel"] for v in gegevens["voornemens"]] == [
        "Doelen samen formuleren",
        "Open vragen oefenen",
    ]
    assert gegevens["voornemens"][0]["wat_heb_ik_gedaan"] == (
        "Ik liet de klant zelf het doel kiezen."
    )
    assert [r["tekst"] for r in gegevens["reflecties"]] == ["Mijn eigen logboekregel."]
    assert gegevens["intervisie"] == {
        "sessies": [
            {
                "datum": f"{sessie.datum:%Y-%m-%d}",
                "begin": "13:30",
                "einde": "15:00",
                "pauze_minuten": 15,
                "netto_uren": "1.25",
                "vorm_van_reflectie": "intervisie",
                "methode": "Incidentmethode",
                "in_persoon_of_online": "in persoon",
                "groep": "Intervisie Team Jongeren",
                "onderwerp": "Motivatie bij jongeren",
                "aanwezigheid_bevestigd": f"{timezone.localdate():%Y-%m-%d}",
            }
        ],
        "uren": "1.25",
    }
    assert [v for v in VREEMD if v in tekst] == []


def test_the_pdf_is_her_portfolio_without_other_peoples_content(client_als, leercycli, pdf_opmaak):
    response = client_als("demo-consulent").get("/mijn-leercyclus/portfolio.pdf")

    assert response["Content-Type"] == "application/pdf"
    tekst = " ".join(t for _rechts, pagina in pdf_opmaak for _x, t in pagina)
    for eigen in ("Sanne de Vries", "Doelen samen formuleren", "Klanttype herkennen", "1,25"):
        assert eigen in tekst
    assert "Mijn eigen logboekregel." in tekst and "Motivatie bij jongeren" in tekst
    assert [v for v in VREEMD if v in tekst] == []


def test_a_teamchef_cannot_download_someone_elses_portfolio(client_als, leercycli):
    sanne, _daan = leercycli
    client = client_als("demo-teamchef")  # Sanne's teamchef
    for pad in (
        f"/mijn-leercyclus/portfolio.json?gebruiker={sanne.pk}",
        f"/mijn-leercyclus/portfolio.json?user={sanne.pk}&username=demo-consulent",
    ):
        gegevens = json.loads(client.get(pad).content)
        assert gegevens["persoon"]["gebruikersnaam"] == "demo-teamchef"
        assert gegevens["voornemens"] == [] and gegevens["intervisie"]["sessies"] == []
    assert client.get(f"/mijn-leercyclus/{sanne.pk}/portfolio.json").status_code == 404
    assert client.get(f"/mijn-leercyclus/portfolio/{sanne.pk}.pdf").status_code == 404
    client.logout()
    response = client.get("/mijn-leercyclus/portfolio.json")
    assert response.status_code == 302 and "/inloggen/" in response["Location"]


def test_the_portfolio_reads_in_a_fixed_number_of_queries(
    client_als, plan_sessie, demo_gebruikers, django_assert_max_num_queries
):
    sanne = demo_gebruikers["demo-consulent"]
    client = client_als("demo-consulent")

    def meer(n, vanaf):
        for i in range(n):
            s = plan_sessie(datum=timezone.localdate() - datetime.timedelta(days=vanaf + i))
            services.aanwezigheid_bevestigen(sessie=s, deelnemer=sanne)
            Voornemen.objects.create(gebruiker=sanne, titel=f"Voornemen {vanaf + i}")
            Reflectie.objects.create(gebruiker=sanne, tekst=f"Regel {vanaf + i}")

    meer(1, 1)
    with django_assert_max_num_queries(20) as weinig:
        client.get("/mijn-leercyclus/portfolio.json")
    meer(25, 10)
    with django_assert_max_num_queries(len(weinig.captured_queries)):
        gegevens = json.loads(client.get("/mijn-leercyclus/portfolio.json").content)
    assert len(gegevens["intervisie"]["sessies"]) == 26 and len(gegevens["reflecties"]) == 26

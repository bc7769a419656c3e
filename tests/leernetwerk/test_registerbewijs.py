"""Register-ready hours evidence: net hours without breaks, the facts registers check, running
totals against the person's own five-year minimum, PDF and CSV for the person only."""

import csv
import datetime
import importlib
import io
from decimal import Decimal

import pytest
from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone

from cms.activiteiten import Activiteit
from leernetwerk import selectors, services
from leernetwerk.models import Intervisiesessie, Registerperiode

D = datetime.date
VANDAAG = timezone.localdate


def _bevestigen(sessie, *gebruikers):
    for g in gebruikers:
        services.aanwezigheid_bevestigen(sessie=sessie, deelnemer=g)


def _periode(gebruiker, begin, minimum="60"):
    return services.registerperiode_instellen(
        gebruiker=gebruiker, register="Registerplein", begin=begin, minimum_uren=Decimal(minimum)
    )


def _csv(response):
    tekst = response.content.decode("utf-8-sig")
    return list(csv.reader(io.StringIO(tekst), delimiter=";"))


@pytest.fixture
def daan(demo_gebruikers):
    return demo_gebruikers["daan.mulder"]


# --- the figures ---------------------------------------------------------------------------


def test_net_hours_subtract_the_breaks_and_totals_add_minutes_not_rounded_rows(plan_sessie, daan):
    dag = VANDAAG() - datetime.timedelta(days=40)
    ochtend = plan_sessie(datum=dag, start=(9, 0), eind=(12, 30), pauze_minuten=30)
    middag = plan_sessie(datum=dag, start=(13, 30), eind=(15, 0))
    korte = [
        plan_sessie(datum=dag + datetime.timedelta(days=i), start=(16, 0), eind=(16, 20))
        for i in (1, 2, 3)
    ]
    _bevestigen(ochtend, daan)
    _bevestigen(middag, daan)
    for s in korte:
        _bevestigen(s, daan)

    assert ochtend.bruto_minuten == 210 and ochtend.netto_minuten == 180
    assert ochtend.uren == Decimal("3.00")  # 3,5 hours from start to end, half an hour break
    assert korte[0].uren == Decimal("0.33")

    bewijs = selectors.registerbewijs(daan, dag, dag + datetime.timedelta(days=5))
    assert [r.uren for r in bewijs.regels] == [Decimal(x) for x in ("3.00", "1.50", *["0.33"] * 3)]
    assert [r.punten for r in bewijs.regels] == [r.uren for r in bewijs.regels]
    assert [r.totaal_uren for r in bewijs.regels] == [
        Decimal(x) for x in ("3.00", "4.50", "4.83", "5.17", "5.50")
    ]
    # Three sessions of 20 minutes are one hour, not 0,99.
    assert bewijs.uren == Decimal("5.50")
    # The leercyclus counts the same net hours.
    assert Activiteit.objects.get(gebruiker=daan, object_id=ochtend.pk).uren == Decimal("3.00")


def test_changing_times_or_breaks_afterwards_changes_the_hours_in_the_leercyclus(plan_sessie, daan):
    s = plan_sessie(datum=VANDAAG() - datetime.timedelta(days=2), start=(9, 0), eind=(12, 0))
    _bevestigen(s, daan)
    soort = ContentType.objects.get_for_model(Intervisiesessie)
    rij = Activiteit.objects.get(gebruiker=daan, content_type=soort, object_id=s.pk)
    assert rij.uren == Decimal("3.00")

    services.sessie_bijwerken(sessie=s, versie=s.versie, gegevens={"pauze_minuten": 45})

    rij.refresh_from_db()
    assert rij.uren == Decimal("2.25")


def test_running_totals_against_the_minimum_of_the_five_year_period(plan_sessie, daan):
    begin = VANDAAG().replace(day=1) - datetime.timedelta(days=800)  # in the third year
    periode = _periode(daan, begin, minimum="10")
    assert periode.eind == begin.replace(year=begin.year + 5) - datetime.timedelta(days=1)
    jaar1 = plan_sessie(datum=begin + datetime.timedelta(days=10), start=(9, 0), eind=(13, 0))
    jaar1.pauze_minuten = 30
    jaar1.save()
    jaar3 = plan_sessie(datum=begin + datetime.timedelta(days=740), start=(9, 0), eind=(11, 0))
    voor = plan_sessie(datum=begin - datetime.timedelta(days=1), start=(9, 0), eind=(11, 0))
    _bevestigen(jaar1, daan)
    _bevestigen(jaar3, daan)
    _bevestigen(voor, daan)  # before the period: not counted

    bewijs = selectors.registerbewijs(daan)

    assert [len(b.regels) for b in bewijs.bladen] == [1, 0, 1, 0, 0]
    assert [b.uren for b in bewijs.bladen] == [Decimal(x) for x in ("3.5", "0", "2", "0", "0")]
    assert [b.totaal_uren for b in bewijs.bladen] == [
        Decimal(x) for x in ("3.5", "3.5", "5.5", "5.5", "5.5")
    ]
    assert [b.verwacht_uren for b in bewijs.bladen] == [
        Decimal(x) for x in ("2", "4", "6", "8", "10")
    ]
    assert bewijs.bladen[1].van == begin.replace(year=begin.year + 1)
    assert bewijs.bladen[4].tot == periode.eind
    assert bewijs.uren == Decimal("5.50") and bewijs.nog_nodig == Decimal("4.50")
    assert not bewijs.gehaald and bewijs.procent == 55


def test_a_period_starting_on_29_february_has_five_whole_years():
    periode = Registerperiode(begin=D(2024, 2, 29), register="SKJ", minimum_uren=Decimal("1"))
    assert periode.eind == D(2029, 2, 28)
    assert periode.jaren()[1] == (D(2025, 3, 1), D(2026, 2, 28))


def test_only_own_confirmed_attendance_counts_and_participants_are_those_who_confirmed(
    plan_sessie, daan, demo_gebruikers
):
    fatima, sanne = demo_gebruikers["fatima.elamrani"], demo_gebruikers["demo-consulent"]
    samen = plan_sessie(datum=VANDAAG() - datetime.timedelta(days=3), onderwerp="Motivatie")
    zonder_daan = plan_sessie(datum=VANDAAG() - datetime.timedelta(days=2))
    _bevestigen(samen, daan, fatima)  # Sanne was invited but did not confirm
    _bevestigen(zonder_daan, sanne)

    bewijs = selectors.registerbewijs(daan, VANDAAG() - datetime.timedelta(days=10), VANDAAG())

    assert [r.sessie for r in bewijs.regels] == [samen]
    regel = bewijs.regels[0]
    assert sorted(naam for naam, _datum in regel.deelnemers) == ["Daan Mulder", "Fatima El Amrani"]
    assert regel.begeleider == "Fatima El Amrani"


# --- input: the session's register fields and the period form --------------------------------


def _sessie_formulier(groep, **velden):
    return {
        "methode": str(groep.standaard_methode_id),
        "datum": f"{VANDAAG():%Y-%m-%d}",
        "start": "09:00",
        "eind": "10:00",
        "vorm": "online",
        "reflectievorm": "",
        "pauze_minuten": "0",
        "onderwerp": "",
        **velden,
    }


def test_a_break_as_long_as_the_session_is_refused_at_the_field_and_input_stays(client_als, groep):
    client = client_als("daan.mulder")
    url = f"/intervisie/groepen/{groep.pk}/sessies/nieuw/"
    response = client.post(url, _sessie_formulier(groep, pauze_minuten="60", onderwerp="Grenzen"))
    assert response.status_code == 200
    fouten = response.context["form"].errors
    assert fouten["pauze_minuten"] == [
        "De pauze (60 minuten) moet korter zijn dan de sessie (60 minuten van begin tot einde)."
    ]
    assert 'value="Grenzen"' in response.content.decode()
    assert not Intervisiesessie.objects.exists()

    response = client.post(url, _sessie_formulier(groep, pauze_minuten="15"))
    sessie = Intervisiesessie.objects.get()
    assert sessie.uren == Decimal("0.75") and sessie.get_vorm_display() == "online met beeld"
    assert sessie.reflectievorm == "intervisie"  # as the incidentmethode proposes


@pytest.mark.parametrize(
    "onderwerp, melding",
    [
        ("Gesprek met klant BSN 111222333", "Verwijder"),
        ("Bellen naar 06-12345678 over uitkering", "Verwijder"),
        ("Motivatie\nDe klant vertelde dat", "op één regel"),
    ],
)
def test_the_topic_line_goes_through_the_privacy_guard(client_als, groep, onderwerp, melding):
    client = client_als("daan.mulder")
    response = client.post(
        f"/intervisie/groepen/{groep.pk}/sessies/nieuw/",
        _sessie_formulier(groep, onderwerp=onderwerp),
    )
    assert response.status_code == 200
    assert melding in " ".join(response.context["form"].errors["onderwerp"])
    assert not Intervisiesessie.objects.exists()


def test_casuistiekbespreking_is_proposed_by_its_method(plan_sessie):
    sessie = plan_sessie(methode="casuistiekbespreking")
    assert sessie.reflectievorm == "casuistiekbespreking"


def test_existing_sessions_keep_counting_and_get_their_form_of_reflection(plan_sessie, methoden):
    """As before the migration: no break recorded, intervisie as the default form."""
    migratie = importlib.import_module("leernetwerk.migrations.0008_reflectievorm_vullen")
    oud = plan_sessie(methode="casuistiekbespreking", start=(9, 0), eind=(10, 30))
    bijeenkomst = plan_sessie(methode="leernetwerkbijeenkomst")
    Intervisiesessie.objects.update(reflectievorm="intervisie")
    methoden["casuistiekbespreking"].reflectievorm = "intervisie"
    methoden["casuistiekbespreking"].save()

    migratie.vullen(apps, None)

    oud.refresh_from_db()
    bijeenkomst.refresh_from_db()
    assert oud.reflectievorm == "casuistiekbespreking" and oud.pauze_minuten == 0
    assert oud.uren == Decimal("1.50")
    assert bijeenkomst.reflectievorm == "intercollegiale_consultatie"
    methoden["casuistiekbespreking"].refresh_from_db()
    assert methoden["casuistiekbespreking"].reflectievorm == "casuistiekbespreking"


@pytest.mark.parametrize(
    "velden, veld, melding",
    [
        ({"register": ""}, "register", "Vul de naam van je register in"),
        ({"begin": ""}, "begin", "Vul de begindatum van je registerperiode in."),
        ({"begin": "31-02-2024"}, "begin", "Vul een geldige datum in"),
        ({"minimum_uren": "zestig"}, "minimum_uren", "Vul een getal in, bijvoorbeeld 60 of 37,5."),
        ({"minimum_uren": "0"}, "minimum_uren", "Het minimum is ten minste 1 uur."),
        ({"minimum_uren": "5000"}, "minimum_uren", "Meer dan 1000 uur"),
    ],
)
def test_the_period_form_says_in_dutch_at_the_field_what_is_wrong(
    client_als, daan, velden, veld, melding
):
    data = {"register": "Registerplein", "begin": "2024-09-01", "minimum_uren": "60", **velden}
    response = client_als("daan.mulder").post("/intervisie/uren/", data)
    assert response.status_code == 400
    assert melding in " ".join(response.context["periode_form"].errors[veld])
    inhoud = response.content.decode()
    assert 'value="Registerplein"' in inhoud or velden.get("register") == ""
    assert not Registerperiode.objects.exists()


def test_a_free_range_longer_than_ten_calendar_years_is_refused_at_the_field(client_als):
    response = client_als("daan.mulder").get(
        "/intervisie/uren/bewijs.pdf", {"van": "1900-01-01", "tot": "2026-12-31"}
    )
    assert response.status_code == 400
    assert response.context["uren_form"].errors["van"] == [
        "Kies een periode van hoogstens 10 kalenderjaren."
    ]
    assert 'value="1900-01-01"' in response.content.decode()


def test_the_period_takes_a_dutch_decimal_comma_and_can_be_changed(client_als, daan):
    client = client_als("daan.mulder")
    data = {"register": "Registerplein", "begin": "2024-09-01", "minimum_uren": "37,5"}
    response = client.post("/intervisie/uren/", data)
    assert response.status_code == 302
    assert Registerperiode.objects.get(gebruiker=daan).minimum_uren == Decimal("37.5")
    client.post("/intervisie/uren/", {**data, "minimum_uren": "60"})
    assert Registerperiode.objects.get(gebruiker=daan).minimum_uren == Decimal("60")
    assert "Jaar 5 van 5: 1 september 2028 tot en met 31 augustus 2029" in (
        client.get("/intervisie/uren/").content.decode()
    )


# --- downloads: PDF and CSV, for the person only ----------------------------------------------


def test_csv_carries_every_register_fact_and_cannot_smuggle_a_formula(
    client_als, plan_sessie, daan, demo_gebruikers
):
    begin = VANDAAG() - datetime.timedelta(days=30)
    _periode(daan, begin)
    s = plan_sessie(
        datum=begin + datetime.timedelta(days=3),
        start=(9, 0),
        eind=(12, 30),
        pauze_minuten=30,
        vorm="online",
        onderwerp="=HYPERLINK(1)",
    )
    _bevestigen(s, daan, demo_gebruikers["fatima.elamrani"])

    rijen = _csv(client_als("daan.mulder").get("/intervisie/uren/bewijs.csv"))

    kop, regel, totaal = rijen
    jaar_eind = begin.replace(year=begin.year + 1) - datetime.timedelta(days=1)
    assert dict(zip(kop, regel, strict=True)) | {"Deelnemers (zelf bevestigd)": "…"} == {
        "Periode": f"{begin:%d-%m-%Y} – {jaar_eind:%d-%m-%Y}",
        "Datum": f"{s.datum:%d-%m-%Y}",
        "Begin": "09:00",
        "Einde": "12:30",
        "Pauze (minuten)": "30",
        "Netto uren": "3,00",
        "Punten": "3,00",
        "Totaal uren tot en met deze sessie": "3,00",
        "Vorm van reflectie": "intervisie",
        "Methode": "Incidentmethode",
        "In persoon of online": "online met beeld",
        "Groep": "Intervisie Team Jongeren",
        "Begeleider": "Fatima El Amrani",
        "Onderwerp": "'=HYPERLINK(1)",
        "Deelnemers (zelf bevestigd)": "…",
    }
    assert "Daan Mulder (" in regel[-1] and "Fatima El Amrani (" in regel[-1]
    assert totaal[:8] == ["Totaal", "", "", "", "", "3,00", "3,00", "minimum 60,00"]


def test_nobody_downloads_someone_elses_evidence(client_als, plan_sessie, daan):
    _periode(daan, VANDAAG() - datetime.timedelta(days=30))
    s = plan_sessie(datum=VANDAAG() - datetime.timedelta(days=3), onderwerp="Grenzen stellen")
    _bevestigen(s, daan)
    client = client_als("demo-teamchef")  # Daan's teamchef

    # No register period of her own: sent to set one, never shown Daan's.
    response = client.get(f"/intervisie/uren/bewijs.csv?gebruiker={daan.pk}")
    assert response.status_code == 302 and response["Location"].endswith("#registerperiode")
    van = VANDAAG() - datetime.timedelta(days=60)
    response = client.get(
        "/intervisie/uren/bewijs.csv",
        {"van": f"{van}", "tot": f"{VANDAAG()}", "gebruiker": daan.pk},
    )
    assert "Grenzen stellen" not in response.content.decode("utf-8-sig")
    assert len(_csv(response)) == 2  # header and an empty total
    pagina = client.get(f"/intervisie/uren/?gebruiker={daan.pk}").content.decode()
    assert "Grenzen stellen" not in pagina
    assert client.get(f"/intervisie/uren/{daan.pk}/bewijs.pdf").status_code == 404

    client.logout()
    response = client.get("/intervisie/uren/bewijs.pdf")
    assert response.status_code == 302 and "/inloggen/" in response["Location"]


def test_the_pdf_prints_one_page_per_registration_year(client_als, plan_sessie, daan, pdf_opmaak):
    begin = VANDAAG() - datetime.timedelta(days=400)
    _periode(daan, begin)
    for dagen in (10, 20, 390):
        s = plan_sessie(datum=begin + datetime.timedelta(days=dagen), pauze_minuten=15)
        _bevestigen(s, daan)

    response = client_als("daan.mulder").get("/intervisie/uren/bewijs.pdf")

    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == (
        f'attachment; filename="intervisie-uren-{begin}-{Registerperiode.objects.get().eind}.pdf"'
    )
    assert len(pdf_opmaak) == 5
    teksten = [" ".join(t for _x, t in pagina) for _rechts, pagina in pdf_opmaak]
    for nummer, tekst in enumerate(teksten, start=1):
        assert f"Jaar {nummer} van 5" in tekst
    assert "2,50" in teksten[0] and "1,25" in teksten[1]  # year total and the running total
    rechts, dozen = pdf_opmaak[0]
    assert [t for x, t in dozen if x > rechts + 0.5] == [], "text beyond the right margin"


def test_overview_query_count_does_not_grow_with_the_sessions(
    client_als, plan_sessie, daan, demo_gebruikers, django_assert_max_num_queries
):
    begin = VANDAAG() - datetime.timedelta(days=700)
    _periode(daan, begin)
    client = client_als("daan.mulder")
    leden = [daan, demo_gebruikers["fatima.elamrani"], demo_gebruikers["lotte.jansen"]]

    def sessies(aantal, vanaf):
        for i in range(aantal):
            s = plan_sessie(datum=begin + datetime.timedelta(days=vanaf + i * 10))
            _bevestigen(s, *leden)

    sessies(2, 0)
    with django_assert_max_num_queries(14) as weinig:
        assert client.get("/intervisie/uren/").status_code == 200
    sessies(40, 30)
    with django_assert_max_num_queries(len(weinig.captured_queries)):
        response = client.get("/intervisie/uren/")
    assert response.content.decode().count("Fatima El Amrani") >= 42

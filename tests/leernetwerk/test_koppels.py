"""Koppels: two consulenten observe each other's client conversations.

The observations are for the pair only; the leercyclus counts that (and when) they met; the
home page reminds a pair that has not met for longer than its cadence (four weeks).
"""

import datetime
import io

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone

from cms.activiteiten import Activiteit
from cms.taxonomie import Basismethodiek
from leernetwerk import services
from leernetwerk.leercyclus.selectors import Periode, feiten_ophalen
from leernetwerk.models import Koppel, Koppelobservatie

TIP = "Vraag door op het slapen: misschien mislukken daarom de ochtendafspraken."
GOED = "Je opende zonder verwijt en liet hem zelf vertellen wat er misging."


def _dagen_geleden(n):
    return timezone.localdate() - datetime.timedelta(days=n)


@pytest.fixture
def koppel(demo_gebruikers):
    g = demo_gebruikers
    return services.koppel_vormen(
        consulent=g["demo-consulent"], collega=g["fatima.elamrani"], door=g["demo-trainer"]
    )


def _observeren(koppel, wie, dagen=3, **velden):
    return services.koppelobservatie_vastleggen(
        koppel=koppel,
        observator=wie,
        datum=_dagen_geleden(dagen),
        technieken=velden.pop(
            "technieken", list(Basismethodiek.objects.filter(slug="open-vragen"))
        ),
        valkuilen=velden.pop("valkuilen", ["niet-doorvragen"]),
        ging_goed=velden.pop("ging_goed", GOED),
        tip=velden.pop("tip", TIP),
    )


@pytest.fixture
def observatie(koppel, demo_gebruikers):
    return _observeren(koppel, demo_gebruikers["fatima.elamrani"])


# --- who reads what ----------------------------------------------------------------------------


@pytest.mark.parametrize("lid", ["demo-consulent", "fatima.elamrani"])
def test_both_of_the_pair_read_the_observation(client_als, observatie, lid):
    response = client_als(lid).get(observatie.koppel.get_absolute_url())
    assert response.status_code == 200
    assert TIP in response.content.decode()
    assert "Valkuil: niet doorvragen op een signaal" in response.content.decode()


@pytest.mark.parametrize(
    "buitenstaander",
    ["daan.mulder", "demo-trainer", "demo-teamchef", "demo-kennisbeheerder", "demo-beheerder"],
)
def test_nobody_else_reads_the_observation_not_even_who_formed_the_pair(
    client_als, observatie, buitenstaander
):
    client = client_als(buitenstaander)
    response = client.get(observatie.koppel.get_absolute_url())
    onbekend = client.get(f"/intervisie/koppels/{observatie.koppel.pk + 1000}/")
    assert response.status_code == onbekend.status_code == 404
    assert TIP.encode() not in response.content
    # Their overview pages give no content either.
    for pad in ("/intervisie/koppels/", "/intervisie/", "/", "/mijn-leercyclus/"):
        assert TIP.encode() not in client.get(pad).content


def test_a_superuser_gets_404_as_well(client, observatie):
    beheer = get_user_model().objects.create_superuser("super", "super@example.org", "x" * 20)
    client.force_login(beheer)
    assert client.get(observatie.koppel.get_absolute_url()).status_code == 404


def test_observations_are_not_in_the_admin_search_or_exports(client_als, observatie):
    client = client_als("demo-beheerder")
    assert client.get("/beheer/snippets/leernetwerk/koppelobservatie/").status_code == 404
    assert TIP.encode() not in client.get("/zoeken/?q=ochtendafspraken").content
    lid = client_als("demo-consulent")
    assert lid.get("/api/zoeken/?q=ochtendafspraken").json()["totaal"] == 0


def test_teamchef_sees_that_and_when_the_pair_met_never_the_content(client_als, observatie):
    client = client_als("demo-teamchef")
    overzicht = client.get("/intervisie/koppels/").content.decode()
    assert "Sanne de Vries · Fatima El Amrani" in overzicht
    assert observatie.datum.strftime("%d-%m-%Y") in overzicht
    dashboard = client.get("/team/jongeren-noordwaarde/").content.decode()
    assert "Koppelgesprekken" in dashboard
    export = client.get("/team/jongeren-noordwaarde/export.csv").content.decode("utf-8-sig")
    kop, *rijen = export.splitlines()
    kolom = kop.split(";").index("Koppelgesprekken")
    sanne = next(r for r in rijen if r.startswith("Sanne de Vries"))
    assert sanne.split(";")[kolom] == "1"
    assert sanne.split(";")[kolom + 1] == observatie.datum.strftime("%d-%m-%Y")
    for tekst in (TIP, GOED):
        assert tekst not in overzicht + dashboard + export


def test_a_teamchef_of_another_gemeente_does_not_see_the_pair(client_als, observatie):
    assert (
        b"Sanne de Vries"
        not in client_als("teamchef.lindenhoven").get("/intervisie/koppels/").content
    )


# --- the leercyclus counts participation -------------------------------------------------------


def test_one_observation_counts_as_a_koppelgesprek_for_both_of_the_pair(
    observatie, demo_gebruikers
):
    g = demo_gebruikers
    ids = [g["demo-consulent"].pk, g["fatima.elamrani"].pk, g["daan.mulder"].pk]
    feiten = feiten_ophalen(ids, Periode.laatste_maanden(3))
    sanne, fatima, daan = (feiten[pk] for pk in ids)
    assert sanne.koppelgesprekken == fatima.koppelgesprekken == 1
    assert timezone.localtime(sanne.laatste_koppelgesprek).date() == observatie.datum
    assert daan.koppelgesprekken == 0
    # The ledger holds the pair and the date, never what was written.
    titels = set(Activiteit.objects.filter(soort="koppelgesprek").values_list("titel", flat=True))
    assert titels == {"Koppel Sanne de Vries en Fatima El Amrani"}


# --- the reminder ------------------------------------------------------------------------------


@pytest.mark.parametrize(("dagen", "herinnerd"), [(27, False), (29, True)])
def test_home_reminds_the_pair_after_more_than_four_weeks(
    client_als, koppel, demo_gebruikers, dagen, herinnerd
):
    koppel.gevormd = _dagen_geleden(60)
    koppel.save()
    _observeren(koppel, demo_gebruikers["demo-consulent"], dagen=dagen)
    for lid in ("demo-consulent", "fatima.elamrani"):
        home = client_als(lid).get("/").content.decode()
        assert ("Tijd om mee te kijken" in home) is herinnerd
    assert "Tijd om mee te kijken" not in client_als("daan.mulder").get("/").content.decode()


def test_a_new_pair_that_never_met_is_reminded_four_weeks_after_forming(client_als, koppel):
    assert "Tijd om mee te kijken" not in client_als("demo-consulent").get("/").content.decode()
    Koppel.objects.filter(pk=koppel.pk).update(gevormd=_dagen_geleden(29))
    home = client_als("demo-consulent").get("/").content.decode()
    assert "Tijd om mee te kijken" in home
    assert "keek nog niet mee" in home


# --- the form and the privacy guard ------------------------------------------------------------


def _formulier(**velden):
    techniek = Basismethodiek.objects.get(slug="samenvatten")
    return {
        "datum": _dagen_geleden(1).isoformat(),
        "technieken": [str(techniek.pk)],
        "valkuilen": ["ongevraagd-advies"],
        "ging_goed": GOED,
        "tip": TIP,
        **velden,
    }


def test_the_pair_records_an_observation_through_the_form(client_als, koppel):
    client = client_als("fatima.elamrani")
    response = client.post(koppel.get_absolute_url(), _formulier(), follow=True)
    observatie = Koppelobservatie.objects.get()
    assert observatie.observator.username == "fatima.elamrani"
    assert observatie.geobserveerde.username == "demo-consulent"
    assert observatie.valkuilen == ["ongevraagd-advies"]
    assert [t.slug for t in observatie.technieken.all()] == ["samenvatten"]
    assert "Fatima El Amrani keek mee bij Sanne de Vries" in response.content.decode()


def test_client_data_is_refused_at_the_field_and_nothing_typed_is_lost(client_als, koppel):
    tip = "Bel haar terug op 06-12345678 voor de volgende afspraak."
    response = client_als("demo-consulent").post(koppel.get_absolute_url(), _formulier(tip=tip))
    assert response.status_code == 200
    form = response.context["form"]
    assert "Verwijder het telefoonnummer “06-12345678”." in form.errors["tip"]
    assert list(form.errors) == ["tip"]
    html = response.content.decode()
    assert GOED in html and "06-12345678" in html  # what was typed is still there
    assert not Koppelobservatie.objects.exists()
    assert not Activiteit.objects.filter(soort="koppelgesprek").exists()


@pytest.mark.parametrize(
    ("velden", "veld", "melding"),
    [
        ({"datum": "2999-01-01"}, "datum", "Dit gesprek ligt in de toekomst"),
        ({"valkuilen": ["bestaat-niet"]}, "valkuilen", "Selecteer een geldige keuze"),
        ({"technieken": ["abc"]}, "technieken", "Selecteer een geldige keuze"),
        ({"tip": ""}, "tip", "Dit is een verplicht veld"),
    ],
)
def test_bad_input_gets_a_dutch_message_at_its_field(client_als, koppel, velden, veld, melding):
    response = client_als("demo-consulent").post(koppel.get_absolute_url(), _formulier(**velden))
    assert response.status_code == 200
    assert melding in " ".join(response.context["form"].errors[veld])
    assert not Koppelobservatie.objects.exists()


def test_a_basismethodiek_is_no_technique_to_tick(koppel, demo_gebruikers):
    mi = Basismethodiek.objects.filter(soort="basismethodiek").first()
    with pytest.raises(Exception, match="gesprekstechnieken"):
        _observeren(koppel, demo_gebruikers["demo-consulent"], technieken=[mi])


# --- forming pairs -----------------------------------------------------------------------------


@pytest.mark.parametrize("wie", ["demo-consulent", "demo-teamchef", "demo-kennisbeheerder"])
def test_only_trainers_and_beheerders_form_pairs(client_als, demo_gebruikers, wie):
    g = demo_gebruikers
    client = client_als(wie)
    assert client.get("/intervisie/koppels/nieuw/").status_code == 403
    data = {"consulent": g["daan.mulder"].pk, "collega": g["lotte.jansen"].pk, "cadans_weken": 4}
    assert client.post("/intervisie/koppels/nieuw/", data).status_code == 403
    assert not Koppel.objects.exists()


@pytest.mark.parametrize("wie", ["demo-trainer", "demo-beheerder"])
def test_a_trainer_or_beheerder_forms_a_pair_once(client_als, demo_gebruikers, wie):
    g = demo_gebruikers
    client = client_als(wie)
    data = {"consulent": g["lotte.jansen"].pk, "collega": g["daan.mulder"].pk, "cadans_weken": 4}
    assert client.post("/intervisie/koppels/nieuw/", data).status_code == 302
    koppel = Koppel.objects.get()
    assert {koppel.eerste.username, koppel.tweede.username} == {"lotte.jansen", "daan.mulder"}
    assert koppel.gevormd_door.username == wie
    # The same two again, in the other order: refused at the field.
    omgekeerd = {**data, "consulent": data["collega"], "collega": data["consulent"]}
    response = client.post("/intervisie/koppels/nieuw/", omgekeerd)
    assert "vormen al een koppel" in " ".join(response.context["form"].errors["collega"])
    zelf = client.post("/intervisie/koppels/nieuw/", {**data, "collega": data["consulent"]})
    assert "andere collega" in " ".join(zelf.context["form"].errors["collega"])
    assert Koppel.objects.count() == 1


# --- fixed query counts ------------------------------------------------------------------------


def test_pair_pages_stay_within_a_fixed_number_of_queries(
    client_als, koppel, demo_gebruikers, django_assert_max_num_queries
):
    g = demo_gebruikers
    for i in range(8):
        _observeren(koppel, g["demo-consulent" if i % 2 else "fatima.elamrani"], dagen=i + 1)
    for a, b in (("daan.mulder", "lotte.jansen"), ("bram.smit", "joost.vandijk")):
        services.koppel_vormen(consulent=g[a], collega=g[b], door=g["demo-trainer"])
    for wie, pad, maximum in (
        ("demo-consulent", koppel.get_absolute_url(), 14),
        ("demo-consulent", "/intervisie/koppels/", 10),
        ("demo-trainer", "/intervisie/koppels/", 10),
        ("demo-teamchef", "/intervisie/koppels/", 10),
    ):
        client = client_als(wie)
        with django_assert_max_num_queries(maximum):
            assert client.get(pad).status_code == 200


def test_retention_removes_the_observation_text_but_keeps_the_koppelgesprek(
    koppel, demo_gebruikers, client_als
):
    from django.core.management import call_command

    oud = _observeren(koppel, demo_gebruikers["fatima.elamrani"], dagen=800)
    recent = _observeren(koppel, demo_gebruikers["demo-consulent"], dagen=5, tip="Recente tip.")
    call_command("intervisie_opschonen", stdout=io.StringIO())
    oud.refresh_from_db()
    recent.refresh_from_db()
    assert (oud.ging_goed, oud.tip, oud.valkuilen, oud.technieken.count()) == ("", "", [], 0)
    assert recent.tip == "Recente tip."
    assert Activiteit.objects.filter(soort="koppelgesprek", object_id=oud.pk).count() == 2
    pagina = client_als("demo-consulent").get(koppel.get_absolute_url()).content.decode()
    assert TIP not in pagina and "bewaartermijn voorbij" in pagina

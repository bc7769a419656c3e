import re

from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail import hooks

from cms.models import Klanttype, Trede
from cms.search.registry import zoekbare_typen
from kennisbank.models import BeslismomentPage, Herkomst, InterventiePage
from leernetwerk.models import Voornemen

SCHEMA_QUERIES = 25  # fixed, whatever the number of interventies


def titels(response):
    """Titles of the interventies linked from the schema matrix or list."""
    html = "".join(re.findall(r"<table.*?</table>", response.content.decode(), re.S))
    return set(re.findall(r'<a href="/interventieschema/[\w-]+/">([^<]+)</a>', html))


def test_schema_page_exists_on_a_fresh_installation(client_als, schema):
    response = client_als("demo-consulent").get("/interventieschema/")
    assert response.status_code == 200
    assert schema.get_parent().specific_class.__name__ == "HomePage"
    assert "Filter de interventies" in response.content.decode()


def test_schema_shows_interventie_in_each_of_its_fases_as_columns(client_als, interventie_maken):
    interventie_maken("Netwerkkaart", fases=("eerste-gesprek", "verloop"), laag="toolbox")
    html = client_als("demo-consulent").get("/interventieschema/").content.decode()
    koppen = re.findall(r'<th scope="col">([^<]+)</th>', html)
    assert koppen[1:] == [
        "Voorafgaand",
        "Eerste gesprek",
        "Zoekperiode (4 weken)",
        "Tweede gesprek / plangesprek",
        "Verloop",
        "Nazorg",
    ]
    rij = re.search(r"<tr>\s*<th scope=\"row\">Toolbox.*?</tr>", html, re.S).group(0)
    cellen = re.findall(r"<td>(.*?)</td>", rij, re.S)
    assert ["Netwerkkaart" in c for c in cellen] == [False, True, False, False, True, False]


def test_two_filters_show_exactly_the_matching_interventies(client_als, interventie_maken):
    interventie_maken("LVB en pilot", doelgroepen=("lvb",), status="pilot")
    interventie_maken("LVB en ASS, pilot", doelgroepen=("lvb", "ass"), status="pilot")
    interventie_maken("LVB beschikbaar", doelgroepen=("lvb",), status="beschikbaar")
    interventie_maken("Jongeren pilot", doelgroepen=("jongeren",), status="pilot")
    interventie_maken("Zonder doelgroep", status="pilot")
    client = client_als("demo-consulent")
    for pad in ("/interventieschema/", "/interventieschema/lijst/"):
        response = client.get(pad, {"doelgroep": "lvb", "status": "pilot"})
        assert titels(response) == {"LVB en pilot", "LVB en ASS, pilot"}
        assert "2 interventies" in response.content.decode()


def test_doelgroep_filter_includes_its_subgroups(client_als, interventie_maken):
    interventie_maken(
        "Voor jongeren zonder diploma", doelgroepen=("jongeren-zonder-startkwalificatie",)
    )
    interventie_maken("Voor statushouders", doelgroepen=("statushouders",))
    response = client_als("demo-consulent").get("/interventieschema/lijst/?doelgroep=jongeren")
    assert titels(response) == {"Voor jongeren zonder diploma"}


def test_every_taxonomy_filter_narrows_the_set(client_als, interventie_maken):
    raak = interventie_maken("Raak", bewijsniveau="goed_beschreven")
    interventie_maken("Mis")
    raak.treden = [Trede.objects.get(slug="trede-2-3")]
    raak.klanttypen = [Klanttype.objects.get(slug="toetser")]
    raak.herkomst = [Herkomst.objects.get(slug="literatuur")]
    raak.save()
    client = client_als("demo-consulent")
    for query in (
        "trede=heemskerk-trede-2",  # a trede also finds its subtreden
        "klanttype=toetser",
        "herkomst=literatuur",
        "bewijsniveau=goed_beschreven",
    ):
        assert titels(client.get(f"/interventieschema/lijst/?{query}")) == {"Raak"}, query


def test_unknown_filter_value_is_reported_and_ignored(client_als, interventie_maken):
    interventie_maken("Blijft zichtbaar")
    response = client_als("demo-consulent").get("/interventieschema/?doelgroep=bestaat-niet")
    assert response.status_code == 200
    assert "is genegeerd" in response.content.decode()
    assert titels(response) == {"Blijft zichtbaar"}


def test_query_count_is_the_same_for_10_and_1000_interventies(
    client_als, veel_interventies, django_assert_max_num_queries
):
    client = client_als("demo-consulent")
    paden = ["/interventieschema/", "/interventieschema/lijst/", "/interventieschema/export.csv"]
    tellingen = {}
    for totaal in (10, 1000):
        veel_interventies(totaal - InterventiePage.objects.count())
        for pad in paden:
            client.get(pad)  # warm caches (site, content types): what a first request costs
            with (
                django_assert_max_num_queries(SCHEMA_QUERIES),
                CaptureQueriesContext(connection) as queries,
            ):
                response = client.get(pad, {"status": "beschikbaar"})
            assert response.status_code == 200
            tellingen[(pad, totaal)] = len(queries)
        assert f"{totaal} interventies" in client.get("/interventieschema/").content.decode()
    for pad in paden:
        assert tellingen[(pad, 10)] == tellingen[(pad, 1000)], pad


def test_hiaten_count_per_doelgroep_and_fase_and_mark_empty_cells(
    client_als, interventie_maken, django_assert_max_num_queries
):
    interventie_maken(fases=("zoekperiode",), doelgroepen=("lvb",))
    interventie_maken(fases=("zoekperiode", "nazorg"), doelgroepen=("lvb",))
    interventie_maken(fases=("nazorg",), doelgroepen=("lvb",), status="ontbrekend")
    interventie_maken(
        "Taalhuis voor ouders",
        fases=("verloop",),
        doelgroepen=("laaggeletterden",),
        status="ontbrekend",
        hiaat_eigenaar="Beleidsadviseur participatie",
    )
    client = client_als("demo-consulent")
    client.get("/")
    with django_assert_max_num_queries(16):
        html = client.get("/interventieschema/hiaten/").content.decode()
    rij = re.search(r"LVB \(licht verstandelijke beperking\)</th>(.*?)</tr>", html, re.S).group(1)
    cellen = re.findall(r"<td[^>]*>(.*?)</td>", rij, re.S)
    assert [c if c.isdigit() else "leeg" for c in cellen] == [
        "leeg",
        "leeg",
        "2",
        "leeg",
        "leeg",
        "1",
    ]
    assert "geen interventies" in cellen[0]
    register = html.split('id="ontbrekend"')[1]
    assert "Taalhuis voor ouders" in register and "Beleidsadviseur participatie" in register


def test_detail_page_shows_fields_related_and_the_voornemen_button(
    client_als, interventie_maken, demo_gebruikers
):
    hoofd = interventie_maken(
        "Keuzes bieden",
        fases=("plangesprek",),
        doelgroepen=("jongeren",),
        aanbieder="Eigen team",
        bronnen="Movisie (2018)\nLeernetwerk (2020)",
        bewijsniveau="goed_onderbouwd",
    )
    interventie_maken("Zelfde fase en doelgroep", fases=("plangesprek",), doelgroepen=("jongeren",))
    interventie_maken("Andere fase", fases=("nazorg",), doelgroepen=("jongeren",))
    client = client_als("demo-consulent")
    html = client.get(hoofd.url).content.decode()
    assert "Eigen team" in html and "Movisie (2018)" in html and "Goed onderbouwd" in html
    gerelateerd = html.split('id="kop-gerelateerd"')[1]
    assert "Zelfde fase en doelgroep" in gerelateerd and "Andere fase" not in gerelateerd
    assert 'action="/mijn-leercyclus/voornemens/nieuw/"' in html
    response = client.post(
        "/mijn-leercyclus/voornemens/nieuw/", {"interventie": hoofd.pk, "next": hoofd.url}
    )
    assert response["Location"] == hoofd.url
    assert Voornemen.objects.get(gebruiker=demo_gebruikers["demo-consulent"]).titel == (
        "Keuzes bieden"
    )


def test_detail_page_lists_pages_that_link_to_it_via_the_reference_index(
    client_als, interventie_maken, schema
):
    doel = interventie_maken("Handhaving inzetten", fases=("verloop",))
    beslismoment = BeslismomentPage(
        title="No-show",
        slug="no-show",
        vraag="De jongere komt niet. Wat doe je?",
        opties=[
            ("optie", {"optie": "Bellen", "criteria": "<p>Eerste keer</p>", "interventies": []}),
            (
                "optie",
                {"optie": "Handhaven", "criteria": "<p>Herhaald</p>", "interventies": [doel]},
            ),
        ],
    )
    schema.add_child(instance=beslismoment)
    beslismoment.save_revision().publish()
    client = client_als("demo-consulent")
    html = client.get(doel.url).content.decode()
    verwijzingen = html.split('id="kop-verwijzingen"')[1]
    assert "Beslismomenten" in verwijzingen and "No-show" in verwijzingen
    beslis_html = client.get(beslismoment.url).content.decode()
    assert "Handhaven" in beslis_html and "Handhaving inzetten" in beslis_html


def test_kennisbank_registers_search_types_tile_and_herkomst_rights(client_als, interventie_maken):
    interventie_maken("Gepubliceerd")
    concept = interventie_maken("Concept")
    concept.unpublish()
    typen = {t.slug: t for t in zoekbare_typen()}
    assert typen["interventie"].model is InterventiePage
    assert typen["beslismoment"].model is BeslismomentPage
    zichtbaar = typen["interventie"].zichtbaar_voor(None)
    assert set(zichtbaar.values_list("title", flat=True)) == {"Gepubliceerd"}
    for rol in ("Kennisbeheerder", "Beheerder"):
        rechten = set(Group.objects.get(name=rol).permissions.values_list("codename", flat=True))
        assert {"add_herkomst", "change_herkomst"} <= rechten
    assert (
        not Group.objects.get(name="Consulent")
        .permissions.filter(codename="change_herkomst")
        .exists()
    )
    assert hooks.get_hooks("demo_laden")
    html = client_als("demo-consulent").get("/").content.decode()
    assert 'href="/interventieschema/">Interventieschema</a>' in html

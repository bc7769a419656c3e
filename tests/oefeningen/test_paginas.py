"""The oefeningen page, privacy of casussen, search and home page hooks."""

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse

from cms.search.registry import zoekbare_typen
from oefeningen import services
from oefeningen.blocks import StappenBlock
from oefeningen.models import OefeningPage


def test_index_page_lives_at_oefeningen_below_home(client_als, index):
    assert index.url == "/oefeningen/"
    assert index.get_parent().specific_class.__name__ == "HomePage"
    assert client_als("demo-consulent").get("/oefeningen/").status_code == 200


def test_index_filters_by_fase_and_doelgroep_and_shows_my_progress(
    client_als, maak_oefening, demo_gebruikers
):
    schilder = maak_oefening("schilder")  # eerste gesprek, 50-plus
    maak_oefening("coach")  # verloop
    poging, _ = services.poging_starten(
        gebruiker=demo_gebruikers["demo-consulent"], oefening=schilder
    )
    client = client_als("demo-consulent")
    alles = client.get("/oefeningen/").content.decode()
    assert "Actief zoeken, geen resultaat" in alles and schilder.title in alles
    assert "Bezig" in alles and "Nog niet gemaakt" in alles
    verloop = client.get("/oefeningen/", {"fase": "verloop"}).content.decode()
    assert "Actief zoeken, geen resultaat" in verloop and schilder.title not in verloop
    plus = client.get("/oefeningen/", {"doelgroep": "50-plus"}).content.decode()
    assert schilder.title in plus and "Actief zoeken, geen resultaat" not in plus
    niets = client.get("/oefeningen/", {"fase": "<script>"}).content.decode()
    assert "Geen oefeningen gevonden" in niets


def test_index_has_a_fixed_number_of_queries(
    client_als, maak_oefening, demo_gebruikers, django_assert_max_num_queries
):
    client = client_als("demo-consulent")
    maak_oefening("schilder")
    client.get("/oefeningen/")
    with django_assert_max_num_queries(30) as weinig:
        client.get("/oefeningen/")
    aantal = len(weinig.captured_queries)  # now: the query log is a bounded deque
    for slug in ("crisis", "coach", "voetbal", "ja-maar", "taal"):
        oefening = maak_oefening(slug)
        services.poging_starten(gebruiker=demo_gebruikers["demo-consulent"], oefening=oefening)
    client.get("/oefeningen/")  # new pages changed the content version: warm the cards again
    with django_assert_max_num_queries(aantal):
        pagina = client.get("/oefeningen/").content.decode()
    assert pagina.count('class="oefening-kaart"') == 6
    assert pagina.count("Bezig") == 5  # my own attempts, read per reader


def test_index_cards_show_a_published_change_at_once_and_progress_per_reader(
    client, maak_oefening, demo_gebruikers
):
    """The cards come from the content cache: a new title, a new oefening and an unpublished
    one show on the next view; the progress line stays each reader's own."""
    schilder = maak_oefening("schilder")
    sanne, trainer = client, Client()
    sanne.force_login(demo_gebruikers["demo-consulent"])
    trainer.force_login(demo_gebruikers["demo-trainer"])
    assert schilder.title in sanne.get("/oefeningen/").content.decode()
    services.poging_starten(gebruiker=demo_gebruikers["demo-consulent"], oefening=schilder)

    schilder.title = "De schilder, herschreven"
    schilder.save_revision().publish()
    crisis = maak_oefening("crisis")
    pagina = sanne.get("/oefeningen/").content.decode()
    assert "De schilder, herschreven" in pagina and crisis.title in pagina
    assert pagina.count("Bezig") == 1
    assert "Bezig" not in trainer.get("/oefeningen/").content.decode()

    crisis.unpublish()
    assert crisis.title not in sanne.get("/oefeningen/").content.decode()


def test_home_page_with_oefeningen_tiles_has_a_fixed_number_of_queries(
    client_als, demo, django_assert_max_num_queries
):
    client = client_als("demo-consulent")
    client.get("/")
    with django_assert_max_num_queries(30):
        home = client.get("/").content.decode()
    assert "Zelfsturing in het eerste gesprek" in home


def test_casus_with_client_data_is_refused_naming_what_to_remove(maak_oefening):
    oefening = maak_oefening("crisis")
    oefening.casus += " Haar BSN is 123456782 en bel 06-12345678 vandaag."
    with pytest.raises(ValidationError) as fout:
        oefening.full_clean()
    meldingen = " ".join(fout.value.message_dict["casus"])
    assert "Verwijder het burgerservicenummer “123456782”" in meldingen
    assert "Verwijder het telefoonnummer" in meldingen


def test_fragment_line_with_client_data_is_refused_by_the_block(maak_oefening):
    oefening = maak_oefening("vacatures")
    ruw = list(oefening.stappen.raw_data)
    ruw[0]["value"]["regels"][1]["value"]["tekst"] = "Mijn adres is Dorpsstraat 12, 1234 AB."
    waarde = StappenBlock().to_python(ruw)
    with pytest.raises(ValidationError) as fout:
        StappenBlock().clean(waarde)
    assert "Verwijder het adres" in str(fout.value.as_json_data())


def test_branch_to_an_unknown_or_earlier_step_is_refused(maak_oefening):
    oefening = maak_oefening("schilder")
    ruw = list(oefening.stappen.raw_data)
    ruw[1]["value"]["opties"][0]["value"]["volgende"] = "bestaat-niet"
    with pytest.raises(ValidationError) as fout:
        StappenBlock().clean(StappenBlock().to_python(ruw))
    assert "geen sleutel van een latere stap" in str(fout.value.as_json_data())


def test_oefening_is_searchable_for_everyone(demo_gebruikers, maak_oefening):
    maak_oefening("schilder")
    [zoektype] = [t for t in zoekbare_typen() if t.slug == "oefening"]
    assert zoektype.label == "Oefening" and zoektype.model is OefeningPage
    assert zoektype.zichtbaar_voor(demo_gebruikers["demo-consulent"]).count() == 1


def test_oefening_page_shows_casus_tags_and_duration(client_als, maak_oefening):
    oefening = maak_oefening("schilder")
    pagina = client_als("demo-consulent").get(oefening.url).content.decode()
    assert oefening.casus_profiel in pagina
    assert "Eerste gesprek" in pagina and "Regievoerder" in pagina
    assert "ongeveer 15 minuten" in pagina and "5 stappen" in pagina


def test_unpublished_oefening_cannot_be_started(client_als, maak_oefening):
    oefening = maak_oefening("schilder")
    oefening.unpublish()
    antwoord = client_als("demo-consulent").post(reverse("oefeningen:starten", args=[oefening.pk]))
    assert antwoord.status_code == 404

"""Reading the handreiking: table of contents, previous/next, begrippenlijst, marking as read."""

import re

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.test.utils import CaptureQueriesContext

from cms.models import Activiteit, Doelgroep, Fase
from kennisbank.handreiking.models import HoofdstukPage
from kennisbank.models import InterventiePage, InterventieschemaPage
from tests.handreiking.conftest import kernbegrip, tekst, verwijzing

pytestmark = pytest.mark.django_db


def _volgende_link(html):
    match = re.search(r'<a class="volgende" rel="next" href="([^"]+)">', html)
    return match.group(1) if match else None


def _vorige_link(html):
    match = re.search(r'<a class="vorige" rel="prev" href="([^"]+)">', html)
    return match.group(1) if match else None


def _h1(html):
    return re.sub(r"<[^>]+>", "", re.search(r"<h1[^>]*>(.*?)</h1>", html, re.S).group(1)).strip()


@pytest.fixture
def boek_met_hoofdstukken(maak_boek, maak_hoofdstuk):
    boek = maak_boek()
    een = maak_hoofdstuk(
        boek,
        "Wat is zelfsturing",
        body=[
            kernbegrip("Zelfsturing", "Zelf initiatief nemen, doelen stellen en evalueren."),
            tekst("<p>Uitleg.</p>"),
        ],
    )
    twee = maak_hoofdstuk(
        boek,
        "Weten, willen, kunnen",
        body=[
            kernbegrip("Ambivalentie", "Wel en niet willen tegelijk."),
            tekst("<h3>Zelfsturing</h3><p>Bij zelfsturing hoort twijfel; zelfsturing groeit.</p>"),
        ],
    )
    paragraaf = maak_hoofdstuk(twee, "Willen", body=[tekst("<p>Over motivatie.</p>")])
    drie = maak_hoofdstuk(boek, "Klanttypen")
    return boek, [een, twee, paragraaf, drie]


def test_consulent_reads_every_chapter_by_next_and_reaches_the_begrippenlijst(
    client_als, boek_met_hoofdstukken
):
    boek, hoofdstukken = boek_met_hoofdstukken
    client = client_als("demo-consulent")

    html = client.get(boek.url).content.decode()
    gelezen_titels = []
    url = _volgende_link(html)
    while url and "begrippen" not in url:
        html = client.get(url).content.decode()
        gelezen_titels.append(_h1(html))
        url = _volgende_link(html)

    assert gelezen_titels == [
        "1 Wat is zelfsturing",
        "2 Weten, willen, kunnen",
        "2.1 Willen",
        "3 Klanttypen",
    ]
    assert url == f"{boek.url}begrippen/"
    begrippen = client.get(url).content.decode()
    assert _h1(begrippen) == "Begrippenlijst"
    # Back from the begrippenlijst to the last chapter, and from the first chapter to the book.
    assert _vorige_link(begrippen) == hoofdstukken[-1].url
    assert _vorige_link(client.get(hoofdstukken[0].url).content.decode()) == boek.url


def test_chapter_page_has_toc_breadcrumbs_and_marks_the_current_chapter(
    client_als, boek_met_hoofdstukken
):
    boek, (een, twee, paragraaf, drie) = boek_met_hoofdstukken
    html = client_als("demo-consulent").get(paragraaf.url).content.decode()
    toc = html[html.index('aria-labelledby="inhoudsopgave-kop"') :]
    assert all(t in toc for t in ("Wat is zelfsturing", "Weten, willen, kunnen", "Klanttypen"))
    assert toc.index("Wat is zelfsturing") < toc.index("Willen</a>") < toc.index("Klanttypen")
    assert f'href="{paragraaf.url}" aria-current="page"' in toc
    kruimels = html[html.index('class="broodkruimel"') :]
    kruimels = kruimels[: kruimels.index("</nav>")]
    assert "Handreiking" in kruimels and boek.title in kruimels and twee.title in kruimels


def test_begrippenlijst_is_alphabetical_with_anchors_and_chapters_link_to_terms(
    client_als, boek_met_hoofdstukken
):
    boek, (een, twee, _p, _d) = boek_met_hoofdstukken
    client = client_als("demo-consulent")
    lijst = client.get(f"{boek.url}begrippen/").content.decode()
    assert lijst.index('id="begrip-ambivalentie"') < lijst.index('id="begrip-zelfsturing"')
    assert f'href="{een.url}"' in lijst  # the term says where it is explained

    hoofdstuk = client.get(twee.url).content.decode()
    link = f'<a class="begrip-link" href="{boek.url}begrippen/#begrip-zelfsturing">zelfsturing</a>'
    assert hoofdstuk.count(link) == 1  # only the first mention links
    assert "<h3>Zelfsturing</h3>" in hoofdstuk  # headings are left alone


def test_marking_a_chapter_read_records_it_once_in_the_leercyclus(
    client_als, demo_gebruikers, boek_met_hoofdstukken
):
    _boek, (een, *_rest) = boek_met_hoofdstukken
    client = client_als("demo-consulent")
    assert "Markeer als gelezen" in client.get(een.url).content.decode()

    response = client.post(f"{een.url}gelezen/")
    assert response.status_code == 302 and response["Location"] == een.url
    client.post(f"{een.url}gelezen/")

    activiteiten = Activiteit.objects.filter(
        gebruiker=demo_gebruikers["demo-consulent"],
        soort=Activiteit.Soort.HOOFDSTUK_GELEZEN,
        content_type=ContentType.objects.get_for_model(HoofdstukPage),
        object_id=een.pk,
    )
    assert activiteiten.count() == 1
    pagina = client.get(een.url).content.decode()
    assert "Je hebt dit hoofdstuk gelezen op" in pagina
    assert "Markeer als gelezen" not in pagina
    assert client.get(f"{een.url}gelezen/").status_code == 404  # only POST


def test_verwijzing_shows_title_and_fase_badges_and_lists_it_beside_the_chapter(
    client_als, maak_boek, maak_hoofdstuk, index
):
    interventie = _interventie(index, "Keuzes bieden", ["eerste-gesprek", "plangesprek"])
    boek = maak_boek()
    hoofdstuk = maak_hoofdstuk(boek, "Doelen", body=[verwijzing(interventie, "Past hier.")])
    html = client_als("demo-consulent").get(hoofdstuk.url).content.decode()
    blok = html[html.index('class="verwijzing"') :]
    blok = blok[: blok.index("</aside>")]
    assert "Keuzes bieden" in blok and "Past hier." in blok
    assert "Eerste gesprek" in blok and "Tweede gesprek / plangesprek" in blok
    assert "Uit het interventieschema" in html


def test_verwijzing_to_an_unpublished_page_is_not_shown(
    client_als, maak_boek, maak_hoofdstuk, index
):
    interventie = _interventie(index, "Geheim concept", ["nazorg"])
    boek = maak_boek()
    hoofdstuk = maak_hoofdstuk(boek, "Doelen", body=[verwijzing(interventie)])
    interventie.unpublish()
    html = client_als("demo-consulent").get(hoofdstuk.url).content.decode()
    assert "Geheim concept" not in html


def _schema(index):
    schema = InterventieschemaPage.objects.first()
    if schema is None:
        schema = InterventieschemaPage(title="Interventieschema", slug="interventieschema-test")
        index.get_parent().add_child(instance=schema)
    return schema


def _interventie(index, titel, fase_slugs):
    interventie = InterventiePage(title=titel, samenvatting=f"{titel}.")
    _schema(index).add_child(instance=interventie)
    interventie.fases.set(Fase.objects.filter(slug__in=fase_slugs))
    interventie.save_revision().publish()
    return interventie


def _maak_boek_van(maak_boek, maak_hoofdstuk, index, aantal, titel):
    boek = maak_boek(titel=titel)
    fases = list(Fase.objects.all()[:aantal])
    doelgroepen = list(Doelgroep.objects.all()[:aantal])
    interventies = [
        _interventie(index, f"{titel} interventie {i}", ["verloop"]) for i in range(aantal)
    ]
    hoofdstukken = []
    for i in range(aantal):
        body = [kernbegrip(f"Begrip {titel} {i}", "Uitleg."), tekst(f"<p>Begrip {titel} 0.</p>")]
        body += [verwijzing(interventie) for interventie in interventies]
        hoofdstukken.append(
            maak_hoofdstuk(boek, f"Hoofdstuk {i}", body=body, fases=fases, doelgroepen=doelgroepen)
        )
    return hoofdstukken


def test_chapter_query_count_does_not_grow_with_chapters_links_or_tags(
    client_als, maak_boek, maak_hoofdstuk, index, demo_gebruikers
):
    klein = _maak_boek_van(maak_boek, maak_hoofdstuk, index, 2, "Klein")
    groot = _maak_boek_van(maak_boek, maak_hoofdstuk, index, 9, "Groot")
    client = client_als("demo-consulent")
    client.post(f"{groot[3].url}gelezen/")

    def tel(url):
        with CaptureQueriesContext(connection) as vastgelegd:
            assert client.get(url).status_code == 200
        return len(vastgelegd)

    klein_aantal = tel(klein[1].url)
    groot_aantal = tel(groot[4].url)
    assert groot_aantal == klein_aantal


def test_chapter_page_stays_within_a_fixed_query_budget(
    client_als, maak_boek, maak_hoofdstuk, index, django_assert_max_num_queries
):
    hoofdstukken = _maak_boek_van(maak_boek, maak_hoofdstuk, index, 8, "Budget")
    client = client_als("demo-consulent")
    client.get(hoofdstukken[0].url)  # warm the content type cache like a running server
    with django_assert_max_num_queries(30):
        assert client.get(hoofdstukken[5].url).status_code == 200
    with django_assert_max_num_queries(20):
        assert client.get(f"{hoofdstukken[0].get_parent().url}begrippen/").status_code == 200


def test_index_lists_books_with_progress_in_fixed_queries(
    client_als, maak_boek, maak_hoofdstuk, django_assert_max_num_queries
):
    for n in range(4):
        boek = maak_boek(titel=f"Boek {n}")
        for i in range(3):
            maak_hoofdstuk(boek, f"Hoofdstuk {n}.{i}")
    client = client_als("demo-consulent")
    client.get("/handreiking/")
    with django_assert_max_num_queries(16):
        html = client.get("/handreiking/").content.decode()
    assert all(f"Boek {n}" in html for n in range(4))
    assert "3 hoofdstukken, 0 gelezen" in html


def test_home_tile_points_to_the_next_unread_chapter(
    client_als, boek_met_hoofdstukken, django_assert_max_num_queries
):
    _boek, (een, twee, paragraaf, _drie) = boek_met_hoofdstukken
    client = client_als("demo-consulent")
    html = client.get("/").content.decode()
    assert "Verder lezen in de handreiking" in html and f'href="{een.url}"' in html

    client.post(f"{een.url}gelezen/")
    client.post(f"{twee.url}gelezen/")
    with django_assert_max_num_queries(26):  # 20, and six for the reminders tile
        html = client.get("/").content.decode()
    assert f'href="{paragraaf.url}"' in html
    assert "Hoofdstuk 3 van 4: Willen" in html


def test_chapters_are_registered_for_search_as_handreiking(boek_met_hoofdstukken):
    from cms.search.registry import zoekbare_typen

    _boek, (een, *_rest) = boek_met_hoofdstukken
    een.unpublish()
    typen = {t.slug: t for t in zoekbare_typen()}
    assert str(typen["hoofdstuk"].label) == "Handreiking"
    zichtbaar = typen["hoofdstuk"].zichtbaar_voor(None)
    assert een.pk not in set(zichtbaar.values_list("pk", flat=True))
    assert zichtbaar.count() == 3

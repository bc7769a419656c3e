"""The chapter page's shared parts come from the content cache: every change shows at once,
and nothing of one reader (read marks) reaches another."""

import pytest

from cms.models import Fase
from tests.handreiking.conftest import index, maak_boek, maak_hoofdstuk, tekst  # noqa: F401

pytestmark = pytest.mark.django_db


@pytest.fixture
def boek_twee(maak_boek, maak_hoofdstuk):  # noqa: F811
    boek = maak_boek(titel="Cacheboek")
    fase = Fase.objects.filter(reeks__standaard=True).first()
    een = maak_hoofdstuk(boek, "Eerste stap", body=[tekst("<p>Oude tekst.</p>")], fases=[fase])
    twee = maak_hoofdstuk(boek, "Tweede stap")
    return een, twee, fase


def test_published_change_and_unpublish_show_at_once(client_als, boek_twee):
    een, twee, _fase = boek_twee
    client = client_als("demo-consulent")
    assert "Oude tekst." in client.get(een.url).content.decode()  # now cached

    een.body = [tekst("<p>Nieuwe tekst.</p>")]
    een.save_revision().publish()
    twee.title = "Tweede stap, herzien"
    twee.save_revision().publish()
    html = client.get(een.url).content.decode()
    assert "Nieuwe tekst." in html and "Oude tekst." not in html
    assert "Tweede stap, herzien" in html  # another chapter's title in the contents

    twee.unpublish()
    html = client.get(een.url).content.decode()
    assert "Tweede stap" not in html


def test_taxonomy_edit_shows_at_once(client_als, boek_twee):
    een, _twee, fase = boek_twee
    client = client_als("demo-consulent")
    assert f">{fase.naam}<" in client.get(een.url).content.decode()
    fase.naam = "Hernoemde fase"
    fase.save()
    assert ">Hernoemde fase<" in client.get(een.url).content.decode()


def test_read_marks_stay_with_their_reader(client_als, client, boek_twee, demo_gebruikers):
    een, twee, _fase = boek_twee
    consulent = client_als("demo-consulent")
    consulent.post(f"{een.url}gelezen/")
    html = consulent.get(twee.url).content.decode()
    assert html.count('class="gelezen-vink"') == 1

    client.force_login(demo_gebruikers["demo-trainer"])
    html = client.get(twee.url).content.decode()  # the same cached fragment, another reader
    assert 'class="gelezen-vink"' not in html
    assert "demo-consulent" not in html and "Markeer als gelezen" in html
    html = client.get(een.url).content.decode()
    assert "Je hebt dit hoofdstuk gelezen" not in html


def test_preview_of_a_draft_is_never_the_cached_live_chapter(client_als, boek_twee):
    from django.urls import reverse

    from tests.handreiking.test_beheer import _formulier

    een, _twee, _fase = boek_twee
    trainer = client_als("demo-trainer")
    assert "Oude tekst." in trainer.get(een.url).content.decode()  # live version cached
    url = reverse("wagtailadmin_pages:preview_on_edit", args=[een.pk])
    assert trainer.post(url, _formulier(een)).json()["is_valid"]
    html = trainer.get(url).content.decode()
    assert "Nieuwe uitleg." in html and "Oude tekst." not in html
    assert "Oude tekst." in trainer.get(een.url).content.decode()  # the live page is unchanged


def test_a_view_restriction_added_after_a_view_applies_at_once(client_als, boek_twee):
    """Whether any view restriction exists is cached (two queries a page otherwise): a new one
    must still close the page on the next request, and removing it open it again."""
    from wagtail.models import PageViewRestriction

    een, _twee, _fase = boek_twee
    client = client_als("demo-consulent")
    assert "Oude tekst." in client.get(een.url).content.decode()  # cached: no restrictions

    beperking = PageViewRestriction.objects.create(
        page=een, restriction_type=PageViewRestriction.PASSWORD, password="geheim-wachtwoord"
    )
    html = client.get(een.url).content.decode()
    assert "Oude tekst." not in html and 'name="password"' in html

    beperking.delete()
    assert "Oude tekst." in client.get(een.url).content.decode()


def test_a_changed_site_root_routes_at_once(client_als, boek_twee):
    """The site and its root page are cached for routing: a site pointed elsewhere routes
    from its new root on the next request."""
    from wagtail.models import Site

    een, _twee, _fase = boek_twee
    client = client_als("demo-consulent")
    pad = een.url
    assert client.get(pad).status_code == 200
    site = Site.objects.get(is_default_site=True)
    thuis = site.root_page
    site.root_page = een.get_parent().specific  # the book becomes the site's root
    site.save()
    assert client.get(pad).status_code == 404  # the old path no longer exists
    assert "Oude tekst." in client.get("/eerste-stap/").content.decode()
    site.root_page = thuis
    site.save()
    assert client.get(pad).status_code == 200

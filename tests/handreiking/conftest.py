"""Fixtures for the handreiking: a book with chapters, built through Wagtail's own API."""

import pytest

from kennisbank.handreiking.models import HandreikingIndexPage, HandreikingPage, HoofdstukPage


def tekst(html):
    return ("tekst", html)


def kernbegrip(term, definitie):
    return ("kernbegrip", {"term": term, "definitie": definitie})


def verwijzing(pagina, toelichting=""):
    return ("verwijzing", {"pagina": pagina, "toelichting": toelichting})


def _boom_herstellen():
    """Rebuild what migrations create (locale, root, home, site, /handreiking/).

    Only needed in transactional (browser) tests: the flush after an earlier one removes the
    migrated pages, and serialized_rollback clashes with the groups post_migrate recreates.
    """
    from wagtail.models import Locale, Page, Site

    from cms.models import HomePage

    Locale.objects.get_or_create(language_code="nl")
    wortel = Page.get_first_root_node() or Page.add_root(instance=Page(title="Root", slug="root"))
    home = HomePage.objects.first()
    if home is None:
        home = wortel.add_child(instance=HomePage(title="Leernetwerk", slug="home"))
    Site.objects.update_or_create(
        is_default_site=True, defaults={"hostname": "localhost", "port": 80, "root_page": home}
    )
    return home.add_child(instance=HandreikingIndexPage(title="Handreiking", slug="handreiking"))


@pytest.fixture
def index(db):
    return HandreikingIndexPage.objects.first() or _boom_herstellen()


@pytest.fixture
def maak_boek(index):
    def _maak(titel="Sturen op zelfsturing", samenvatting="De methodiek als boek."):
        boek = HandreikingPage(title=titel, samenvatting=samenvatting)
        index.add_child(instance=boek)
        boek.save_revision().publish()
        return boek

    return _maak


@pytest.fixture
def maak_hoofdstuk():
    def _maak(ouder, titel, body=None, notitie="Eerste versie.", **velden):
        fases = velden.pop("fases", [])
        doelgroepen = velden.pop("doelgroepen", [])
        hoofdstuk = HoofdstukPage(
            title=titel,
            body=body or [tekst(f"<p>Over {titel.lower()}.</p>")],
            wijzigingsnotitie=notitie,
            **velden,
        )
        ouder.add_child(instance=hoofdstuk)
        hoofdstuk.fases.set(fases)
        hoofdstuk.doelgroepen.set(doelgroepen)
        hoofdstuk.save_revision().publish()
        hoofdstuk.refresh_from_db()
        return hoofdstuk

    return _maak

"""Fixtures for the handreiking: a book with chapters, built through Wagtail's own API."""

import pytest

from kennisbank.handreiking.models import HandreikingIndexPage, HandreikingPage, HoofdstukPage


def tekst(html):
    return ("tekst", html)


def kernbegrip(term, definitie):
    return ("kernbegrip", {"term": term, "definitie": definitie})


def verwijzing(pagina, toelichting=""):
    return ("verwijzing", {"pagina": pagina, "toelichting": toelichting})


@pytest.fixture
def index(db):
    return HandreikingIndexPage.objects.get()


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

"""Fixtures for the kennisbank: the schema page (made by migration) and quick interventies."""

import contextlib
import itertools

import pytest
from wagtail.signal_handlers import disable_reference_index_auto_update

from cms.models import Doelgroep, Fase
from cms.search.backend import indexeren_uitgesteld
from kennisbank.models import InterventiePage, InterventieschemaPage

_teller = itertools.count()


@pytest.fixture
def schema(db):
    return InterventieschemaPage.objects.get(slug="interventieschema")


@contextlib.contextmanager
def zonder_indexen():
    """Create many pages quickly: the search index is written once at the end, and the
    reference index not at all (these pages link to nothing)."""
    with indexeren_uitgesteld(), disable_reference_index_auto_update():
        yield


@pytest.fixture
def interventie_maken(schema):
    """Return maak(titel=None, fases=("zoekperiode",), doelgroepen=(), **velden) -> page."""

    def maak(titel=None, fases=("zoekperiode",), doelgroepen=(), **velden):
        nummer = next(_teller)
        titel = titel or f"Interventie {nummer}"
        pagina = InterventiePage(
            title=titel,
            slug=velden.pop("slug", f"interventie-{nummer}"),
            samenvatting=velden.pop("samenvatting", f"Samenvatting van {titel}."),
            **velden,
        )
        pagina.fases = list(Fase.objects.filter(slug__in=fases))
        pagina.doelgroepen = list(Doelgroep.objects.filter(slug__in=doelgroepen))
        schema.add_child(instance=pagina)
        return pagina

    return maak


@pytest.fixture
def veel_interventies(interventie_maken):
    """Return maak_veel(n): n interventies spread over fases, doelgroepen and lagen."""

    def maak_veel(n):
        fases = list(Fase.objects.filter(reeks__standaard=True).values_list("slug", flat=True))
        doelgroepen = list(Doelgroep.objects.values_list("slug", flat=True))
        lagen = ["standaard", "houding", "toolbox"]
        with zonder_indexen():
            return [
                interventie_maken(
                    fases=(fases[i % len(fases)], fases[(i + 1) % len(fases)]),
                    doelgroepen=(doelgroepen[i % len(doelgroepen)],),
                    laag=lagen[i % 3],
                    onderdeel=["bespreken", "doen", ""][i % 3],
                )
                for i in range(n)
            ]

    return maak_veel

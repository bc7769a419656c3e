import io

import pytest

from cms.activiteiten import Activiteit
from cms.demo import inhoud_laden
from cms.models import Fase
from kennisbank.models import InterventiePage, InterventieschemaPage
from oefeningen import demo as oefeningen_demo
from oefeningen.models import OefeningenIndexPage, OefeningPage


@pytest.fixture
def demo(demo_gebruikers):
    """The oefeningen demo content (and the users it needs)."""
    inhoud_laden(io.StringIO())
    return {o.slug: o for o in OefeningPage.objects.live()}


@pytest.fixture
def index(db):
    return OefeningenIndexPage.objects.get()


def _interventies_van_de_intake():
    """The first-interview interventies the intake oefening names, as bare published pages."""
    fase = Fase.objects.get(slug="eerste-gesprek")
    schema = InterventieschemaPage.objects.get()
    for slug in [*oefeningen_demo.TRAINER_UITLEG, *oefeningen_demo.ANDERE_UITLEG]:
        if not InterventiePage.objects.filter(slug=slug).exists():
            titel = slug.replace("-", " ").capitalize()
            pagina = InterventiePage(title=titel, slug=slug, samenvatting=f"{titel}.")
            pagina.fases = [fase]
            schema.add_child(instance=pagina)


@pytest.fixture
def maak_oefening(index):
    """Save one demo oefening (by slug) without loading the whole demo."""
    _interventies_van_de_intake()
    gegevens = {
        slug: (v, s)
        for slug, v, s in oefeningen_demo.oefeningen_gegevens(oefeningen_demo._interventies())
    }

    def maak(slug, nieuwe_slug=None):
        velden, stappen = gegevens[slug]
        velden = dict(velden)
        if nieuwe_slug:
            velden["title"] = f"{velden['title']} ({nieuwe_slug})"
        return oefeningen_demo._oefening_opslaan(index, nieuwe_slug or slug, velden, stappen)

    return maak


@pytest.fixture
def schilder(maak_oefening):
    return maak_oefening("schilder")


def stap_met(oefening, naam_of_index):
    """The StreamChild by index or by sleutel."""
    if isinstance(naam_of_index, int):
        return oefening.stappen[naam_of_index]
    return next(s for s in oefening.stappen if s.value["sleutel"] == naam_of_index)


def optie_ids(stap):
    return [str(b.id) for b in stap.value["opties"].bound_blocks]


def juiste_ids(stap):
    return [str(b.id) for b in stap.value["opties"].bound_blocks if b.value["juist"]]


@pytest.fixture
def afgerond_aantal():
    def tel(gebruiker, oefening):
        return Activiteit.objects.filter(
            gebruiker=gebruiker, soort=Activiteit.Soort.OEFENING_AFGEROND, object_id=oefening.pk
        ).count()

    return tel

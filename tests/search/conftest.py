"""Search fixtures: realistic interventies, the backends, and the registered types.

The types are patched into search (not registered globally) so these tests keep meaning the
same when other apps register theirs.
"""

import shutil

import pytest
from django.contrib.auth import get_user_model
from modelsearch.backends import get_search_backend
from wagtail.models import Page

from cms.models import Doelgroep, Fase
from cms.search import selectors
from cms.search.registry import ZoekType
from kennisbank.models import InterventiePage, InterventieschemaPage

BACKENDS = {
    "whoosh": {"BACKEND": "cms.search.backend", "SOORTWOORDEN": True},
    "database": {"BACKEND": "cms.search.database"},
}

# title, samenvatting, fase slugs, doelgroep slugs. Our own words, on facts from the seeds.
INTERVENTIES = [
    (
        "Motiverende gespreksvoering in het eerste gesprek",
        "Met open vragen, reflecteren en samenvatten zoek je samen met de klant naar diens "
        "eigen redenen om te veranderen, in plaats van te overtuigen.",
        ["eerste-gesprek"],
        ["jongeren"],
    ),
    (
        "Zelf zoeken in de eerste vier weken",
        "Tijdens de zoekperiode zoekt de jongere eerst zelf naar werk of een opleiding; de "
        "consulent spreekt af wat er na vier weken besproken wordt.",
        ["zoekperiode"],
        ["jongeren"],
    ),
    (
        "Netwerkkaart als voorbereiding",
        "Breng voor het plangesprek in kaart wie de klant kan helpen: familie, vrienden, "
        "oud-collega's en de buurt.",
        ["plangesprek"],
        ["multiproblematiek"],
    ),
    (
        "Budgetcoaching",
        "Cliënten met schulden krijgen een coach die helpt met overzicht in post en "
        "betalingen, zodat er weer ruimte is voor werk.",
        ["verloop"],
        ["schulden"],
    ),
    (
        "Werkervaringsplek bij een sociale onderneming",
        "Mensen met een licht verstandelijke beperking doen werkervaring op met vaste "
        "begeleiding en duidelijke taken.",
        ["verloop"],
        ["lvb"],
    ),
    (
        "Jobcoaching op de werkvloer",
        "Een jobcoach begeleidt de werknemer en de werkgever in de eerste maanden, "
        "bijvoorbeeld bij autisme of een verstandelijke beperking.",
        ["verloop", "nazorg"],
        ["ass", "lvb"],
    ),
    (
        "Taalmaatje",
        "Een vrijwilliger oefent wekelijks Nederlands met statushouders en laaggeletterden.",
        ["verloop"],
        ["statushouders", "laaggeletterden"],
    ),
    (
        "Reïntegratie na langdurige ziekte",
        "Stap voor stap terug naar werk met een arbeidsdeskundige en afspraken over "
        "belastbaarheid.",
        ["verloop"],
        ["kwetsbaar"],
    ),
    (
        "Terug naar school",
        "Jongeren zonder startkwalificatie kiezen met een loopbaanadviseur een passende "
        "opleiding en krijgen hulp bij de inschrijving.",
        ["plangesprek"],
        ["jongeren"],
    ),
    (
        "Contact na uitstroom",
        "De consulent belt in de eerste maanden na werkaanvaarding om terugval te voorkomen.",
        ["nazorg"],
        ["jongeren", "50-plus"],
    ),
]


def api_titels(client, q):
    """Titles of the search API's first page for `q`, as the logged-in client sees them."""
    response = client.get("/api/zoeken/", {"q": q})
    assert response.status_code == 200
    return [r["titel"] for r in response.json()["resultaten"]]


def interventie_maken(schema, titel, samenvatting, fases, doelgroepen, **extra):
    pagina = InterventiePage(title=titel, samenvatting=samenvatting, **extra)
    pagina.fases = list(Fase.objects.filter(slug__in=fases))
    pagina.doelgroepen = list(Doelgroep.objects.filter(slug__in=doelgroepen))
    return schema.add_child(instance=pagina)


@pytest.fixture(params=list(BACKENDS))
def zoekbackend(request, settings, db):
    """Run a test once on our whoosh backend and once on modelsearch's database backend."""
    return _backend_instellen(request.param, settings)


@pytest.fixture
def whoosh(settings, db):
    return _backend_instellen("whoosh", settings)


def _backend_instellen(naam, settings):
    settings.WAGTAILSEARCH_BACKENDS = {"default": BACKENDS[naam]}
    if naam == "whoosh":
        # A complete, empty page index: what `update_index` gives on an empty site.
        shutil.rmtree(settings.SEARCH_INDEX_DIR, ignore_errors=True)
        get_search_backend().get_index_for_model(Page).reset()
    return naam


@pytest.fixture
def schema(db):
    home = Page.objects.get(depth=2)
    return home.add_child(instance=InterventieschemaPage(title="Interventieschema"))


@pytest.fixture
def interventies(zoekbackend_of_whoosh, schema):
    return {
        titel: interventie_maken(schema, titel, samenvatting, fases, doelgroepen)
        for titel, samenvatting, fases, doelgroepen in INTERVENTIES
    }


@pytest.fixture
def zoekbackend_of_whoosh(request):
    """Whichever backend fixture the test asked for (default whoosh)."""
    if "zoekbackend" in request.fixturenames:
        return request.getfixturevalue("zoekbackend")
    return request.getfixturevalue("whoosh")


def _team_collega_s(user):
    return get_user_model().objects.filter(teams__in=user.teams.all())


INTERVENTIE = ZoekType(
    slug="interventie",
    label="Interventie",
    model=InterventiePage,
    zichtbaar_voor=lambda user: InterventiePage.objects.live().filter(owner__isnull=True),
)
# Test-only stand-in for intervisie records: visible to members of the author's teams.
VERSLAG = ZoekType(
    slug="intervisie",
    label="Intervisieverslag",
    model=InterventiePage,
    zichtbaar_voor=lambda user: InterventiePage.objects.live().filter(
        owner__in=_team_collega_s(user)
    ),
)


@pytest.fixture
def zoektypen(monkeypatch):
    typen = [INTERVENTIE, VERSLAG]
    monkeypatch.setattr(selectors, "zoekbare_typen", lambda: typen)
    return typen

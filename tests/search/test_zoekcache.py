"""Search keeps what every reader sees alike (page hits, fragments, explanations, taxonomy
names) in the content cache: a published change, a new synonym or a renamed fase shows at once.

These tests search through the registered types (pages are shared, intervisie is not), so
the cached paths are the ones the site uses.
"""

import pytest

from cms.models import Fase
from cms.search.models import Synoniem
from tests.search.conftest import interventie_maken


def resultaten(client, q):
    response = client.get("/api/zoeken/", {"q": q})
    assert response.status_code == 200
    return {r["titel"]: r for r in response.json()["resultaten"]}


def test_a_published_change_is_found_and_shown_at_once(client_als, whoosh, schema):
    pagina = interventie_maken(
        schema, "Budgetcoaching", "Een coach helpt met schulden.", ["verloop"], ["schulden"]
    )
    client = client_als("demo-consulent")
    assert "Budgetcoaching" not in resultaten(client, "vrijwilliger")
    assert resultaten(client, "schulden")["Budgetcoaching"]["fragment"] == (
        "Een coach helpt met <mark>schulden</mark>."
    )

    pagina.samenvatting = "Een vrijwilliger helpt met schulden en post."
    pagina.save_revision().publish()

    assert (
        "<mark>vrijwilliger</mark>"
        in resultaten(client, "vrijwilliger")["Budgetcoaching"]["fragment"]
    )
    assert resultaten(client, "schulden")["Budgetcoaching"]["fragment"] == (
        "Een vrijwilliger helpt met <mark>schulden</mark> en post."
    )
    pagina.unpublish()
    assert resultaten(client, "schulden") == {}


def test_a_new_synonym_explains_the_hit_at_once(client_als, whoosh, schema):
    interventie_maken(
        schema, "Budgetcoaching", "Een coach helpt met schulden.", ["verloop"], ["schulden"]
    )
    client = client_als("demo-consulent")
    assert resultaten(client, "schulden")["Budgetcoaching"]["gevonden_via"] == []
    assert resultaten(client, "geldzorgen") == {}

    Synoniem.objects.create(term="geldzorgen", betekenis="schulden")

    assert resultaten(client, "geldzorgen")["Budgetcoaching"]["gevonden_via"] == [
        "schulden (geldzorgen)"
    ]


def test_a_renamed_fase_shows_on_the_search_page_at_once(client_als, whoosh, schema):
    interventie_maken(
        schema, "Budgetcoaching", "Een coach helpt met schulden.", ["verloop"], ["schulden"]
    )
    client = client_als("demo-consulent")
    assert "Trajectfase" not in client.get("/zoeken/", {"q": "schulden"}).content.decode()

    fase = Fase.objects.get(slug="verloop")
    fase.naam = "Trajectfase"
    fase.save()

    html = client.get("/zoeken/", {"q": "schulden"}).content.decode()
    assert '<span class="badge badge--fase">Trajectfase</span>' in html
    assert "Trajectfase (1)" in html  # the facet


@pytest.mark.parametrize("aantal", [2, 25])
def test_a_repeated_search_reads_a_fixed_few_queries(
    client_als, whoosh, schema, django_assert_max_num_queries, aantal
):
    for i in range(aantal):
        interventie_maken(
            schema, f"Werkfit traject {i}", "Werkfit maken.", ["verloop"], ["jongeren"]
        )
    client = client_als("demo-consulent")
    client.get("/zoeken/", {"q": "werkfit"})
    with django_assert_max_num_queries(5):
        response = client.get("/zoeken/", {"q": "werkfit"})
    assert response.context["uitkomst"].totaal == aantal
    assert response.content.decode().count("Werkfit traject ") == min(aantal, 10)  # titles

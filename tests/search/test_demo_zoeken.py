"""The issue's five queries on the real demo content, through the JSON API a consulent uses."""

import pytest
from django.core.management import call_command


@pytest.fixture
def zoek(client, settings, demo_gebruikers):
    settings.DEBUG = True  # the demo loader refuses without it
    call_command("demo_laden", verbosity=0)
    settings.DEBUG = False
    client.force_login(demo_gebruikers["demo-consulent"])

    def _zoek(q):
        data = client.get("/api/zoeken/", {"q": q}).json()
        return data["resultaten"][:5]

    return _zoek


@pytest.mark.django_db
def test_demo_queries_find_the_expected_items_in_the_top_five(zoek):
    top = zoek("interventies jongeren")
    assert any(r["type"] == "interventie" and "jongeren" in r["doelgroepen"] for r in top), top

    titels = [r["titel"] for r in zoek("periode")]
    assert "De zoekperiode" in titels, "the compound zoekperiode is found by its part 'periode'"
    assert "Afspraken voor de zoekperiode vastleggen" in titels

    titels = [r["titel"] for r in zoek("MI")]
    assert "Motiverende gespreksvoering" in titels, "MI is the abbreviation of the method"

    # The demo says klant (one term per concept); financiën keeps its diaeresis.
    top = zoek("financien")
    gemarkeerd = [r for r in top if "<mark>financiën</mark>" in r["fragment"]]
    assert len(gemarkeerd) >= 2, "accent folding: financien finds and marks financiën"

    titels = [r["titel"] for r in zoek("plangesprekken")]
    assert "Uitkomst van het plangesprek" in titels and "Het plangesprek" in titels

    # The dead ends: a question, and words no single item has all of.
    top = zoek("wat doe ik als een klant niet komt opdagen")
    assert {"Actief nabellen bij een no-show", "No-show"} & {r["titel"] for r in top}, top
    titels = [r["titel"] for r in zoek("bijverdienen naast bijstand")]
    assert "Flexibel bijverdienen met behoud van uitkering" in titels
    titels = [r["titel"] for r in zoek("fases van gedragsverandering")]
    assert "Gedragsfasen: waar staat iemand" in titels

"""No side channels: what search suggests and counts comes only from what the user may read.

A word that occurs only in one group's confidential intervisie record is never offered to
anyone outside that group ("Bedoelde u", a corrected search, autocomplete, result counts),
and after the retention clean-up (`intervisie_opschonen`) to no one at all.
"""

import datetime
import io

import pytest
from django.core.management import call_command
from django.utils import timezone
from modelsearch.backends import get_search_backend

from leernetwerk.models import Intervisiesessie
from tests.leernetwerk.conftest import groep, methoden, plan_sessie  # noqa: F401 - fixtures

GEHEIM = "bewindvoering"  # only in the session's hulpvraag
TIKFOUT = "bewindvoring"

LID = "demo-consulent"
BUITENSTAANDERS = [
    "bram.smit",  # consulent, not in the group
    "demo-trainer",
    "demo-teamchef",
    "demo-kennisbeheerder",
    "demo-beheerder",
]


@pytest.fixture
def geheime_sessie(whoosh, plan_sessie):  # noqa: F811 - the fixture imported above
    get_search_backend().get_index_for_model(Intervisiesessie).reset()
    # Older than the retention term (24 months), so `intervisie_opschonen` cleans it.
    return plan_sessie(
        datum=timezone.localdate() - datetime.timedelta(days=800),
        casus="Een jongere met schulden wil alles zelf regelen.",
        hulpvraag=f"Hij wil geen {GEHEIM}. Hoeveel regie laat ik bij hem?",
    )


def zoek(client, q, **extra):
    response = client.get("/api/zoeken/", {"q": q, **extra})
    assert response.status_code == 200
    return response.json()


def sporen(client):
    """Everything search tells this client about the secret word, as text."""
    return " ".join(
        [
            str(zoek(client, TIKFOUT)),
            str(zoek(client, TIKFOUT, exact="1")),
            str(zoek(client, f"schulden {TIKFOUT}")),
            client.get("/zoeken/", {"q": TIKFOUT}).content.decode(),
            str(client.get("/api/zoeken/suggesties/", {"q": "bewind"}).json()),
        ]
    )


def test_only_group_members_are_offered_a_word_from_a_confidential_record(
    client_als, geheime_sessie
):
    for naam in BUITENSTAANDERS:
        client = client_als(naam)
        assert GEHEIM not in sporen(client), naam
        data = zoek(client, TIKFOUT)
        assert data["totaal"] == 0 and data["facetten"]["type"] == {}, naam
        assert data["verbeterd"] is None and data["suggestie"] is None, naam
        assert zoek(client, GEHEIM)["facetten"]["type"] == {}, naam
    lid = client_als(LID)
    data = zoek(lid, TIKFOUT)
    assert data["verbeterd"] == GEHEIM and data["totaal"] == 1
    assert data["facetten"]["type"] == {"intervisie": 1}
    assert zoek(lid, TIKFOUT, exact="1")["suggestie"] == GEHEIM


def test_after_the_retention_clean_up_no_one_is_offered_the_word(client_als, geheime_sessie):
    call_command("intervisie_opschonen", stdout=io.StringIO())
    geheime_sessie.refresh_from_db()
    assert geheime_sessie.inhoud_verwijderd is not None
    for naam in [LID, *BUITENSTAANDERS]:
        client = client_als(naam)
        assert GEHEIM not in sporen(client), naam
        assert zoek(client, GEHEIM)["totaal"] == 0, naam


def test_a_word_in_a_public_page_is_offered_to_everyone(client_als, geheime_sessie, schema):
    from tests.search.conftest import interventie_maken

    interventie_maken(schema, "Budgetcoaching", "Hulp bij schulden en bewindvoering.", [], [])
    for naam in [LID, *BUITENSTAANDERS]:
        data = zoek(client_als(naam), TIKFOUT)
        assert data["verbeterd"] == GEHEIM, naam
        assert "Budgetcoaching" in [r["titel"] for r in data["resultaten"]], naam

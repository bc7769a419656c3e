"""The whoosh index's life: rebuild aside, lose it, damage it, restore it."""

import logging
import shutil

from django.conf import settings
from django.core.management import call_command
from modelsearch.backends import get_search_backend
from wagtail.models import Page

from kennisbank.models import InterventiePage
from tests.search.conftest import api_titels as titels


def page_index():
    return get_search_backend().get_index_for_model(Page)


def test_deleted_index_falls_back_to_database_and_update_index_restores(
    client_als, whoosh, interventies, zoektypen, caplog
):
    client = client_als("demo-consulent")
    assert titels(client, "clienten")[0] == "Budgetcoaching"  # whoosh folds "Cliënten"
    shutil.rmtree(settings.SEARCH_INDEX_DIR)

    with caplog.at_level(logging.ERROR, logger="leernetwerk.zoeken"):
        assert titels(client, "Budgetcoaching") == ["Budgetcoaching"]  # database answers
        assert client.get("/zoeken/", {"q": "clienten"}).status_code == 200
    assert "ontbreekt" in caplog.text and "update_index" in caplog.text

    # A save meanwhile makes a new, incomplete index: search keeps using the database.
    interventies["Taalmaatje"].save()
    assert titels(client, "clienten") == []  # the substring backend knows no accents

    call_command("update_index", verbosity=0)
    assert titels(client, "clienten")[0] == "Budgetcoaching"


def test_damaged_index_never_gives_a_500(client_als, whoosh, interventies, zoektypen, caplog):
    pad, compleet = page_index().opslag.huidig()
    assert compleet
    for bestand in pad.iterdir():
        bestand.write_bytes(b"kapot")
    client = client_als("demo-consulent")
    with caplog.at_level(logging.ERROR, logger="leernetwerk.zoeken"):
        assert titels(client, "Budgetcoaching") == ["Budgetcoaching"]
        assert client.get("/zoeken/", {"q": "jongeren"}).status_code == 200
        assert client.get("/api/zoeken/suggesties/", {"q": "Budg"}).status_code == 200
    assert "zoekindex" in caplog.text.lower()
    interventies["Taalmaatje"].save()  # saving still works; the error is only logged
    call_command("update_index", verbosity=0)
    assert titels(client, "clienten")[0] == "Budgetcoaching"


def test_rebuild_builds_aside_and_swaps(client_als, whoosh, interventies, zoektypen):
    client = client_als("demo-consulent")
    index = page_index()
    oud, _ = index.opslag.huidig()
    rebuilder = index.backend.rebuilder_class(index)
    nieuw = rebuilder.start()
    nieuw.add_items(InterventiePage, list(InterventiePage.objects.all()[:3]))
    # During the rebuild the live generation still answers, completely.
    assert titels(client, "clienten")[0] == "Budgetcoaching"
    assert index.opslag.huidig()[0] == oud
    rebuilder.finish()
    assert index.opslag.huidig()[0] == nieuw.pad != oud
    # The previous generation stays for searches still reading it; older ones go.
    call_command("update_index", verbosity=0)
    generaties = sorted(p.name for p in index.opslag.map.glob("g-*"))
    assert len(generaties) == 2 and oud.name not in generaties
    assert titels(client, "clienten")[0] == "Budgetcoaching"


def test_searches_reuse_the_opened_index(whoosh, interventies):
    from cms.search import backend as whoosh_backend

    list(InterventiePage.objects.search("jongeren"))
    geopend = dict(whoosh_backend._open)
    list(InterventiePage.objects.search("schulden"))  # a new backend object per call
    assert whoosh_backend._open == geopend


def test_deferred_indexing_writes_once_at_the_end_as_the_database_has_it(
    whoosh, schema, interventies
):
    from django.db import transaction

    from cms.search.backend import indexeren_uitgesteld
    from tests.search.conftest import interventie_maken

    def gevonden(q):
        return {p.title for p in InterventiePage.objects.live().search(q)}

    def commits():
        return page_index().opslag.open(page_index().opslag.huidig()[0]).latest_generation()

    assert "Taalmaatje" in gevonden("taalmaatje")
    voor = commits()
    with indexeren_uitgesteld():
        nieuw = interventie_maken(schema, "Fietsles", "Leren fietsen naar het werk.", [], [])
        nieuw.samenvatting = "Leren fietsen naar de bakkerij."
        nieuw.save()
        interventies["Taalmaatje"].delete()
        try:
            with transaction.atomic():
                interventie_maken(schema, "Zwemles", "Zwemmen voor statushouders.", [], [])
                raise RuntimeError("terugdraaien")
        except RuntimeError:
            pass
        assert "Fietsles" not in gevonden("fietsen")  # nothing written yet
        assert commits() == voor
    assert commits() == voor + 1  # one commit for everything in the block
    assert gevonden("bakkerij") == {"Fietsles"}  # the last saved version
    assert gevonden("taalmaatje") == set()  # deleted
    assert gevonden("zwemmen") == set()  # rolled back, never indexed


def test_bulk_load_without_index_leaves_the_build_to_update_index(
    whoosh, schema, caplog, client_als
):
    """As `make start` does: demo content first, then `update_index`, without warnings."""
    from cms.search.backend import indexeren_uitgesteld
    from tests.search.conftest import interventie_maken

    shutil.rmtree(settings.SEARCH_INDEX_DIR)
    with caplog.at_level(logging.WARNING, logger="leernetwerk.zoeken"), indexeren_uitgesteld():
        interventie_maken(schema, "Fietsles", "Leren fietsen naar het werk.", [], [])
    assert caplog.text == ""
    assert page_index().opslag.huidig() is None  # no half-filled index to fall back from

    call_command("update_index", verbosity=0)
    assert titels(client_als("demo-consulent"), "fietsen") == ["Fietsles"]


def test_a_changed_page_is_found_only_under_its_new_words(
    client_als, whoosh, interventies, zoektypen
):
    """Search between two saves must not leave the old text findable (a stale segment reader)."""
    client = client_als("demo-consulent")
    pagina = interventies["Taalmaatje"]
    assert titels(client, "vrijwilliger") == ["Taalmaatje"]
    pagina.samenvatting = "Een buddy oefent wekelijks Nederlands met statushouders."
    pagina.save()
    assert titels(client, "vrijwilliger") == []
    assert titels(client, "buddy") == ["Taalmaatje"]

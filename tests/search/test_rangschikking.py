"""Our term-at-a-time scoring gives whoosh's own ranking, over segments and deletions."""

import logging

import pytest
from django.core.management import call_command
from modelsearch.backends import get_search_backend
from modelsearch.query import Phrase
from wagtail.models import Page
from whoosh import query as wq

from cms.search import nederlands, rangschikking
from cms.search.backend import modelfilter
from kennisbank.models import InterventiePage
from leernetwerk.models import Intervisiesessie
from tests.search.conftest import api_titels

ZOEKVRAGEN = [
    "werk",
    "werk jongeren",
    "gesprek",  # compounds: plangesprek
    "MI",  # synonym: motiverende gespreksvoering
    "re-integratie",  # hyphen parts and accent folding
    "clienten met schulden",
    "interventies lvb",  # type words (SOORTWOORDEN)
    "jobcoaches werkgever",
    "onbekendwoord",
]


def whoosh_vraag(tekst, model=InterventiePage, **opties):
    resultaten = model.objects.live().search(tekst, **opties)
    index = get_search_backend().get_index_for_model(model)
    zoeker, sleutel = index.opslag.zoeker()
    q = resultaten.query_compiler.whoosh_query(zoeker, sleutel, soortwoorden=True)
    return zoeker, q, modelfilter(zoeker, sleutel, model)


def vergelijk(zoeker, q, toegestaan, tekst):
    verwacht = zoeker.search(q, limit=None, filter=toegestaan, scored=True).top_n
    snel = rangschikking.beste(zoeker, q, None, toegestaan)
    assert [d for _s, d in snel] == [d for _s, d in verwacht], tekst
    assert [s for s, _d in snel] == pytest.approx([s for s, _d in verwacht]), tekst
    # The best three: the same scores (which of several equal scores is kept may differ).
    drie = rangschikking.beste(zoeker, q, 3, toegestaan)
    assert [s for s, _d in drie] == pytest.approx([s for s, _d in verwacht[:3]]), tekst
    return verwacht


def test_scores_and_order_are_whooshs_own(whoosh, interventies):
    # Edits leave deleted documents and extra segments behind: the fast path must skip them.
    taalmaatje = interventies["Taalmaatje"]
    taalmaatje.samenvatting = "Een vrijwilliger oefent Nederlands met jongeren op weg naar werk."
    taalmaatje.save_revision().publish()
    zoeker, _q, _f = whoosh_vraag("werk")
    assert len(zoeker.leaf_searchers()) > 1
    assert any(s.reader().has_deletions() for s, _o in zoeker.leaf_searchers())

    for model in (InterventiePage, Page):  # a filtered model, and the root: no filter
        for operator in ("and", "or"):
            for tekst in ZOEKVRAGEN:
                zoeker, q, toegestaan = whoosh_vraag(tekst, model, operator=operator)
                vergelijk(zoeker, q, toegestaan, f"{model.__name__} {operator} {tekst}")


def test_boosts_and_empty_parts_combine_as_in_whoosh(whoosh, interventies):
    interventies["Taalmaatje"].save_revision().publish()  # a deleted old version
    zoeker, _q, _f = whoosh_vraag("werk", Page)
    titel, tekst = wq.Term("f_title", "werk"), wq.Term("f_samenvatting", "werk")
    jong = wq.Term("f_samenvatting", "jonger")
    vrijwilliger = wq.Term("f_samenvatting", nederlands.stam("vrijwilliger"), boost=3.0)
    for q, treffers in [
        (wq.Or([titel, tekst], boost=2.5), True),
        (wq.And([wq.Or([titel, tekst]), jong], boost=0.4), True),
        (wq.And([tekst], boost=0.5), True),  # whoosh ignores a one-part compound's boost
        (wq.Or([tekst, wq.NullQuery, wq.Term("f_title", "bestaatniet")]), True),
        (wq.And([tekst, wq.NullQuery]), False),
        (vrijwilliger, True),
    ]:
        assert bool(vergelijk(zoeker, q, None, repr(q))) is treffers, repr(q)


def test_werk_ranks_the_edited_text_and_forgets_the_old(whoosh, interventies, client_als):
    taalmaatje = interventies["Taalmaatje"]
    taalmaatje.samenvatting = "Samen oefenen voor het sollicitatiegesprek bij een werkgever."
    taalmaatje.save_revision().publish()
    client = client_als("demo-consulent")
    assert "Taalmaatje" in api_titels(client, "sollicitatiegesprek")
    assert "Taalmaatje" not in api_titels(client, "vrijwilliger")


def test_phrases_are_left_to_whoosh(whoosh, interventies):
    zoeker, q, toegestaan = whoosh_vraag(Phrase("sociale onderneming"))
    assert rangschikking.beste(zoeker, q, 10, toegestaan) is None

    def titels(zin):
        return [p.title for p in InterventiePage.objects.live().search(Phrase(zin))]

    assert titels("sociale onderneming") == ["Werkervaringsplek bij een sociale onderneming"]
    assert titels("onderneming sociale") == []


def test_an_empty_index_answers_with_nothing_and_logs_nothing(whoosh, client_als, caplog):
    call_command("update_index", verbosity=0)  # no intervisie yet: that index is empty
    client = client_als("demo-consulent")
    with caplog.at_level(logging.ERROR, logger="leernetwerk.zoeken"):
        for _ in range(2):  # the second search reuses (refreshes) the searcher
            response = client.get("/api/zoeken/", {"q": "werk"})
            assert response.status_code == 200
            assert response.json()["resultaten"] == []
            assert list(Intervisiesessie.objects.search("werk")) == []
    assert [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR] == []

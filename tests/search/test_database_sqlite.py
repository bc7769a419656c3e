"""modelsearch's database backend on SQLite (FTS5), as ``cms.search.database`` gives it."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from modelsearch.backends import get_search_backend

from kennisbank.models import InterventiePage
from tests.search.conftest import _backend_instellen, interventie_maken

pytestmark = pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite FTS5")


@pytest.fixture
def fts5(settings, db):
    return _backend_instellen("database", settings)


def maken(schema, aantal):
    for i in range(aantal):
        woorden = " ".join(["werk"] * (1 + i % 4))
        interventie_maken(schema, f"Aanbod {i}", f"Op weg naar {woorden} met een coach.", [], [])


def alle_hits():
    zoekresultaten = InterventiePage.objects.live().search("werk").annotate_score("_score")
    return [(p.pk, p._score) for p in zoekresultaten]


def zoekplannen(functie):
    """SQLite's query plan of each full-text query `functie` makes."""
    with CaptureQueriesContext(connection) as vastgelegd:
        functie()
    plannen = []
    with connection.cursor() as cursor:
        for sql in (q["sql"] for q in vastgelegd.captured_queries if " MATCH " in q["sql"]):
            cursor.execute(f"EXPLAIN QUERY PLAN {sql}")
            plannen.append("\n".join(rij[-1] for rij in cursor.fetchall()))
    return plannen


def test_a_search_runs_the_full_text_match_once_not_once_per_hit(fts5, schema):
    # Site search reads every hit with its score. modelsearch scored each hit in a correlated
    # subquery that ran the full-text match again for every row: at 4,000 pages a broad word
    # took a second per type, at 10,000 the benchmark did not finish.
    maken(schema, 8)
    assert len(alle_hits()) == 8
    plannen = zoekplannen(alle_hits)
    assert plannen and not any("CORRELATED" in plan for plan in plannen), plannen


def test_results_scores_and_slices_are_modelsearchs_own(fts5, schema):
    from modelsearch.backends.database.sqlite.sqlite import SQLiteSearchBackend  # SQLite only

    maken(schema, 12)
    interventie_maken(schema, "Werk en werk", "Werk, werk en nog eens werk.", [], [])
    ons = get_search_backend()
    assert type(ons) is not SQLiteSearchBackend  # ours, scoring once
    eigen = SQLiteSearchBackend({})
    qs = InterventiePage.objects.live()
    for q in ["werk", "coach werk", "aanbod"]:
        a = ons.search(q, qs).annotate_score("s")
        b = eigen.search(q, qs).annotate_score("s")
        assert [(p.pk, p.s) for p in a] == [(p.pk, p.s) for p in b], q
        assert [p.pk for p in ons.search(q, qs)[2:5]] == [p.pk for p in b[2:5]], q
        assert [p.pk for p in ons.search(q, qs)[1:]] == [p.pk for p in b[1:]], q
        assert ons.search(q, qs).count() == eigen.search(q, qs).count(), q
        assert ons.search(q, qs)[2:5].count() == eigen.search(q, qs)[2:5].count(), q
    gefilterd = qs.filter(title__startswith="Aanbod 1")
    assert [p.pk for p in ons.search("werk", gefilterd)] == [
        p.pk for p in eigen.search("werk", gefilterd)
    ]
    assert [p.pk for p in ons.search("werk", qs, order_by_relevance=False)] == [
        p.pk for p in eigen.search("werk", qs, order_by_relevance=False)
    ]

"""modelsearch's database backend on SQLite (FTS5), each search scored once.

Imported by :func:`cms.search.database.SearchBackend` on SQLite only: modelsearch's SQLite
module looks up its FTS5 model at import, which exists only there.
"""

from django.db.models import F, OuterRef, Subquery, TextField
from django.db.models.functions import Cast
from modelsearch.backends.database.sqlite import sqlite as fts5
from modelsearch.backends.database.sqlite.query import MatchExpression, normalize
from modelsearch.query import MatchAll, Not
from modelsearch.utils import get_descendants_content_types_pks

VEEL = 500  # more hits than this: read the queryset's keys rather than send theirs


class _EenmaalScoren:
    """For modelsearch's SQLite compilers: the ranks of its search(), read in one pass."""

    def rangen(self, config):
        """({FTS5 rowid (index entry id): rank}, boosts) of every entry the query matches, or
        None where modelsearch answers without a match (everything, a negation) or ranks in a
        way this does not know.

        The match runs on the FTS5 table alone: joined to the index entries, SQLite may loop
        over the entries and look each up in the full-text index, running the match once per
        entry (seconds at 10,000). modelsearch's score is, per vector, the same bm25()
        expression (its SQLite build_tsrank ignores the vector) times the vector's boost: a
        number or a column of the index entry (title_norm), in `boosts` as its name.
        """
        query = normalize(self.query)
        if isinstance(query, MatchAll | Not):
            return None
        boosts = []
        for _vector, boost in self.get_search_vectors():
            if isinstance(boost, F) and boost.name.startswith("index_entry__"):
                boosts.append(boost.name.removeprefix("index_entry__"))
            elif isinstance(boost, int | float):
                boosts.append(float(boost))
            else:
                return None
        rangen = fts5.SQLiteFTSIndexEntry.objects.filter(
            MatchExpression(
                self.fields or self.FTS_TABLE_FIELDS, self.build_search_query(query, config=config)
            )
        ).annotate(rang=self.build_tsrank(None, query, config=config))
        return dict(rangen.values_list("pk", "rang")), boosts

    def met_entry(self, queryset, boosts):
        """`queryset` with each object's index entry (its id, and the columns in `boosts`)."""
        entry = fts5.IndexEntry.objects.filter(
            content_type__in=get_descendants_content_types_pks(self.queryset.model),
            object_id=Cast(OuterRef("pk"), TextField()),
        )
        velden = {"_fts_entry": Subquery(entry.values("pk")[:1])}
        for kolom in {b for b in boosts if isinstance(b, str)}:
            velden[f"_fts_{kolom}"] = Subquery(entry.values(kolom)[:1])
        return queryset.annotate(**velden)


class SQLiteZoekvraag(_EenmaalScoren, fts5.SQLiteSearchQueryCompiler):
    pass


class SQLiteAutocomplete(_EenmaalScoren, fts5.SQLiteAutocompleteQueryCompiler):
    pass


class SQLiteResultaten(fts5.SQLiteSearchResults):
    """modelsearch's results, in its order (score, then newest pk), each search scored once.

    modelsearch annotates each hit with a correlated subquery that repeats the FTS5 match
    (SQLite runs it again for every row), so the cost grew with the square of the number of
    hits: site search, which reads all hits, took a second per type at 4,000 pages and did
    not finish at 10,000. Here the ranks of all matches are read once (see
    _EenmaalScoren.rangen); the queryset's rows, each with its index entry (an index lookup),
    give the scores, ordered in Python. All hits: two queries; a slice: three (the keys,
    then only the slice's objects).
    """

    def _lezen(self, rijen):
        """[(pk, score)] of the rows (objects, or (pk, entry, *columns)) that match."""
        rangen, boosts = self._rangen
        uit = []
        for rij in rijen:
            if isinstance(rij, tuple):
                pk, entry, *waarden = rij
                kolom = dict(
                    zip(sorted({b for b in boosts if isinstance(b, str)}), waarden, strict=True)
                )
            else:
                pk, entry = rij.pk, rij._fts_entry
                kolom = {b: getattr(rij, f"_fts_{b}") for b in boosts if isinstance(b, str)}
            rang = rangen.get(entry)
            if rang is None:
                continue
            score = None  # modelsearch's sum, in its order
            for boost in boosts:
                deel = rang * (kolom[boost] if isinstance(boost, str) else boost)
                score = deel if score is None else score + deel
            uit.append((pk, score, rij))
        uit.sort(key=lambda t: t[0], reverse=True)  # equal scores: newest first,
        uit.sort(key=lambda t: t[1])  # (a stable sort) as modelsearch orders
        return uit

    def _treffers(self, objecten):
        """[(pk, score, row)] of the allowed matches in result order; None: modelsearch's own
        search. Rows are objects if `objecten`, else (pk, entry, *columns)."""
        compiler = self.query_compiler
        if not compiler.order_by_relevance:
            return None
        if "_rangen" not in self.__dict__:
            self._rangen = compiler.rangen(compiler.get_config(self.backend))
        if self._rangen is None:
            return None
        rangen, boosts = self._rangen
        if not rangen:
            return []
        queryset = compiler.queryset
        if len(rangen) <= VEEL:  # few: only the objects of these entries (an index lookup)
            queryset = queryset.filter(
                pk__in=fts5.IndexEntry.objects.filter(pk__in=list(rangen)).values("object_id")
            )
        queryset = compiler.met_entry(queryset, boosts)
        if not objecten:
            kolommen = sorted({b for b in boosts if isinstance(b, str)})
            queryset = queryset.values_list("pk", "_fts_entry", *[f"_fts_{k}" for k in kolommen])
        return self._lezen(queryset)

    def _do_search(self):
        if self.stop is None and self.start == 0:  # all hits: their objects at once
            treffers = self._treffers(objecten=True)
            if treffers is None:
                return super()._do_search()
        else:
            treffers = self._sleutels()
            if treffers is None:
                return super()._do_search()
            treffers = treffers[self.start : self.stop]
            pks = [pk for pk, _s, _r in treffers]
            queryset = self.query_compiler.queryset.filter(pk__in=pks)
            if self.prefetch_related:
                queryset = queryset.prefetch_related(*self.prefetch_related)
            objecten = {obj.pk: obj for obj in queryset}
            treffers = [(pk, s, objecten[pk]) for pk, s, _r in treffers if pk in objecten]
        uit = []
        for _pk, score, obj in treffers:
            if self._score_field:
                setattr(obj, self._score_field, score)
            uit.append(obj)
        return uit

    def _sleutels(self):
        if "_sleutels_cache" not in self.__dict__:
            self._sleutels_cache = self._treffers(objecten=False)
        return self._sleutels_cache

    def _do_count(self):
        treffers = self._sleutels()
        if treffers is None:
            return super()._do_count()
        return len(treffers[self.start : self.stop])

    def _clone(self):
        nieuw = super()._clone()
        for naam in ("_rangen", "_sleutels_cache"):  # the same search, another slice
            if naam in self.__dict__:
                setattr(nieuw, naam, self.__dict__[naam])
        return nieuw


class SQLiteBackend(fts5.SQLiteSearchBackend):
    query_compiler_class = SQLiteZoekvraag
    autocomplete_query_compiler_class = SQLiteAutocomplete
    results_class = SQLiteResultaten

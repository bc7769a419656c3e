"""``ZOEKBACKEND=database``: modelsearch's database backend, on PostgreSQL with our Dutch analysis.

On PostgreSQL the index holds what :mod:`cms.search.nederlands` makes of the text (folded,
stemmed words; compound parts beside them) and queries are analysed the same way, with the
kennisbeheerders' synonyms, so both backends find the same things. PostgreSQL's own ``dutch``
configuration is not used: its older Snowball stemmer leaves "fase" and "fases" apart and it
knows neither compounds nor our synonyms. The stems are stored with the text search
configuration ``leernetwerk_nl`` (a copy of ``simple``, made by migration
``zoeken.0004``), which only lowercases: a second stemmer would not meet the first.

On other databases this is modelsearch's own backend (SQLite FTS5), without Dutch analysis;
a system check warns about that at start-up (:mod:`cms.search.checks`). On SQLite, ranked
results are scored in one pass (:class:`SQLiteResultaten`): modelsearch's query scores each
hit in a correlated subquery that runs the full-text match again per hit, so a broad word cost
seconds at a few thousand pages.
"""

from django.contrib.postgres.search import SearchQuery
from django.db import connection
from modelsearch.backends.database import SearchBackend as _modelsearch_backend
from modelsearch.backends.database.postgres import postgres as pg
from modelsearch.backends.database.postgres.query import Lexeme
from modelsearch.backends.database.sqlite import sqlite as fts5
from modelsearch.backends.database.sqlite.query import MatchExpression, normalize
from modelsearch.query import MatchAll, Not, Phrase, PlainText
from modelsearch.utils import get_descendants_content_types_pks

from cms.search import nederlands

SEARCH_CONFIG = "leernetwerk_nl"


def index_teksten(texts):
    """[(text, weight)] as PostgreSQL indexes it: each text's stems in order, then its compound
    and hyphen parts apart with the lowest weight (so phrases stay phrases)."""
    uit = []
    for tekst, gewicht in texts:
        woorden, delen = [], []
        for stammen in nederlands.analyseer(tekst, met_delen=True):
            woorden.append(stammen[0])
            delen.extend(s.removeprefix(nederlands.DEEL) for s in stammen[1:])
        uit.append((" ".join(woorden), gewicht))
        if delen:
            uit.append((" ".join(delen), "D"))
    return uit


def autocomplete_tekst(tekst):
    """The words of `tekst` folded and joined ('Re-integratie' -> 'reintegratie')."""
    return " ".join(w for w in (nederlands.samenvoegen(w) for w in nederlands.woorden(tekst)) if w)


class NederlandsObjectIndexer(pg.ObjectIndexer):
    """modelsearch's indexer; for our backend, the texts go through the Dutch analysis first.

    modelsearch's PostgresIndex makes its indexers by module name (``ObjectIndexer(obj,
    backend)``), so this class takes that name; for any other backend it changes nothing.
    """

    def as_vector(self, texts, for_autocomplete=False):
        if getattr(self, "_nederlands_config", None) is not None:
            if for_autocomplete:
                # Folded, hyphens and apostrophes joined, as the query's prefixes are made
                # (nederlands.autocomplete_termen): "reint" finds "Re-integratie", "client"
                # finds "Cliëntenraad", as on whoosh.
                texts = [(autocomplete_tekst(t), w) for t, w in texts]
            elif self.config == self._nederlands_config:
                texts = index_teksten(texts)
        return super().as_vector(texts, for_autocomplete)

    def __init__(self, obj, backend):
        super().__init__(obj, backend)
        if getattr(backend, "nederlands", False):
            self._nederlands_config = backend.config


if not issubclass(pg.ObjectIndexer, NederlandsObjectIndexer):
    pg.ObjectIndexer = NederlandsObjectIndexer


def _en(delen):
    delen = [d for d in delen if d is not None]
    if not delen:
        return None
    uit = delen[0]
    for d in delen[1:]:
        uit = uit & d
    return uit


def _of(delen):
    delen = [d for d in delen if d is not None]
    if not delen:
        return None
    uit = delen[0]
    for d in delen[1:]:
        uit = uit | d
    return uit


class NederlandseQueryCompiler(pg.PostgresSearchQueryCompiler):
    def _stammen(self, stammen, invert):
        """All stems (as words or parts); inverted: not all of them (De Morgan)."""
        lexemen = [Lexeme(s, invert=invert) for s in stammen]
        return _of(lexemen) if invert else _en(lexemen)

    def _opties(self, opties, invert):
        """Any of the options (each a tuple of stems); inverted: none of them."""
        delen = [self._stammen(o, invert) for o in opties if o]
        return _en(delen) if invert else _of(delen)

    def build_tsquery_content(self, query, config=None, invert=False):
        from cms.search.backend import synoniemen

        if isinstance(query, PlainText):
            woorden = nederlands.analyseer_woorden(query.query_string)
            kaart = synoniemen()
            langste = max((len(k) for k in kaart), default=0)
            eerste = [stammen[0] for _woord, stammen in woorden]
            groepen, i = [], 0
            while i < len(woorden):
                for lengte in range(min(langste, len(woorden) - i), 0, -1):
                    sleutel = tuple(eerste[i : i + lengte])
                    if sleutel in kaart:
                        opties = list(kaart[sleutel])
                        if lengte == 1:
                            opties += self._woordopties(*woorden[i])
                        else:
                            opties.append(sleutel)
                        groepen.append(self._opties(opties, invert))
                        i += lengte
                        break
                else:
                    groepen.append(self._opties(self._woordopties(*woorden[i]), invert))
                    i += 1
            if not groepen:
                return None
            en = (query.operator == "and") != invert
            return SearchQuery(
                _en(groepen) if en else _of(groepen), search_type="raw", config=config
            )
        if isinstance(query, Phrase):
            stammen = [s[0] for s in nederlands.analyseer(query.query_string)]
            if not stammen:
                return None
            return SearchQuery(" ".join(stammen), search_type="phrase", config=config)
        return super().build_tsquery_content(query, config=config, invert=invert)

    @staticmethod
    def _woordopties(woord, stammen):
        zw = nederlands.zoekwoord(woord, stammen)
        return [(zw.stam,), zw.delen, zw.bepaling, zw.koppeldelen]


class NederlandseAutocompleteCompiler(pg.PostgresAutocompleteQueryCompiler):
    def build_tsquery_content(self, query, config=None, invert=False):
        if isinstance(query, PlainText):
            # Every word a prefix of an indexed word, folded and joined like the index.
            termen = nederlands.autocomplete_termen(query.query_string)
            if not termen:
                return None
            lexemen = [Lexeme(t, invert=invert, prefix=True) for t in termen]
            en = (query.operator == "and") != invert
            return SearchQuery(
                _en(lexemen) if en else _of(lexemen), search_type="raw", config=config
            )
        return super().build_tsquery_content(query, config=config, invert=invert)


class NederlandsePostgresBackend(pg.PostgresSearchBackend):
    query_compiler_class = NederlandseQueryCompiler
    autocomplete_query_compiler_class = NederlandseAutocompleteCompiler
    nederlands = True

    def __init__(self, params):
        super().__init__(params)
        self.config = params.get("SEARCH_CONFIG") or SEARCH_CONFIG


# --- SQLite: modelsearch's FTS5 backend, each search scored once ---


class _EenmaalScoren:
    """For modelsearch's SQLite compilers: the match and score of its search(), read once."""

    def treffers(self, config):
        """The FTS5 index entries the query matches, of this model (and its subclasses); None
        for queries modelsearch answers without a match (everything, or a negation)."""
        query = normalize(self.query)
        if isinstance(query, MatchAll | Not):
            return None
        return fts5.SQLiteFTSIndexEntry.objects.filter(
            MatchExpression(
                self.fields or self.FTS_TABLE_FIELDS, self.build_search_query(query, config=config)
            ),
            index_entry__content_type__in=get_descendants_content_types_pks(self.queryset.model),
        )

    def scores(self, config):
        """{pk: score} of every object the query matches (SQLite's bm25(): lower is better),
        or None (see treffers)."""
        treffers = self.treffers(config)
        if treffers is None:
            return None
        rijen = treffers.annotate(
            score=self._build_rank_expression(self.get_search_vectors(), config)
        ).values_list("index_entry__object_id", "score")
        naar_pk = self.queryset.model._meta.pk.to_python
        uit = {}
        for object_id, score in rijen:
            uit.setdefault(naar_pk(object_id), score)
        return uit


class SQLiteZoekvraag(_EenmaalScoren, fts5.SQLiteSearchQueryCompiler):
    pass


class SQLiteAutocomplete(_EenmaalScoren, fts5.SQLiteAutocompleteQueryCompiler):
    pass


class SQLiteResultaten(fts5.SQLiteSearchResults):
    """modelsearch's results, in its order (score, then newest pk), each search scored once.

    modelsearch annotates each hit with a correlated subquery that repeats the FTS5 match
    (SQLite runs it again for every row), so the cost grew with the square of the number of
    hits: site search, which reads all hits, took a second per type at 4,000 pages and did
    not finish at 10,000. Here the scores of all matches are read in one query and ordered
    in Python; the objects come from the queryset, filtered on the matches (an uncorrelated
    subquery, or the keys when they are few). All hits: two queries; a slice: three (the
    allowed keys first, then only the slice's objects).
    """

    def _alle_scores(self):
        if "_scores" not in self.__dict__:
            compiler = self.query_compiler
            self._scores = (
                compiler.scores(compiler.get_config(self.backend))
                if compiler.order_by_relevance
                else None
            )
        return self._scores

    def _toegestaan(self):
        """The queryset, narrowed to the objects the query matches."""
        compiler = self.query_compiler
        if len(self._scores) <= 500:
            return compiler.queryset.filter(pk__in=list(self._scores))
        treffers = compiler.treffers(compiler.get_config(self.backend))
        return compiler.queryset.filter(pk__in=treffers.values("index_entry__object_id"))

    def _in_volgorde(self, pks):
        geordend = sorted(pks, reverse=True)  # equal scores: newest first, as modelsearch
        geordend.sort(key=self._scores.__getitem__)  # (a stable sort)
        return geordend

    def _do_search(self):
        scores = self._alle_scores()
        if scores is None:
            return super()._do_search()
        if not scores:
            return []
        queryset, start, stop = self._toegestaan(), self.start, self.stop
        if stop is not None:  # a slice: which keys, then only those objects
            pks = self._in_volgorde(queryset.values_list("pk", flat=True))[start:stop]
            queryset, start, stop = self.query_compiler.queryset.filter(pk__in=pks), 0, None
        if self.prefetch_related:
            queryset = queryset.prefetch_related(*self.prefetch_related)
        objecten = {obj.pk: obj for obj in queryset}
        uit = [objecten[pk] for pk in self._in_volgorde(objecten)][start:stop]
        if self._score_field:
            for obj in uit:
                setattr(obj, self._score_field, scores[obj.pk])
        return uit

    def _do_count(self):
        scores = self._alle_scores()
        if scores is None:
            return super()._do_count()
        aantal = self._toegestaan().count() if scores else 0
        if self.stop is not None:
            aantal = min(aantal, self.stop)
        return max(aantal - self.start, 0)

    def _clone(self):
        nieuw = super()._clone()
        if "_scores" in self.__dict__:  # the same search, another slice
            nieuw._scores = self._scores
        return nieuw


class SQLiteBackend(fts5.SQLiteSearchBackend):
    query_compiler_class = SQLiteZoekvraag
    autocomplete_query_compiler_class = SQLiteAutocomplete
    results_class = SQLiteResultaten


def SearchBackend(params):  # noqa: N802 (modelsearch's name)
    """Our Dutch backend on PostgreSQL; modelsearch's own database backend elsewhere (on
    SQLite with FTS5, scored once per search)."""
    if connection.vendor == "postgresql":
        return NederlandsePostgresBackend(params)
    backend = _modelsearch_backend(params)
    if type(backend) is fts5.SQLiteSearchBackend:
        return SQLiteBackend(params)
    return backend

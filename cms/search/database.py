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
results are scored in one pass (:mod:`cms.search.database_sqlite`): modelsearch's query
scores each hit in a correlated subquery that runs the full-text match again per hit, so a
broad word cost seconds at a few thousand pages.
"""

from django.contrib.postgres.search import SearchQuery
from django.db import connection
from django.utils.functional import cached_property
from modelsearch.backends.database import SearchBackend as _modelsearch_backend
from modelsearch.backends.database.postgres import postgres as pg
from modelsearch.backends.database.postgres.query import Lexeme
from modelsearch.index import RelatedFields, SearchField
from modelsearch.query import Phrase, PlainText
from modelsearch.utils import ADD

from cms.search import nederlands

SEARCH_CONFIG = "leernetwerk_nl"
BODYVECTOR = "index_entries__body"  # modelsearch's index vector of the body (get_index_vectors)


# The weight classes of the body: what an object says itself, the parts of its compounds, the
# taxonomy values it carries (fases, doelgroepen: related fields), and their parts.
TEKST, TEKSTDEEL, LABEL, LABELDEEL = "A", "B", "C", "D"
# Their weights, relative to an unboosted field's in modelsearch's ranking (so body and title
# weigh as before). ts_rank has no idf: what whoosh's BM25F learns from how many objects share
# a term in a field (a fase name that half the interventies carry says little about each)
# is fixed here. A word in the text counts fully, as a compound's part ("gesprek" in
# "plangesprek") half, in a taxonomy value a quarter, as a part of one an eighth.
BODYGEWICHTEN = {TEKST: 1, TEKSTDEEL: 1 / 2, LABEL: 1 / 4, LABELDEEL: 1 / 8}


def index_teksten(texts, deelgewicht="D"):
    """[(text, weight)] as PostgreSQL indexes it: each text's stems in order, then its compound
    and hyphen parts apart with weight `deelgewicht` (so phrases stay phrases)."""
    uit = []
    for tekst, gewicht in texts:
        woorden, delen = [], []
        for stammen in nederlands.analyseer(tekst, met_delen=True):
            woorden.append(stammen[0])
            delen.extend(s.removeprefix(nederlands.DEEL) for s in stammen[1:])
        uit.append((" ".join(woorden), gewicht))
        if delen:
            uit.append((" ".join(delen), deelgewicht))
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

    @cached_property
    def body(self):
        """The fields modelsearch puts in the body, in the classes of BODYGEWICHTEN."""
        if getattr(self, "_nederlands_config", None) is None:
            return super().body
        eigen, labels = [], []
        for field in self.search_fields:
            doel = labels if isinstance(field, RelatedFields) else eigen
            for veld, _gewicht, waarde in self.prepare_field(self.obj, field):
                if isinstance(veld, SearchField) and veld.field_name != "title":
                    doel.append(waarde.strip())
        texts = index_teksten([(t, TEKST) for t in eigen if t], TEKSTDEEL)
        texts += index_teksten([(t, LABEL) for t in labels if t], LABELDEEL)
        # Analysed already: modelsearch's as_vector (pg.ObjectIndexer is this class now).
        return super().as_vector(texts)


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
    def _build_rank_expression(self, vectors, config):
        """modelsearch's ranking, with the weights of BODYGEWICHTEN for the body."""
        eigen = self.sql_weights
        veld = float(eigen.strip("{}").split(",")[0])  # an unboosted field's (class D)
        body = "{" + ",".join(str(veld * BODYGEWICHTEN[k]) for k in "DCBA") + "}"
        rangen = []
        for vector, boost in vectors:
            self.sql_weights = body if getattr(vector, "name", None) == BODYVECTOR else eigen
            try:
                rangen.append(self.build_tsrank(vector, self.query, config=config) * boost)
            finally:
                self.sql_weights = eigen
        return ADD(rangen)

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


def SearchBackend(params):  # noqa: N802 (modelsearch's name)
    """Our Dutch backend on PostgreSQL; modelsearch's own database backend elsewhere (on
    SQLite with FTS5, scored once per search)."""
    if connection.vendor == "postgresql":
        return NederlandsePostgresBackend(params)
    backend = _modelsearch_backend(params)
    if connection.vendor == "sqlite":
        # Imported here: modelsearch's SQLite module needs its FTS5 model, only on SQLite.
        from cms.search import database_sqlite

        if type(backend) is database_sqlite.fts5.SQLiteSearchBackend:
            return database_sqlite.SQLiteBackend(params)
    return backend

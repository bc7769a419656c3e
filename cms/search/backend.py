"""A modelsearch backend on whoosh-reloaded, with Dutch analysis.

Configure it with ``WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "cms.search.backend"}}``;
``INDEX_DIR`` (default ``settings.SEARCH_INDEX_DIR``) holds one index per model root
(``wagtailcore.page``, ``wagtailimages.image``, ...). ``SOORTWOORDEN: True`` also indexes each
object's type name, so "interventies jongeren" finds interventies about jongeren.

Layout of one index: ``<INDEX_DIR>/<app.model>/CURRENT`` names the live generation directory
and says whether it is complete. ``update_index`` builds a new generation beside the live one
and swaps ``CURRENT`` atomically, so searches keep working during a rebuild. Saves and deletes
update the live generation. Whoosh finds ``(pk, score)`` pairs (plain-text queries are scored
by ``rangschikking``: whoosh's BM25F, without its per-document matcher tree); filters, ordering
and facets run in the database with ``pk__in``, like modelsearch's own database backends.

When the index is missing, incomplete or unreadable, search answers from modelsearch's
substring database backend and logs how to repair it (``manage.py update_index``).
"""

import contextvars
import logging
import math
import os
import shutil
import threading
import time
import uuid
from bisect import bisect_left
from collections import OrderedDict, defaultdict
from contextlib import contextmanager
from pathlib import Path

from django.conf import settings
from django.core.cache import cache
from django.db.models import Count, Manager
from django.utils import translation
from django.utils.encoding import force_str
from django.utils.html import strip_tags
from modelsearch.backends.base import (
    BaseIndex,
    BaseSearchBackend,
    BaseSearchQueryCompiler,
    BaseSearchResults,
    FilterFieldError,
    get_model_root,
)
from modelsearch.backends.database.fallback import DatabaseSearchBackend
from modelsearch.index import AutocompleteField, RelatedFields, SearchField, get_indexed_models
from modelsearch.query import And, Boost, Fuzzy, MatchAll, Not, Or, Phrase, PlainText
from whoosh import index as whoosh_index
from whoosh import query as wq
from whoosh.fields import ID, KEYWORD, TEXT, Schema
from whoosh.index import LockError
from whoosh.support.levenshtein import distance as bewerkafstand

from cms.bestanden import prive_map
from cms.search import nederlands, rangschikking

logger = logging.getLogger("leernetwerk.zoeken")

HERSTEL = "Herstel met: python manage.py update_index"
SYNONIEMEN_CACHE = "zoeken:synoniemen:v2"
SYNONIEM_GEWICHT = 0.6  # a synonym's hits, relative to the word itself, at most
SYNONIEM_AANDEEL = 0.5  # and a synonym-only hit scores at most this of the least direct hit


class IndexOnbruikbaar(Exception):
    """The whoosh index cannot answer: missing, incomplete or unreadable."""


def schema():
    s = Schema(
        pk=ID(stored=True, unique=True, sortable=True),
        ct=KEYWORD(lowercase=True),
        w=TEXT(analyzer=nederlands.woorden_analyzer(), phrase=False),
    )
    s.add("f_*", TEXT(analyzer=nederlands.nederlandse_analyzer(), phrase=True), glob=True)
    s.add("a_*", TEXT(analyzer=nederlands.autocomplete_analyzer(), phrase=False), glob=True)
    return s


# --- synonyms (kept here so the backend works wherever the zoeken app is installed) ---


def synoniemen():
    """{tuple of stems: [tuple of stems, ...]} from the Synoniem snippet.

    Pairs that share a term make one group (klantmanager = consulent and werkcoach =
    consulent: klantmanager = werkcoach), so every term finds all the others.
    """
    from django.apps import apps

    if not apps.is_installed("cms.search"):
        return {}
    kaart = cache.get(SYNONIEMEN_CACHE)
    if kaart is None:
        Synoniem = apps.get_model("zoeken", "Synoniem")
        groep = {}  # stems -> the set of its group, shared by all members
        for term, betekenis in Synoniem.objects.values_list("term", "betekenis"):
            a = tuple(s[0] for s in nederlands.analyseer(term))
            b = tuple(s[0] for s in nederlands.analyseer(betekenis))
            if not a or not b or a == b:
                continue
            samen = groep.get(a, {a}) | groep.get(b, {b})
            for lid in samen:
                groep[lid] = samen
        kaart = {lid: sorted(samen - {lid}) for lid, samen in groep.items()}
        cache.set(SYNONIEMEN_CACHE, kaart, 60)
    return kaart


def synoniemen_vergeten():
    cache.delete(SYNONIEMEN_CACHE)


# --- documents ---


def platte_tekst(waarde):
    if waarde is None:
        return ""
    if isinstance(waarde, list | tuple):
        return " ".join(platte_tekst(v) for v in waarde)
    if isinstance(waarde, dict):
        return " ".join(platte_tekst(v) for v in waarde.values())
    tekst = force_str(waarde)
    return strip_tags(tekst) if "<" in tekst else tekst


def _velden_van(obj, velden, prefix, teksten, autocomplete):
    for veld in velden:
        if isinstance(veld, RelatedFields):
            waarde = veld.get_value(obj)
            if waarde is None:
                continue
            if isinstance(waarde, Manager):
                subs = waarde.all()
            else:
                subs = [waarde() if callable(waarde) else waarde]
            for sub in subs:
                _velden_van(sub, veld.fields, f"{prefix}{veld.field_name}__", teksten, autocomplete)
        elif isinstance(veld, SearchField):
            teksten[prefix + veld.field_name].append(platte_tekst(veld.get_value(obj)))
        elif isinstance(veld, AutocompleteField):
            autocomplete[prefix + veld.field_name].append(platte_tekst(veld.get_value(obj)))


def modellabels(model):
    return [m._meta.label_lower for m in [model, *model._meta.get_parent_list()]]


def document(obj, soortwoorden=False):
    teksten, autocomplete = defaultdict(list), defaultdict(list)
    _velden_van(obj, obj.get_search_fields(), "", teksten, autocomplete)
    doc = {"pk": force_str(obj.pk), "ct": " ".join(modellabels(type(obj)))}
    if soortwoorden:
        # What the object is ("interventie", "interventies"), weakly: "interventies jongeren"
        # means interventies for jongeren, also when the text never says "interventie".
        with translation.override(settings.LANGUAGE_CODE):
            meta = type(obj)._meta
            teksten[SOORTVELD].append(f"{meta.verbose_name} {meta.verbose_name_plural}")
    alles = []
    for naam, waarden in teksten.items():
        tekst = " ".join(w for w in waarden if w)
        doc["f_" + naam] = tekst
        alles.append(tekst)
    for naam, waarden in autocomplete.items():
        doc["a_" + naam] = " ".join(w for w in waarden if w)
    doc["w"] = " ".join(alles)
    return doc


SOORTVELD = "_soort"


def tekstvelden(model, prefix="", velden=None):
    """[(whoosh field, boost)] for the SearchFields of `model` (related fields flattened)."""
    uit = []
    for veld in model.get_search_fields() if velden is None else velden:
        if isinstance(veld, RelatedFields):
            uit += tekstvelden(model, f"{prefix}{veld.field_name}__", veld.fields)
        elif isinstance(veld, SearchField):
            uit.append(("f_" + prefix + veld.field_name, float(veld.boost or 1)))
    return uit


def autocompletevelden(model):
    return [
        "a_" + veld.field_name
        for veld in model.get_search_fields()
        if isinstance(veld, AutocompleteField)
    ]


# --- storage: generations, atomic swap, cached open indexes ---

_open = {}  # generation path -> whoosh Index
_zoekers = {}  # generation path -> Searcher
_lexicons = {}  # generation path -> (searcher, Lexicon)
_filters = {}  # generation path -> (searcher, {model label: docnums})
_kolommen = {}  # generation path -> (searcher, pk column reader)
_slot = threading.RLock()


class Opslag:
    """The directory of one index: its generations and the CURRENT pointer."""

    def __init__(self, map):
        self.map = Path(map)

    @property
    def pointer(self):
        return self.map / "CURRENT"

    def huidig(self):
        """(generation path, complete) or None."""
        try:
            naam, _, compleet = self.pointer.read_text().strip().partition(" ")
        except OSError:
            return None
        pad = self.map / naam
        if not naam or not pad.is_dir():
            return None
        return pad, compleet == "compleet"

    def nieuwe_generatie(self):
        prive_map(self.map)  # 0700: the index holds intervisie content
        pad = self.map / f"g-{time.strftime('%Y%m%d%H%M%S')}-{uuid.uuid4().hex[:8]}"
        pad.mkdir()
        whoosh_index.create_in(str(pad), schema())
        return pad

    def activeer(self, pad, compleet):
        """Point CURRENT at `pad` atomically; keep the previous generation, drop older ones."""
        tijdelijk = self.map / f".CURRENT-{uuid.uuid4().hex}"
        tijdelijk.write_text(f"{pad.name} {'compleet' if compleet else 'onvolledig'}\n")
        vorige = self.huidig()
        os.replace(tijdelijk, self.pointer)
        bewaren = {pad.name} | ({vorige[0].name} if vorige else set())
        for oud in self.map.glob("g-*"):
            if oud.name not in bewaren:
                shutil.rmtree(oud, ignore_errors=True)
                with _slot:
                    _open.pop(str(oud), None)
                    _zoekers.pop(str(oud), None)
                    _lexicons.pop(str(oud), None)
                    _filters.pop(str(oud), None)
                    _kolommen.pop(str(oud), None)

    def open(self, pad):
        sleutel = str(pad)
        with _slot:
            ix = _open.get(sleutel)
            if ix is None:
                ix = whoosh_index.open_dir(sleutel)
                _open[sleutel] = ix
            return ix

    def zoeker(self):
        """(searcher, generation key) on the complete live generation, or IndexOnbruikbaar."""
        huidig = self.huidig()
        if huidig is None:
            raise IndexOnbruikbaar(f"zoekindex {self.map} ontbreekt")
        pad, compleet = huidig
        if not compleet:
            raise IndexOnbruikbaar(f"zoekindex {self.map} is onvolledig")
        sleutel = str(pad)
        with _slot:
            try:
                zoeker = _zoekers.get(sleutel)
                if zoeker is None:
                    zoeker = self.open(pad).searcher()
                elif not zoeker.up_to_date():
                    # A new searcher, never whoosh's refresh(): that reuses the reader of each
                    # segment it knew by segment id alone, with the deletions of that moment,
                    # so a document updated since (deleted and added again) was found twice,
                    # under its old words too. Opening the segments again is cheap.
                    zoeker = self.open(pad).searcher()
                _zoekers[sleutel] = zoeker
                return zoeker, sleutel
            except Exception as fout:  # whoosh raises many kinds on damaged files
                _open.pop(sleutel, None)
                _zoekers.pop(sleutel, None)
                raise IndexOnbruikbaar(f"zoekindex {pad} is onleesbaar: {fout!r}") from fout

    def schrijver(self, maken=False):
        """A writer on the live generation; creates an (incomplete) one if asked and missing."""
        huidig = self.huidig()
        if huidig is None:
            if not maken:
                return None
            pad = self.nieuwe_generatie()
            self.activeer(pad, compleet=False)
            logger.warning(
                "Zoekindex %s ontbrak; nieuwe lege index gemaakt. Zoeken gebruikt de "
                "database tot de index volledig is. %s",
                self.map,
                HERSTEL,
            )
        else:
            pad = huidig[0]
        return self.open(pad).writer(timeout=30)


class Lexicon:
    """Every indexed word, reversed and sorted, with its stem: suffix lookups for compounds.

    Built from the index's own word list (the `w` field) once per searcher generation.
    """

    def __init__(self, woorden):
        # Compounds the analyzer splits are found through their indexed parts instead.
        woorden = [w for w in woorden if not nederlands.delen(w)]
        self.stam = {w: nederlands.stam(w) for w in woorden}
        self.woorden = sorted(w[::-1] for w in woorden)
        self.stammen = sorted({s[::-1] for s in self.stam.values()})

    @staticmethod
    def _eindigend_op(lijst, achtervoegsel, limiet):
        omgekeerd, uit = achtervoegsel[::-1], []
        i = bisect_left(lijst, omgekeerd)
        while i < len(lijst) and lijst[i].startswith(omgekeerd) and len(uit) < limiet:
            if len(lijst[i]) - len(omgekeerd) >= 3:  # at least three letters in front
                uit.append(lijst[i][::-1])
            i += 1
        return uit

    def samenstellingen(self, woord, s, limiet=40):
        """Stems of indexed compounds ending in word `woord` or in its stem `s`."""
        if len(s) < 4:
            return []
        gevonden = set(self._eindigend_op(self.stammen, s, limiet))
        for w in self._eindigend_op(self.woorden, woord, limiet):
            gevonden.add(self.stam[w])
        gevonden.discard(s)
        return sorted(gevonden)[:limiet]


def lexicon_van(zoeker, sleutel):
    with _slot:
        bewaard = _lexicons.get(sleutel)
        if bewaard and bewaard[0] is zoeker:
            return bewaard[1]
    woorden = [
        t.decode("utf-8") if isinstance(t, bytes) else t for t in zoeker.reader().lexicon("w")
    ]
    lexicon = Lexicon(woorden)
    with _slot:
        _lexicons[sleutel] = (zoeker, lexicon)
    return lexicon


def modelfilter(zoeker, sleutel, model):
    """Document numbers of `model` (and subclasses) in the index; None for the root model."""
    if get_model_root(model) is model:
        return None
    label = model._meta.label_lower
    with _slot:
        bewaard = _filters.get(sleutel)
        if not bewaard or bewaard[0] is not zoeker:
            bewaard = (zoeker, {})
            _filters[sleutel] = bewaard
        if label not in bewaard[1]:
            bewaard[1][label] = set(zoeker.docs_for_query(wq.Term("ct", label)))
        return bewaard[1][label]


def pk_kolom(zoeker, sleutel):
    """docnum -> pk (as stored, a string), read once per searcher generation: a list, since
    thousands of hits are looked up per search."""
    with _slot:
        bewaard = _kolommen.get(sleutel)
        if not bewaard or bewaard[0] is not zoeker:
            bewaard = (zoeker, list(zoeker.reader().column_reader("pk")))
            _kolommen[sleutel] = bewaard
        return bewaard[1]


# --- index ---


class WhooshIndex(BaseIndex):
    def __init__(self, backend, model_root):
        super().__init__(backend)
        self.model_root = model_root
        self.opslag = Opslag(Path(backend.index_dir) / model_root._meta.label_lower)

    def get_key(self):
        return self.model_root._meta.label_lower

    def __str__(self):
        return self.get_key()

    def reset(self):
        self.opslag.activeer(self.opslag.nieuwe_generatie(), compleet=True)

    def add_items(self, model, items):
        if _uitstellen(self, {force_str(obj.pk): type(obj) for obj in items}):
            return
        self._schrijven([document(obj, self.backend.soortwoorden) for obj in items], [])

    def delete_item(self, item):
        if not _uitstellen(self, {force_str(item.pk): None}):
            self._schrijven([], [force_str(item.pk)])

    def _schrijven(self, docs, weg):
        """Update `docs` and delete the pks in `weg`, in one whoosh commit."""
        if not docs and not weg:
            return
        schrijver = self.opslag.schrijver(maken=bool(docs))
        if schrijver is None:
            return
        try:
            for pk in weg:
                schrijver.delete_by_term("pk", pk)
            for doc in docs:
                schrijver.update_document(**doc)
            schrijver.commit()
        except BaseException:
            schrijver.cancel()
            raise

    def uitgesteld_schrijven(self, wijzigingen):
        """Write what was collected while indexing was deferred, as the database has it now.

        `wijzigingen` maps pk -> model (saved) or None (deleted). Saved objects are read again, so
        a later save, a delete or a rolled-back transaction is reflected; an object that is gone
        or no longer indexed is taken out of the index. Without a live index nothing is written:
        it would be an incomplete one, and `update_index` builds the whole index from the
        database anyway (as `make start` does right after loading the demo).
        """
        if self.opslag.huidig() is None:
            logger.debug("Zoekindex %s ontbreekt; %s", self.opslag.map, HERSTEL)
            return
        per_model = defaultdict(list)
        for pk, model in wijzigingen.items():
            if model is not None:
                per_model[model].append(pk)
        docs, gevonden = [], set()
        for model, pks in per_model.items():
            for begin in range(0, len(pks), 500):
                for obj in model.get_indexed_objects().filter(pk__in=pks[begin : begin + 500]):
                    docs.append(document(obj, self.backend.soortwoorden))
                    gevonden.add(force_str(obj.pk))
        self._schrijven(docs, [pk for pk in wijzigingen if pk not in gevonden])


# --- deferred indexing: bulk writes (demo content, imports) commit once per index ---

_uitgesteld = contextvars.ContextVar("zoeken_uitgesteld", default=None)


def _uitstellen(index, wijzigingen):
    """Queue `wijzigingen` (pk -> model or None) when indexing is deferred; True if queued."""
    wachtrij = _uitgesteld.get()
    if wachtrij is None:
        return False
    wachtrij.setdefault(str(index.opslag.map), (index, {}))[1].update(wijzigingen)
    return True


@contextmanager
def indexeren_uitgesteld():
    """Collect the index updates of every save and delete in the block; write them when it ends.

    Creating and publishing a page saves it several times and each many-to-many change indexes
    it again; a whoosh commit per save makes bulk loading slow. Inside this block the whoosh
    backend only notes which objects changed, and at the end writes each index once, from the
    database as it is then. Nested blocks write when the outermost one ends. Other backends are
    not affected.
    """
    if _uitgesteld.get() is not None:
        yield
        return
    wachtrij = {}
    token = _uitgesteld.set(wachtrij)
    try:
        yield
    finally:
        _uitgesteld.reset(token)
        for index, wijzigingen in wachtrij.values():
            index.uitgesteld_schrijven(wijzigingen)


class OpbouwIndex(WhooshIndex):
    """The index while `update_index` fills a new generation: one writer for the whole run."""

    def __init__(self, index):
        super().__init__(index.backend, index.model_root)
        self.pad = self.opslag.nieuwe_generatie()
        self.schrijver = self.opslag.open(self.pad).writer(limitmb=128)

    def add_items(self, model, items):
        for obj in items:
            self.schrijver.add_document(**document(obj, self.backend.soortwoorden))


class WhooshRebuilder:
    def __init__(self, index):
        self.index = index
        self.opbouw = None

    def start(self):
        self.opbouw = OpbouwIndex(self.index)
        return self.opbouw

    def finish(self):
        self.opbouw.schrijver.commit()
        self.index.opslag.activeer(self.opbouw.pad, compleet=True)
        logger.info("Zoekindex %s opnieuw opgebouwd", self.index.get_key())


# --- queries ---


_velden_per_model = {}


def _boosts(model):
    """{whoosh field: boost} of the SearchFields of `model` and its indexed subclasses."""
    boosts = {}
    for m in get_indexed_models():
        if issubclass(m, model):
            for naam, boost in tekstvelden(m):
                boosts[naam] = max(boost, boosts.get(naam, 0))
    return boosts


class WhooshSearchQueryCompiler(BaseSearchQueryCompiler):
    DEFAULT_OPERATOR = "and"
    HANDLES_ORDER_BY_EXPRESSIONS = True
    autocomplete = False
    soortwoorden = False

    def velden(self):
        """[(whoosh field, boost)] to search: the given fields, or those of the model tree."""
        sleutel = (
            self.queryset.model,
            self.autocomplete,
            self.soortwoorden,
            tuple(self.fields or ()),
        )
        if sleutel not in _velden_per_model:
            _velden_per_model[sleutel] = self._velden_bepalen()
        return _velden_per_model[sleutel]

    def _velden_bepalen(self):
        model = self.queryset.model
        if self.autocomplete:
            namen = (
                ["a_" + f for f in self.fields]
                if self.fields
                else {
                    n
                    for m in get_indexed_models()
                    if issubclass(m, model)
                    for n in autocompletevelden(m)
                }
            )
            return [(n, 1.0) for n in sorted(namen)]
        boosts = _boosts(model)
        if self.fields:
            return [("f_" + f, boosts.get("f_" + f, 1.0)) for f in self.fields]
        wortel = get_model_root(model)
        if wortel is not model:
            alle = _boosts(wortel)
            if all(alle.get(naam) == boost for naam, boost in boosts.items()):
                # The fields of the whole index, when they weigh this model's fields the same:
                # the other models' fields are empty in this model's documents and BM25F
                # scores each field apart, so every score stays the same, and site search
                # asks the index one query for all its types (interventies, beslismomenten,
                # ...), which rangschikking scores once.
                boosts = alle
        if self.soortwoorden:
            boosts["f_" + SOORTVELD] = 0.3
        return sorted(boosts.items())

    def whoosh_query(self, zoeker, sleutel, soortwoorden=False):
        self.soortwoorden = soortwoorden
        self._velden = self.velden()
        self._zoeker = zoeker
        self._sleutel = sleutel
        self._lexicon = None
        q = self._vertaal(self.query)
        if isinstance(q, wq.Not):
            q = wq.AndNot(wq.Every(), q.query)
        return q

    # Translation of modelsearch's query tree.

    def _vertaal(self, q):
        if isinstance(q, MatchAll):
            return wq.Every()
        # NullQuery (no indexed term) is handled here: whoosh's own normalisation turns
        # "not nothing" into nothing.
        if isinstance(q, Not):
            sub = self._vertaal(q.subquery)
            if sub is wq.NullQuery:
                return wq.Every()
            if isinstance(sub, wq.Every):
                return wq.NullQuery
            return wq.Not(sub)
        if isinstance(q, And):
            delen = [self._vertaal(s) for s in q.subqueries]
            if any(d is wq.NullQuery for d in delen):
                return wq.NullQuery
            delen = [d for d in delen if not isinstance(d, wq.Every)] or [wq.Every()]
            return delen[0] if len(delen) == 1 else wq.And(delen)
        if isinstance(q, Or):
            delen = [d for d in (self._vertaal(s) for s in q.subqueries) if d is not wq.NullQuery]
            if any(isinstance(d, wq.Every) for d in delen):
                return wq.Every()
            if not delen:
                return wq.NullQuery
            return delen[0] if len(delen) == 1 else wq.Or(delen)
        if isinstance(q, Boost):
            return self._vertaal(q.subquery).with_boost(q.boost)
        if isinstance(q, PlainText):
            return self._platte_tekst(q.query_string, q.operator).with_boost(q.boost)
        if isinstance(q, Phrase):
            return self._zin(q.query_string)
        if isinstance(q, Fuzzy):
            return self._fuzzy(q.query_string, q.operator)
        raise NotImplementedError(f"{type(q).__name__} wordt niet ondersteund door whoosh.")

    def _over_velden(self, term, boost=1.0):
        """The term in every searched field that has it (absent terms cost time, not hits)."""
        reader = self._zoeker.reader()
        termen = [
            wq.Term(veld, term, boost=b * boost)
            for veld, b in self._velden
            if (veld, term) in reader
        ]
        if not termen:
            return wq.NullQuery
        return termen[0] if len(termen) == 1 else wq.Or(termen)

    def _combineer(self, delen, operator):
        if not delen:
            return wq.NullQuery
        if len(delen) == 1:
            return delen[0]
        return wq.And(delen) if operator == "and" else wq.Or(delen)

    def _platte_tekst(self, tekst, operator):
        if self.autocomplete:
            return self._combineer(
                [self._over_velden(t) for t in nederlands.autocomplete_termen(tekst)], operator
            )
        woorden = nederlands.analyseer_woorden(tekst)
        kaart = synoniemen()
        langste = max((len(k) for k in kaart), default=0)
        eerste = [stammen[0] for _woord, stammen in woorden]
        delen, i = [], 0
        while i < len(woorden):
            for lengte in range(min(langste, len(woorden) - i), 0, -1):
                sleutel = tuple(eerste[i : i + lengte])
                if sleutel in kaart:
                    eigen = (
                        self._woord(*woorden[i])
                        if lengte == 1
                        else wq.And([self._over_velden(s) for s in sleutel])
                    )
                    opties = [wq.And([self._over_velden(s) for s in v]) for v in kaart[sleutel]]
                    delen.append(self._met_synoniemen(eigen, opties, begrensd=lengte == 1))
                    i += lengte
                    break
            else:
                delen.append(self._woord(*woorden[i]))
                i += 1
        return self._combineer(delen, operator)

    def _met_synoniemen(self, eigen, opties, begrensd):
        """What was typed (`eigen`), or any of its synonyms (`opties`), the synonyms weaker.

        A fixed weight (0.6 of the word's own) does not keep the word itself first: BM25 gives
        a word once in a long chapter a fraction of what a short text that says a synonym three
        times gets, and a rare synonym has a higher idf than a common word. So for a typed
        word (`begrensd`) the synonyms are scaled per field from the index's term statistics
        (rangschikking.veldgrenzen): by at most SYNONIEM_GEWICHT, and so far that all they can
        add through a field is SYNONIEM_AANDEEL of the least the word itself (or its compounds
        and parts) adds through it. In the same field, a text with the word then ranks above
        every text with only a synonym; among the synonym hits BM25's order stays, and against
        the other words of the query a synonym still counts. Per field, because fields differ
        in what a word says: a doelgroep "LVB" that a thousand interventies carry must not push
        a text that says "licht verstandelijke beperking" down (BM25F weighs each field apart,
        so its idf does that). Where no text has the word in a field ("MI"), the synonyms keep
        SYNONIEM_GEWICHT there. The scale is a boost on the terms, so whoosh's collector scores
        the same.

        Typed words that together make a synonym's key ("licht verstandelijk beperkt" = LVB)
        are not bounded so: a text that has each of them somewhere has not said the expression
        (that would be a phrase), while one that says "LVB" has. There SYNONIEM_GEWICHT holds.
        """
        synoniem = opties[0] if len(opties) == 1 else wq.Or(opties)
        factoren = defaultdict(lambda: SYNONIEM_GEWICHT)
        if begrensd:
            try:
                van_eigen = rangschikking.veldgrenzen(self._zoeker, eigen)
                van_synoniem = rangschikking.veldgrenzen(self._zoeker, synoniem)
            except rangschikking.NietOndersteund:  # another weighting: the fixed weight
                van_eigen = van_synoniem = {}
            for veld, (_laag, hoog) in van_synoniem.items():
                if veld in van_eigen and hoog > 0:
                    factoren[veld] = min(
                        SYNONIEM_GEWICHT, SYNONIEM_AANDEEL * van_eigen[veld][0] / hoog
                    )
        return wq.Or([eigen, _geschaald(synoniem, factoren)])

    def _woord(self, woord, stammen):
        """One written word: itself, compounds that contain it, its compound and hyphen parts
        (see nederlands.Zoekwoord)."""
        zw = nederlands.zoekwoord(woord, stammen)
        opties = [self._over_velden(zw.stam), self._over_velden(nederlands.DEEL + zw.stam, 0.6)]
        if self._lexicon is None:
            self._lexicon = lexicon_van(self._zoeker, self._sleutel)
        for samengesteld in self._lexicon.samenstellingen(woord, zw.stam):
            opties.append(self._over_velden(samengesteld, boost=0.6))
        if zw.delen:
            opties.append(self._als_woord_of_deel(zw.delen, boost=0.8))
        if zw.bepaling:
            opties.append(self._als_woord_of_deel(zw.bepaling, boost=0.4))
        if zw.koppeldelen:
            opties.append(wq.And([self._over_velden(s) for s in zw.koppeldelen], boost=0.8))
        opties = [o for o in opties if o is not wq.NullQuery] or [wq.NullQuery]
        return opties[0] if len(opties) == 1 else wq.Or(opties)

    def _als_woord_of_deel(self, stammen, boost):
        """Every stem, each as a word of its own or as part of a compound."""
        return wq.And(
            [
                wq.Or([self._over_velden(s), self._over_velden(nederlands.DEEL + s, 0.6)])
                for s in stammen
            ],
            boost=boost,
        )

    def _zin(self, tekst):
        stammen = [w[0] for w in nederlands.analyseer(tekst)]
        if not stammen:
            return wq.NullQuery
        if len(stammen) == 1:
            return self._over_velden(stammen[0])
        return wq.Or([wq.Phrase(veld, stammen, boost=b) for veld, b in self._velden])

    def _fuzzy(self, tekst, operator):
        delen = [
            wq.Or([wq.FuzzyTerm(veld, w[0], boost=b, maxdist=2) for veld, b in self._velden])
            for w in nederlands.analyseer(tekst)
        ]
        return self._combineer(delen, operator)


def _geschaald(q, factoren):
    """`q` with each term's boost times its field's factor in `factoren`: what it adds through
    that field times the factor (And and Or add, boosts multiply), also where whoosh ignores a
    one-part compound's own boost."""
    if isinstance(q, wq.Term):
        return wq.Term(q.fieldname, q.text, boost=q.boost * factoren[q.fieldname])
    if isinstance(q, wq.And | wq.Or):
        return q.apply(lambda sub: _geschaald(sub, factoren))
    return q  # NullQuery


class WhooshAutocompleteQueryCompiler(WhooshSearchQueryCompiler):
    autocomplete = True

    def check(self):
        if self.fields:
            toegestaan = {
                f.field_name for f in self.queryset.model.get_autocomplete_search_fields()
            }
            for naam in self.fields:
                if naam not in toegestaan:
                    from modelsearch.backends.base import SearchFieldError

                    raise SearchFieldError(
                        f'Cannot autocomplete with field "{naam}". Please add '
                        f'index.AutocompleteField("{naam}") to '
                        f"{self.queryset.model.__name__}.search_fields.",
                        field_name=naam,
                    )
            fields, self.fields = self.fields, None
            super().check()
            self.fields = fields
        else:
            super().check()


# --- results ---


class WhooshSearchResults(BaseSearchResults):
    supports_facet = True

    def _cache(self):
        compiler = self.query_compiler
        if not hasattr(compiler, "_whoosh_uitkomst"):
            compiler._whoosh_uitkomst = {}
        return compiler._whoosh_uitkomst

    def _treffers(self):
        """{pk: score} from whoosh for this query, or IndexOnbruikbaar."""
        cache_ = self._cache()
        if "treffers" not in cache_:
            cache_["treffers"] = self.backend.treffers(self.query_compiler)
        return cache_["treffers"]

    def _geordend(self):
        """Primary keys that pass the queryset's filters, in result order (all of them)."""
        cache_ = self._cache()
        if "geordend" in cache_:
            return cache_["geordend"]
        compiler = self.query_compiler
        queryset = compiler.queryset
        if isinstance(compiler.query, MatchAll):
            geordend = list(queryset.values_list("pk", flat=True))
            scores = {}
        else:
            scores = self._treffers()
            if compiler.order_by_relevance:
                # Many hits: reading the queryset's keys beats sending thousands of them.
                bron = queryset if len(scores) > 500 else queryset.filter(pk__in=list(scores))
                toegestaan = set(bron.values_list("pk", flat=True))
                geordend = [pk for pk in scores if pk in toegestaan]
            else:
                gefilterd = queryset.filter(pk__in=list(scores))
                if not gefilterd.query.order_by:
                    gefilterd = gefilterd.order_by("-pk")
                geordend = list(gefilterd.values_list("pk", flat=True))
        cache_["geordend"] = geordend
        cache_.setdefault("scores", {}).update(scores)
        return geordend

    def _terugval(self):
        """The same search on modelsearch's substring database backend."""
        compiler = self.query_compiler
        fallback = DatabaseSearchBackend({})
        methode = fallback.autocomplete if compiler.autocomplete else fallback.search
        resultaten = methode(
            compiler.query,
            compiler.queryset,
            fields=compiler.fields,
            order_by_relevance=compiler.order_by_relevance,
        )
        resultaten = resultaten[self.start : self.stop] if self.stop else resultaten[self.start :]
        if self._score_field:
            resultaten = resultaten.annotate_score(self._score_field)
        return resultaten

    def _beste(self):
        """The first `stop` results without scoring every hit, or None if that falls short.

        For `search(...)[:10]`: whoosh returns a few more than asked, the database keeps
        those the queryset allows; only when too many drop out is every hit needed.
        """
        compiler = self.query_compiler
        if (
            self.stop is None
            or not compiler.order_by_relevance
            or isinstance(compiler.query, MatchAll)
            or "geordend" in self._cache()
        ):
            return None
        ruim = self.stop * 2 + 20
        scores = self.backend.treffers(compiler, limiet=ruim)
        toegestaan = set(compiler.queryset.filter(pk__in=list(scores)).values_list("pk", flat=True))
        geordend = [pk for pk in scores if pk in toegestaan]
        if len(geordend) < self.stop and len(scores) >= ruim:
            return None
        self._cache().setdefault("scores", {}).update(scores)
        return geordend

    def _pks(self):
        """Primary keys of this slice in result order; IndexOnbruikbaar if whoosh can't answer."""
        geordend = self._beste()
        if geordend is None:
            geordend = self._geordend()
        return geordend[self.start : self.stop]

    def _do_search(self):
        try:
            pks = self._pks()
        except IndexOnbruikbaar:
            return list(self._terugval())
        if not pks:
            return []
        queryset = self.query_compiler.queryset.filter(pk__in=pks)
        if self.prefetch_related:
            queryset = queryset.prefetch_related(*self.prefetch_related)
        objecten = {obj.pk: obj for obj in queryset}
        scores = self._cache()["scores"]
        uit = []
        for pk in pks:
            obj = objecten.get(pk)
            if obj is None:
                continue
            if self._score_field:
                setattr(obj, self._score_field, scores.get(pk))
            uit.append(obj)
        return uit

    def pks_met_score(self):
        """[(pk, score)] of this slice in result order, without loading the objects: what a
        page of facets over all hits needs (thousands of model instances cost ~0.5 s)."""
        try:
            pks = self._pks()
        except IndexOnbruikbaar:
            return [(obj.pk, getattr(obj, "_score", None)) for obj in self._terugval()]
        scores = self._cache()["scores"]
        return [(pk, scores.get(pk)) for pk in pks]

    def index_pks(self):
        """Keys of every object of the model whoosh matches, BEFORE the queryset's filters, or
        None when whoosh cannot answer. Only to intersect with hits already filtered (which
        words of a query a visible hit contains): never show these as such."""
        try:
            return set(self._treffers())
        except IndexOnbruikbaar:
            return None

    def indexstand(self):
        """A token of the state of this model's index that every write changes (the live
        generation and whoosh's commit generation in it), or None when whoosh cannot answer:
        what a cache of hits is keyed on."""
        index = self.backend.get_index_for_model(self.query_compiler.queryset.model)
        try:
            zoeker, sleutel = index.opslag.zoeker()
        except IndexOnbruikbaar:
            return None
        return f"{sleutel}:{zoeker.ixreader.generation()}"

    def score_eenheid(self):
        """The weight of a term that no document has: log(N) + 1, whoosh's largest idf.

        BM25 adds idf-weighted term scores, and idf grows with the size of the collection, so
        scores of one index compare with each other but not with another index's (a small
        index, such as intervisie, scores lower for the same match). Divided by this unit they
        do: a score then says how much of "every query word, rare and saturated" a hit has.
        Objects in the same index share the unit, so their order among each other is kept.
        """
        index = self.backend.get_index_for_model(self.query_compiler.queryset.model)
        try:
            zoeker, _sleutel = index.opslag.zoeker()
        except IndexOnbruikbaar:
            return None
        return math.log(max(zoeker.doc_count_all(), 1)) + 1

    def _do_count(self):
        try:
            return len(self._geordend()[self.start : self.stop])
        except IndexOnbruikbaar:
            return self._terugval().count()

    def facet(self, field_name):
        field = self.query_compiler._get_filterable_field(field_name)
        if field is None:
            raise FilterFieldError(
                f'Cannot facet search results with field "{field_name}". Please add '
                f"index.FilterField('{field_name}') to "
                f"{self.query_compiler.queryset.model.__name__}.search_fields.",
                field_name=field_name,
            )
        try:
            queryset = self.query_compiler.queryset.filter(pk__in=self._geordend())
        except IndexOnbruikbaar:
            return self._terugval().facet(field_name)
        rijen = queryset.values(field_name).annotate(count=Count("pk")).order_by("-count")
        return OrderedDict((rij[field_name], rij["count"]) for rij in rijen)


class WhooshSearchBackend(BaseSearchBackend):
    query_compiler_class = WhooshSearchQueryCompiler
    autocomplete_query_compiler_class = WhooshAutocompleteQueryCompiler
    results_class = WhooshSearchResults
    index_class = WhooshIndex
    rebuilder_class = WhooshRebuilder
    # A busy or broken index must not stop an editor from saving: log, keep the save.
    catch_indexing_errors = True

    def __init__(self, params):
        super().__init__(params)
        self.index_dir = Path(params.get("INDEX_DIR") or settings.SEARCH_INDEX_DIR)
        # Index each object's type name ("interventie") too, so "interventies jongeren"
        # finds interventies for jongeren. Off by default: modelsearch's semantics.
        self.soortwoorden = bool(params.get("SOORTWOORDEN", False))

    def get_index_for_model(self, model):
        return WhooshIndex(self, get_model_root(model))

    def treffers(self, compiler, limiet=None):
        """{pk: score} in score order (the best `limiet`, or all); IndexOnbruikbaar if it
        cannot answer."""
        model = compiler.queryset.model
        index = self.get_index_for_model(model)
        try:
            zoeker, sleutel = index.opslag.zoeker()
            q = compiler.whoosh_query(zoeker, sleutel, self.soortwoorden)
            if q is wq.NullQuery:
                return {}
            toegestaan = modelfilter(zoeker, sleutel, model)
            beste = rangschikking.beste(zoeker, q, limiet, toegestaan)
            if beste is None:  # phrases, fuzzy terms, Not: whoosh's own collector
                beste = zoeker.search(q, limit=limiet, filter=toegestaan, scored=True).top_n
            if not beste:
                return {}  # (an empty index has no pk column to read)
            kolom = pk_kolom(zoeker, sleutel)
            naar_pk = model._meta.pk.to_python
            return {naar_pk(kolom[docnum]): score for score, docnum in beste}
        except IndexOnbruikbaar as fout:
            logger.error("%s; zoeken valt terug op de database. %s", fout, HERSTEL)
            raise
        except (OSError, LockError, ValueError, KeyError, EOFError) as fout:
            logger.error(
                "Zoekindex %s is onleesbaar (%r); zoeken valt terug op de database. %s",
                index.get_key(),
                fout,
                HERSTEL,
            )
            raise IndexOnbruikbaar(str(fout)) from fout

    def verbeteringen(self, queryset, woord):
        """Spelling corrections for `woord` that documents in `queryset` contain.

        [(indexed word, edit distance, number of those documents)], closest first. Words are
        taken from the index's word list, but each is counted only in live documents (not in
        deleted ones, whose words whoosh keeps until segments merge) that `queryset` lets
        through: what a user is offered never comes from what they may not read, and a cleaned
        or deleted record's words are gone from it at once.
        """
        gevouwen = nederlands.samenvoegen(nederlands.vouw(woord))
        if len(gevouwen) < 4 or nederlands.is_stopwoord(gevouwen):
            return []
        model = queryset.model
        index = self.get_index_for_model(model)
        try:
            zoeker, sleutel = index.opslag.zoeker()
            reader = zoeker.reader()
            maxdist = 2 if len(gevouwen) >= 8 else 1
            kandidaten = {
                k: bewerkafstand(k, gevouwen)
                for k in reader.terms_within("w", gevouwen, maxdist, prefix=1)
                if k != gevouwen
            }
            if not kandidaten:
                return []
            toegestaan = modelfilter(zoeker, sleutel, model)
            kolom = pk_kolom(zoeker, sleutel)
            naar_pk = model._meta.pk.to_python
            per_kandidaat = {}
            for kandidaat in kandidaten:
                docnums = zoeker.docs_for_query(wq.Term("w", kandidaat))  # skips deleted docs
                per_kandidaat[kandidaat] = {
                    naar_pk(kolom[d]) for d in docnums if toegestaan is None or d in toegestaan
                }
        except IndexOnbruikbaar:
            return []
        except (OSError, LockError, ValueError, KeyError, EOFError) as fout:
            logger.error("Zoekindex %s is onleesbaar (%r). %s", index.get_key(), fout, HERSTEL)
            return []
        alle = set().union(*per_kandidaat.values())
        if not alle:
            return []
        zichtbaar = set(queryset.filter(pk__in=list(alle)).values_list("pk", flat=True))
        uit = [
            (kandidaat, kandidaten[kandidaat], len(pks & zichtbaar))
            for kandidaat, pks in per_kandidaat.items()
        ]
        return sorted((u for u in uit if u[2]), key=lambda u: (u[1], -u[2], u[0]))


SearchBackend = WhooshSearchBackend

"""Reads for site-wide search. Text matching goes through the modelsearch API, so any
configured backend serves (whoosh, SQLite/PostgreSQL full text, OpenSearch).

One search per registered ZoekType, on the queryset that type lets this user see; hits are
merged into one ranked list. Facets, badges and narrowing come from the hits' fases and
doelgroepen, read with one query per relation per type, so the number of queries does not
grow with the number of results. Everything shown (results, counts, "Bedoelde u",
explanations) is built from those querysets only: nothing comes from what the user may not read.

What is the same for every reader lives in the content cache (cms.inhoudcache, keyed on the
content version that publish, import, taxonomy, tag and synonym edits renew): the hits of types
marked ``voor_iedereen`` (live pages; also keyed on the index's write generation), the taxonomy
values, and per page of results the title, url, fragment and explanation of page hits. Types
whose visibility depends on the user (intervisie) are searched, loaded and explained afresh.

How scores of different types are made comparable (one honest ranking): each type's hits keep
the score the backend gave them; they are NOT divided by the type's best hit (that made every
type's best a 1.0, so one weak beslismoment outranked five good interventies). Our whoosh
backend scores with BM25F, in one index per model root: interventies, beslismomenten,
hoofdstukken and oefeningen are all pages, in one index, with the same collection statistics
and the same weight per field, so their raw scores already compare. Another index (intervisie)
has its own collection, and BM25's idf grows with a collection's size; each score is therefore
divided by its index's unit (``score_eenheid``: the idf of a term no document has), which
leaves the order within an index as it is and puts indexes on one scale. modelsearch's
database backends rank every model in one table, so their raw scores compare as they are.
When results have only some of the query's words, the number of words a hit has comes first
(see ``_of_terugval``).
"""

import re
from collections import Counter
from dataclasses import dataclass, field
from itertools import chain

from django.core.exceptions import FieldDoesNotExist
from django.core.paginator import Paginator
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, gettext
from modelsearch.backends import get_search_backend
from modelsearch.index import RelatedFields
from modelsearch.query import And, Phrase, PlainText

from cms import inhoudcache
from cms.search import nederlands, rangschikking
from cms.search.registry import zoekbare_typen

PER_PAGINA = 10
_WOORD_RE = re.compile(nederlands.WOORD_PATROON)
FACETTEN = ("type", "doelgroep", "fase")


_NIET_GELADEN = object()


@dataclass
class Treffer:
    zoektype: object
    pk: object
    score: float
    # [(volgorde, naam, slug)] as read (see _koppelingen); shown through fases/doelgroepen
    fase_waarden: list = field(default_factory=list)
    doelgroep_waarden: list = field(default_factory=list)
    titel: str = ""
    url: str = ""
    fragment: str = ""
    gevonden_via: list = field(default_factory=list)  # see uitleg()
    _obj: object = field(default=_NIET_GELADEN, repr=False)

    @property
    def fases(self):
        """[(slug, naam)] in the taxonomy's order."""
        return [(slug, naam) for _v, naam, slug in sorted(self.fase_waarden)]

    @property
    def doelgroepen(self):
        return [(slug, naam) for _v, naam, slug in sorted(self.doelgroep_waarden)]

    @property
    def obj(self):
        """The object. A page shown from the content cache is not loaded for the page of
        results; asked for here, it is (one query)."""
        if self._obj is _NIET_GELADEN:
            self._obj = self.zoektype.model._default_manager.filter(pk=self.pk).first()
        return self._obj

    @obj.setter
    def obj(self, waarde):
        self._obj = waarde


@dataclass
class Facetwaarde:
    slug: str
    label: str
    aantal: int
    actief: bool


@dataclass
class Zoekuitkomst:
    zoekterm: str
    filters: dict
    totaal: int
    pagina: object  # a Paginator page of Treffer
    facetten: dict  # naam -> [Facetwaarde]
    suggestie: str | None  # "Bedoelde u ...?": a corrected query, not searched
    genegeerd: list  # filter names whose value is unknown
    verbeterd: str | None = None  # the corrected query whose results are shown instead
    deels: object = None  # a Deelresultaat when the results have only some of the words
    # Quoted phrases no result (that this user may see) has; the results are for the words.
    zinnen_niet_gevonden: list = field(default_factory=list)


# From this many hits on, the links of all objects are read and filtered here.
VEEL_TREFFERS = 500


def _koppelingen(model, veld, pks, waarden):
    """{pk: [(volgorde, naam, slug)]} for a many-to-many taxonomy field (fases, doelgroepen).

    Reads (pk, value id) pairs without a join; `waarden` holds the values of each taxonomy
    read so far in this search ({model: {id: (volgorde, naam, slug)}}), one query each.
    """
    try:
        m2m = model._meta.get_field(veld)
    except Exception:
        return {}
    if not getattr(m2m, "many_to_many", False) or not pks:
        return {}
    doelmodel = m2m.related_model
    if doelmodel not in waarden:
        # The same for everyone, and a taxonomy edit makes a new content version.
        waarden[doelmodel] = inhoudcache.fragment(
            ("zoeken:waarden", doelmodel._meta.label),
            lambda: {
                pk: (volgorde, naam, slug)
                for pk, volgorde, naam, slug in doelmodel._default_manager.values_list(
                    "pk", "volgorde", "naam", "slug"
                )
            },
        )
    bekend = waarden[doelmodel]
    through = m2m.remote_field.through
    bron, doel = m2m.m2m_field_name(), m2m.m2m_reverse_field_name()
    rijen = through.objects.all()
    # Thousands of hits: reading the whole link table beats sending thousands of parameters.
    gezocht = set(pks) if len(pks) > VEEL_TREFFERS else None
    if gezocht is None:
        rijen = rijen.filter(**{f"{bron}__in": pks})
    uit = {}
    for pk, waarde in rijen.order_by().values_list(bron, f"{doel}_id"):
        if (gezocht is None or pk in gezocht) and waarde in bekend:
            uit.setdefault(pk, []).append(bekend[waarde])
    return uit  # unsorted: thousands of hits, only a page of them is shown


def _vergelijkbaar(score, eenheid, rang):
    """A score that compares across types (see the module docstring)."""
    if score is None:
        return 1 / (1 + rang)  # a backend without scores: its order, gently falling
    if eenheid:
        return score / eenheid
    # modelsearch's database backends rank every model in one table (one set of collection
    # statistics), so their raw scores already compare; SQLite's bm25() is negative.
    return abs(score)


def _treffers_van(zoektype, gebruiker, zoekvraag, operator="and", waarden=None):
    queryset = zoektype.zichtbaar_voor(gebruiker).only("pk")
    resultaten = queryset.search(
        zoekvraag, operator=operator, order_by_relevance=True
    ).annotate_score("_score")
    waarden = {} if waarden is None else waarden
    stand = None
    if zoektype.voor_iedereen and isinstance(zoekvraag, str):
        stand = getattr(resultaten, "indexstand", lambda: None)()
    if stand is None:
        rijen = _rijen_van(zoektype, resultaten, waarden)
    else:
        # Everyone sees the same hits of this type: kept under the content version (what the
        # database adds: live, fases, doelgroepen) and the index's state (every index write
        # changes it), so a published change is searched at once.
        rijen = inhoudcache.fragment(
            ("zoeken:treffers", zoektype.slug, zoekvraag, operator, stand),
            lambda: _rijen_van(zoektype, resultaten, waarden),
        )
    return [Treffer(zoektype, *rij) for rij in rijen]


def _rijen_van(zoektype, resultaten, waarden):
    """[(pk, comparable score, fase values, doelgroep values)] of one type's hits."""
    if hasattr(resultaten, "pks_met_score"):  # our whoosh backend: no objects needed here
        hits = resultaten.pks_met_score()
        eenheid = resultaten.score_eenheid()
    else:
        hits = [(obj.pk, getattr(obj, "_score", None)) for obj in resultaten]
        eenheid = None
    if not hits:
        return []
    pks = [pk for pk, _ in hits]
    fases = _koppelingen(zoektype.model, "fases", pks, waarden)
    doelgroepen = _koppelingen(zoektype.model, "doelgroepen", pks, waarden)
    return [
        (pk, _vergelijkbaar(score, eenheid, rang), fases.get(pk, []), doelgroepen.get(pk, []))
        for rang, (pk, score) in enumerate(hits)
    ]


def _past(treffer, filters):
    """Whether the hit has every active filter's value."""
    if not filters:
        return True
    waarden = {
        "type": (treffer.zoektype.slug,),
        "fase": treffer.fase_waarden,
        "doelgroep": treffer.doelgroep_waarden,
    }
    return all(_heeft(waarden[naam], waarde) for naam, waarde in filters.items() if waarde)


def _facetten(treffers, filters, typen):
    """Per facet: counts over hits that pass every *other* active filter, so each count is
    exactly the number of results a click on it gives."""
    labels = {"type": {t.slug: str(t.label) for t in typen}}
    uit = {}
    # Per hit its values per facet, in FACETTEN's order, counted with Counter: thousands of
    # hits, so nothing per hit but building this row (sets per hit cost ~0.1 s at 10,000).
    rijen = [((t.zoektype.slug,), t.doelgroep_waarden, t.fase_waarden) for t in treffers]
    for i, naam in enumerate(FACETTEN):
        andere = [(FACETTEN.index(n), w) for n, w in filters.items() if w and n != naam]
        if andere:
            gekozen = (r[i] for r in rijen if all(_heeft(r[j], w) for j, w in andere))
        else:
            gekozen = (r[i] for r in rijen)
        tellingen = Counter(chain.from_iterable(gekozen))
        waarden = [
            (w, aantal) if naam == "type" else (w[2], aantal, w[1])
            for w, aantal in tellingen.items()
        ]
        uit[naam] = [
            Facetwaarde(
                slug,
                labels["type"].get(slug, slug) if naam == "type" else rest[0],
                aantal,
                filters.get(naam) == slug,
            )
            for slug, aantal, *rest in sorted(waarden, key=lambda w: (-w[1], w[0]))
        ]
    return uit


def _heeft(waarden, slug):
    """Whether one hit's values of a facet (type slugs or taxonomy tuples) include `slug`."""
    return any((w if isinstance(w, str) else w[2]) == slug for w in waarden)


def _extra_waarden(model):
    """Many-to-many relations the model's search indexes besides fases and doelgroepen (tags,
    basismethodieken): [(relation name, label)], read for the page's hits only."""
    uit = []
    for veld in model.get_search_fields():
        if not isinstance(veld, RelatedFields) or veld.field_name in ("fases", "doelgroepen"):
            continue
        try:
            relatie = model._meta.get_field(veld.field_name)
        except FieldDoesNotExist:
            continue
        if relatie.many_to_many:
            uit.append((veld.field_name, str(relatie.related_model._meta.verbose_name)))
    return uit


def _aanvullen(treffers, zoekvraag):
    """Load the objects of one page of results: one query per type on the page, plus one per
    extra indexed relation (tags) for the explanation of the hit.

    The fragment and "gevonden via" of a page (a Wagtail Page type) are the same for everyone
    who may see it, and take most of a search request to make (the whole text tokenized and
    stemmed): they are kept in the content cache, keyed on the content version (a publish, an
    import, a taxonomy, tag or synonym edit makes them stale at once), the query and the
    page's hits of the type. Only hits this user may see reach this function, so a cached
    entry is only ever read for objects its reader may see. Other types (intervisie: its
    content is confidential to a group and changes without a new content version) are made
    afresh every time, never cached.
    """
    per_type = {}
    for t in treffers:
        per_type.setdefault(t.zoektype, []).append(t)
    for zoektype, groep in per_type.items():
        pks = [t.pk for t in groep]
        if not _gedeeld(zoektype):
            objecten = _laden(zoektype, pks)
            getoond = _tonen(zoektype, groep, objecten, zoekvraag)
        else:
            objecten = None  # loaded only to make what the cache lacks

            def maak(zoektype=zoektype, groep=groep, pks=pks):
                nonlocal objecten
                objecten = _laden(zoektype, pks)
                return _tonen(zoektype, groep, objecten, zoekvraag)

            sleutel = ("zoeken:getoond", get_language(), zoektype.slug, zoekvraag, tuple(pks))
            getoond = inhoudcache.fragment(sleutel, maak)
        for t in groep:
            if objecten is not None:
                t.obj = objecten.get(t.pk)
            if t.pk not in getoond:
                continue
            t.titel, t.url, fragment, t.gevonden_via = getoond[t.pk]
            t.fragment = mark_safe(fragment)  # noqa: S308 - markeer_fragment escapes the text


def _gedeeld(zoektype):
    """Whether what a hit of this type shows is shared content: a Wagtail page, whose every
    published change makes a new content version (see cms.inhoudcache)."""
    from wagtail.models import Page

    return issubclass(zoektype.model, Page)


def _laden(zoektype, pks):
    """{pk: object} of one type, with the relations its title and explanation read."""
    extra = _extra_waarden(zoektype.model)
    beheerder = zoektype.model._default_manager
    if zoektype.select_related:
        beheerder = beheerder.select_related(*zoektype.select_related)
    if extra:
        beheerder = beheerder.prefetch_related(*(naam for naam, _ in extra))
    return beheerder.in_bulk(pks)


def _tonen(zoektype, groep, objecten, zoekvraag):
    """{pk: (title, url, fragment as escaped HTML, gevonden via)} of the hits whose object
    is there."""
    extra = _extra_waarden(zoektype.model)
    uit = {}
    for t in groep:
        obj = objecten.get(t.pk)
        if obj is None:
            continue
        tekst = zoektype.tekst_van(obj)
        waarden = [(gettext("fase"), naam) for _slug, naam in t.fases]
        waarden += [(gettext("doelgroep"), naam) for _slug, naam in t.doelgroepen]
        for naam, label in extra:
            waarden += [(label, str(w)) for w in getattr(obj, naam).all()]
        titel = zoektype.titel_van(obj)
        gevonden_via, gemarkeerd = uitleg(zoekvraag, f"{titel} {tekst}", waarden)
        fragment = nederlands.markeer_fragment(tekst, " ".join([zoekvraag, *gemarkeerd]))
        uit[t.pk] = (titel, zoektype.url_van(obj), str(fragment), gevonden_via)
    return uit


# --- why a hit was found ---


def _tokens(tekst):
    """[(word as written, its stems)] of a text, stop words left out."""
    uit = []
    for m in _WOORD_RE.finditer(tekst):
        stammen = nederlands.stammen_van_woord(m.group())
        if stammen:
            uit.append((m.group(), stammen))
    return uit


def _reeks(tokens, stammen):
    """The written words of `tokens` whose first stems are the run `stammen`, or None."""
    n = len(stammen)
    for i in range(len(tokens) - n + 1):
        if all(tokens[i + k][1][0] == stammen[k] for k in range(n)):
            return " ".join(w for w, _ in tokens[i : i + n])
    return None


def _via(tokens, eenheid, varianten):
    """How the query unit (a list of (word, stems)) occurs in one text.

    ("direct", None) when its own stems are there; ("via", written words) when it is there
    through a synonym, as part of a compound, or by its compound parts (whichever analysis
    split it: the parts are read from the text); None if not at all.
    """
    eigen = {s for _, ss in tokens for s in ss}
    hoofden = [stammen[0] for _, stammen in eenheid]
    if all(h in eigen for h in hoofden):
        return "direct", None
    for variant in varianten:
        reeks = _reeks(tokens, variant)
        if reeks:
            return "via", reeks
    if len(eenheid) == 1:
        hoofd = hoofden[0]
        if len(hoofd) >= 4:
            for woord, stammen in tokens:
                if any(s != hoofd and s.endswith(hoofd) for s in stammen):
                    return "via", woord  # 'periode' in 'zoekperiode'
        # Its parts: words of the text inside the query word ('werkervaring' and 'plaats' for
        # 'werkervaringsplaats', 'integratie' for 're-integratie'), longest first.
        geheel = _gevouwen(eenheid[0][0])
        delen = []
        for woord, _stammen in sorted(tokens, key=lambda t: -len(t[0])):
            gevouwen = _gevouwen(woord)
            if (
                4 <= len(gevouwen) < len(geheel)
                and gevouwen in geheel
                and not any(gevouwen in _gevouwen(d) for d in delen)
            ):
                delen.append(woord)
        if delen:
            return "via", ", ".join(sorted(delen, key=lambda d: geheel.find(_gevouwen(d))))
    return None


def _gevouwen(woord):
    return nederlands.samenvoegen(nederlands.vouw(woord))


def _eenheden(zoekvraag):
    """The query in units as search reads it: a run of words that has a synonym, or one word.
    [(unit as [(word, stems)], the synonym variants as stem tuples)]."""
    from cms.search.backend import synoniemen

    woorden = [(m.group(), nederlands.stammen_van_woord(m.group())) for m in _vraag(zoekvraag)]
    woorden = [(w, s) for w, s in woorden if s]
    kaart = synoniemen()
    langste = max((len(k) for k in kaart), default=0)
    uit, i = [], 0
    while i < len(woorden):
        for lengte in range(min(langste, len(woorden) - i), 0, -1):
            sleutel = tuple(s[0] for _, s in woorden[i : i + lengte])
            if sleutel in kaart:
                uit.append((woorden[i : i + lengte], kaart[sleutel]))
                i += lengte
                break
        else:
            uit.append(([woorden[i]], []))
            i += 1
    return uit


def uitleg(zoekvraag, eigen_tekst, waarden):
    """Why a hit matches the words it does not contain as such.

    For each query word (or multi-word synonym) that is not in the hit's own text: the
    synonym, compound or compound parts through which it is there ("motiverende
    gespreksvoering (MI)", "zoekperiode (periode)"), else the taxonomy value or tag that has
    it ("fase: Plangesprek"). Compares the query's expansions (synonyms, compounds, parts, as
    the analyzer makes them) with the stored text, so it explains any backend's hit.
    Returns (explanations, words to highlight as well).
    """
    tokens = _tokens(eigen_tekst)
    waarde_tokens = [(label, naam, _tokens(naam)) for label, naam in waarden]
    uitleggen, markeren = [], []
    for eenheid, varianten in _eenheden(zoekvraag):
        geschreven = " ".join(w for w, _ in eenheid)
        gevonden = _via(tokens, eenheid, varianten)
        if gevonden is not None:
            if gevonden[0] == "via":
                uitleggen.append(f"{gevonden[1]} ({geschreven})")
                markeren.append(gevonden[1].replace(",", " "))
            continue
        for label, naam, ts in waarde_tokens:
            if _via(ts, eenheid, varianten) is not None:
                uitleggen.append(f"{label}: {naam}")
                break
    return list(dict.fromkeys(uitleggen)), markeren


# --- the query: which words count, dead ends, spelling ---

# Words a question is made of that say nothing about the subject. Search never requires them
# (stop words are dropped by the analysis already).
_VRAAGWOORDEN = (
    "wat wie waar wanneer waarom waarmee waarover hoe hoeveel hoelang welk welke ik je jij "
    "jou jouw u we wij jullie mijn onze kan kun kunt moet moeten mag mogen wil wilt willen "
    "doe doet zou zouden ga gaat gaan graag eigenlijk precies"
)
VRAAGWOORDEN = frozenset(_VRAAGWOORDEN.split())
MAX_WOORDEN = 8  # words a fallback looks at one by one (bounds its queries)


def _vraag(tekst):
    """Matches of the words of `tekst` that are not question words."""
    return [m for m in _WOORD_RE.finditer(tekst) if nederlands.vouw(m.group()) not in VRAAGWOORDEN]


def inhoudswoorden(zoekterm):
    """The words of the query that count: as typed, without stop and question words."""
    return [m.group() for m in _vraag(zoekterm) if nederlands.stammen_van_woord(m.group())]


def _zinnen(zoekterm):
    """(quoted phrases of two or more words that count, the query that needs them and the
    other words); ([], None) without such a phrase: one quoted word is just a word."""
    delen = zoekterm.split('"')
    zinnen, los = [], []
    for i, deel in enumerate(delen):
        # Odd parts are inside quotes; a last, unclosed quote is a phrase up to the end.
        if i % 2 and len(inhoudswoorden(deel)) > 1:
            zinnen.append(" ".join(deel.split()))
        else:
            los.append(deel)
    if not zinnen:
        return [], None
    rest = " ".join(inhoudswoorden(" ".join(los)))
    vraag = [Phrase(z) for z in zinnen] + ([PlainText(rest, operator="and")] if rest else [])
    return zinnen, vraag[0] if len(vraag) == 1 else And(vraag)


def _zoeken_in_typen(typen, gebruiker, zoekvraag, operator="and"):
    treffers, waarden = [], {}
    for zoektype in typen:
        treffers += _treffers_van(zoektype, gebruiker, zoekvraag, operator, waarden)
    return treffers


def _pks_per_woord(zoektype, gebruiker, woorden, zichtbaar):
    """{word: keys among `zichtbaar` (hits this user may see) that match the word}."""
    queryset = zoektype.zichtbaar_voor(gebruiker).only("pk")
    uit = {}
    for woord in woorden:
        resultaten = queryset.search(woord, order_by_relevance=True)
        pks = resultaten.index_pks() if hasattr(resultaten, "index_pks") else None
        if pks is None:  # another backend: its hits, filtered in the database
            pks = {obj.pk for obj in resultaten}
        uit[woord] = pks & zichtbaar
    return uit


@dataclass
class Deelresultaat:
    """No result has every word: these results have some. Shown as a notice."""

    gebruikt: list  # words that some result has
    niet_gevonden: list  # words no result (that this user may see) has


def _of_terugval(typen, gebruiker, woorden):
    """Results for some of the words, those with more of the words first.

    One OR search per type (through the modelsearch API, so any backend serves). Then, per
    word, which of those hits have it; the rank is the number of words a hit has, then its
    score squashed into [0, 1) so it never outweighs one word more.
    """
    woorden = woorden[:MAX_WOORDEN]
    treffers = _zoeken_in_typen(typen, gebruiker, " ".join(woorden), operator="or")
    per_woord = {w: set() for w in woorden}
    for zoektype in typen:
        eigen = {t.pk for t in treffers if t.zoektype is zoektype}
        if not eigen:
            continue
        for woord, pks in _pks_per_woord(zoektype, gebruiker, woorden, eigen).items():
            per_woord[woord] |= {(zoektype.slug, pk) for pk in pks}
    for t in treffers:
        aantal = sum(1 for pks in per_woord.values() if (t.zoektype.slug, t.pk) in pks)
        t.score = aantal + t.score / (1 + t.score)
    deel = Deelresultaat(
        gebruikt=[w for w in woorden if per_woord[w]],
        niet_gevonden=[w for w in woorden if not per_woord[w]],
    )
    return treffers, deel


def _verbeteringen(typen, gebruiker, woord):
    """The best correction of `woord` from what this user may read, or None."""
    backend = get_search_backend()
    if not hasattr(backend, "verbeteringen"):
        return None
    beste = {}
    for zoektype in typen:
        for kandidaat, afstand, aantal in backend.verbeteringen(
            zoektype.zichtbaar_voor(gebruiker), woord
        ):
            vorig = beste.get(kandidaat, (afstand, 0))
            beste[kandidaat] = (afstand, vorig[1] + aantal)
    if not beste:
        return None
    return min(beste, key=lambda k: (beste[k][0], -beste[k][1], k))


def _verbeterd(zoekterm, correcties):
    """The query with the words in `correcties` replaced, the rest as typed."""
    return _WOORD_RE.sub(lambda m: correcties.get(m.group(), m.group()), zoekterm)


def zoeken(*, gebruiker, zoekterm, filters=None, pagina=1, per_pagina=PER_PAGINA, exact=False):
    """Search everything this user may see; `filters` maps type/doelgroep/fase to a slug.

    Every word that counts must match (stop and question words never count). When nothing
    matches: a query of several words shows results for some of them, and says which; a query
    of one word (or of words none of which is found) with a clear correction shows the
    corrected results (unless `exact`); otherwise a correction is offered as "Bedoelde u".
    Corrections come only from what this user may read.
    """
    with rangschikking.scores_delen():  # one scoring per index for all types
        return _zoeken(gebruiker, zoekterm, filters, pagina, per_pagina, exact)


def _zoeken(gebruiker, zoekterm, filters, pagina, per_pagina, exact):
    filters = {k: v for k, v in (filters or {}).items() if k in FACETTEN and v}
    typen = zoekbare_typen()
    woorden = inhoudswoorden(zoekterm)
    zoekvraag = " ".join(woorden) or zoekterm
    zinnen, zinvraag = _zinnen(zoekterm)
    treffers = _zoeken_in_typen(typen, gebruiker, zinvraag) if zinnen else []
    zinnen_niet_gevonden = [] if treffers else zinnen
    if zoekterm and not treffers:  # no quoted phrase, or none found: the words
        treffers = _zoeken_in_typen(typen, gebruiker, zoekvraag)
    verbeterd = suggestie = deel = None
    if zoekterm and not treffers and woorden:
        deel_treffers, deel = [], None
        if len(woorden) > 1:
            deel_treffers, deel = _of_terugval(typen, gebruiker, woorden)
            onbekend = deel.niet_gevonden
        else:
            onbekend = woorden
        correcties = {}
        for woord in onbekend[:MAX_WOORDEN]:
            correctie = _verbeteringen(typen, gebruiker, woord)
            if correctie:
                correcties[woord] = correctie
        if correcties:
            suggestie = _verbeterd(zoekterm, correcties)
        # Replace what was typed only when nothing else answers: one word, or several of which
        # none is found ("meten" is a word; in "motivatie meten" it is not a typo of "meteen").
        stellig = len(woorden) == 1 or not (deel and deel.gebruikt)
        if correcties and len(correcties) == len(onbekend) and stellig and not exact:
            verbeterde_vraag = " ".join(correcties.get(w, w) for w in woorden)
            treffers = _zoeken_in_typen(typen, gebruiker, verbeterde_vraag)
            if treffers:
                verbeterd, zoekvraag, suggestie, deel = suggestie, verbeterde_vraag, None, None
        if not treffers and deel is not None and deel.gebruikt:
            treffers = deel_treffers
            zoekvraag = " ".join(deel.gebruikt)
        else:
            deel = None
    treffers.sort(key=lambda t: -t.score)

    # An unknown type would silently give nothing: drop it and say so.
    genegeerd = ["type"] if filters.get("type") not in {None, *(t.slug for t in typen)} else []
    for naam in genegeerd:
        filters.pop(naam)

    gefilterd = [t for t in treffers if _past(t, filters)]
    pagina_obj = Paginator(gefilterd, per_pagina).get_page(pagina)
    _aanvullen(pagina_obj.object_list, zoekvraag)
    return Zoekuitkomst(
        zoekterm=zoekterm,
        filters=filters,
        totaal=len(gefilterd),
        pagina=pagina_obj,
        facetten=_facetten(treffers, filters, typen),
        suggestie=suggestie,
        genegeerd=genegeerd,
        verbeterd=verbeterd,
        deels=deel,
        zinnen_niet_gevonden=zinnen_niet_gevonden,
    )


def suggesties(*, gebruiker, zoekterm, limiet=8):
    """Autocomplete: titles and URLs of what this user may see, best first per type."""
    if len(zoekterm) < 2:
        return []
    uit = []
    for zoektype in zoekbare_typen():
        resultaten = zoektype.zichtbaar_voor(gebruiker).autocomplete(zoekterm)[:limiet]
        uit += [(zoektype, obj) for obj in resultaten]
    uit = uit[:limiet]
    return [{"titel": zt.titel_van(obj), "url": zt.url_van(obj)} for zt, obj in uit]

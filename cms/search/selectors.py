"""Reads for site-wide search. Text matching goes through the modelsearch API, so any
configured backend serves (whoosh, SQLite/PostgreSQL full text, OpenSearch).

One search per registered ZoekType, on the queryset that type lets this user see; hits are
merged into one ranked list. Facets, badges and narrowing come from the hits' fases and
doelgroepen, read with one query per relation per type, so the number of queries does not
grow with the number of results.
"""

from dataclasses import dataclass, field

from django.core.paginator import Paginator
from django.utils.safestring import mark_safe
from modelsearch.backends import get_search_backend

from cms.search import nederlands
from cms.search.registry import zoekbare_typen

PER_PAGINA = 10
FACETTEN = ("type", "doelgroep", "fase")


@dataclass
class Treffer:
    zoektype: object
    pk: object
    score: float
    fases: list = field(default_factory=list)  # [(slug, naam)]
    doelgroepen: list = field(default_factory=list)
    obj: object = None
    fragment: str = ""

    @property
    def slugs(self):
        return {
            "type": {self.zoektype.slug},
            "fase": {s for s, _ in self.fases},
            "doelgroep": {s for s, _ in self.doelgroepen},
        }

    @property
    def titel(self):
        return self.zoektype.titel_van(self.obj)

    @property
    def url(self):
        return self.zoektype.url_van(self.obj)


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
    suggestie: str | None
    genegeerd: list  # filter names whose value is unknown


# From this many hits on, the links of all objects are read and filtered here.
VEEL_TREFFERS = 500


def _koppelingen(model, veld, pks):
    """{pk: [(slug, naam)]} for a many-to-many taxonomy field (fases, doelgroepen)."""
    try:
        m2m = model._meta.get_field(veld)
    except Exception:
        return {}
    if not getattr(m2m, "many_to_many", False) or not pks:
        return {}
    through = m2m.remote_field.through
    bron, doel = m2m.m2m_field_name(), m2m.m2m_reverse_field_name()
    uit = {}
    rijen = through.objects.all()
    # Thousands of hits: reading the whole link table beats sending thousands of parameters.
    gezocht = set(pks) if len(pks) > VEEL_TREFFERS else None
    if gezocht is None:
        rijen = rijen.filter(**{f"{bron}__in": pks})
    rijen = rijen.order_by(f"{doel}__volgorde", f"{doel}__naam").values_list(
        bron, f"{doel}__slug", f"{doel}__naam"
    )
    for pk, slug, naam in rijen:
        if gezocht is None or pk in gezocht:
            uit.setdefault(pk, []).append((slug, naam))
    return uit


def _treffers_van(zoektype, gebruiker, zoekterm):
    queryset = zoektype.zichtbaar_voor(gebruiker).only("pk")
    resultaten = queryset.search(zoekterm, order_by_relevance=True).annotate_score("_score")
    if hasattr(resultaten, "pks_met_score"):  # our whoosh backend: no objects needed here
        hits = resultaten.pks_met_score()
    else:
        hits = [(obj.pk, getattr(obj, "_score", None)) for obj in resultaten]
    if not hits:
        return []
    # Scores of different backends differ in sign and scale; relative to the best hit of
    # this type they compare across types.
    beste = hits[0][1]
    pks = [pk for pk, _ in hits]
    fases = _koppelingen(zoektype.model, "fases", pks)
    doelgroepen = _koppelingen(zoektype.model, "doelgroepen", pks)
    uit = []
    for rang, (pk, score) in enumerate(hits):
        relatief = score / beste if beste and score is not None else 1 / (1 + rang)
        uit.append(Treffer(zoektype, pk, relatief, fases.get(pk, []), doelgroepen.get(pk, [])))
    return uit


def _past(treffer, filters, behalve=None):
    return all(
        waarde in treffer.slugs[naam]
        for naam, waarde in filters.items()
        if waarde and naam != behalve
    )


def _facetten(treffers, filters, typen):
    """Per facet: counts over hits that pass every *other* active filter, so each count is
    exactly the number of results a click on it gives."""
    labels = {"type": {t.slug: str(t.label) for t in typen}, "fase": {}, "doelgroep": {}}
    for t in treffers:
        labels["fase"].update(t.fases)
        labels["doelgroep"].update(t.doelgroepen)
    uit = {}
    for naam in FACETTEN:
        tellingen = {}
        for t in treffers:
            if _past(t, filters, behalve=naam):
                for slug in t.slugs[naam]:
                    tellingen[slug] = tellingen.get(slug, 0) + 1
        uit[naam] = [
            Facetwaarde(slug, labels[naam].get(slug, slug), aantal, filters.get(naam) == slug)
            for slug, aantal in sorted(tellingen.items(), key=lambda kv: (-kv[1], kv[0]))
        ]
    return uit


def _aanvullen(treffers, zoekterm):
    """Load the objects of one page of results: one query per type on the page."""
    per_type = {}
    for t in treffers:
        per_type.setdefault(t.zoektype, []).append(t)
    for zoektype, groep in per_type.items():
        objecten = zoektype.model._default_manager.in_bulk([t.pk for t in groep])
        for t in groep:
            t.obj = objecten.get(t.pk)
            if t.obj is not None:
                t.fragment = mark_safe(  # noqa: S308 - markeer_fragment escapes the text
                    nederlands.markeer_fragment(zoektype.tekst_van(t.obj), zoekterm)
                )


def _suggestie(typen, zoekterm):
    backend = get_search_backend()
    if not hasattr(backend, "suggestie"):
        return None
    for zoektype in typen:
        voorstel = backend.suggestie(zoektype.model, zoekterm)
        if voorstel:
            return voorstel
    return None


def zoeken(*, gebruiker, zoekterm, filters=None, pagina=1, per_pagina=PER_PAGINA):
    """Search everything this user may see; `filters` maps type/doelgroep/fase to a slug."""
    filters = {k: v for k, v in (filters or {}).items() if k in FACETTEN and v}
    typen = zoekbare_typen()
    treffers = []
    if zoekterm:
        for zoektype in typen:
            treffers += _treffers_van(zoektype, gebruiker, zoekterm)
    treffers.sort(key=lambda t: -t.score)

    # An unknown type would silently give nothing: drop it and say so.
    genegeerd = ["type"] if filters.get("type") not in {None, *(t.slug for t in typen)} else []
    for naam in genegeerd:
        filters.pop(naam)

    gefilterd = [t for t in treffers if _past(t, filters)]
    pagina_obj = Paginator(gefilterd, per_pagina).get_page(pagina)
    _aanvullen(pagina_obj.object_list, zoekterm)
    suggestie = _suggestie(typen, zoekterm) if zoekterm and len(gefilterd) < 5 else None
    return Zoekuitkomst(
        zoekterm=zoekterm,
        filters=filters,
        totaal=len(gefilterd),
        pagina=pagina_obj,
        facetten=_facetten(treffers, filters, typen),
        suggestie=suggestie,
        genegeerd=genegeerd,
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

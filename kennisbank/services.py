"""Writes of the kennisbank: importing interventies from CSV or XLSX, and the matching export.

The file format is one row per interventie with the columns in KOLOMMEN; only titel,
samenvatting, fases and laag must be there. A column left out keeps its value on update and gets
the default on create. Multi-valued cells are separated by ";", taxonomy values match by slug or
name (case-insensitive). Reading (encodings, separators, size limits) and writing (safe cells)
go through cms.spreadsheets.

Every row is validated first, with the model's own field checks and the privacy guard, so a dry
run and the real import agree; with any error nothing is written. A row whose slug exists updates
that interventie (a new revision, published) only when something differs, so importing an export
again is a no-op. The write goes in batches of one transaction each (the SQLite write lock is
free between them) and in bulk: a page costs a few rows, not three saves through the page tree.
"""

import time
import uuid
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.html import linebreaks
from django.utils.text import slugify
from django.utils.translation import gettext as _
from modelsearch.backends import get_search_backends
from taggit.models import Tag
from wagtail.log_actions import log
from wagtail.models import Page, PageLogEntry, Revision
from wagtail.rich_text import RichText

from cms import spreadsheets
from cms.audit import AuditRegel
from cms.inhoudcache import inhoud_gewijzigd
from cms.models import Basismethodiek, Doelgroep, Fase, Klanttype, Trede, WerkzaamElement
from cms.privacy import controleer_tekst, vind_persoonsgegevens
from cms.search.backend import indexeren_uitgesteld
from cms.services import audit_vastleggen
from kennisbank.models import (
    Bewijsniveau,
    Herkomst,
    ImportTaak,
    InterventiePage,
    InterventieschemaPage,
    InterventieTag,
    Laag,
    Onderdeel,
    Status,
    Voorstel,
)
from kennisbank.selectors import (
    ALLE_RELATIES,
    gerelateerd,
    interventies_filteren,
    mag_voorstellen,
    mag_voorstellen_beoordelen,
)

KOLOMMEN = [
    "titel",
    "slug",
    "samenvatting",
    "fases",
    "laag",
    "onderdeel",
    "doelgroepen",
    "treden",
    "klanttypen",
    "werkzame_elementen",
    "basismethodiek",
    "herkomst",
    "bewijsniveau",
    "status",
    "aanbieder",
    "duur",
    "kosten",
    "bronnen",
    "tags",
]
VERPLICHTE_KOLOMMEN = ["titel", "samenvatting", "fases", "laag"]
SCHEIDING = ";"
BATCH = 250  # rows per write transaction
# Pause between two batches. A connection waiting for the SQLite write lock checks again at
# most every 100 ms (SQLite's busy handler); without a pause the next batch takes the lock
# back at once and a login waits for the whole import.
PAUZE = 0.15

# column -> (model field on InterventiePage, taxonomy model, required)
TAXONOMIE_KOLOMMEN = {
    "fases": ("fases", Fase, True),
    "doelgroepen": ("doelgroepen", Doelgroep, False),
    "treden": ("treden", Trede, False),
    "klanttypen": ("klanttypen", Klanttype, False),
    "werkzame_elementen": ("werkzame_elementen", WerkzaamElement, False),
    "basismethodiek": ("basismethodieken", Basismethodiek, False),
    "herkomst": ("herkomst", Herkomst, False),
}
# column -> (choices, default, required)
KEUZE_KOLOMMEN = {
    "laag": (Laag, None, True),
    "onderdeel": (Onderdeel, "", False),
    "bewijsniveau": (Bewijsniveau, Bewijsniveau.NIET_BEOORDEELD, False),
    "status": (Status, Status.BESCHIKBAAR, False),
}
# column -> (model field, required, multi-line)
TEKST_KOLOMMEN = {
    "titel": ("title", True, False),
    "samenvatting": ("samenvatting", True, True),
    "aanbieder": ("aanbieder", False, False),
    "duur": ("duur", False, False),
    "kosten": ("kosten", False, False),
    "bronnen": ("bronnen", False, True),
}
# model field -> column, for the model's own field errors
_MODELVELDEN = {f.name for f in InterventiePage._meta.concrete_fields}
VELD_KOLOM = {
    **{veld: kolom for kolom, (veld, _v, _m) in TEKST_KOLOMMEN.items()},
    **{kolom: kolom for kolom in KEUZE_KOLOMMEN},
    "slug": "slug",
}


@dataclass(frozen=True)
class ImportFout:
    rij: int  # row number as a spreadsheet shows it (header = 1); 0 for the file as a whole
    kolom: str
    melding: str


@dataclass
class ImportResultaat:
    fouten: list = field(default_factory=list)
    meldingen: list = field(default_factory=list)  # ImportFout-shaped notices, nothing refused
    nieuw: list = field(default_factory=list)  # slugs
    gewijzigd: list = field(default_factory=list)
    ongewijzigd: list = field(default_factory=list)
    proef: bool = False

    @property
    def geslaagd(self):
        return not self.fouten

    @property
    def aantal_rijen(self):
        return len(self.nieuw) + len(self.gewijzigd) + len(self.ongewijzigd)


def _foutvolgorde(fout):
    return (fout.rij, KOLOMMEN.index(fout.kolom) if fout.kolom in KOLOMMEN else -1)


# --- Taxonomy lookup -------------------------------------------------------------------------


class _Opzoeker:
    """Resolve taxonomy values by slug or name, case-insensitive, from one query per model."""

    def __init__(self):
        self.per_kolom = {}
        for kolom, (_veld, model, _verplicht) in TAXONOMIE_KOLOMMEN.items():
            qs = model.objects.all()
            if model is Fase:
                qs = qs.select_related("reeks")
            op_slug, op_naam = {}, {}
            for obj in qs:
                op_slug[obj.slug.lower()] = obj
                op_naam.setdefault(obj.naam.strip().lower(), []).append(obj)
            self.per_kolom[kolom] = (op_slug, op_naam)

    def zoek(self, kolom, waarde):
        """Return (object, None) or (None, Dutch message)."""
        op_slug, op_naam = self.per_kolom[kolom]
        sleutel = waarde.strip().lower()
        if sleutel in op_slug:
            return op_slug[sleutel], None
        kandidaten = op_naam.get(sleutel, [])
        if kolom == "fases" and len(kandidaten) > 1:
            kandidaten = [f for f in kandidaten if f.reeks.standaard] or kandidaten
        if len(kandidaten) == 1:
            return kandidaten[0], None
        if len(kandidaten) > 1:
            return None, _("“%(waarde)s” is niet eenduidig; gebruik de slug.") % {"waarde": waarde}
        return None, _("“%(waarde)s” is onbekend in %(lijst)s.") % {
            "waarde": waarde,
            "lijst": TAXONOMIE_KOLOMMEN[kolom][1]._meta.verbose_name_plural,
        }


def _keuze_zoeken(keuzes, waarde):
    sleutel = waarde.strip().lower()
    for keuze in keuzes:
        if sleutel in (keuze.value.lower(), str(keuze.label).lower()):
            return keuze.value
    return None


def _sorteersleutel(obj):
    if isinstance(obj, Fase):
        return (obj.reeks.volgorde, obj.volgorde, obj.naam)
    return (obj.volgorde, obj.naam)


def _tekst(waarde):
    return waarde.replace("\r\n", "\n").replace("\r", "\n").strip()


# --- Canonical rows: what the export writes and the import compares --------------------------


def interventie_naar_rij(interventie):
    """The export row of one interventie (strings, in column order). Prefetch the relations."""
    rij = {
        "titel": interventie.title,
        "slug": interventie.slug,
        "samenvatting": interventie.samenvatting,
        "laag": Laag(interventie.laag).label,
        "onderdeel": Onderdeel(interventie.onderdeel).label if interventie.onderdeel else "",
        "bewijsniveau": Bewijsniveau(interventie.bewijsniveau).label,
        "status": Status(interventie.status).label,
        "aanbieder": interventie.aanbieder,
        "duur": interventie.duur,
        "kosten": interventie.kosten,
        "bronnen": _tekst(interventie.bronnen),
        "tags": SCHEIDING.join(
            sorted((t.name for t in gerelateerd(interventie, "tags")), key=str.lower)
        ),
    }
    for kolom, (veld, _model, _verplicht) in TAXONOMIE_KOLOMMEN.items():
        objecten = sorted(gerelateerd(interventie, veld), key=_sorteersleutel)
        rij[kolom] = SCHEIDING.join(obj.naam for obj in objecten)
    return {kolom: str(rij[kolom]) for kolom in KOLOMMEN}


def _gegevens_naar_rij(gegevens, kolommen):
    """The export cells of these columns that an interventie with these values would have."""
    rij = {}
    for kolom in kolommen:
        if kolom in TEKST_KOLOMMEN:
            rij[kolom] = gegevens[TEKST_KOLOMMEN[kolom][0]]
        elif kolom == "slug":
            rij[kolom] = gegevens["slug"]
        elif kolom in KEUZE_KOLOMMEN:
            waarde = gegevens[kolom]
            rij[kolom] = KEUZE_KOLOMMEN[kolom][0](waarde).label if waarde else ""
        elif kolom in TAXONOMIE_KOLOMMEN:
            veld = TAXONOMIE_KOLOMMEN[kolom][0]
            rij[kolom] = SCHEIDING.join(obj.naam for obj in gegevens[veld])
        else:
            rij[kolom] = SCHEIDING.join(sorted(gegevens["tags"], key=str.lower))
    return {kolom: str(waarde) for kolom, waarde in rij.items()}


# --- Validation ------------------------------------------------------------------------------


def _cellen_lezen(nummer, rij, kop, meldingen):
    """The row as {kolom: text}: control characters out (with a notice), newlines normalised,
    the export's formula apostrophe undone."""
    cellen = {}
    for i, kolom in enumerate(kop):
        if kolom not in KOLOMMEN:
            continue
        waarde = rij[i] if i < len(rij) else ""
        meerdere_regels = kolom in ("samenvatting", "bronnen")
        waarde, tekens = spreadsheets.stuurtekens_vervangen(waarde, meerdere_regels=meerdere_regels)
        if tekens:
            meldingen.append(
                ImportFout(
                    nummer,
                    kolom,
                    _(
                        "Onzichtbaar stuurteken %(tekens)s weggehaald (zoals een regeleinde uit "
                        "Word); controleer de tekst na de import."
                    )
                    % {"tekens": ", ".join(tekens)},
                )
            )
        cellen[kolom] = spreadsheets.formule_terug(_tekst(waarde))
    return cellen


def _rij_valideren(nummer, cellen, opzoeker):
    """Return (gegevens, fouten) for one row given as {kolom: tekst} (present columns only)."""
    fouten = []
    gegevens = {}
    foute_kolommen = set()

    def fout(kolom, melding):
        foute_kolommen.add(kolom)
        fouten.append(ImportFout(nummer, kolom, str(melding)))

    for kolom, (veld, verplicht, _meerdere) in TEKST_KOLOMMEN.items():
        if kolom not in cellen:
            continue
        waarde = cellen[kolom]
        lengte = InterventiePage._meta.get_field(veld).max_length
        if verplicht and not waarde:
            fout(kolom, _("Verplicht: vul dit in."))
        elif lengte and len(waarde) > lengte:
            fout(
                kolom,
                _("Te lang: %(n)d tekens, maximaal %(max)d.") % {"n": len(waarde), "max": lengte},
            )
        gegevens[veld] = waarde

    slug = cellen.get("slug") or slugify(gegevens["title"])
    if slug != slugify(slug) or not slug:
        fout(
            "slug",
            _("“%(slug)s” is geen geldige slug: alleen kleine letters, cijfers en streepjes.")
            % {"slug": slug},
        )
    gegevens["slug"] = slug

    for kolom, (keuzes, standaard, verplicht) in KEUZE_KOLOMMEN.items():
        if kolom not in cellen:
            continue
        waarde = cellen[kolom]
        if not waarde:
            if verplicht:
                fout(kolom, _("Verplicht: vul dit in."))
            gegevens[kolom] = standaard
            continue
        gevonden = _keuze_zoeken(keuzes, waarde)
        if gevonden is None:
            fout(
                kolom,
                _("“%(waarde)s” is geen geldige waarde. Kies uit: %(keuzes)s.")
                % {"waarde": waarde, "keuzes": ", ".join(str(k.label) for k in keuzes)},
            )
        gegevens[kolom] = gevonden

    for kolom, (veld, _model, verplicht) in TAXONOMIE_KOLOMMEN.items():
        if kolom not in cellen:
            continue
        waarden = [w.strip() for w in cellen[kolom].split(SCHEIDING) if w.strip()]
        if verplicht and not waarden:
            fout(kolom, _("Verplicht: noem minstens één waarde."))
        objecten = []
        for waarde in waarden:
            obj, melding = opzoeker.zoek(kolom, waarde)
            if melding:
                fout(kolom, melding)
            elif obj not in objecten:
                objecten.append(obj)
        gegevens[veld] = sorted(objecten, key=_sorteersleutel)

    if "tags" in cellen:
        tags = []
        for tag in (t.strip() for t in cellen["tags"].split(SCHEIDING)):
            if not tag:
                continue
            if len(tag) > 100:
                fout("tags", _("Tag “%(tag)s…” is langer dan 100 tekens.") % {"tag": tag[:20]})
            elif tag.lower() not in {t.lower() for t in tags}:
                tags.append(tag)
        gegevens["tags"] = tags

    # The privacy guard: an interventie describes an approach, never a client.
    for kolom in [*TEKST_KOLOMMEN, "tags"]:
        if kolom in cellen and kolom not in foute_kolommen:
            vondsten = vind_persoonsgegevens(cellen[kolom])
            if vondsten:
                fout(
                    kolom,
                    _("Hier staan gegevens waarmee een klant herkenbaar is. %(wat)s")
                    % {"wat": " ".join(v.melding for v in vondsten)},
                )

    # The model's own field checks (lengths, slug format, choices), exactly those the write
    # would meet, so a dry run that passes means an import that passes.
    te_controleren = {v for v, k in VELD_KOLOM.items() if v in gegevens and k not in foute_kolommen}
    if te_controleren:
        pagina = InterventiePage(**{v: gegevens[v] for v in te_controleren})
        try:
            pagina.clean_fields(exclude=_MODELVELDEN - te_controleren)
        except ValidationError as e:
            for veld, meldingen in e.message_dict.items():
                for melding in meldingen:
                    fout(VELD_KOLOM.get(veld, ""), melding)
    return gegevens, fouten


def _kop_controleren(kop, resultaat):
    for k in VERPLICHTE_KOLOMMEN:
        if k not in kop:
            resultaat.fouten.append(
                ImportFout(1, k, _("Deze kolom is verplicht en ontbreekt in de eerste regel."))
            )
    for k in kop:
        if k and k not in KOLOMMEN:
            resultaat.fouten.append(
                ImportFout(
                    1,
                    k,
                    _("Onbekende kolom. Toegestaan zijn: %(kolommen)s.")
                    % {"kolommen": ", ".join(KOLOMMEN)},
                )
            )
    for k in sorted({k for k in kop if k and kop.count(k) > 1}):
        resultaat.fouten.append(ImportFout(1, k, _("Deze kolom staat er meer dan eens in.")))


@dataclass
class _Plan:
    schema: object
    kolommen: list  # the file's columns, in KOLOMMEN order
    acties: list  # (soort, gegevens, bestaande pagina of None), soort nieuw/gewijzigd/ongewijzigd


def _plannen(inhoud, bestandsnaam, resultaat):
    """Read and validate the whole file; return a _Plan, or None with resultaat.fouten filled."""
    try:
        rijen = spreadsheets.tabel_lezen(inhoud, bestandsnaam)
    except spreadsheets.BestandFout as e:
        resultaat.fouten.append(ImportFout(0, "", str(e)))
        return None
    if not rijen:
        resultaat.fouten.append(ImportFout(0, "", _("Het bestand is leeg.")))
        return None

    kop = [k.strip().lower() for k in rijen[0]]
    _kop_controleren(kop, resultaat)
    if resultaat.fouten:
        return None
    kolommen = [k for k in KOLOMMEN if k in kop]

    schema = InterventieschemaPage.objects.first()
    if schema is None:
        resultaat.fouten.append(ImportFout(0, "", _("Er is nog geen interventieschema-pagina.")))
        return None

    opzoeker = _Opzoeker()
    plan = []  # (nummer, gegevens)
    gezien = {}
    for nummer, rij in enumerate(rijen[1:], start=2):
        if not any(cel.strip() for cel in rij):
            continue
        cellen = _cellen_lezen(nummer, rij, kop, resultaat.meldingen)
        gegevens, fouten = _rij_valideren(nummer, cellen, opzoeker)
        if gegevens["slug"] in gezien:
            fouten.append(
                ImportFout(
                    nummer,
                    "slug",
                    _("Slug “%(slug)s” staat ook al in rij %(rij)d.")
                    % {"slug": gegevens["slug"], "rij": gezien[gegevens["slug"]]},
                )
            )
        gezien.setdefault(gegevens["slug"], nummer)
        resultaat.fouten.extend(fouten)
        plan.append((nummer, gegevens))
    if not plan and not resultaat.fouten:
        resultaat.fouten.append(ImportFout(0, "", _("Het bestand bevat geen interventies.")))

    slugs = [g["slug"] for _n, g in plan]
    bestaand = {
        p.slug: p
        for p in interventies_filteren(
            qs=InterventiePage.objects.filter(slug__in=slugs), relaties=ALLE_RELATIES
        )
    }
    bezet = set(
        Page.objects.child_of(schema)
        .filter(slug__in=slugs)
        .exclude(pk__in=[p.pk for p in bestaand.values()])
        .values_list("slug", flat=True)
    )
    for nummer, gegevens in plan:
        if gegevens["slug"] in bezet:
            resultaat.fouten.append(
                ImportFout(
                    nummer,
                    "slug",
                    _("Slug “%(slug)s” is al in gebruik door een pagina die geen interventie is.")
                    % {"slug": gegevens["slug"]},
                )
            )
    resultaat.meldingen.sort(key=_foutvolgorde)
    if resultaat.fouten:
        resultaat.fouten.sort(key=_foutvolgorde)
        return None

    acties = []
    for _nummer, gegevens in plan:
        interventie = bestaand.get(gegevens["slug"])
        if interventie is None:
            soort = "nieuw"
        else:
            oud = interventie_naar_rij(interventie)
            nieuw = _gegevens_naar_rij(gegevens, kolommen)
            soort = "ongewijzigd" if all(oud[k] == nieuw[k] for k in kolommen) else "gewijzigd"
        acties.append((soort, gegevens, interventie))
        getattr(resultaat, soort).append(gegevens["slug"])
    return _Plan(schema=schema, kolommen=kolommen, acties=acties)


# --- The import ------------------------------------------------------------------------------


def interventies_importeren(
    *, inhoud, bestandsnaam, proef=False, gebruiker=None, voortgang=None, batch=BATCH
):
    """Validate every row of the file, then (unless `proef` or on any error) write them all.

    Returns an ImportResultaat listing errors (row, column, Dutch message), notices, and which
    slugs are new, changed or unchanged. `voortgang(verwerkt, totaal)` is called inside each
    batch's transaction before it writes (its own write takes the lock for the batch).
    """
    resultaat = ImportResultaat(proef=proef)
    plan = _plannen(inhoud, bestandsnaam, resultaat)
    if plan is None or proef:
        return resultaat
    te_schrijven = [a for a in plan.acties if a[0] != "ongewijzigd"]
    totaal = len(plan.acties)
    overgeslagen = totaal - len(te_schrijven)
    # Search: one index commit at the end. Each batch is one transaction, so other requests
    # (a login, a session) get the SQLite write lock between batches.
    with indexeren_uitgesteld():
        for begin in range(0, len(te_schrijven), batch):
            if begin:
                time.sleep(PAUZE)
            stuk = te_schrijven[begin : begin + batch]
            with transaction.atomic():
                if voortgang:
                    voortgang(overgeslagen + begin, totaal)
                _batch_schrijven(plan, stuk, gebruiker)
                inhoud_gewijzigd()  # bulk writes send no signals: cached schema cells go stale
        if voortgang:
            voortgang(totaal, totaal)
    return resultaat


def _tags_zoeken(namen, cache):
    """Tag objects for these names (created when new), cached for the whole import."""
    ontbrekend = [n for n in namen if n not in cache]
    if ontbrekend:
        for tag in Tag.objects.filter(name__in=ontbrekend):
            cache[tag.name] = tag
        for naam in ontbrekend:
            if naam not in cache:
                cache[naam] = Tag.objects.create(name=naam)
    return [cache[n] for n in namen]


def _velden_toepassen(interventie, gegevens):
    for veld in ("title", "samenvatting", "aanbieder", "duur", "kosten", "bronnen"):
        if veld in gegevens:
            setattr(interventie, veld, gegevens[veld])
    interventie.slug = gegevens["slug"]
    interventie.draft_title = interventie.title
    for veld in KEUZE_KOLOMMEN:
        if veld in gegevens:
            setattr(interventie, veld, gegevens[veld])


def _rijen_invoegen(model, kolommen, rijen):
    """INSERT many plain rows (relation tables) in one executemany: no model instances."""
    if not rijen:
        return
    qn = connection.ops.quote_name
    namen = ", ".join(qn(model._meta.get_field(k).column) for k in kolommen)
    plekken = ", ".join(["%s"] * len(kolommen))
    # Table and column names from the model (quoted); the values go as parameters.
    sql = f"INSERT INTO {qn(model._meta.db_table)} ({namen}) VALUES ({plekken})"  # noqa: S608
    with connection.cursor() as cursor:
        cursor.executemany(sql, rijen)


def _velden_bijwerken(objecten, veldnamen):
    """UPDATE these fields of these pages, one executemany per table (Page and InterventiePage)."""
    per_tabel = {}
    for naam in veldnamen:
        veld = InterventiePage._meta.get_field(naam)
        per_tabel.setdefault(veld.model, []).append(veld)
    qn = connection.ops.quote_name
    for model, velden in per_tabel.items():
        sleutel = model._meta.pk
        zet = ", ".join(f"{qn(v.column)} = %s" for v in velden)
        sql = f"UPDATE {qn(model._meta.db_table)} SET {zet} WHERE {qn(sleutel.column)} = %s"  # noqa: S608
        rijen = [
            [v.get_db_prep_save(getattr(obj, v.attname), connection) for v in velden] + [obj.pk]
            for obj in objecten
        ]
        with connection.cursor() as cursor:
            cursor.executemany(sql, rijen)


def _batch_schrijven(plan, acties, gebruiker):
    """Write one batch in bulk: pages, relations, revisions, log entries, search.

    What Wagtail's add_child + save_revision + publish leave behind, without three saves and
    their signals per page: tree path, url_path, live revision, "wagtail.create"/"edit" and
    "wagtail.publish" log entries. References are not touched: the imported columns hold none.
    """
    schema, kolommen = plan.schema, plan.kolommen
    nu = timezone.now()
    soort = ContentType.objects.get_for_model(InterventiePage)
    basissoort = ContentType.objects.get_for_model(Page)
    nieuwe = [g for _s, g, p in acties if p is None]
    bestaande = [(g, p) for _s, g, p in acties if p is not None]
    # A write first: the transaction holds the write lock from here, so no other writer can
    # slip in between its reads and writes.
    Page.objects.filter(pk=schema.pk).update(numchild=F("numchild") + len(nieuwe))

    paginas = []  # (gegevens, pagina, nieuw?)
    if nieuwe:
        pad = (
            Page.objects.filter(path__startswith=schema.path, depth=schema.depth + 1)
            .order_by("-path")
            .values_list("path", flat=True)
            .first()
        )
        for gegevens in nieuwe:
            pad = (
                Page(path=pad)._inc_path()
                if pad
                else Page._get_path(schema.path, schema.depth + 1, 1)
            )
            pagina = InterventiePage(
                path=pad,
                depth=schema.depth + 1,
                numchild=0,
                url_path=f"{schema.url_path}{gegevens['slug']}/",
                locale_id=schema.locale_id,
                translation_key=uuid.uuid4(),
                content_type=soort,
                live=True,
                has_unpublished_changes=False,
                first_published_at=nu,
                last_published_at=nu,
                latest_revision_created_at=nu,
                owner=gebruiker,
            )
            for kolom, (veld, _model, _verplicht) in TAXONOMIE_KOLOMMEN.items():
                if kolom not in kolommen:
                    gegevens[veld] = []
            gegevens.setdefault("tags", [])
            _velden_toepassen(pagina, gegevens)
            pagina.notities = []  # in memory: the revision needs no query for these
            pagina.wagtail_admin_comments = []
            paginas.append((gegevens, pagina, True))
        basisvelden = [f for f in Page._meta.concrete_fields if not f.primary_key]
        basis = Page.objects.bulk_create(
            [
                Page(**{f.attname: getattr(p, f.attname) for f in basisvelden})
                for _g, p, _n in paginas
            ]
        )
        for (_g, pagina, _n), rij in zip(paginas, basis, strict=True):
            pagina.pk = pagina.page_ptr_id = rij.pk
            pagina._state.adding = False
        InterventiePage._base_manager._insert(
            [p for _g, p, _n in paginas], fields=InterventiePage._meta.local_concrete_fields
        )

    for gegevens, pagina in bestaande:
        for kolom, (veld, _model, _verplicht) in TAXONOMIE_KOLOMMEN.items():
            if kolom not in kolommen:
                gegevens[veld] = list(gerelateerd(pagina, veld))
        if "tags" not in kolommen:
            gegevens["tags"] = [t.name for t in gerelateerd(pagina, "tags")]
        _velden_toepassen(pagina, gegevens)
        pagina.last_published_at = pagina.latest_revision_created_at = nu
        pagina.live, pagina.has_unpublished_changes = True, False
        paginas.append((gegevens, pagina, False))
    gewijzigd = [p for _g, p, is_nieuw in paginas if not is_nieuw]
    gewijzigde_pks = [p.pk for p in gewijzigd]

    # Relations: replace the rows of the columns in the file (all of them for a new page).
    for kolom, (veld, _model, _verplicht) in TAXONOMIE_KOLOMMEN.items():
        relatie = InterventiePage._meta.get_field(veld)
        through = relatie.remote_field.through
        van, naar = relatie.m2m_field_name(), relatie.m2m_reverse_field_name()
        if kolom in kolommen and gewijzigde_pks:
            through.objects.filter(**{f"{van}_id__in": gewijzigde_pks}).delete()
        _rijen_invoegen(
            through,
            [van, naar],
            [
                (p.pk, obj.pk)
                for g, p, is_nieuw in paginas
                if is_nieuw or kolom in kolommen
                for obj in g[veld]
            ],
        )
        for g, p, _n in paginas:
            setattr(p, veld, g[veld])  # in memory, for the revision's content
    tagcache = {}
    if "tags" in kolommen and gewijzigde_pks:
        InterventieTag.objects.filter(content_object_id__in=gewijzigde_pks).delete()
    tagrijen = []
    for g, p, is_nieuw in paginas:
        tags = _tags_zoeken(g["tags"], tagcache)
        p.tagged_items = [InterventieTag(tag=t) for t in tags]
        if is_nieuw or "tags" in kolommen:
            tagrijen += [(p.pk, t.pk) for t in tags]
    _rijen_invoegen(InterventieTag, ["content_object", "tag"], tagrijen)

    revisies = Revision.objects.bulk_create(
        [
            Revision(
                content_type=soort,
                base_content_type=basissoort,
                object_id=str(p.pk),
                created_at=nu,
                user=gebruiker,
                object_str=p.title,
                content=p.serializable_data(),
            )
            for _g, p, _n in paginas
        ]
    )
    logregels = []
    for (_g, p, is_nieuw), revisie in zip(paginas, revisies, strict=True):
        p.latest_revision = p.live_revision = revisie
        for actie in ("wagtail.create" if is_nieuw else "wagtail.edit", "wagtail.publish"):
            logregels.append(
                PageLogEntry(
                    content_type=soort,
                    label=p.title,
                    action=actie,
                    timestamp=nu,
                    user=gebruiker,
                    page_id=p.pk,
                    revision=revisie,
                    content_changed=True,
                )
            )
    PageLogEntry.objects.bulk_create(logregels)
    velden = ["latest_revision", "live_revision"]
    _velden_bijwerken([p for _g, p, is_nieuw in paginas if is_nieuw], velden)
    if gewijzigd:
        velden += ["latest_revision_created_at", "last_published_at", "live"]
        velden += ["has_unpublished_changes"]
        if "titel" in kolommen:
            velden += ["draft_title"]
        velden += [TEKST_KOLOMMEN[k][0] for k in kolommen if k in TEKST_KOLOMMEN]
        velden += [k for k in kolommen if k in KEUZE_KOLOMMEN]
        _velden_bijwerken(gewijzigd, velden)

    for backend in get_search_backends(with_auto_update=True):
        backend.add_bulk(InterventiePage, [p for _g, p, _n in paginas])


# --- The import as a background task --------------------------------------------------------


def importtaak_aanmaken(*, inhoud, bestandsnaam, gebruiker, totaal=0):
    """Store the (already dry-run) file for the background task; return the ImportTaak."""
    return ImportTaak.objects.create(
        inhoud=inhoud, bestandsnaam=bestandsnaam[:255], gebruiker=gebruiker, totaal=totaal
    )


def importtaak_uitvoeren(*, taak_id):
    """Run one ImportTaak: validate again (the data may have changed since the dry run), write
    in batches with the progress on the task, then store the outcome and drop the file."""
    taak = ImportTaak.objects.filter(pk=taak_id).first()
    if taak is None or not taak.loopt:
        return
    T = ImportTaak.Toestand
    rijen = ImportTaak.objects.filter(pk=taak.pk)
    rijen.update(toestand=T.BEZIG, bijgewerkt=timezone.now())

    def voortgang(verwerkt, totaal):
        rijen.update(verwerkt=verwerkt, totaal=totaal, bijgewerkt=timezone.now())

    try:
        resultaat = interventies_importeren(
            inhoud=bytes(taak.inhoud),
            bestandsnaam=taak.bestandsnaam,
            gebruiker=taak.gebruiker,
            voortgang=voortgang,
        )
    except Exception:
        rijen.update(
            toestand=T.MISLUKT,
            inhoud=b"",
            fouten=[
                {
                    "rij": 0,
                    "kolom": "",
                    "melding": _(
                        "De import is afgebroken door een fout op de server. Wat voor de fout "
                        "al was opgeslagen, blijft staan: lees hetzelfde bestand opnieuw in, "
                        "dan blijft dat deel ongewijzigd en volgt de rest."
                    ),
                }
            ],
            bijgewerkt=timezone.now(),
        )
        raise

    def lijst(fouten):
        return [{"rij": f.rij, "kolom": f.kolom, "melding": f.melding} for f in fouten]

    rijen.update(
        toestand=T.KLAAR if resultaat.geslaagd else T.GEWEIGERD,
        inhoud=b"",
        nieuw=len(resultaat.nieuw),
        gewijzigd=len(resultaat.gewijzigd),
        ongewijzigd=len(resultaat.ongewijzigd),
        fouten=lijst(resultaat.fouten),
        meldingen=lijst(resultaat.meldingen),
        bijgewerkt=timezone.now(),
    )


# --- The export ------------------------------------------------------------------------------


def _exportrijen(interventies):
    yield KOLOMMEN
    for interventie in interventies:
        rij = interventie_naar_rij(interventie)
        yield [rij[k] for k in KOLOMMEN]


def interventies_exporteren_csv(interventies):
    """CSV for Dutch Excel (UTF-8 with BOM, ";"), cells safe from formula injection."""
    return spreadsheets.csv_bytes(_exportrijen(interventies))


def interventies_exporteren_xlsx(interventies):
    return spreadsheets.xlsx_bytes(_exportrijen(interventies), titel=_("Interventies"), vet=(0,))


# --- Voorstellen: consulenten propose, the kennisbeheerder takes over or declines ---------------

VOORSTEL_TEKSTEN = ("titel", "samenvatting", "aanpak", "bronnen", "toelichting")


def voorstel_indienen(*, indiener, gegevens, interventie=None):
    """Store a proposal: a new interventie, or (with `interventie`) a change to that one.

    `gegevens` holds the cleaned data of VoorstelFormulier. The privacy guard runs here too, so
    no caller can store client data; errors come back per field.
    """
    if not mag_voorstellen(indiener):
        raise PermissionDenied
    fouten = {}
    for veld in VOORSTEL_TEKSTEN:
        try:
            controleer_tekst(gegevens.get(veld) or "")
        except ValidationError as fout:
            fouten[veld] = fout
    if fouten:
        raise ValidationError(fouten)
    voorstel = Voorstel.objects.create(
        soort=Voorstel.Soort.WIJZIGING if interventie else Voorstel.Soort.NIEUW,
        interventie=interventie,
        indiener=indiener,
        laag=gegevens.get("laag") or Laag.TOOLBOX,
        **{veld: (gegevens.get(veld) or "").strip() for veld in VOORSTEL_TEKSTEN},
    )
    voorstel.fases.set(gegevens["fases"])
    voorstel.doelgroepen.set(gegevens.get("doelgroepen") or [])
    return voorstel


def _te_beoordelen(voorstel, beoordelaar):
    """Lock the proposal row and check that this beoordelaar may decide on it now."""
    if not mag_voorstellen_beoordelen(beoordelaar):
        raise PermissionDenied
    voorstel = Voorstel.objects.select_for_update().get(pk=voorstel.pk)
    if not voorstel.open:
        raise ValidationError(_("Dit voorstel is al beoordeeld."), code="beoordeeld")
    if voorstel.indiener_id == beoordelaar.pk:
        raise ValidationError(
            _("Je eigen voorstel beoordeelt een andere kennisbeheerder."), code="eigen"
        )
    return voorstel


def _alinea(tekst):
    return RichText(linebreaks(tekst, autoescape=True))


def _unieke_slug(schema, titel):
    basis = slugify(titel)[:70] or "interventie"
    bestaand = set(
        Page.objects.filter(path__startswith=schema.path, depth=schema.depth + 1)
        .filter(slug__startswith=basis)
        .values_list("slug", flat=True)
    )
    slug, nummer = basis, 2
    while slug in bestaand:
        slug, nummer = f"{basis}-{nummer}", nummer + 1
    return slug


def _concept_maken(voorstel, beoordelaar):
    schema = InterventieschemaPage.objects.get()
    pagina = InterventiePage(
        title=voorstel.titel,
        slug=_unieke_slug(schema, voorstel.titel),
        samenvatting=voorstel.samenvatting,
        laag=voorstel.laag,
        bronnen=voorstel.bronnen,
        aanpak=[("tekst", _alinea(voorstel.aanpak))] if voorstel.aanpak else [],
        live=False,
        owner=beoordelaar,
    )
    pagina.fases = list(voorstel.fases.all())
    pagina.doelgroepen = list(voorstel.doelgroepen.all())
    pagina.herkomst = list(Herkomst.objects.filter(slug="consulenten"))
    schema.add_child(instance=pagina)
    revisie = pagina.save_revision(user=beoordelaar)
    log(instance=pagina, action="wagtail.create", user=beoordelaar, revision=revisie)
    return pagina


def _wijziging_als_concept(voorstel, beoordelaar):
    """A draft revision of the interventie with the proposed values; the live page stays."""
    live = InterventiePage.objects.get(pk=voorstel.interventie_id)
    pagina = live.get_latest_revision_as_object()
    pagina.title = pagina.draft_title = voorstel.titel
    pagina.samenvatting = voorstel.samenvatting
    pagina.laag = voorstel.laag
    pagina.bronnen = voorstel.bronnen
    # The form offers the schema's own fases: fases of other series (methodisch handelen,
    # gedragsfasen) stay as they were.
    andere = [f for f in pagina.fases.all() if not f.reeks.standaard]
    pagina.fases = [*voorstel.fases.all(), *andere]
    pagina.doelgroepen = list(voorstel.doelgroepen.all())
    if voorstel.aanpak:
        pagina.aanpak.append(("tekst", _alinea(voorstel.aanpak)))
    pagina.save_revision(user=beoordelaar, log_action=True)
    return live


@transaction.atomic
def voorstel_overnemen(*, voorstel, beoordelaar):
    """Take a proposal over: a draft InterventiePage (new) or a draft revision (change).

    Nothing is published: the kennisbeheerder checks the draft in the page editor and publishes
    it there, through Wagtail's own moderation. The decision goes to the audit log.
    """
    voorstel = _te_beoordelen(voorstel, beoordelaar)
    if voorstel.soort == Voorstel.Soort.WIJZIGING:
        if voorstel.interventie_id is None:
            raise ValidationError(
                _("De interventie van dit voorstel bestaat niet meer; wijs het af met die reden."),
                code="weg",
            )
        pagina = _wijziging_als_concept(voorstel, beoordelaar)
    else:
        pagina = _concept_maken(voorstel, beoordelaar)
    return _besluit_vastleggen(
        voorstel,
        beoordelaar,
        Voorstel.Toestand.OVERGENOMEN,
        AuditRegel.Actie.VOORSTEL_OVERGENOMEN,
        _("concept van pagina %(pk)s") % {"pk": pagina.pk},
        pagina=pagina,
    )


@transaction.atomic
def voorstel_afwijzen(*, voorstel, beoordelaar, reden):
    """Decline a proposal with a reason the proposer reads; the decision goes to the audit log."""
    reden = (reden or "").strip()
    if not reden:
        raise ValidationError({"reden": _("Schrijf op waarom je het voorstel afwijst.")})
    try:
        controleer_tekst(reden)
    except ValidationError as fout:
        raise ValidationError({"reden": fout}) from None
    voorstel = _te_beoordelen(voorstel, beoordelaar)
    return _besluit_vastleggen(
        voorstel,
        beoordelaar,
        Voorstel.Toestand.AFGEWEZEN,
        AuditRegel.Actie.VOORSTEL_AFGEWEZEN,
        reden,
        reden=reden,
    )


def _besluit_vastleggen(voorstel, beoordelaar, toestand, actie, auditreden, **velden):
    """Store the decision on the proposal (who, when, and `velden`) and in the audit log."""
    voorstel.toestand = toestand
    voorstel.beoordelaar = beoordelaar
    voorstel.beoordeeld_op = timezone.now()
    for naam, waarde in velden.items():
        setattr(voorstel, naam, waarde)
    voorstel.save(update_fields=["toestand", "beoordelaar", "beoordeeld_op", *velden])
    audit_vastleggen(
        actie=actie, gebruiker=beoordelaar, onderwerp=f"{voorstel.pk}: {voorstel}", reden=auditreden
    )
    return voorstel

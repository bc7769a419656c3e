"""Writes of the kennisbank: importing interventies from CSV or XLSX, and the matching export.

The file format is one row per interventie with exactly the columns in KOLOMMEN. Multi-valued
cells are separated by ";", taxonomy values match by slug or name (case-insensitive). Every row
is validated first; with any error nothing is written. A row whose slug exists updates that
interventie (a new revision, published) only when something differs, so importing an export
again is a no-op.
"""

import csv
import io
from dataclasses import dataclass, field

from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _
from wagtail.models import Page, ReferenceIndex
from wagtail.signal_handlers import disable_reference_index_auto_update

from cms.models import Basismethodiek, Doelgroep, Fase, Klanttype, Trede, WerkzaamElement
from cms.search.backend import indexeren_uitgesteld
from kennisbank.models import (
    Bewijsniveau,
    Herkomst,
    InterventiePage,
    InterventieschemaPage,
    Laag,
    Onderdeel,
    Status,
)
from kennisbank.selectors import ALLE_RELATIES, gerelateerd, interventies_filteren

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
SCHEIDING = ";"

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
# column -> (model field, max length, required)
TEKST_KOLOMMEN = {
    "titel": ("title", 255, True),
    "samenvatting": ("samenvatting", 600, True),
    "aanbieder": ("aanbieder", 200, False),
    "duur": ("duur", 120, False),
    "kosten": ("kosten", 120, False),
    "bronnen": ("bronnen", None, False),
}


@dataclass(frozen=True)
class ImportFout:
    rij: int  # row number as a spreadsheet shows it (header = 1); 0 for the file as a whole
    kolom: str
    melding: str


@dataclass
class ImportResultaat:
    fouten: list = field(default_factory=list)
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


class _BestandFout(Exception):
    pass


def _foutvolgorde(fout):
    return (fout.rij, KOLOMMEN.index(fout.kolom) if fout.kolom in KOLOMMEN else -1)


# --- Reading files ---------------------------------------------------------------------------


def _rijen_uit_csv(inhoud):
    try:
        tekst = inhoud.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise _BestandFout(
            _("Het bestand is geen UTF-8. Sla het in Excel op als 'CSV UTF-8'.")
        ) from e
    eerste_regel = tekst.split("\n", 1)[0]
    scheidingsteken = "," if "," in eerste_regel else ";"
    lezer = csv.reader(io.StringIO(tekst, newline=""), delimiter=scheidingsteken)
    return [list(rij) for rij in lezer]


def _rijen_uit_xlsx(inhoud):
    from openpyxl import load_workbook

    try:
        werkboek = load_workbook(io.BytesIO(inhoud), read_only=True, data_only=True)
    except Exception as e:  # openpyxl raises many kinds for a damaged or non-xlsx file
        raise _BestandFout(_("Het Excel-bestand kan niet worden gelezen.")) from e
    blad = werkboek.worksheets[0]
    rijen = [
        ["" if waarde is None else str(waarde) for waarde in rij]
        for rij in blad.iter_rows(values_only=True)
    ]
    werkboek.close()
    return rijen


def bestand_lezen(inhoud, bestandsnaam):
    """Return the file's rows as lists of strings; raise _BestandFout when unreadable."""
    if bestandsnaam.lower().endswith(".xlsx"):
        return _rijen_uit_xlsx(inhoud)
    if bestandsnaam.lower().endswith(".csv"):
        return _rijen_uit_csv(inhoud)
    raise _BestandFout(_("Alleen .csv (UTF-8) en .xlsx kunnen worden ingelezen."))


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


def _gegevens_naar_rij(gegevens):
    """The export row that an interventie with these validated values would have."""
    rij = {
        "titel": gegevens["title"],
        "slug": gegevens["slug"],
        "samenvatting": gegevens["samenvatting"],
        "laag": Laag(gegevens["laag"]).label,
        "onderdeel": Onderdeel(gegevens["onderdeel"]).label if gegevens["onderdeel"] else "",
        "bewijsniveau": Bewijsniveau(gegevens["bewijsniveau"]).label,
        "status": Status(gegevens["status"]).label,
        "aanbieder": gegevens["aanbieder"],
        "duur": gegevens["duur"],
        "kosten": gegevens["kosten"],
        "bronnen": gegevens["bronnen"],
        "tags": SCHEIDING.join(sorted(gegevens["tags"], key=str.lower)),
    }
    for kolom, (veld, _model, _verplicht) in TAXONOMIE_KOLOMMEN.items():
        rij[kolom] = SCHEIDING.join(obj.naam for obj in gegevens[veld])
    return {kolom: str(rij[kolom]) for kolom in KOLOMMEN}


# --- Validation ------------------------------------------------------------------------------


def _rij_valideren(nummer, cellen, opzoeker):
    """Return (gegevens, fouten) for one row given as {kolom: tekst}."""
    fouten = []
    gegevens = {}

    def fout(kolom, melding):
        fouten.append(ImportFout(nummer, kolom, str(melding)))

    for kolom, (veld, lengte, verplicht) in TEKST_KOLOMMEN.items():
        waarde = _tekst(cellen[kolom])
        if verplicht and not waarde:
            fout(kolom, _("Verplicht: vul dit in."))
        elif lengte and len(waarde) > lengte:
            fout(
                kolom,
                _("Te lang: %(n)d tekens, maximaal %(max)d.") % {"n": len(waarde), "max": lengte},
            )
        gegevens[veld] = waarde

    slug = cellen["slug"].strip() or slugify(gegevens["title"])
    if slug != slugify(slug) or not slug:
        fout(
            "slug",
            _("“%(slug)s” is geen geldige slug: alleen kleine letters, cijfers en streepjes.")
            % {"slug": slug},
        )
    gegevens["slug"] = slug

    for kolom, (keuzes, standaard, verplicht) in KEUZE_KOLOMMEN.items():
        waarde = cellen[kolom].strip()
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

    tags = []
    for tag in (t.strip() for t in cellen["tags"].split(SCHEIDING)):
        if not tag:
            continue
        if len(tag) > 100:
            fout("tags", _("Tag “%(tag)s…” is langer dan 100 tekens.") % {"tag": tag[:20]})
        elif tag.lower() not in {t.lower() for t in tags}:
            tags.append(tag)
    gegevens["tags"] = tags
    return gegevens, fouten


def _toepassen(interventie, gegevens):
    for veld in ("title", "slug", "samenvatting", "aanbieder", "duur", "kosten", "bronnen"):
        setattr(interventie, veld, gegevens[veld])
    interventie.draft_title = gegevens["title"]
    for veld in ("laag", "onderdeel", "bewijsniveau", "status"):
        setattr(interventie, veld, gegevens[veld])
    for _kolom, (veld, _model, _verplicht) in TAXONOMIE_KOLOMMEN.items():
        setattr(interventie, veld, gegevens[veld])
    interventie.tags.set(gegevens["tags"])


# --- The import ------------------------------------------------------------------------------


def interventies_importeren(*, inhoud, bestandsnaam, proef=False, gebruiker=None):
    """Validate every row of the file, then (unless `proef` or on any error) write them all.

    Returns an ImportResultaat listing errors (row, column, Dutch message) and which slugs are
    new, changed or unchanged.
    """
    resultaat = ImportResultaat(proef=proef)
    try:
        rijen = bestand_lezen(inhoud, bestandsnaam)
    except _BestandFout as e:
        resultaat.fouten.append(ImportFout(0, "", str(e)))
        return resultaat
    if not rijen:
        resultaat.fouten.append(ImportFout(0, "", _("Het bestand is leeg.")))
        return resultaat

    kop = [k.strip() for k in rijen[0]]
    ontbrekend = [k for k in KOLOMMEN if k not in kop]
    onbekend = [k for k in kop if k and k not in KOLOMMEN]
    dubbel = sorted({k for k in kop if k and kop.count(k) > 1})
    for k in ontbrekend:
        resultaat.fouten.append(ImportFout(1, k, _("Deze kolom ontbreekt in de eerste regel.")))
    for k in onbekend:
        resultaat.fouten.append(
            ImportFout(
                1,
                k,
                _("Onbekende kolom. Toegestaan zijn precies: %(kolommen)s.")
                % {"kolommen": ", ".join(KOLOMMEN)},
            )
        )
    for k in dubbel:
        resultaat.fouten.append(ImportFout(1, k, _("Deze kolom staat er meer dan eens in.")))
    if resultaat.fouten:
        return resultaat

    schema = InterventieschemaPage.objects.first()
    if schema is None:
        resultaat.fouten.append(ImportFout(0, "", _("Er is nog geen interventieschema-pagina.")))
        return resultaat

    opzoeker = _Opzoeker()
    plan = []  # (nummer, gegevens)
    gezien = {}
    for nummer, rij in enumerate(rijen[1:], start=2):
        if not any(cel.strip() for cel in rij):
            continue
        cellen = {k: (rij[i] if i < len(rij) else "") for i, k in enumerate(kop) if k}
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
    if resultaat.fouten:
        resultaat.fouten.sort(key=_foutvolgorde)
        return resultaat

    acties = []
    for _nummer, gegevens in plan:
        interventie = bestaand.get(gegevens["slug"])
        if interventie is None:
            soort = "nieuw"
        elif interventie_naar_rij(interventie) == _gegevens_naar_rij(gegevens):
            soort = "ongewijzigd"
        else:
            soort = "gewijzigd"
        acties.append((soort, gegevens, interventie))
        getattr(resultaat, soort).append(gegevens["slug"])
    if proef:
        return resultaat

    geschreven = []
    # Search: one index commit after the transaction. Reference index: once per written page
    # instead of on each of its saves (a page is saved three times on create-and-publish).
    with indexeren_uitgesteld(), transaction.atomic(), disable_reference_index_auto_update():
        for soort, gegevens, interventie in acties:
            if soort == "ongewijzigd":
                continue
            if interventie is None:
                interventie = InterventiePage()
                _toepassen(interventie, gegevens)
                schema.add_child(instance=interventie)
            else:
                _toepassen(interventie, gegevens)
            interventie.save_revision(user=gebruiker, log_action=True).publish(user=gebruiker)
            geschreven.append(interventie)
        for interventie in geschreven:
            ReferenceIndex.create_or_update_for_object(interventie)
    return resultaat


# --- The export ------------------------------------------------------------------------------


def interventies_exporteren_csv(interventies):
    """CSV (UTF-8 with BOM, so Excel opens it right) of the given interventies."""
    uit = io.StringIO()
    uit.write("\ufeff")
    schrijver = csv.DictWriter(uit, fieldnames=KOLOMMEN, lineterminator="\r\n")
    schrijver.writeheader()
    for interventie in interventies:
        schrijver.writerow(interventie_naar_rij(interventie))
    return uit.getvalue().encode("utf-8")


def interventies_exporteren_xlsx(interventies):
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell

    werkboek = Workbook(write_only=True)
    blad = werkboek.create_sheet(title=_("Interventies"))
    blad.append(KOLOMMEN)

    def cel(waarde):
        # Text that looks like a formula stays text: no formula injection via an export.
        if waarde.startswith(("=", "+", "-", "@")):
            c = WriteOnlyCell(blad, value=waarde)
            c.data_type = "s"
            return c
        return waarde

    for interventie in interventies:
        rij = interventie_naar_rij(interventie)
        blad.append([cel(rij[k]) for k in KOLOMMEN])
    uit = io.BytesIO()
    werkboek.save(uit)
    return uit.getvalue()

"""Reads of the kennisbank: the filtered schema, the matrix, hiaten and detail-page context.

Every function runs a fixed number of queries, however many interventies there are: lists are
built from one page query plus one prefetch per many-to-many relation.
"""

from collections import defaultdict
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, Prefetch, Q
from django.utils.translation import gettext_lazy as _l
from wagtail.models import Page, ReferenceIndex

from cms.models import Doelgroep, Fase
from cms.rollen import CONSULENT, KENNISBEHEERDER, TRAINER, heeft_rol
from kennisbank.models import (
    BeslismomentPage,
    InterventiePage,
    InterventieschemaPage,
    Laag,
    Onderdeel,
    Status,
    Voorstel,
)

# Filter name -> many-to-many field of InterventiePage. Doelgroep and trede also match their
# subgroups/subtreden, so "Jongeren" finds what is written for jongeren zonder startkwalificatie.
M2M_FILTERS = {
    "doelgroep": "doelgroepen",
    "trede": "treden",
    "klanttype": "klanttypen",
    "werkzaam_element": "werkzame_elementen",
    "basismethodiek": "basismethodieken",
    "herkomst": "herkomst",
}
BOOM_FILTERS = {"doelgroep", "trede"}
KEUZE_FILTERS = ("status", "bewijsniveau")

BADGE_RELATIES = ("fases", "doelgroepen", "herkomst")
ALLE_RELATIES = (
    "fases",
    "doelgroepen",
    "treden",
    "klanttypen",
    "werkzame_elementen",
    "basismethodieken",
    "herkomst",
    "tags",
)


def schema_pagina():
    return InterventieschemaPage.objects.live().first()


def standaard_fases():
    """The columns of the schema: the fases of the default series, in order."""
    return list(Fase.objects.filter(reeks__standaard=True).select_related("reeks"))


def _prefetch(qs, relaties):
    """Prefetch each relation into a plain list `<relatie>_lijst` on every interventie:
    calling .all() on a relation in a loop builds a new manager and queryset each time, which
    dominates render time at a thousand interventies."""
    prefetches = []
    for relatie in relaties:
        queryset = Fase.objects.select_related("reeks") if relatie == "fases" else None
        prefetches.append(Prefetch(relatie, queryset=queryset, to_attr=f"{relatie}_lijst"))
    return qs.prefetch_related(*prefetches)


def gerelateerd(interventie, relatie):
    """The related objects of one relation, from the prefetched list when there is one."""
    lijst = getattr(interventie, f"{relatie}_lijst", None)
    return lijst if lijst is not None else list(getattr(interventie, relatie).all())


def interventies_filteren(filters=None, *, relaties=BADGE_RELATIES, qs=None):
    """Live interventies matching every given filter (AND across filters), ordered by title.

    `filters` holds the cleaned data of SchemaFilterForm: model instances for the taxonomies,
    strings for status and bewijsniveau; empty values are ignored.
    """
    qs = InterventiePage.objects.live() if qs is None else qs
    for naam, waarde in (filters or {}).items():
        if not waarde:
            continue
        if naam in M2M_FILTERS:
            veld = M2M_FILTERS[naam]
            relatie = getattr(InterventiePage, veld)
            through = relatie.through
            kolom = relatie.field.related_model._meta.model_name
            voorwaarde = Q(**{kolom: waarde})
            if naam in BOOM_FILTERS:
                voorwaarde |= Q(**{f"{kolom}__bovenliggend": waarde})
            qs = qs.filter(pk__in=through.objects.filter(voorwaarde).values("interventiepage_id"))
        elif naam in KEUZE_FILTERS:
            qs = qs.filter(**{naam: waarde})
    return _prefetch(qs.order_by("title"), relaties)


@dataclass
class SchemaRij:
    laag: str
    onderdeel: str
    cellen: list = field(default_factory=list)  # one list of interventies per fase


def schema_matrix(interventies, fases):
    """Rows (laag, onderdeel) by columns (fases): each cell lists its interventies.

    Only rows that hold at least one interventie are returned, in the order of Laag and
    Onderdeel (interventies without onderdeel last within their laag). Interventies whose
    fases are all outside `fases` are counted in `buiten_schema`.
    """
    kolom = {fase.pk: i for i, fase in enumerate(fases)}
    cellen = defaultdict(lambda: [[] for _ in fases])
    buiten_schema = []
    for interventie in interventies:
        geplaatst = False
        for fase in interventie.fases_lijst:
            if fase.pk in kolom:
                cellen[(interventie.laag, interventie.onderdeel)][kolom[fase.pk]].append(
                    interventie
                )
                geplaatst = True
        if not geplaatst:
            buiten_schema.append(interventie)
    onderdelen = [*Onderdeel.values, ""]
    rijen = []
    for laag in Laag:
        for onderdeel in onderdelen:
            if (laag.value, onderdeel) in cellen:
                rijen.append(
                    SchemaRij(
                        laag=laag.label,
                        onderdeel=Onderdeel(onderdeel).label if onderdeel else "",
                        cellen=cellen[(laag.value, onderdeel)],
                    )
                )
    return rijen, buiten_schema


@dataclass
class HiaatRij:
    doelgroep: object  # a Doelgroep, or None for interventies written for every doelgroep
    aantallen: list  # count per fase


def hiaten_matrix(fases):
    """Doelgroep x fase: how many available interventies (status other than ontbrekend) each
    cell holds. Two queries: the doelgroepen and one grouped count."""
    beschikbaar = InterventiePage.objects.live().exclude(status=Status.ONTBREKEND)
    tellingen = (
        beschikbaar.filter(fases__in=fases)
        .values("doelgroepen", "fases")
        .annotate(aantal=Count("pk", distinct=True))
        .order_by()
    )
    per_cel = {(t["doelgroepen"], t["fases"]): t["aantal"] for t in tellingen}
    doelgroepen = [None, *Doelgroep.objects.all()]
    return [
        HiaatRij(
            doelgroep=doelgroep,
            aantallen=[
                per_cel.get((doelgroep.pk if doelgroep else None, fase.pk), 0) for fase in fases
            ],
        )
        for doelgroep in doelgroepen
    ]


def ontbrekend_register():
    """Known gaps: interventies with status ontbrekend, with who owns them."""
    return interventies_filteren(
        {"status": Status.ONTBREKEND}, relaties=("fases", "doelgroepen", "treden")
    )


def gerelateerde_interventies(interventie, limiet=6):
    """Other live interventies sharing a fase and a doelgroep with this one."""
    fases = [f.pk for f in interventie.fases.all()]
    doelgroepen = [d.pk for d in interventie.doelgroepen.all()]
    if not fases or not doelgroepen:
        return []
    through_f = InterventiePage.fases.through
    through_d = InterventiePage.doelgroepen.through
    qs = (
        InterventiePage.objects.live()
        .exclude(pk=interventie.pk)
        .filter(pk__in=through_f.objects.filter(fase__in=fases).values("interventiepage_id"))
        .filter(
            pk__in=through_d.objects.filter(doelgroep__in=doelgroepen).values("interventiepage_id")
        )
        .order_by("title")
    )
    return list(_prefetch(qs, BADGE_RELATIES)[:limiet])


@dataclass
class Verwijzingen:
    label: str  # verbose_name_plural of the model that links here
    objecten: list


def verwijzingen_naar(pagina):
    """Live pages and other objects that link to this page (handreiking chapters, oefeningen,
    beslismomenten ...), found through Wagtail's reference index so no higher app is imported.
    Grouped by model; one query per model that links here."""
    per_type = defaultdict(set)
    for content_type_id, object_id in ReferenceIndex.get_references_to(pagina).values_list(
        "content_type_id", "object_id"
    ):
        per_type[content_type_id].add(object_id)
    if not per_type:
        return []
    groepen = []
    for content_type_id, ids in per_type.items():
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        if model is None:
            continue
        if issubclass(model, Page):
            objecten = list(model.objects.live().filter(pk__in=ids).order_by("title"))
        else:
            objecten = [o for o in model._default_manager.filter(pk__in=ids)]
            objecten = [o for o in objecten if hasattr(o, "get_absolute_url")]
        if objecten:
            groepen.append(
                Verwijzingen(
                    label=str(model._meta.verbose_name_plural).capitalize(), objecten=objecten
                )
            )
    return sorted(groepen, key=lambda g: g.label)


def beslisopties(beslismoment):
    """The options of a beslismoment with their fitting interventies, live ones only, fetched in
    one query for all options."""
    ids = {
        pagina.pk for blok in beslismoment.opties for pagina in blok.value["interventies"] if pagina
    }
    paginas = {p.pk: p for p in InterventiePage.objects.live().filter(pk__in=ids)}
    return [
        {
            "optie": blok.value["optie"],
            "criteria": blok.value["criteria"],
            "interventies": [
                paginas[p.pk] for p in blok.value["interventies"] if p and p.pk in paginas
            ],
        }
        for blok in beslismoment.opties
    ]


def beslismomenten_bij(fases):
    """Live beslismomenten in any of the given fases."""
    return list(
        BeslismomentPage.objects.live().filter(fases__in=fases).distinct().order_by("title")
    )


# --- Voorstellen ---------------------------------------------------------------------------


def mag_voorstellen(user):
    """Who works with the schema proposes: consulenten, trainers, kennisbeheerders."""
    return user.is_authenticated and (
        user.is_superuser or heeft_rol(user, CONSULENT, TRAINER, KENNISBEHEERDER)
    )


def mag_voorstellen_beoordelen(user):
    return user.is_authenticated and (user.is_superuser or heeft_rol(user, KENNISBEHEERDER))


def voorstel_beginwaarden(interventie):
    """The form's starting values for a change: the interventie as the consulent reads it (the
    published version, never a draft she cannot see)."""
    pagina = interventie
    return {
        "titel": pagina.title,
        "samenvatting": pagina.samenvatting,
        "fases": [f.pk for f in pagina.fases.all()],
        "laag": pagina.laag,
        "doelgroepen": [d.pk for d in pagina.doelgroepen.all()],
        "bronnen": pagina.bronnen,
    }


def voorstellen_open_aantal():
    return Voorstel.objects.filter(toestand=Voorstel.Toestand.INGEDIEND).count()


def voorstellen_van(user):
    """The user's own proposals, newest first, with what came of them. Two queries."""
    return list(
        Voorstel.objects.filter(indiener=user)
        .select_related("interventie", "pagina")
        .order_by("-aangemaakt", "-pk")
    )


def voorstellen_wachtrij(*, recent=20):
    """(open proposals oldest first, the last `recent` decisions). Two queries, however many."""
    basis = Voorstel.objects.select_related("indiener", "interventie", "beoordelaar")
    open_ = list(basis.filter(toestand=Voorstel.Toestand.INGEDIEND).order_by("aangemaakt", "pk"))
    beoordeeld = list(
        basis.exclude(toestand=Voorstel.Toestand.INGEDIEND).order_by("-beoordeeld_op", "-pk")[
            :recent
        ]
    )
    return open_, beoordeeld


@dataclass
class VoorstelVeld:
    label: str
    nu: str
    voorgesteld: str

    @property
    def gewijzigd(self):
        return self.nu != self.voorgesteld


def _namen(objecten):
    return ", ".join(str(o.naam) for o in objecten)


def voorstel_vergelijking(voorstel):
    """Field by field: the interventie as it stands (latest revision) and as proposed.

    For a new interventie `nu` is empty everywhere. The aanpak of a change is an addition.
    """
    huidig = None
    if voorstel.soort == Voorstel.Soort.WIJZIGING and voorstel.interventie_id:
        huidig = voorstel.interventie.get_latest_revision_as_object()
    fases = list(voorstel.fases.select_related("reeks"))
    doelgroepen = list(voorstel.doelgroepen.all())

    def nu(functie):
        return functie(huidig) if huidig is not None else ""

    return [
        VoorstelVeld(str(_l("Titel")), nu(lambda p: p.title), voorstel.titel),
        VoorstelVeld(str(_l("Samenvatting")), nu(lambda p: p.samenvatting), voorstel.samenvatting),
        VoorstelVeld(
            str(_l("Fases")),
            nu(lambda p: _namen(f for f in p.fases.all() if f.reeks.standaard)),
            _namen(fases),
        ),
        VoorstelVeld(
            str(_l("Laag")), nu(lambda p: p.get_laag_display()), voorstel.get_laag_display()
        ),
        VoorstelVeld(
            str(_l("Doelgroepen")), nu(lambda p: _namen(p.doelgroepen.all())), _namen(doelgroepen)
        ),
        VoorstelVeld(
            str(_l("Aanvulling op de aanpak") if huidig is not None else _l("Aanpak")),
            "",
            voorstel.aanpak,
        ),
        VoorstelVeld(str(_l("Bronnen")), nu(lambda p: p.bronnen), voorstel.bronnen),
    ]

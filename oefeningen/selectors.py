"""Reads of the oefeningen app, each in a fixed number of queries."""

from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime, time

from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, Prefetch, Q
from django.http import Http404
from django.template.loader import get_template
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.models import Page

from cms.activiteiten import Activiteit
from cms.huidige import eenmaal_per_blok
from cms.inhoudcache import fragment
from cms.models import Doelgroep, Fase, Team
from cms.voorbereid import voorbereid
from kennisbank.models import InterventiePage
from oefeningen.models import (
    Antwoord,
    Feedback,
    LeermodulePage,
    LeermoduleToewijzing,
    Oefeningconcept,
    OefeningPage,
    Poging,
)

MINIMUM_COLLEGAS = 5


@dataclass(frozen=True)
class Oefeningkaart:
    pk: int
    html: str  # title, profile, fases, doelgroepen, duration: the same for every reader
    mijn_poging: object = None  # the reader's latest attempt, or None


def oefeningen_overzicht(*, user, index, filters):
    """Live oefeningen below the index, filtered by fase and doelgroep slug, with my progress.

    The cards and the filter lists are content, kept in the content cache per filter choice;
    the reader's own attempts are one query.
    """
    fases = fragment(
        ("oefeningen", "fases"), lambda: list(Fase.objects.filter(reeks__standaard=True))
    )
    doelgroepen = fragment(
        ("oefeningen", "doelgroepen"),
        lambda: list(Doelgroep.objects.filter(bovenliggend__isnull=True)),
    )
    fase = filters.get("fase", "")
    doelgroep = filters.get("doelgroep", "")
    if fase and fase not in {f.slug for f in fases}:
        kaarten = []  # not a fase of the filter: nothing matches, nothing to cache
    elif doelgroep and doelgroep not in fragment(
        ("oefeningen", "doelgroep-slugs"),
        lambda: set(Doelgroep.objects.values_list("slug", flat=True)),
    ):
        kaarten = []
    else:
        kaarten = fragment(
            ("oefeningen", "kaarten", index.pk, fase, doelgroep),
            lambda: _kaarten(index, fase, doelgroep),
        )
    laatste = {}
    if kaarten:
        for poging in Poging.objects.filter(
            gebruiker=user, oefening_id__in=[pk for pk, _html in kaarten]
        ).order_by("gestart"):
            laatste[poging.oefening_id] = poging
    return {
        "oefeningen": [Oefeningkaart(pk, html, laatste.get(pk)) for pk, html in kaarten],
        "fases": fases,
        "doelgroepen": doelgroepen,
        "gekozen_fase": fase,
        "gekozen_doelgroep": doelgroep,
    }


def _kaarten(index, fase, doelgroep):
    oefeningen = (
        OefeningPage.objects.live()
        .child_of(index)
        .prefetch_related(
            Prefetch("fases", queryset=Fase.objects.select_related("reeks")), "doelgroepen"
        )
        .order_by("path")
    )
    if fase:
        oefeningen = oefeningen.filter(fases__slug=fase)
    if doelgroep:
        oefeningen = oefeningen.filter(doelgroepen__slug=doelgroep)
    sjabloon = get_template("oefeningen/_kaart.html")
    return [(o.pk, sjabloon.render({"o": o})) for o in oefeningen.distinct()]


def oefening_voor(*, user, oefening):
    """What the oefening page shows this user: the latest attempt and trainer feedback."""
    pogingen = list(Poging.objects.filter(gebruiker=user, oefening=oefening))
    laatste = pogingen[0] if pogingen else None
    feedback = list(
        Feedback.objects.filter(antwoord__poging__in=pogingen)
        .select_related("antwoord", "trainer")
        .order_by("gegeven")
    )
    opnieuw = (
        laatste is not None
        and laatste.afgerond is not None
        and (oefening.opnieuw_toegestaan or laatste.herkansing_toegestaan)
    )
    return {
        "poging": laatste,
        "pogingen": pogingen,
        "trainer_feedback": feedback,
        "opnieuw": opnieuw,
    }


def poging_van(user, pk):
    """The attempt, only for its owner: anyone else gets a 404 (nothing is revealed)."""
    poging = Poging.objects.select_related("oefening").filter(pk=pk, gebruiker=user).first()
    if poging is None:
        raise Http404(_("Deze poging bestaat niet."))
    return poging


def interventie_opties(stap):
    """Live interventies of the step's fase, as (pk, title) choices."""
    fase = stap.value["fase"]
    return [
        (str(pk), titel)
        for pk, titel in InterventiePage.objects.live()
        .filter(fases=fase)
        .order_by("title")
        .values_list("pk", "title")
    ]


def stap_opties(stap):
    if stap.block_type == "interventies":
        return interventie_opties(stap)
    return stap.block.keuzelijst(stap.value)


def collega_verdeling(*, poging, stap):
    """How colleagues in the same organisation chose at this keuze step, anonymous.

    Counts each colleague's latest answer; returns None with fewer than five colleagues, so no
    single person's choice can be deduced.
    """
    if not stap.block.keuzestap:
        return None
    organisatie_id = (
        Poging.objects.filter(pk=poging.pk)
        .values_list("gebruiker__profiel__organisatie", flat=True)
        .first()
    )
    if organisatie_id is None:
        return None
    rijen = (
        Antwoord.objects.filter(
            stap_id=stap.id,
            poging__oefening_id=poging.oefening_id,
            poging__gebruiker__profiel__organisatie_id=organisatie_id,
        )
        .exclude(poging__gebruiker_id=poging.gebruiker_id)
        .order_by("beantwoord")
        .values_list("poging__gebruiker_id", "keuzes")
    )
    per_collega = {gebruiker: keuzes for gebruiker, keuzes in rijen}
    if len(per_collega) < MINIMUM_COLLEGAS:
        return None
    telling = Counter(o for keuzes in per_collega.values() for o in keuzes.get("opties", []))
    totaal = len(per_collega)
    return {
        "aantal": totaal,
        "opties": [
            {"label": label, "aantal": telling[i], "procent": round(100 * telling[i] / totaal)}
            for i, label in stap.block.keuzelijst(stap.value)
        ],
    }


def stap_feedback(*, antwoord, stap):
    """Per-option or per-line feedback for a given answer, ready for the template."""
    waarde = stap.value
    gekozen = set(antwoord.keuzes.get("opties", []))
    if stap.block_type == "meerkeuze":
        return [
            {
                "tekst": b.value["tekst"],
                "gekozen": str(b.id) in gekozen,
                "juist": b.value["juist"],
                "feedback": b.value["feedback"],
            }
            for b in waarde["opties"].bound_blocks
        ]
    if stap.block_type == "beslismoment":
        return [
            {
                "tekst": b.value["tekst"],
                "gekozen": str(b.id) in gekozen,
                "juist": b.value["verdedigbaar"],
                "pad": b.value["pad"],
                "feedback": b.value["feedback"],
            }
            for b in waarde["opties"].bound_blocks
        ]
    if stap.block_type == "interventies":
        pks = gekozen | stap.block.trainer_ids(waarde)
        titels = {
            str(pk): titel
            for pk, titel in Page.objects.filter(pk__in=[int(p) for p in pks]).values_list(
                "pk", "title"
            )
        }
        return stap.block.vergelijking(waarde, gekozen, titels)
    if stap.block_type == "fragment":
        labels = antwoord.keuzes.get("labels", {})
        namen = dict(
            stap.block.child_blocks["regels"].child_block.child_blocks["label"].field.choices
        )
        regels = []
        for b in waarde["regels"].bound_blocks:
            regel = {"spreker": b.value["spreker"], "tekst": b.value["tekst"]}
            if b.value["spreker"] == "consulent":
                jouw = labels.get(str(b.id), "")
                regel.update(
                    jouw=namen.get(jouw, jouw),
                    juist_label=namen.get(b.value["label"], b.value["label"]),
                    juist=jouw == b.value["label"],
                    feedback=b.value["feedback"],
                )
            regels.append(regel)
        return regels
    return []


def pad_van(poging):
    """The answers of an attempt in order, with the path names chosen at beslismomenten."""
    antwoorden = list(poging.antwoorden.all())
    return antwoorden, [a.keuzes["pad"] for a in antwoorden if a.keuzes.get("pad")]


# Trainer


def feedback_wachtrij(*, module=None, team=None):
    """Open answers that asked for feedback and have none yet, oldest first."""
    antwoorden = (
        Antwoord.objects.filter(feedback_gevraagd__isnull=False, feedback__isnull=True)
        .select_related("poging__oefening", "poging__gebruiker")
        .order_by("feedback_gevraagd")
    )
    if module is not None:
        oefening_ids = [
            blok.value.pk if hasattr(blok.value, "pk") else blok.value
            for blok in module.onderdelen
            if blok.block_type == "oefening" and blok.value
        ]
        antwoorden = antwoorden.filter(poging__oefening_id__in=oefening_ids)
    if team is not None:
        antwoorden = antwoorden.filter(poging__gebruiker__teams=team)
    return antwoorden


def wachtrij_filters():
    return {
        "modules": LeermodulePage.objects.live().order_by("title"),
        "teams": Team.objects.select_related("organisatie"),
    }


def oefening_statistiek(*, oefening):
    """Per keuze step: how often each option was chosen, and the most common wrong choices."""
    rijen = Antwoord.objects.filter(poging__oefening=oefening).values_list("stap_id", "keuzes")
    per_stap = {}
    for stap_id, keuzes in rijen:
        teller = per_stap.setdefault(stap_id, Counter())
        teller["__antwoorden__"] += 1
        for optie in keuzes.get("opties", []):
            teller[optie] += 1
        for regel, label in keuzes.get("labels", {}).items():
            teller[f"{regel}:{label}"] += 1
    stappen, fout = [], []
    for stap in oefening.stappen:
        teller = per_stap.get(stap.id, Counter())
        aantal = teller["__antwoorden__"]
        opties = stap.block.keuzelijst(stap.value)
        if stap.block_type == "interventies":
            opties = interventie_opties(stap)
        foute = stap.block.foute_opties(stap.value)
        verdeling = [
            {
                "label": label,
                "aantal": teller[i],
                "procent": round(100 * teller[i] / aantal) if aantal else 0,
                "fout": i in foute,
            }
            for i, label in opties
        ]
        if stap.block_type == "fragment":
            juist = {i: r["label"] for i, r in stap.block.consulent_regels(stap.value)}
            tekst = dict(stap.block.consulent_regels(stap.value))
            for sleutel, n in teller.items():
                regel, _sep, label = sleutel.partition(":")
                if regel in juist and label != juist[regel]:
                    fout.append(
                        {
                            "stap": stap.value["titel"],
                            "label": f"{tekst[regel]['tekst'][:60]} → {label}",
                            "aantal": n,
                        }
                    )
        for rij in verdeling:
            if rij["fout"] and rij["aantal"]:
                fout.append(
                    {"stap": stap.value["titel"], "label": rij["label"], "aantal": rij["aantal"]}
                )
        stappen.append(
            {
                "titel": stap.value["titel"],
                "type": stap.block.meta.label,
                "aantal": aantal,
                "verdeling": verdeling,
            }
        )
    fout.sort(key=lambda r: -r["aantal"])
    afgerond = Poging.objects.filter(oefening=oefening).aggregate(
        gestart=Count("pk"), afgerond=Count("pk", filter=Q(afgerond__isnull=False))
    )
    return {"stappen": stappen, "meest_fout": fout[:5], **afgerond}


# Leermodules


@dataclass
class Onderdeel:
    soort: str
    titel: str
    url: str = ""
    gedaan: bool = False
    toelichting: str = ""


@dataclass(frozen=True)
class Module:
    """A live leermodule as every reader sees it: its items resolved to their pages, and the
    teams it is assigned to. Kept in the content cache (`cms.inhoudcache`) per content version."""

    pk: int
    title: str
    url: str
    afronding: str
    minimum: int | None
    onderdelen: tuple  # of Item, in the module's order (unpublished pages left out)
    toewijzingen: tuple  # of (team id, vanaf, deadline), in the module's order


@dataclass(frozen=True)
class Item:
    soort: str  # "hoofdstuk", "oefening" or "intervisie"
    titel: str = ""
    url: str = ""
    sleutel: tuple = ()  # (content type id, page id): what the ledger records when it is done
    aantal: int = 1  # intervisie: how many times
    toelichting: str = ""


@dataclass
class ModuleVoortgang:
    module: Module
    team_id: int
    vanaf: object
    deadline: object
    onderdelen: list = field(default_factory=list)

    @property
    def gedaan(self):
        return sum(1 for o in self.onderdelen if o.gedaan)

    @property
    def totaal(self):
        return len(self.onderdelen)

    @property
    def nodig(self):
        if self.module.afronding == LeermodulePage.Afronding.MINIMUM and self.module.minimum:
            return min(self.module.minimum, self.totaal)
        return self.totaal

    @property
    def afgerond(self):
        return self.gedaan >= self.nodig

    @property
    def te_laat(self):
        return not self.afgerond and self.deadline < timezone.localdate()


def leermodules():
    """{pk: Module} of every live leermodule, from the content cache.

    Modules, their items and their assignments are content (a trainer publishes them; the
    assignments are part of the page), so they are read once per content version: three
    queries when the version changed, none after.
    """
    return fragment(("oefeningen", "leermodules"), _leermodules_lezen)


def _leermodules_lezen():
    modules = list(LeermodulePage.objects.live().order_by("path"))
    pagina_ids = {
        item["value"]
        for m in modules
        for item in m.onderdelen.raw_data
        if item["type"] in ("hoofdstuk", "oefening") and item["value"]
    }
    paginas = {p.pk: p for p in Page.objects.live().filter(pk__in=pagina_ids)} if pagina_ids else {}
    oefening_ct = ContentType.objects.get_for_model(OefeningPage).pk
    toewijzingen = {}
    for module_id, team_id, vanaf, deadline in (
        LeermoduleToewijzing.objects.filter(module__in=modules)
        .order_by("module_id", "sort_order", "pk")
        .values_list("module_id", "team_id", "vanaf", "deadline")
    ):
        toewijzingen.setdefault(module_id, []).append((team_id, vanaf, deadline))
    uit = {}
    for m in modules:
        items = []
        for item in m.onderdelen.raw_data:
            if item["type"] == "intervisie":
                waarde = item["value"] or {}
                items.append(
                    Item(
                        "intervisie",
                        aantal=waarde.get("aantal") or 1,
                        toelichting=waarde.get("toelichting") or "",
                    )
                )
                continue
            pagina = paginas.get(item["value"])
            if pagina is None:
                continue  # unpublished or removed: not counted against the learner
            ct = oefening_ct if item["type"] == "oefening" else pagina.content_type_id
            items.append(Item(item["type"], pagina.title, pagina.url, (ct, pagina.pk)))
        uit[m.pk] = Module(
            m.pk,
            m.title,
            m.url,
            m.afronding,
            m.minimum,
            tuple(items),
            tuple(toewijzingen.get(m.pk, ())),
        )
    return uit


@eenmaal_per_blok
def teams_van(user):
    """Ids of the user's teams. One query."""
    return set(_team_ids(user.pk))


@voorbereid
def _team_ids(user_id):
    return Team.leden.through.objects.filter(user_id=user_id).values_list("team_id", flat=True)


@eenmaal_per_blok
def module_voortgang(user, module=None):
    """The published leermodules assigned to the user's teams, with progress per item.

    Reads chapters read (HOOFDSTUK_GELEZEN), oefeningen done (OEFENING_AFGEROND) and intervisie
    attended in the module period (INTERVISIE_BIJGEWOOND) from the leercyclus ledger. Two
    queries beside the content cache, however many modules and items. One module assigned to
    two of my teams counts once, with the earliest deadline.
    """
    mijn_teams = teams_van(user)
    toegewezen = []
    for m in leermodules().values():
        if module is not None and m.pk != module.pk:
            continue
        eigen = [t for t in m.toewijzingen if t[0] in mijn_teams]
        if eigen:
            toegewezen.append((m, min(eigen, key=lambda t: t[2])))
    if not toegewezen:
        return []
    toegewezen.sort(key=lambda mt: (mt[1][2], mt[0].title))
    gedaan, intervisies = _ledger_van([user.pk], [m for m, _t in toegewezen])
    return [
        _voortgang(m, team_id, vanaf, deadline, gedaan[user.pk], intervisies[user.pk])
        for m, (team_id, vanaf, deadline) in toegewezen
    ]


_LEDGER_SOORTEN = (Activiteit.Soort.HOOFDSTUK_GELEZEN, Activiteit.Soort.OEFENING_AFGEROND)


def _ledger_van(gebruiker_ids, modules):
    """Per user: the (content type, page) items of `modules` done, and intervisie moments.
    One query."""
    gedaan = {pk: set() for pk in gebruiker_ids}
    intervisies = {pk: [] for pk in gebruiker_ids}
    pagina_ids = {i.sleutel[1] for m in modules for i in m.onderdelen if i.sleutel}
    for pk, soort, ct, obj, moment in _ledger(sorted(gebruiker_ids), sorted(pagina_ids)):
        if soort == Activiteit.Soort.INTERVISIE_BIJGEWOOND:
            intervisies[pk].append(moment)
        else:
            gedaan[pk].add((ct, obj))
    return gedaan, intervisies


@voorbereid
def _ledger(gebruiker_ids, pagina_ids):
    return (
        Activiteit.objects.filter(
            Q(soort__in=_LEDGER_SOORTEN, object_id__in=pagina_ids)
            | Q(soort=Activiteit.Soort.INTERVISIE_BIJGEWOOND),
            gebruiker_id__in=gebruiker_ids,
        )
        .order_by()
        .values_list("gebruiker_id", "soort", "content_type_id", "object_id", "moment")
    )


def _voortgang(module, team_id, vanaf, deadline, gedaan, intervisies):
    """One user's progress on one module, from the cached module and `_ledger_van`."""
    voortgang = ModuleVoortgang(module=module, team_id=team_id, vanaf=vanaf, deadline=deadline)
    begin = timezone.make_aware(datetime.combine(vanaf, time.min))
    eind = timezone.make_aware(datetime.combine(deadline, time.max))
    for item in module.onderdelen:
        if item.soort == "intervisie":
            bijgewoond = sum(1 for m in intervisies if begin <= m <= eind)
            voortgang.onderdelen.append(
                Onderdeel(
                    soort="intervisie",
                    titel=_("Intervisie bijwonen (%(n)s×), %(gedaan)s keer gedaan")
                    % {"n": item.aantal, "gedaan": bijgewoond},
                    gedaan=bijgewoond >= item.aantal,
                    toelichting=item.toelichting,
                )
            )
        else:
            voortgang.onderdelen.append(
                Onderdeel(
                    soort=item.soort,
                    titel=item.titel,
                    url=item.url,
                    gedaan=item.sleutel in gedaan,
                )
            )
    return voortgang


@dataclass(frozen=True)
class Stand:
    """How far one member is with one leermodule: items done of the items there are."""

    gedaan: int
    totaal: int
    nodig: int
    url: str

    @property
    def afgerond(self):
        return self.gedaan >= self.nodig


def modules_stand(*, module_ids, leden):
    """Progress of team members on leermodules, for the leercyclus dashboards.

    `leden` holds (team id, user id) pairs. Returns {(team id, user id, module id): Stand} for
    the live modules among `module_ids`, judged in the period of the module's assignment to that
    team (without a period limit when the module is not, or no longer, assigned to it). One
    query beside the content cache, however many members, teams, modules and records; none
    without modules.
    """
    module_ids, leden = set(module_ids), set(leden)
    if not module_ids or not leden:
        return {}
    modules = [m for pk, m in leermodules().items() if pk in module_ids]
    if not modules:
        return {}
    gedaan, intervisies = _ledger_van({pk for _team, pk in leden}, modules)
    altijd = (date(1900, 1, 1), date(9000, 12, 31))
    uit = {}
    for module in modules:
        periodes = {team_id: (vanaf, deadline) for team_id, vanaf, deadline in module.toewijzingen}
        for team_id, pk in leden:
            vanaf, deadline = periodes.get(team_id, altijd)
            v = _voortgang(module, team_id, vanaf, deadline, gedaan[pk], intervisies[pk])
            uit[team_id, pk, module.pk] = Stand(v.gedaan, v.totaal, v.nodig, module.url)
    return uit


def oefening_koppen():
    """{pk: (title, url)} of the live oefeningen, from the content cache: no query after the
    first read of a content version."""
    return fragment(
        ("oefeningen", "koppen"),
        lambda: {p.pk: (p.title, p.url) for p in Page.objects.type(OefeningPage).live()},
    )


@dataclass(frozen=True)
class WachtendeFeedback:
    pk: int
    oefening: str  # its title
    url: str


@eenmaal_per_blok
def wachtende_feedback(user):
    """Trainer feedback the user has not opened yet, newest first, on live oefeningen: one
    query beside the content cache."""
    koppen = oefening_koppen()
    uit = []
    for pk, oefening_id in _ongelezen_feedback(user.pk):
        if oefening_id in koppen:
            uit.append(WachtendeFeedback(pk, *koppen[oefening_id]))
    return uit


@voorbereid
def _ongelezen_feedback(user_id):
    return (
        Feedback.objects.filter(antwoord__poging__gebruiker_id=user_id, gelezen__isnull=True)
        .order_by("-gegeven", "-pk")
        .values_list("pk", "antwoord__poging__oefening_id")
    )


# --- Concept-oefeningen ------------------------------------------------------------------------


def concepten_van(user):
    """The author's own drafts with their status and the trainer's comment."""
    return Oefeningconcept.objects.filter(auteur=user).select_related("oefening", "beoordeeld_door")


def concepten_ter_beoordeling():
    """The trainers' review queue: drafts waiting for a trainer, oldest first."""
    return (
        Oefeningconcept.objects.filter(status=Oefeningconcept.Status.INGEDIEND)
        .select_related("auteur")
        .order_by("ingediend", "pk")
    )

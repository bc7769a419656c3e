"""Reads of the leercyclus: facts per person, status against the plan, team dashboard, trend.

Everything counted comes from the ledger (cms.activiteiten.Activiteit). A teamchef only ever sees
these counts: never answers, intervisie content, voornemen titles or reflection text.

One selector (`teamoverzichten`) feeds the dashboard, the exports, the alerts e-mail and the home
page tile, in a fixed number of queries however many teams, members and records there are.
"""

import calendar
import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.core.exceptions import ObjectDoesNotExist
from django.db.models import Count, Max, Prefetch, Q, Sum
from django.db.models.functions import TruncMonth
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from cms.activiteiten import Activiteit
from cms.huidige import eenmaal_per_blok
from cms.models import Team
from cms.voorbereid import voorbereid
from leernetwerk.leercyclus.models import Leercyclusplan, Planmodule, Reflectie
from leernetwerk.models import Voornemen
from oefeningen.models import LeermodulePage
from oefeningen.selectors import modules_stand

S = Activiteit.Soort
NUL = Decimal("0")


# --- period ------------------------------------------------------------------------------------


def _begin_van(datum):
    return timezone.make_aware(dt.datetime.combine(datum, dt.time.min))


def _maanden_terug(datum, n):
    """First day of the month n months before datum's month."""
    jaar, maand = divmod(datum.year * 12 + datum.month - 1 - n, 12)
    return dt.date(jaar, maand + 1, 1)


@dataclass(frozen=True)
class Periode:
    """A period of whole days, both ends included."""

    van: dt.date
    tot: dt.date

    @classmethod
    def laatste_maanden(cls, n, vandaag=None):
        vandaag = vandaag or timezone.localdate()
        return cls(_maanden_terug(vandaag, n - 1), vandaag)

    @classmethod
    def dit_jaar(cls, vandaag=None):
        vandaag = vandaag or timezone.localdate()
        return cls(dt.date(vandaag.year, 1, 1), vandaag)

    @property
    def start(self):
        return _begin_van(self.van)

    @property
    def eind(self):
        return _begin_van(self.tot + dt.timedelta(days=1))

    def peil(self, nu=None):
        """The moment the status is judged: the end of the period, or now if that is earlier."""
        return min(self.eind, nu or timezone.now())


# --- facts per person --------------------------------------------------------------------------


@dataclass
class Feiten:
    """Participation of one person: counts in the period, last moments and totals up to 'peil'."""

    laatste_activiteit: dt.datetime | None = None
    laatste_intervisie: dt.datetime | None = None
    intervisie_sessies: int = 0
    intervisie_uren: Decimal = NUL
    koppelgesprekken: int = 0
    laatste_koppelgesprek: dt.datetime | None = None
    oefeningen: int = 0
    feedback: int = 0
    hoofdstukken: int = 0
    reflecties: int = 0
    modules_afgerond: int = 0
    reflectie_uren_jaar: Decimal = NUL
    open_voornemens: int = 0
    afgerond: dict = field(default_factory=dict)  # Planmodule.afrondingssleutel() -> moment


_TELLERS = {
    S.OEFENING_AFGEROND: "oefeningen",
    S.FEEDBACK_ONTVANGEN: "feedback",
    S.HOOFDSTUK_GELEZEN: "hoofdstukken",
    S.REFLECTIE: "reflecties",
    S.MODULE_AFGEROND: "modules_afgerond",
}


def feiten_ophalen(gebruiker_ids, periode, nu=None):
    """Facts for each user id, in three queries whatever the number of users and records."""
    peil = periode.peil(nu)
    jaarstart = _begin_van(dt.date(timezone.localtime(peil).year, 1, 1))
    feiten = {pk: Feiten() for pk in gebruiker_ids}
    if not feiten:
        return feiten
    ids = sorted(feiten)
    rijen = _tellingen_per_soort(ids, peil, periode.start, jaarstart)
    for rij in rijen:
        f = feiten[rij["gebruiker_id"]]
        f.reflectie_uren_jaar += rij["jaaruren"] or NUL
        if f.laatste_activiteit is None or rij["laatste"] > f.laatste_activiteit:
            f.laatste_activiteit = rij["laatste"]
        if rij["soort"] == S.INTERVISIE_BIJGEWOOND:
            f.laatste_intervisie = rij["laatste"]
            f.intervisie_sessies = rij["n"]
            f.intervisie_uren = rij["uren_periode"] or NUL
        elif rij["soort"] == S.KOPPELGESPREK:
            f.laatste_koppelgesprek = rij["laatste"]
            f.koppelgesprekken = rij["n"]
        elif rij["soort"] in _TELLERS:
            setattr(f, _TELLERS[rij["soort"]], rij["n"])
    for pk, app, model, obj, moment in _modules_afgerond(ids, peil):
        feiten[pk].afgerond[(app, model, obj)] = moment
    for pk, n in _open_voornemens_op(ids, peil):
        feiten[pk].open_voornemens = n
    return feiten


@voorbereid
def _tellingen_per_soort(ids, peil, periodestart, jaarstart):
    """Per user and kind of activity before `peil`: count and hours in the period, hours this
    year, the last moment."""
    return (
        Activiteit.objects.filter(gebruiker_id__in=ids, moment__lt=peil)
        .values("gebruiker_id", "soort")
        .annotate(
            n=Count("id", filter=Q(moment__gte=periodestart)),
            uren_periode=Sum("uren", filter=Q(moment__gte=periodestart)),
            jaaruren=Sum("uren", filter=Q(moment__gte=jaarstart)),
            laatste=Max("moment"),
        )
        .order_by()
    )


@voorbereid
def _modules_afgerond(ids, peil):
    return Activiteit.objects.filter(
        gebruiker_id__in=ids,
        soort=S.MODULE_AFGEROND,
        moment__lt=peil,
        content_type__isnull=False,
    ).values_list(
        "gebruiker_id", "content_type__app_label", "content_type__model", "object_id", "moment"
    )


@voorbereid
def _open_voornemens_op(ids, peil):
    """(user, voornemens open at `peil`: made before it and not yet closed then)."""
    return (
        Voornemen.objects.filter(gebruiker_id__in=ids, aangemaakt__lt=peil)
        .filter(Q(afgerond__isnull=True) | Q(afgerond__gte=peil))
        .values("gebruiker_id")
        .annotate(n=Count("id"))
        .order_by()
        .values_list("gebruiker_id", "n")
    )


# --- status against the plan -------------------------------------------------------------------

OP_SCHEMA, ACHTER, STIL = "op_schema", "achter", "stil"


@dataclass(frozen=True)
class Status:
    code: str
    label: str
    redenen: tuple = ()

    @property
    def tekst(self):
        return f"{self.label}: {'; '.join(self.redenen)}" if self.redenen else str(self.label)


@dataclass(frozen=True)
class Moduletoestand:
    module: object
    afgerond_op: dt.datetime | None
    te_laat: bool
    stand: object = None  # for a leermodule: oefeningen.selectors.Stand (items done of items)

    @property
    def onderdelen(self):
        if self.stand is None:
            return ""
        return _("%(gedaan)d van %(totaal)d onderdelen") % {
            "gedaan": self.stand.gedaan,
            "totaal": self.stand.totaal,
        }


def _is_leermodule(module):
    soort = module.leermodule_type
    return soort is not None and (soort.app_label, soort.model) == ("oefeningen", "leermodulepage")


def leermodule_standen(modules_per_team, gebruikers_per_team):
    """Item progress of every member on the team's plan modules that are leermodules.

    Read through oefeningen' selector in a fixed number of queries (none without leermodules).
    `modules_per_team` and `gebruikers_per_team` map a team id to its plan modules and user ids.
    """
    module_ids = {
        m.leermodule_id
        for modules in modules_per_team.values()
        for m in modules
        if _is_leermodule(m)
    }
    leden = {(team_id, pk) for team_id, ids in gebruikers_per_team.items() for pk in ids}
    return modules_stand(module_ids=module_ids, leden=leden)


def modules_toestand(modules, feiten, peil, standen=None, team_id=None, gebruiker_id=None):
    peildatum = timezone.localtime(peil).date()
    standen = standen or {}
    uit = []
    for module in modules:
        afgerond_op = feiten.afgerond.get(module.afrondingssleutel())
        stand = (
            standen.get((team_id, gebruiker_id, module.leermodule_id))
            if _is_leermodule(module)
            else None
        )
        uit.append(
            Moduletoestand(
                module, afgerond_op, not afgerond_op and module.uiterlijk < peildatum, stand
            )
        )
    return uit


def verwachte_uren(plan, peil):
    """The plan's yearly minimum, pro rata for the year up to 'peil'.

    One intervisie interval of slack: early in January nobody is behind for lack of a session yet.
    """
    datum = timezone.localtime(peil).date()
    dagen = 366 if calendar.isleap(datum.year) else 365
    verstreken = max(0, datum.timetuple().tm_yday - plan.intervisie_elke_weken * 7)
    deel = Decimal(verstreken) / Decimal(dagen)
    return (plan.min_reflectie_uren * deel).quantize(Decimal("0.1"))


def weken_tussen(eerder, later):
    return (later - eerder).days // 7


def status_bepalen(*, plan, feiten, toestand, peil):
    """Judge one person against the plan: stil, achter (with reasons) or op schema."""
    if feiten.laatste_activiteit is None:
        return Status(STIL, _("nog geen activiteit"))
    weken = weken_tussen(feiten.laatste_activiteit, peil)
    if weken >= plan.stil_na_weken:
        label = ngettext(
            "geen activiteit sinds %(n)d week", "geen activiteit sinds %(n)d weken", weken
        ) % {"n": weken}
        return Status(STIL, label)
    redenen = []
    if feiten.laatste_intervisie is None:
        redenen.append(_("nog geen intervisie"))
    elif _intervisie_achter(feiten, plan, peil):
        redenen.append(
            _("geen intervisie sinds %(n)d weken (plan: elke %(plan)d)")
            % {
                "n": weken_tussen(feiten.laatste_intervisie, peil),
                "plan": plan.intervisie_elke_weken,
            }
        )
    for t in toestand:
        if t.te_laat:
            redenen.append(_("module “%(naam)s” te laat") % {"naam": t.module.naam})
    verwacht = verwachte_uren(plan, peil)
    if feiten.reflectie_uren_jaar < verwacht:
        redenen.append(
            _("%(uren)s van %(verwacht)s reflectie-uren (naar rato)")
            % {"uren": getal(feiten.reflectie_uren_jaar), "verwacht": getal(verwacht)}
        )
    if redenen:
        return Status(ACHTER, _("achter"), tuple(redenen))
    return Status(OP_SCHEMA, _("op schema"))


# --- formatting shared by screen and export ----------------------------------------------------


def getal(waarde):
    """Dutch number without needless decimals: 12, 1,5, 0,25."""
    if isinstance(waarde, Decimal):
        waarde = waarde.normalize()
        if waarde == waarde.to_integral():
            waarde = waarde.quantize(Decimal("1"))
    return formats.number_format(waarde)


def cel_tekst(waarde):
    if waarde is None:
        return "–"
    if isinstance(waarde, dt.date):
        return formats.date_format(waarde, "d-m-Y")
    if isinstance(waarde, Decimal | int) and not isinstance(waarde, bool):
        return getal(waarde)
    return str(waarde)


# --- team dashboard ----------------------------------------------------------------------------


@dataclass
class Lidrij:
    gebruiker: object
    feiten: Feiten
    toestand: list
    status: Status

    @property
    def naam(self):
        return self.gebruiker.get_full_name() or self.gebruiker.username

    @property
    def modules_af(self):
        return sum(1 for t in self.toestand if t.afgerond_op)

    @property
    def laatste_datum(self):
        la = self.feiten.laatste_activiteit
        return timezone.localtime(la).date() if la else None

    @property
    def laatste_koppel_datum(self):
        laatste = self.feiten.laatste_koppelgesprek
        return timezone.localtime(laatste).date() if laatste else None

    @property
    def modules_tekst(self):
        """'1 van 2', followed by the item progress of each leermodule in the plan."""
        tekst = _("%(af)d van %(totaal)d") % {"af": self.modules_af, "totaal": len(self.toestand)}
        delen = [
            _("%(naam)s: %(onderdelen)s") % {"naam": t.module.naam, "onderdelen": t.onderdelen}
            for t in self.toestand
            if t.stand is not None
        ]
        return "; ".join([tekst, *delen])

    @property
    def waarden(self):
        f = self.feiten
        return [
            self.naam,
            self.laatste_datum,
            f.intervisie_sessies,
            f.intervisie_uren,
            f.koppelgesprekken,
            self.laatste_koppel_datum,
            self.modules_tekst,
            f.oefeningen,
            f.feedback,
            f.hoofdstukken,
            f.open_voornemens,
            f.reflectie_uren_jaar,
            self.status.tekst,
        ]

    @property
    def cellen(self):
        return [cel_tekst(w) for w in self.waarden]


KOLOMMEN = [
    gettext_lazy("Naam"),
    gettext_lazy("Laatste activiteit"),
    gettext_lazy("Intervisie (bijeenkomsten)"),
    gettext_lazy("Intervisie-uren"),
    gettext_lazy("Koppelgesprekken"),
    gettext_lazy("Laatste koppelgesprek"),
    gettext_lazy("Modules afgerond"),
    gettext_lazy("Oefeningen afgerond"),
    gettext_lazy("Feedback ontvangen"),
    gettext_lazy("Hoofdstukken gelezen"),
    gettext_lazy("Open voornemens"),
    gettext_lazy("Reflectie-uren dit jaar"),
    gettext_lazy("Status"),
]


@dataclass(frozen=True)
class Signaal:
    soort: str  # stil, intervisie, module
    tekst: str


@dataclass
class Teamoverzicht:
    team: Team
    plan: Leercyclusplan
    plan_ingesteld: bool
    modules: list
    periode: Periode
    peil: dt.datetime
    leden: list
    trend: list = field(default_factory=list)

    kolommen = KOLOMMEN

    @property
    def totaal_waarden(self):
        rijen = self.leden
        data = [r.laatste_datum for r in rijen if r.laatste_datum]
        koppeldata = [r.laatste_koppel_datum for r in rijen if r.laatste_koppel_datum]
        per_status = {code: sum(1 for r in rijen if r.status.code == code) for code in _STATUSSEN}
        return [
            ngettext("Team totaal (%(n)d lid)", "Team totaal (%(n)d leden)", len(rijen))
            % {"n": len(rijen)},
            max(data) if data else None,
            sum(r.feiten.intervisie_sessies for r in rijen),
            sum((r.feiten.intervisie_uren for r in rijen), NUL),
            sum(r.feiten.koppelgesprekken for r in rijen),
            max(koppeldata) if koppeldata else None,
            _("%(af)d van %(totaal)d")
            % {
                "af": sum(r.modules_af for r in rijen),
                "totaal": len(self.modules) * len(rijen),
            },
            sum(r.feiten.oefeningen for r in rijen),
            sum(r.feiten.feedback for r in rijen),
            sum(r.feiten.hoofdstukken for r in rijen),
            sum(r.feiten.open_voornemens for r in rijen),
            sum((r.feiten.reflectie_uren_jaar for r in rijen), NUL),
            " · ".join(f"{per_status[code]} {label}" for code, label in _STATUSSEN.items()),
        ]

    @property
    def totaal_cellen(self):
        return [cel_tekst(w) for w in self.totaal_waarden]

    def exportrijen(self, tekst=True):
        """Header, member rows and the total row: exactly what the dashboard table shows."""
        omzetten = cel_tekst if tekst else (lambda w: w)
        kop = [str(k) for k in self.kolommen]
        rijen = [[omzetten(w) for w in r.waarden] for r in self.leden]
        return [kop, *rijen, [omzetten(w) for w in self.totaal_waarden]]

    @property
    def signalen(self):
        """What needs the teamchef's attention: stalled members, intervisie gaps, late modules."""
        uit = []
        for r in self.leden:
            if r.status.code == STIL:
                uit.append(
                    Signaal(
                        STIL,
                        _("%(naam)s: %(status)s (plan: stil na %(n)d weken)")
                        % {"naam": r.naam, "status": r.status.label, "n": self.plan.stil_na_weken},
                    )
                )
        for r in self.leden:
            if r.status.code == ACHTER and _intervisie_achter(r.feiten, self.plan, self.peil):
                weken = (
                    weken_tussen(r.feiten.laatste_intervisie, self.peil)
                    if r.feiten.laatste_intervisie
                    else None
                )
                tekst = (
                    _("%(naam)s: geen intervisie sinds %(n)d weken (plan: elke %(plan)d weken)")
                    if weken is not None
                    else _("%(naam)s: nog geen intervisie (plan: elke %(plan)d weken)")
                )
                uit.append(
                    Signaal(
                        "intervisie",
                        tekst
                        % {
                            "naam": r.naam,
                            "n": weken or 0,
                            "plan": self.plan.intervisie_elke_weken,
                        },
                    )
                )
        for i, module in enumerate(self.modules):
            te_laat = [r.naam for r in self.leden if r.toestand[i].te_laat]
            if te_laat:
                uit.append(
                    Signaal(
                        "module",
                        _("Module “%(naam)s” (uiterlijk %(datum)s) nog niet afgerond door: %(wie)s")
                        % {
                            "naam": module.naam,
                            "datum": cel_tekst(module.uiterlijk),
                            "wie": ", ".join(te_laat),
                        },
                    )
                )
        return uit


_STATUSSEN = {
    OP_SCHEMA: gettext_lazy("op schema"),
    ACHTER: gettext_lazy("achter"),
    STIL: gettext_lazy("stil"),
}


def _intervisie_achter(feiten, plan, peil):
    laatste = feiten.laatste_intervisie
    return laatste is None or (peil - laatste).days > plan.intervisie_elke_weken * 7


def teams_van_teamchef(user):
    """Teams the user leads (cms.Team.teamchefs), whatever roles they hold."""
    return Team.objects.filter(teamchefs=user).select_related("organisatie")


def leermodules_voor_team(team):
    """The live leermodules assigned to the team, which its plan can name: one query."""
    return list(
        LeermodulePage.objects.live()
        .filter(toewijzingen__team=team)
        .distinct()
        .order_by("title")
        .only("id", "title")
    )


def _plan_van(team):
    try:
        return team.leercyclusplan, True
    except ObjectDoesNotExist:
        return Leercyclusplan(team=team), False


_MODULES = Prefetch(
    "leercyclusplan__modules", queryset=Planmodule.objects.select_related("leermodule_type")
)


def teamoverzichten(teams, periode, nu=None):
    """One Teamoverzicht per team, in five queries whatever the number of teams and members."""
    User = get_user_model()
    leden = Prefetch(
        "leden",
        queryset=User.objects.order_by("first_name", "last_name", "username").only(
            "id", "username", "first_name", "last_name"
        ),
    )
    teams = list(
        teams.select_related("organisatie", "leercyclusplan").prefetch_related(leden, _MODULES)
    )
    ids = {lid.pk for team in teams for lid in team.leden.all()}
    feiten = feiten_ophalen(ids, periode, nu)
    peil = periode.peil(nu)
    plannen = {team.pk: _plan_van(team) for team in teams}
    modules_per_team = {
        pk: list(plan.modules.all()) if ingesteld else []
        for pk, (plan, ingesteld) in plannen.items()
    }
    standen = leermodule_standen(
        modules_per_team, {team.pk: [lid.pk for lid in team.leden.all()] for team in teams}
    )
    overzichten = []
    for team in teams:
        plan, ingesteld = plannen[team.pk]
        modules = modules_per_team[team.pk]
        rijen = []
        for lid in team.leden.all():
            f = feiten[lid.pk]
            toestand = modules_toestand(modules, f, peil, standen, team.pk, lid.pk)
            status = status_bepalen(plan=plan, feiten=f, toestand=toestand, peil=peil)
            rijen.append(Lidrij(lid, f, toestand, status))
        overzichten.append(Teamoverzicht(team, plan, ingesteld, modules, periode, peil, rijen))
    return overzichten


# --- monthly trend -----------------------------------------------------------------------------


@dataclass
class Maand:
    begin: dt.date
    actieve_leden: int = 0
    intervisie: int = 0
    intervisie_uren: Decimal = NUL
    oefeningen: int = 0
    hoofdstukken: int = 0
    modules: int = 0
    reflecties: int = 0

    @property
    def label(self):
        return formats.date_format(self.begin, "M Y")


_TREND_TELLERS = {
    S.INTERVISIE_BIJGEWOOND: "intervisie",
    S.OEFENING_AFGEROND: "oefeningen",
    S.HOOFDSTUK_GELEZEN: "hoofdstukken",
    S.MODULE_AFGEROND: "modules",
    S.REFLECTIE: "reflecties",
}


def maandtrend(overzicht, max_maanden=36):
    """Team activity per calendar month in the period (the last 36 months at most): two queries."""
    laatste = timezone.localtime(overzicht.peil - dt.timedelta(microseconds=1)).date()
    eerste = max(overzicht.periode.van.replace(day=1), _maanden_terug(laatste, max_maanden - 1))
    maanden = {}
    m = eerste
    while m <= laatste:
        maanden[m] = Maand(m)
        m = _maanden_terug(m, -1)
    args = (sorted(r.gebruiker.pk for r in overzicht.leden), _begin_van(eerste), overzicht.peil)
    for rij in _per_maand_en_soort(*args):
        maand = maanden.get(timezone.localtime(rij["maand"]).date())
        if maand is None:
            continue
        if rij["soort"] in _TREND_TELLERS:
            setattr(maand, _TREND_TELLERS[rij["soort"]], rij["n"])
        if rij["soort"] == S.INTERVISIE_BIJGEWOOND:
            maand.intervisie_uren = rij["som_uren"] or NUL
    for rij in _actieve_leden_per_maand(*args):
        maand = maanden.get(timezone.localtime(rij["maand"]).date())
        if maand is not None:
            maand.actieve_leden = rij["n"]
    return list(maanden.values())


def _activiteit_per_maand(ids, van, tot):
    return Activiteit.objects.filter(
        gebruiker_id__in=ids, moment__gte=van, moment__lt=tot
    ).annotate(maand=TruncMonth("moment"))


@voorbereid
def _per_maand_en_soort(ids, van, tot):
    return (
        _activiteit_per_maand(ids, van, tot)
        .values("maand", "soort")
        .annotate(n=Count("id"), som_uren=Sum("uren"))
        .order_by()
    )


@voorbereid
def _actieve_leden_per_maand(ids, van, tot):
    return (
        _activiteit_per_maand(ids, van, tot)
        .values("maand")
        .annotate(n=Count("gebruiker_id", distinct=True))
        .order_by()
    )


# --- mijn leercyclus ---------------------------------------------------------------------------


@dataclass
class Teamplan:
    team: Team
    plan: Leercyclusplan
    plan_ingesteld: bool
    toestand: list
    status: Status
    verwachte_uren: Decimal


@dataclass
class MijnLeercyclus:
    feiten: Feiten
    periode: Periode
    teamplannen: list
    open_voornemens: list
    afgeronde_voornemens: list
    reflecties: list


def mijn_leercyclus(gebruiker, nu=None, max_reflecties=50):
    """The personal overview for this calendar year, in a fixed number of queries."""
    nu = nu or timezone.now()
    periode = Periode.dit_jaar(timezone.localtime(nu).date())
    peil = periode.peil(nu)
    feiten = feiten_ophalen([gebruiker.pk], periode, nu)[gebruiker.pk]
    teams = list(
        Team.objects.filter(leden=gebruiker)
        .select_related("organisatie", "leercyclusplan")
        .prefetch_related(_MODULES)
    )
    plannen = {team.pk: _plan_van(team) for team in teams}
    modules_per_team = {
        pk: list(plan.modules.all()) if ingesteld else []
        for pk, (plan, ingesteld) in plannen.items()
    }
    standen = leermodule_standen(modules_per_team, {team.pk: [gebruiker.pk] for team in teams})
    teamplannen = []
    for team in teams:
        plan, ingesteld = plannen[team.pk]
        toestand = modules_toestand(
            modules_per_team[team.pk], feiten, peil, standen, team.pk, gebruiker.pk
        )
        teamplannen.append(
            Teamplan(
                team,
                plan,
                ingesteld,
                toestand,
                status_bepalen(plan=plan, feiten=feiten, toestand=toestand, peil=peil),
                verwachte_uren(plan, peil),
            )
        )
    voornemens = list(Voornemen.objects.filter(gebruiker=gebruiker).select_related("interventie"))
    return MijnLeercyclus(
        feiten=feiten,
        periode=periode,
        teamplannen=teamplannen,
        open_voornemens=[v for v in voornemens if v.status == Voornemen.Status.OPEN],
        afgeronde_voornemens=[v for v in voornemens if v.status != Voornemen.Status.OPEN],
        reflecties=list(Reflectie.objects.filter(gebruiker=gebruiker)[:max_reflecties]),
    )


@eenmaal_per_blok
def open_voornemens_van(gebruiker):
    """The user's open voornemens, newest first (the home tile; the reminders pick the ones
    due for reflection from the same list)."""
    return _open_voornemens(gebruiker.pk)


@voorbereid
def _open_voornemens(gebruiker_id):
    return Voornemen.objects.filter(gebruiker_id=gebruiker_id, status=Voornemen.Status.OPEN).only(
        "id", "titel", "tot", "aangemaakt"
    )

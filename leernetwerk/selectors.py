"""Reads of the leernetwerk app: intervisie and voornemens.

Who may read intervisie content is decided here and nowhere else: members and gespreksleiders of
the group, for the sessions from the day they joined (or all of them, when the group shared its
history with them). Teamchefs get participation facts (dates, duration, attendance) only.
"""

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.db.models import Count, Max, Min, Prefetch, Q
from django.urls import reverse
from django.utils import timezone

from cms.huidige import eenmaal_per_blok
from cms.rollen import BEHEERDER, TEAMCHEF, TRAINER, heeft_rol
from cms.voorbereid import voorbereid
from leernetwerk.models import (
    Aanwezigheid,
    Actiepunt,
    Gespreksleiderschap,
    Groepsbijdrage,
    Groepslidmaatschap,
    Intervisiegroep,
    Intervisiesessie,
    Koppel,
    Koppelobservatie,
    Registerperiode,
    Voornemen,
    minuten_als_uren,
)


def gebruiker_met_profiel(user):
    return (
        get_user_model()
        .objects.select_related("profiel__organisatie")
        .prefetch_related("teams__organisatie", "groups")
        .get(pk=user.pk)
    )


# --- Intervisie: who may see what -------------------------------------------------------------


def groepen_van(user):
    """Groups the user belongs to, as member or gespreksleider."""
    if not user.is_authenticated:
        return Intervisiegroep.objects.none()
    return Intervisiegroep.objects.filter(Q(leden=user) | Q(gespreksleiders=user)).distinct()


def is_groepslid(user, groep):
    return groepen_van(user).filter(pk=groep.pk).exists()


@eenmaal_per_blok
def zichtbaar_vanaf(user):
    """{groep id: first session date the user may read, or None for all of them}. One query.

    A member or gespreksleider reads the sessions dated on or after joining; with
    `ziet_eerdere_sessies` (the group shared its history) all of them.
    """
    if not user.is_authenticated:
        return {}
    vanaf = {}
    for groep_id, sinds, alles in _toegangen_van(user.pk):
        grens = None if alles else sinds
        if groep_id in vanaf:
            eerder = vanaf[groep_id]
            grens = None if eerder is None or grens is None else min(eerder, grens)
        vanaf[groep_id] = grens
    return vanaf


@voorbereid
def _toegangen_van(user_id):
    velden = ("groep_id", "sinds", "ziet_eerdere_sessies")
    return (
        Groepslidmaatschap.objects.filter(persoon_id=user_id)
        .order_by()
        .values_list(*velden)
        .union(
            Gespreksleiderschap.objects.filter(persoon_id=user_id).order_by().values_list(*velden),
            all=True,
        )
    )


def _zichtbaar_delen(vanaf):
    """(groups read whole, [(group, from date)]) of a `zichtbaar_vanaf`."""
    alle = sorted(g for g, datum in vanaf.items() if datum is None)
    return alle, [(g, datum) for g, datum in sorted(vanaf.items()) if datum is not None]


def _zichtbaar_voorwaarde(via, alle, gedateerd):
    voorwaarde = Q(**{f"{via}groep_id__in": alle}) if alle else Q()
    for groep_id, datum in gedateerd:
        deel = Q(**{f"{via}groep_id": groep_id, f"{via}datum__gte": datum})
        voorwaarde = voorwaarde | deel if voorwaarde else deel
    return voorwaarde


def alleen_zichtbaar(queryset, user, via="", vanaf=None):
    """Narrow sessions (or, with `via="sessie__"`, rows of a session) to what `user` may read.

    Only `groep_id` and `datum` are filtered on, so the same queryset also runs through the
    search backend (they are FilterFields of Intervisiesessie). `vanaf`: the user's
    `zichtbaar_vanaf`, when the caller already has it.
    """
    vanaf = zichtbaar_vanaf(user) if vanaf is None else vanaf
    if not vanaf:
        return queryset.none()
    return queryset.filter(_zichtbaar_voorwaarde(via, *_zichtbaar_delen(vanaf)))


def mag_inhoud_lezen(user, sessie):
    """Only members and gespreksleiders of the session's group read it, from their join date."""
    vanaf = zichtbaar_vanaf(user)
    if sessie.groep_id not in vanaf:
        return False
    return vanaf[sessie.groep_id] is None or sessie.datum >= vanaf[sessie.groep_id]


def _toegangen_in(groep):
    """Memberships and leaderships of the group (with the person), joined first first."""
    rijen = [
        *groep.lidmaatschappen.select_related("persoon"),
        *groep.leiderschappen.select_related("persoon"),
    ]
    return sorted(rijen, key=lambda t: (t.sinds, t.pk))


def _ziet_alles_voor(eigen, eerste_sessie):
    """Whether one of these rows of a person covers every session of the group."""
    return any(
        t.ziet_eerdere_sessies or eerste_sessie is None or t.sinds <= eerste_sessie for t in eigen
    )


def mag_eerdere_sessies_delen(user, toegang):
    """Sharing a group's history with a later member is the group's own decision: a member
    (or gespreksleider) who reads that whole history takes it. Not the new member themselves,
    and not a beheerder or trainer who joined later: nobody shares what they cannot read."""
    if not user.is_authenticated or user.pk == toegang.persoon_id:
        return False
    eigen = [t for t in _toegangen_in(toegang.groep) if t.persoon_id == user.pk]
    eerste = toegang.groep.sessies.aggregate(eerste=Min("datum"))["eerste"]
    return bool(eigen) and _ziet_alles_voor(eigen, eerste)


def nieuwe_leden_om_mee_te_delen(user, groep):
    """Later members who do not see the group's earlier sessions, for whom `user` may decide.

    Returns [] when the user may not decide or nothing earlier exists. Three queries.
    """
    eerste = groep.sessies.aggregate(eerste=Min("datum"))["eerste"]
    if eerste is None:
        return []
    toegangen = _toegangen_in(groep)
    eigen = [t for t in toegangen if t.persoon_id == user.pk]
    if not eigen or not _ziet_alles_voor(eigen, eerste):
        return []
    return [
        t
        for t in toegangen
        if t.persoon_id != user.pk and not t.ziet_eerdere_sessies and t.sinds > eerste
    ]


def mag_inhoud_openen_met_reden(user):
    """A beheerder may open content, but only by stating a reason (which is logged)."""
    return heeft_rol(user, BEHEERDER)


def sessies_zichtbaar_voor(user):
    """Sessions whose content this user may read: of the user's own groups, since joining."""
    return alleen_zichtbaar(Intervisiesessie.objects.filter(inhoud_verwijderd__isnull=True), user)


def sessie_met_inhoud(pk):
    """One session with everything its record page shows, in a fixed number of queries."""
    return (
        Intervisiesessie.objects.select_related(
            "groep",
            "methode",
            "gespreksleider",
            "notulist",
            "inbrenger",
            "procesverslag_auteur",
        )
        .prefetch_related(
            "stappen",
            Prefetch("actiepunten", queryset=Actiepunt.objects.select_related("eigenaar")),
            Prefetch("aanwezigheden", queryset=Aanwezigheid.objects.select_related("deelnemer")),
            "interventies",
            "schemawijzigingen",
            "fases",
            "doelgroepen",
            Prefetch("voornemens", queryset=Voornemen.objects.select_related("gebruiker")),
        )
        .get(pk=pk)
    )


def groepen_overzicht(user):
    """The user's groups with members and the sessions they may see (fixed query count)."""
    return groepen_van(user).prefetch_related(
        "leden",
        "gespreksleiders",
        "organisaties",
        Prefetch(
            "sessies",
            queryset=alleen_zichtbaar(Intervisiesessie.objects.all(), user)
            .select_related("methode")
            .prefetch_related(
                Prefetch(
                    "aanwezigheden",
                    queryset=Aanwezigheid.objects.select_related("deelnemer"),
                )
            ),
        ),
    )


def groep_met_sessies(pk, user):
    """The group page: members, the sessions this user may see (from joining, or all) and the
    cases members brought in since the user joined."""
    vanaf = zichtbaar_vanaf(user)
    bijdragen = bijdragen_zichtbaar_voor(user, vanaf=vanaf).select_related("auteur")
    return Intervisiegroep.objects.prefetch_related(
        "leden",
        "gespreksleiders",
        "organisaties",
        Prefetch("bijdragen", queryset=bijdragen),
        Prefetch(
            "sessies",
            queryset=alleen_zichtbaar(Intervisiesessie.objects.all(), user, vanaf=vanaf)
            .select_related("methode", "gespreksleider")
            .prefetch_related(
                Prefetch("aanwezigheden", queryset=Aanwezigheid.objects.select_related("deelnemer"))
            ),
        ),
    ).get(pk=pk)


def vorige_sessie(sessie, *, user):
    """The group's session before this one that `user` may see (for the terugblik)."""
    return (
        alleen_zichtbaar(Intervisiesessie.objects.filter(groep=sessie.groep), user)
        .filter(Q(datum__lt=sessie.datum) | Q(datum=sessie.datum, start__lt=sessie.start))
        .order_by("-datum", "-start")
        .first()
    )


def open_actiepunten_van_groep_voor(sessie, *, user):
    """Open actiepunten of the group's earlier sessions that `user` may see: the terugblik."""
    actiepunten = Actiepunt.objects.filter(
        sessie__groep=sessie.groep, afgerond__isnull=True, sessie__datum__lte=sessie.datum
    )
    return (
        alleen_zichtbaar(actiepunten, user, via="sessie__")
        .exclude(sessie=sessie)
        .select_related("eigenaar", "sessie")
        .order_by("deadline", "pk")
    )


def voornemens_ter_bespreking(sessie, *, user):
    """Voornemens chosen in the previous leernetwerkbijeenkomst, reviewed in this one.

    Nothing when that bijeenkomst is from before `user` joined (and was not shared)."""
    eerdere = Intervisiesessie.objects.filter(
        groep=sessie.groep, methode__is_leernetwerk=True, datum__lt=sessie.datum
    )
    vorige = alleen_zichtbaar(eerdere, user).order_by("-datum", "-start").first()
    if vorige is None:
        return Voornemen.objects.none()
    return Voornemen.objects.filter(bijeenkomst=vorige).select_related("gebruiker", "interventie")


def volgende_procesverslag_auteur(groep, datum=None):
    """Suggest who writes the procesverslag: rotate through the members by name."""
    leden = list(groep.leden.order_by("first_name", "last_name", "username"))
    if not leden:
        return None
    eerdere = Intervisiesessie.objects.filter(groep=groep, procesverslag_auteur__isnull=False)
    if datum is not None:
        eerdere = eerdere.filter(datum__lt=datum)
    eerder = (
        eerdere.order_by("-datum", "-start")
        .values_list("procesverslag_auteur_id", flat=True)
        .first()
    )
    ids = [lid.pk for lid in leden]
    if eerder not in ids:
        return leden[0]
    return leden[(ids.index(eerder) + 1) % len(leden)]


def open_actiepunten_kort(user):
    """[(omschrijving, url of its session)] of the user's first five open action points: the
    home page's list."""
    vanaf = zichtbaar_vanaf(user)
    if not vanaf:
        return []
    return [
        (omschrijving, reverse("intervisiesessie", args=[sessie_id]))
        for omschrijving, sessie_id in _eerste_open_actiepunten(user.pk, *_zichtbaar_delen(vanaf))
    ]


@voorbereid
def _eerste_open_actiepunten(user_id, alle, gedateerd):
    return (
        _open_actiepunten(user_id)
        .filter(_zichtbaar_voorwaarde("sessie__", alle, gedateerd))
        .order_by("deadline", "pk")
        .values_list("omschrijving", "sessie_id")[:5]
    )


def _open_actiepunten(user_id):
    return Actiepunt.objects.filter(
        eigenaar_id=user_id, afgerond__isnull=True, sessie__inhoud_verwijderd__isnull=True
    )


def mijn_open_actiepunten(user):
    return (
        alleen_zichtbaar(_open_actiepunten(user.pk), user, via="sessie__")
        .select_related("sessie__groep")
        .order_by("deadline", "pk")
    )


@dataclass(frozen=True)
class VolgendeSessie:
    pk: int
    datum: dt.date
    start: dt.time
    groep: str  # its name
    methode: str  # its name

    def get_absolute_url(self):
        return reverse("intervisiesessie", args=[self.pk])


@eenmaal_per_blok
def volgende_sessie(user, *, vanaf):
    """The next session of the user's groups from `vanaf` (today) on: when, which group, which
    method; no content is loaded. The home tile and the reminders ask it with the same `vanaf`,
    so a page reads it once."""
    groepen = sorted(zichtbaar_vanaf(user))
    if not groepen:
        return None
    rijen = _eerstvolgende_sessie(groepen, vanaf)
    return VolgendeSessie(*rijen[0]) if rijen else None


@voorbereid
def _eerstvolgende_sessie(groepen, vanaf):
    return (
        Intervisiesessie.objects.filter(groep_id__in=groepen, datum__gte=vanaf)
        .exclude(status=Intervisiesessie.Status.AFGEROND)
        .order_by("datum", "start")
        .values_list("pk", "datum", "start", "groep__naam", "methode__naam")[:1]
    )


# --- Participation for teamchefs (never content) -----------------------------------------------


def deelname_voor_teamchef(user):
    """Sessions in which members of the teamchef's teams took part: dates, hours, attendance.

    Returns (sessie, [aanwezigheid of own team members]) pairs; only the participation fields are
    loaded, so content cannot end up in the template by accident.
    """
    teamleden = get_user_model().objects.filter(teams__teamchefs=user)
    aanwezigheden = Aanwezigheid.objects.filter(deelnemer__in=teamleden).select_related("deelnemer")
    sessies = (
        Intervisiesessie.objects.filter(aanwezigheden__deelnemer__in=teamleden)
        .distinct()
        .only(
            "pk",
            "datum",
            "start",
            "eind",
            "pauze_minuten",
            "status",
            "groep__naam",
            "methode__naam",
        )
        .select_related("groep", "methode")
        .prefetch_related(Prefetch("aanwezigheden", queryset=aanwezigheden))
        .order_by("-datum", "-start")
    )
    return sessies


def uren_overzicht(user, van, tot):
    """Confirmed attendance of one person in a period, for the hours evidence (oldest first).

    With each session its facilitator and its confirmed participants: two queries in all.
    """
    bevestigd = Aanwezigheid.objects.filter(bevestigd__isnull=False).select_related("deelnemer")
    return (
        Aanwezigheid.objects.filter(
            deelnemer=user,
            bevestigd__isnull=False,
            sessie__datum__gte=van,
            sessie__datum__lte=tot,
        )
        .select_related("sessie__groep", "sessie__methode", "sessie__gespreksleider")
        .prefetch_related(Prefetch("sessie__aanwezigheden", queryset=bevestigd))
        .order_by("sessie__datum", "sessie__start", "sessie__pk")
    )


def eigen_deelname(user):
    """The user's own confirmed attendance, all of it, oldest first: participation facts only
    (no content, no other participants). One query."""
    return (
        Aanwezigheid.objects.filter(deelnemer=user, bevestigd__isnull=False)
        .select_related("sessie__groep", "sessie__methode")
        .defer(*(f"sessie__{veld}" for veld in Intervisiesessie.INHOUD_VELDEN))
        .order_by("sessie__datum", "sessie__start", "sessie__pk")
    )


def registerperiode_van(user):
    return Registerperiode.objects.filter(gebruiker=user).first()


def _naam(persoon):
    return persoon.get_full_name() or persoon.get_username()


@dataclass
class Bewijsregel:
    """One session on the evidence: the facts a register checks, and the running total."""

    aanwezigheid: Aanwezigheid
    totaal_minuten: int  # running total up to and including this session, within the document

    @property
    def sessie(self):
        return self.aanwezigheid.sessie

    @property
    def uren(self):
        return self.sessie.uren

    @property
    def punten(self):
        """One net hour is one point (Registerplein)."""
        return self.sessie.uren

    @property
    def totaal_uren(self):
        return minuten_als_uren(self.totaal_minuten)

    @property
    def begeleider(self):
        namen = [_naam(self.sessie.gespreksleider)] if self.sessie.gespreksleider else []
        if self.sessie.begeleider_extern:
            namen.append(self.sessie.begeleider_extern)
        return ", ".join(namen)

    @property
    def deelnemers(self):
        """(name, confirmed on) of every participant who confirmed their own attendance."""
        return [
            (_naam(a.deelnemer), timezone.localtime(a.bevestigd).date())
            for a in self.sessie.aanwezigheden.all()
        ]

    @property
    def deelnemers_tekst(self):
        return "; ".join(f"{naam} ({datum:%d-%m-%Y})" for naam, datum in self.deelnemers)


@dataclass
class Bewijsblad:
    """One page of the evidence: a registration year (or calendar year) with its sessions."""

    nummer: int
    van: dt.date
    tot: dt.date
    regels: list = field(default_factory=list)
    minuten: int = 0
    totaal_minuten: int = 0  # running total at the end of this page
    verwacht_uren: Decimal | None = None  # the minimum pro rata at the end of this page

    @property
    def uren(self):
        return minuten_als_uren(self.minuten)

    @property
    def totaal_uren(self):
        return minuten_als_uren(self.totaal_minuten)


@dataclass
class Registerbewijs:
    """The hours evidence for a period: pages, totals and (for a register period) the minimum."""

    van: dt.date
    tot: dt.date
    bladen: list
    periode: Registerperiode | None = None

    @property
    def regels(self):
        return [r for blad in self.bladen for r in blad.regels]

    @property
    def minuten(self):
        return sum(blad.minuten for blad in self.bladen)

    @property
    def uren(self):
        return minuten_als_uren(self.minuten)

    @property
    def minimum(self):
        return self.periode.minimum_uren if self.periode else None

    @property
    def nog_nodig(self):
        if self.periode is None:
            return None
        return max(Decimal("0"), self.periode.minimum_uren - self.uren)

    @property
    def gehaald(self):
        return self.periode is not None and self.uren >= self.periode.minimum_uren

    @property
    def procent(self):
        if not self.periode:
            return None
        return min(100, int(self.uren * 100 / self.periode.minimum_uren))


def _kalenderjaren(van, tot):
    return [
        (max(van, dt.date(jaar, 1, 1)), min(tot, dt.date(jaar, 12, 31)))
        for jaar in range(van.year, tot.year + 1)
    ]


def registerbewijs(user, van=None, tot=None):
    """The evidence of `user`'s own confirmed hours, one page per period, in three queries.

    Without `van`/`tot`: the user's five-year register period, a page per registration year,
    with the running total against the minimum. With them: that range, a page per calendar year.
    Returns None when neither is given and no register period is set.
    """
    periode = None
    if van is None or tot is None:
        periode = registerperiode_van(user)
        if periode is None:
            return None
        van, tot = periode.begin, periode.eind
        grenzen = periode.jaren()
    else:
        grenzen = _kalenderjaren(van, tot)
    bladen = [Bewijsblad(i, begin, eind) for i, (begin, eind) in enumerate(grenzen, start=1)]
    totaal = 0
    index = 0
    for aanwezigheid in uren_overzicht(user, van, tot):
        datum = aanwezigheid.sessie.datum
        while datum > bladen[index].tot:
            bladen[index].totaal_minuten = totaal
            index += 1
        totaal += aanwezigheid.sessie.netto_minuten
        bladen[index].minuten += aanwezigheid.sessie.netto_minuten
        bladen[index].regels.append(Bewijsregel(aanwezigheid, totaal))
    for blad in bladen[index:]:
        blad.totaal_minuten = totaal
    if periode is not None:
        for blad in bladen:
            deel = Decimal(blad.nummer) / Decimal(len(bladen))
            blad.verwacht_uren = (periode.minimum_uren * deel).quantize(Decimal("0.1"))
    return Registerbewijs(van, tot, bladen, periode)


# --- Eigen casus in de groep ----------------------------------------------------------------


def bijdragen_zichtbaar_voor(user, vanaf=None):
    """Cases brought into a group: for its members and gespreksleiders, from their join date
    (or all, when the group shared its history), like the session records."""
    vanaf = zichtbaar_vanaf(user) if vanaf is None else vanaf
    if not vanaf:
        return Groepsbijdrage.objects.none()
    voorwaarde = Q()
    for groep_id, datum in sorted(vanaf.items()):
        deel = Q(groep_id=groep_id)
        if datum is not None:
            deel &= Q(aangemaakt__date__gte=datum)
        voorwaarde |= deel
    return Groepsbijdrage.objects.filter(voorwaarde)


# --- Koppels: the observations are for the pair, the dates for whoever follows participation --


def _met_laatste(koppels):
    return koppels.select_related("eerste", "tweede").annotate(
        laatste=Max("observaties__datum"), aantal=Count("observaties")
    )


def koppels_van(user):
    """The pairs the user is one of, with the date they last sat in on each other."""
    if not user.is_authenticated:
        return Koppel.objects.none()
    return _met_laatste(Koppel.objects.filter(Q(eerste=user) | Q(tweede=user)))


def is_koppellid(user, koppel):
    return user.is_authenticated and user.pk in (koppel.eerste_id, koppel.tweede_id)


def koppel_met_observaties(pk):
    """The pair's own page: every observation with who watched and the techniques seen."""
    return (
        Koppel.objects.select_related("eerste", "tweede")
        .prefetch_related(
            Prefetch(
                "observaties",
                queryset=Koppelobservatie.objects.select_related("observator").prefetch_related(
                    "technieken"
                ),
            )
        )
        .get(pk=pk)
    )


def koppel_is_toe_aan_gesprek(koppel, vandaag=None):
    """More than the cadence (four weeks) since the last observation, or since forming."""
    vandaag = vandaag or timezone.localdate()
    sinds = koppel.laatste or koppel.gevormd
    return (vandaag - sinds).days > koppel.cadans_weken * 7


def koppels_toe_aan_gesprek(user, vandaag=None):
    """The user's pairs that have not met for longer than their cadence: the home reminder.

    One lean query for the pairs (most have met recently), one more for the colleagues' names
    when one is due.
    """
    if not user.is_authenticated:
        return []
    toe = []
    for pk, eerste, tweede, gevormd, weken, laatste in _koppels_met_laatste(user.pk):
        koppel = Koppel(pk=pk, eerste_id=eerste, tweede_id=tweede, gevormd=gevormd)
        koppel.cadans_weken, koppel.laatste = weken, laatste
        if koppel_is_toe_aan_gesprek(koppel, vandaag):
            toe.append(koppel)
    if toe:
        ids = sorted({k.eerste_id for k in toe} | {k.tweede_id for k in toe})
        mensen = {mens.pk: mens for mens in _namen(ids)}
        for k in toe:
            k.eerste, k.tweede = mensen[k.eerste_id], mensen[k.tweede_id]
    return toe


@voorbereid
def _koppels_met_laatste(user_id):
    return (
        Koppel.objects.filter(Q(eerste_id=user_id) | Q(tweede_id=user_id))
        .annotate(laatste=Max("observaties__datum"))
        .order_by("pk")
        .values_list("pk", "eerste_id", "tweede_id", "gevormd", "cadans_weken", "laatste")
    )


@voorbereid
def _namen(ids):
    return (
        get_user_model()
        .objects.filter(pk__in=ids)
        .only("id", "first_name", "last_name", "username")
    )


def mag_koppels_vormen(user):
    return heeft_rol(user, TRAINER, BEHEERDER)


def koppels_deelname(user):
    """Pairs with their dates and counts, never content: every pair for trainers and
    beheerders (who form them), for a teamchef the pairs with a member of the own teams."""
    if mag_koppels_vormen(user):
        koppels = Koppel.objects.all()
    elif heeft_rol(user, TEAMCHEF):
        teamleden = get_user_model().objects.filter(teams__teamchefs=user).values("pk")
        koppels = Koppel.objects.filter(Q(eerste__in=teamleden) | Q(tweede__in=teamleden))
    else:
        return Koppel.objects.none()
    return _met_laatste(koppels).order_by("eerste__first_name", "tweede__first_name", "pk")

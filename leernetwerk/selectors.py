"""Reads of the leernetwerk app: intervisie and voornemens.

Who may read intervisie content is decided here and nowhere else: members and gespreksleiders of
the group. Teamchefs get participation facts (dates, duration, attendance) only.
"""

from django.contrib.auth import get_user_model
from django.db.models import Prefetch, Q
from django.utils import timezone

from cms.rollen import BEHEERDER, heeft_rol
from leernetwerk.models import (
    Aanwezigheid,
    Actiepunt,
    Intervisiegroep,
    Intervisiesessie,
    Voornemen,
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


def mag_inhoud_lezen(user, sessie):
    """Only members and gespreksleiders of the session's group read its content."""
    return is_groepslid(user, sessie.groep)


def mag_inhoud_openen_met_reden(user):
    """A beheerder may open content, but only by stating a reason (which is logged)."""
    return heeft_rol(user, BEHEERDER)


def sessies_zichtbaar_voor(user):
    """Sessions whose content this user may read: those of the user's own groups."""
    return Intervisiesessie.objects.filter(
        groep__in=groepen_van(user), inhoud_verwijderd__isnull=True
    )


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
    """The user's groups with members and recent sessions (list page: fixed query count)."""
    return groepen_van(user).prefetch_related(
        "leden",
        "gespreksleiders",
        "organisaties",
        Prefetch(
            "sessies",
            queryset=Intervisiesessie.objects.select_related("methode").prefetch_related(
                Prefetch(
                    "aanwezigheden",
                    queryset=Aanwezigheid.objects.select_related("deelnemer"),
                )
            ),
        ),
    )


def groep_met_sessies(pk):
    return Intervisiegroep.objects.prefetch_related(
        "leden",
        "gespreksleiders",
        "organisaties",
        Prefetch(
            "sessies",
            queryset=Intervisiesessie.objects.select_related(
                "methode", "gespreksleider"
            ).prefetch_related(
                Prefetch("aanwezigheden", queryset=Aanwezigheid.objects.select_related("deelnemer"))
            ),
        ),
    ).get(pk=pk)


def vorige_sessie(sessie):
    """The group's session before this one (for the terugblik)."""
    return (
        Intervisiesessie.objects.filter(groep=sessie.groep)
        .filter(Q(datum__lt=sessie.datum) | Q(datum=sessie.datum, start__lt=sessie.start))
        .order_by("-datum", "-start")
        .first()
    )


def open_actiepunten_van_groep_voor(sessie):
    """Open actiepunten of the group's earlier sessions: what this session looks back on."""
    return (
        Actiepunt.objects.filter(
            sessie__groep=sessie.groep, afgerond__isnull=True, sessie__datum__lte=sessie.datum
        )
        .exclude(sessie=sessie)
        .select_related("eigenaar", "sessie")
        .order_by("deadline", "pk")
    )


def voornemens_ter_bespreking(sessie):
    """Voornemens chosen in the previous leernetwerkbijeenkomst, reviewed in this one."""
    vorige = (
        Intervisiesessie.objects.filter(
            groep=sessie.groep, methode__is_leernetwerk=True, datum__lt=sessie.datum
        )
        .order_by("-datum", "-start")
        .first()
    )
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


def mijn_open_actiepunten(user):
    return (
        Actiepunt.objects.filter(
            eigenaar=user,
            afgerond__isnull=True,
            sessie__groep__in=groepen_van(user),
            sessie__inhoud_verwijderd__isnull=True,
        )
        .select_related("sessie__groep")
        .order_by("deadline", "pk")
    )


def volgende_sessie(user):
    return (
        Intervisiesessie.objects.filter(
            groep__in=groepen_van(user), datum__gte=timezone.localdate()
        )
        .exclude(status=Intervisiesessie.Status.AFGEROND)
        .select_related("groep", "methode")
        .order_by("datum", "start")
        .first()
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
        .only("pk", "datum", "start", "eind", "status", "groep__naam", "methode__naam")
        .select_related("groep", "methode")
        .prefetch_related(Prefetch("aanwezigheden", queryset=aanwezigheden))
        .order_by("-datum", "-start")
    )
    return sessies


def uren_overzicht(user, van, tot):
    """Confirmed attendance of one person in a period, for the hours evidence (oldest first)."""
    return (
        Aanwezigheid.objects.filter(
            deelnemer=user,
            bevestigd__isnull=False,
            sessie__datum__gte=van,
            sessie__datum__lte=tot,
        )
        .select_related("sessie__groep", "sessie__methode")
        .order_by("sessie__datum", "sessie__start")
    )

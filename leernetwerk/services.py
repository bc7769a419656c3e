"""Writes of the leernetwerk app. Keyword-only functions named <ding>_<actie>."""

import datetime
import logging

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from cms.activiteiten import Activiteit
from cms.audit import AuditRegel
from cms.services import (
    activiteit_bijwerken,
    activiteit_intrekken,
    activiteit_vastleggen,
    audit_vastleggen,
)
from leernetwerk import selectors
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
    Sessiestap,
    ToegangsLog,
    Voornemen,
)
from oefeningen.blocks import VALKUILEN

audit = logging.getLogger("leernetwerk.audit")


class InhoudVerwijderd(ValidationError):
    """The session's content was removed after the retention period: it takes no new content."""

    def __init__(self):
        super().__init__(
            _(
                "De inhoud van deze sessie is verwijderd omdat de bewaartermijn voorbij is. Er "
                "kan geen nieuwe inhoud meer bij; datum, duur en aanwezigheid blijven bewaard."
            ),
            code="inhoud_verwijderd",
        )


class VersieConflict(Exception):
    """Someone else saved the session since this form was opened."""

    def __init__(self, actueel):
        super().__init__("versieconflict")
        self.actueel = actueel


@transaction.atomic
def voornemen_maken(*, gebruiker, interventie, toelichting="", tot=None, bijeenkomst=None):
    """Record that the user will try this interventie. An open voornemen is not made twice."""
    bestaand = Voornemen.objects.filter(
        gebruiker=gebruiker, interventie=interventie, status=Voornemen.Status.OPEN
    ).first()
    if bestaand:
        if bijeenkomst is not None and bestaand.bijeenkomst_id is None:
            bestaand.bijeenkomst = bijeenkomst
            bestaand.save(update_fields=["bijeenkomst"])
        return bestaand, False
    voornemen = Voornemen.objects.create(
        gebruiker=gebruiker,
        interventie=interventie,
        titel=interventie.title,
        toelichting=toelichting,
        tot=tot,
        bijeenkomst=bijeenkomst,
    )
    activiteit_vastleggen(
        gebruiker=gebruiker,
        soort=Activiteit.Soort.VOORNEMEN_GEMAAKT,
        onderwerp=voornemen,
        titel=voornemen.titel,
    )
    return voornemen, True


@transaction.atomic
def voornemen_afronden(*, voornemen, reflectie_gedaan, reflectie_werkte):
    """Close a voornemen with the consulent's own reflection (reviewed in the next meeting)."""
    voornemen.reflectie_gedaan = reflectie_gedaan
    voornemen.reflectie_werkte = reflectie_werkte
    voornemen.status = Voornemen.Status.AFGEROND
    voornemen.afgerond = timezone.now()
    voornemen.full_clean()
    voornemen.save()
    activiteit_vastleggen(
        gebruiker=voornemen.gebruiker,
        soort=Activiteit.Soort.VOORNEMEN_GEREFLECTEERD,
        onderwerp=voornemen,
        titel=voornemen.titel,
    )
    return voornemen


# --- Intervisie --------------------------------------------------------------------------------


@transaction.atomic
def groep_aanmaken(
    *,
    naam,
    slug,
    organisaties,
    leden,
    gespreksleiders=(),
    soort=Intervisiegroep.Soort.INTERVISIEGROEP,
    cadans_weken=4,
    standaard_methode=None,
    door=None,
):
    """Create a group with its founding members: they are the group, so they see all of it."""
    groep = Intervisiegroep.objects.create(
        naam=naam,
        slug=slug,
        soort=soort,
        cadans_weken=cadans_weken,
        standaard_methode=standaard_methode,
    )
    groep.organisaties.set(organisaties)
    reden = _("Lid bij de oprichting van de groep.")
    for model, personen in ((Groepslidmaatschap, leden), (Gespreksleiderschap, gespreksleiders)):
        model.objects.bulk_create(
            model(
                groep=groep,
                persoon=persoon,
                toegevoegd_door=door,
                reden=reden,
                ziet_eerdere_sessies=True,
            )
            for persoon in personen
        )
    return groep


# Membership: who reads a group's content. Every change is written to the audit log.
ROLLEN_IN_GROEP = {"lid": Groepslidmaatschap, "gespreksleider": Gespreksleiderschap}


def _rol_in_groep_loggen(*, door, persoon, groep, wat, reden=""):
    tekst = _("Intervisiegroep “%(groep)s”: %(wat)s.") % {"groep": groep.naam, "wat": wat}
    if reden:
        tekst += " " + _("Reden: %(reden)s") % {"reden": reden}
    audit_vastleggen(
        actie=AuditRegel.Actie.ROL_GEWIJZIGD,
        gebruiker=door,
        onderwerp=persoon.get_username(),
        reden=tekst,
    )


@transaction.atomic
def groepslid_toevoegen(*, groep, persoon, door, reden, rol="lid"):
    """Add a member (or gespreksleider) as of today; earlier sessions stay closed to them.

    Only an earlier member of the group can share the history (`eerdere_sessies_delen`), so
    whoever adds themselves reads what the group records from now on, nothing before.
    """
    model = ROLLEN_IN_GROEP[rol]
    if model.objects.filter(groep=groep, persoon=persoon).exists():
        raise ValidationError(
            {
                "persoon": _("%(naam)s is al %(rol)s van deze groep.")
                % {"naam": persoon.get_full_name() or persoon.get_username(), "rol": model.rol_naam}
            }
        )
    toegang = model.objects.create(groep=groep, persoon=persoon, toegevoegd_door=door, reden=reden)
    # Invite the new member to the sessions already planned from today on.
    Aanwezigheid.objects.bulk_create(
        [
            Aanwezigheid(sessie=sessie, deelnemer=persoon)
            for sessie in groep.sessies.filter(datum__gte=toegang.sinds).exclude(
                status=Intervisiesessie.Status.AFGEROND
            )
        ],
        ignore_conflicts=True,
    )
    _rol_in_groep_loggen(
        door=door,
        persoon=persoon,
        groep=groep,
        wat=_("toegevoegd als %(rol)s") % {"rol": model.rol_naam},
        reden=reden,
    )
    return toegang


@transaction.atomic
def groepslid_verwijderen(*, groep, persoon, door, reden, rol="lid"):
    """Remove a member (or gespreksleider): from now on they read nothing of the group."""
    model = ROLLEN_IN_GROEP[rol]
    verwijderd = model.objects.filter(groep=groep, persoon=persoon).delete()[0]
    if not verwijderd:
        raise ValidationError(
            {
                "persoon": _("%(naam)s is geen %(rol)s van deze groep.")
                % {"naam": persoon.get_full_name() or persoon.get_username(), "rol": model.rol_naam}
            }
        )
    _rol_in_groep_loggen(
        door=door,
        persoon=persoon,
        groep=groep,
        wat=_("verwijderd als %(rol)s") % {"rol": model.rol_naam},
        reden=reden,
    )


@transaction.atomic
def eerdere_sessies_delen(*, toegang, door):
    """The group's decision: let a later member read the sessions from before they joined.

    Only a member who sees that history themselves decides (see selectors), never the new
    member, and not a beheerder who is no such member.
    """
    toegang = type(toegang).objects.select_for_update().get(pk=toegang.pk)
    if not selectors.mag_eerdere_sessies_delen(door, toegang):
        raise PermissionDenied
    toegang.ziet_eerdere_sessies = True
    toegang.eerdere_sessies_gedeeld_door = door
    toegang.save(update_fields=["ziet_eerdere_sessies", "eerdere_sessies_gedeeld_door"])
    _rol_in_groep_loggen(
        door=door,
        persoon=toegang.persoon,
        groep=toegang.groep,
        wat=_("de sessies van vóór %(datum)s gedeeld")
        % {"datum": toegang.sinds.strftime("%d-%m-%Y")},
    )
    return toegang


@transaction.atomic
def sessie_plannen(
    *,
    groep,
    methode,
    datum,
    start,
    eind,
    vorm=Intervisiesessie.Vorm.LIVE,
    gespreksleider=None,
    notulist=None,
    inbrenger=None,
    pauze_minuten=0,
    reflectievorm=None,
    onderwerp="",
    begeleider_extern="",
):
    """Plan a session: copy the method's steps and invite every member and gespreksleider.

    The form of reflection is the method's unless given (what a register counts it as).
    """
    sessie = Intervisiesessie(
        groep=groep,
        methode=methode,
        datum=datum,
        start=start,
        eind=eind,
        vorm=vorm,
        gespreksleider=gespreksleider,
        notulist=notulist,
        inbrenger=inbrenger,
        pauze_minuten=pauze_minuten or 0,
        reflectievorm=reflectievorm or methode.reflectievorm,
        onderwerp=onderwerp,
        begeleider_extern=begeleider_extern,
    )
    if methode.is_leernetwerk:
        sessie.procesverslag_auteur = selectors.volgende_procesverslag_auteur(groep, datum)
    sessie.full_clean()
    sessie.save()
    Sessiestap.objects.bulk_create(
        Sessiestap(
            sessie=sessie,
            volgorde=i,
            titel=stap.titel,
            minuten=stap.minuten,
            begeleiding=stap.begeleiding,
        )
        for i, stap in enumerate(methode.stappen.all(), start=1)
    )
    deelnemers = {u.pk: u for u in groep.leden.all()}
    deelnemers.update({u.pk: u for u in groep.gespreksleiders.all()})
    Aanwezigheid.objects.bulk_create(
        Aanwezigheid(sessie=sessie, deelnemer=u) for u in deelnemers.values()
    )
    return sessie


def _versie_ophogen(sessie, versie):
    """Claim the next version, or raise VersieConflict when someone saved in between.

    The conditional UPDATE is atomic in the database, so of two saves of the same version
    exactly one wins; the other gets the current record back to compare with.
    """
    bijgewerkt = Intervisiesessie.objects.filter(
        pk=sessie.pk, versie=versie, inhoud_verwijderd__isnull=True
    ).update(versie=F("versie") + 1, gewijzigd=timezone.now())
    if not bijgewerkt:
        actueel = Intervisiesessie.objects.get(pk=sessie.pk)
        if actueel.inhoud_verwijderd is not None:
            raise InhoudVerwijderd
        raise VersieConflict(actueel)
    sessie.versie = versie + 1


@transaction.atomic
def sessie_bijwerken(*, sessie, versie, gegevens):
    """Save validated record fields (and many-to-many tags) when `versie` is still current."""
    _versie_ophogen(sessie, versie)
    veelvoud = {}
    for naam, waarde in gegevens.items():
        veld = sessie._meta.get_field(naam)
        if veld.many_to_many:
            veelvoud[naam] = waarde
        else:
            setattr(sessie, naam, waarde)
    sessie.full_clean()
    sessie.save()
    for naam, waarde in veelvoud.items():
        getattr(sessie, naam).set(waarde)
    _uren_in_leercyclus_bijwerken(sessie)
    return sessie


def _uren_in_leercyclus_bijwerken(sessie):
    """Changed times or breaks: the confirmed participants' ledger rows follow (net hours)."""
    activiteit_bijwerken(
        soort=Activiteit.Soort.INTERVISIE_BIJGEWOOND,
        onderwerp=sessie,
        uren=sessie.uren,
        moment=_sessie_moment(sessie),
    )


def _toevoegen(sessie, actiepunt, voornemen):
    if actiepunt:
        actiepunt_toevoegen(sessie=sessie, **actiepunt)
    if voornemen:
        voornemen_maken(bijeenkomst=sessie, **voornemen)


@transaction.atomic
def stap_opslaan(
    *,
    sessie,
    versie,
    stap=None,
    notitie="",
    gegevens=None,
    naar_stap=None,
    actiepunt=None,
    voornemen=None,
):
    """Save the notes of the current step while running a session, and move to another step.

    `actiepunt` ({omschrijving, eigenaar, deadline}) and `voornemen` ({gebruiker, interventie})
    are added in the same transaction, so a refused save adds nothing.
    """
    _versie_ophogen(sessie, versie)
    _toevoegen(sessie, actiepunt, voornemen)
    if stap is not None:
        stap.notitie = notitie
        stap.full_clean()
        stap.save(update_fields=["notitie"])
    for naam, waarde in (gegevens or {}).items():
        setattr(sessie, naam, waarde)
    if naar_stap is not None:
        sessie.huidige_stap = naar_stap
    if sessie.status == Intervisiesessie.Status.GEPLAND:
        sessie.status = Intervisiesessie.Status.BEZIG
    sessie.full_clean()
    sessie.save()
    return sessie


@transaction.atomic
def sessie_afronden(*, sessie, versie, gegevens=None, actiepunt=None, voornemen=None):
    _versie_ophogen(sessie, versie)
    _toevoegen(sessie, actiepunt, voornemen)
    for naam, waarde in (gegevens or {}).items():
        setattr(sessie, naam, waarde)
    sessie.status = Intervisiesessie.Status.AFGEROND
    sessie.full_clean()
    sessie.save()
    return sessie


@transaction.atomic
def actiepunt_toevoegen(*, sessie, omschrijving, eigenaar, deadline=None):
    if Intervisiesessie.objects.filter(pk=sessie.pk, inhoud_verwijderd__isnull=False).exists():
        raise InhoudVerwijderd
    actiepunt = Actiepunt(
        sessie=sessie, omschrijving=omschrijving, eigenaar=eigenaar, deadline=deadline
    )
    actiepunt.full_clean()
    actiepunt.save()
    return actiepunt


@transaction.atomic
def actiepunt_afronden(*, actiepunt, in_sessie=None):
    actiepunt.afgerond = timezone.now()
    actiepunt.afgerond_in = in_sessie
    actiepunt.save(update_fields=["afgerond", "afgerond_in"])
    return actiepunt


def _sessie_moment(sessie):
    return timezone.make_aware(datetime.datetime.combine(sessie.datum, sessie.start))


@transaction.atomic
def aanwezigheid_bevestigen(*, sessie, deelnemer):
    """The participant confirms their own attendance; the hours count in their leercyclus."""
    aanwezigheid, _nieuw = Aanwezigheid.objects.get_or_create(sessie=sessie, deelnemer=deelnemer)
    if aanwezigheid.bevestigd is None:
        aanwezigheid.bevestigd = timezone.now()
        aanwezigheid.save(update_fields=["bevestigd"])
    activiteit_vastleggen(
        gebruiker=deelnemer,
        soort=Activiteit.Soort.INTERVISIE_BIJGEWOOND,
        onderwerp=sessie,
        moment=_sessie_moment(sessie),
        uren=sessie.uren,
        titel=str(sessie),
    )
    return aanwezigheid


@transaction.atomic
def aanwezigheid_intrekken(*, sessie, deelnemer):
    Aanwezigheid.objects.filter(sessie=sessie, deelnemer=deelnemer).update(bevestigd=None)
    activiteit_intrekken(
        gebruiker=deelnemer, soort=Activiteit.Soort.INTERVISIE_BIJGEWOOND, onderwerp=sessie
    )


@transaction.atomic
def registerperiode_instellen(*, gebruiker, register, begin, minimum_uren, registratienummer=""):
    """Set (or change) the user's own five-year register period."""
    periode = Registerperiode.objects.filter(gebruiker=gebruiker).first()
    periode = periode or Registerperiode(gebruiker=gebruiker)
    periode.register = register
    periode.registratienummer = registratienummer
    periode.begin = begin
    periode.minimum_uren = minimum_uren
    periode.full_clean()
    periode.save()
    return periode


def toegang_loggen(*, gebruiker, soort, pad, sessie=None, groep=None, reden=""):
    """Write the audit trail (database and the leernetwerk.audit logger)."""
    gebruiker = gebruiker if gebruiker is not None and gebruiker.is_authenticated else None
    log = ToegangsLog.objects.create(
        gebruiker=gebruiker,
        soort=soort,
        sessie=sessie,
        groep=groep or (sessie.groep if sessie is not None else None),
        pad=pad[:300],
        reden=reden,
    )
    audit.info(
        "intervisie-toegang soort=%s gebruiker=%s sessie=%s pad=%s",
        soort,
        getattr(gebruiker, "username", "-"),
        getattr(sessie, "pk", "-"),
        pad,
    )
    return log


@transaction.atomic
def sessie_inhoud_verwijderen(*, sessie):
    """Remove the confidential content of one session; attendance and hours stay."""
    for veld in Intervisiesessie.INHOUD_VELDEN:
        setattr(sessie, veld, "")
    sessie.inhoud_verwijderd = sessie.inhoud_verwijderd or timezone.now()
    sessie.save()  # also updates the search index
    sessie.stappen.update(notitie="")
    sessie.actiepunten.all().delete()
    sessie.interventies.clear()
    sessie.schemawijzigingen.clear()


def _met_inhoud():
    """Sessions holding any content the retention command removes."""
    q = Q(stappen__notitie__gt="") | Q(actiepunten__isnull=False)
    q |= Q(interventies__isnull=False) | Q(schemawijzigingen__isnull=False)
    for veld in Intervisiesessie.INHOUD_VELDEN:
        q |= Q(**{f"{veld}__gt": ""})
    return q


def sessies_op_te_schonen(*, voor):
    """Sessions dated before `voor` not yet cleaned, or cleaned but holding content again
    (written before cleaned sessions refused new content)."""
    return Intervisiesessie.objects.filter(
        Q(inhoud_verwijderd__isnull=True)
        | Q(pk__in=Intervisiesessie.objects.filter(_met_inhoud())),
        datum__lt=voor,
    )


def sessies_opschonen(*, voor):
    """Remove content of every session dated before `voor`. Returns the number cleaned."""
    aantal = 0
    for sessie in sessies_op_te_schonen(voor=voor):
        sessie_inhoud_verwijderen(sessie=sessie)
        aantal += 1
    praktijk_opschonen(voor=voor)
    return aantal


@transaction.atomic
def praktijk_opschonen(*, voor):
    """The same retention for cases brought into a group (removed) and koppel observations
    (their text removed): the date of a koppelgesprek is participation and stays."""
    Groepsbijdrage.objects.filter(aangemaakt__date__lt=voor).delete()
    oud = Koppelobservatie.objects.filter(datum__lt=voor)
    Koppelobservatie.technieken.through.objects.filter(koppelobservatie__in=oud).delete()
    oud.update(ging_goed="", tip="", valkuilen=[])


# --- Koppels -----------------------------------------------------------------------------------


def _naam(persoon):
    return persoon.get_full_name() or persoon.get_username()


@transaction.atomic
def koppel_vormen(*, consulent, collega, door, cadans_weken=4):
    """Pair two consulenten who will sit in on each other's client conversations."""
    if consulent.pk == collega.pk:
        raise ValidationError({"collega": _("Kies een andere collega dan de consulent zelf.")})
    eerste, tweede = sorted((consulent, collega), key=lambda p: p.pk)
    if Koppel.objects.filter(eerste=eerste, tweede=tweede).exists():
        raise ValidationError(
            {
                "collega": _("%(a)s en %(b)s vormen al een koppel.")
                % {"a": _naam(eerste), "b": _naam(tweede)}
            }
        )
    koppel = Koppel(eerste=eerste, tweede=tweede, cadans_weken=cadans_weken, gevormd_door=door)
    koppel.full_clean()
    koppel.save()
    return koppel


def _moment_van(datum):
    return timezone.make_aware(datetime.datetime.combine(datum, datetime.time(12)))


@transaction.atomic
def koppelobservatie_vastleggen(
    *, koppel, observator, datum, ging_goed, tip, technieken=(), valkuilen=()
):
    """One of the pair records what they saw in the other's client conversation.

    It counts in the leercyclus of both (a koppelgesprek on that date); the ledger holds the
    pair's names and the date, never what was written.
    """
    if observator.pk not in (koppel.eerste_id, koppel.tweede_id):
        raise PermissionDenied
    fouten = {}
    if datum > timezone.localdate():
        fouten["datum"] = _("Dit gesprek ligt in de toekomst. Leg het vast als het geweest is.")
    bekend = {slug for slug, _label in VALKUILEN}
    if any(v not in bekend for v in valkuilen):
        fouten["valkuilen"] = _("Kies alleen valkuilen uit de lijst.")
    if any(t.soort != t.Soort.TECHNIEK for t in technieken):
        fouten["technieken"] = _("Kies alleen gesprekstechnieken uit de lijst.")
    observatie = Koppelobservatie(
        koppel=koppel,
        observator=observator,
        datum=datum,
        valkuilen=list(valkuilen),
        ging_goed=ging_goed,
        tip=tip,
    )
    try:
        observatie.full_clean()
    except ValidationError as fout:
        fouten = {**fout.message_dict, **fouten}
    if fouten:
        raise ValidationError(fouten)
    observatie.save()
    observatie.technieken.set(technieken)
    for lid in koppel.leden:
        activiteit_vastleggen(
            gebruiker=lid,
            soort=Activiteit.Soort.KOPPELGESPREK,
            onderwerp=observatie,
            moment=_moment_van(datum),
            titel=str(koppel),
        )
    return observatie


# --- Eigen casus in de intervisiegroep ---------------------------------------------------------


@transaction.atomic
def groepsbijdrage_inbrengen(*, groep, auteur, titel, casus, reflectie):
    """A member brings an anonymised case of her own to the group, for reflection there."""
    if not selectors.is_groepslid(auteur, groep):
        raise PermissionDenied
    bijdrage = Groepsbijdrage(
        groep=groep, auteur=auteur, titel=titel, casus=casus, reflectie=reflectie
    )
    bijdrage.full_clean()
    bijdrage.save()
    return bijdrage

"""What someone should be reminded of today, read from the status of the things themselves.

One definition serves both the e-mail (herinneringen.services) and the home page tile, so what
the e-mail asks and what the home page shows never disagree, and both stop the moment the thing
is done: a leermodule completed, feedback opened, a reflection written. Intervisie reminders name
only the group, the date and the time: never anything of what the group discusses.
"""

import datetime as dt
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from cms.activiteiten import Activiteit
from cms.huidige import gedeeld_lezen
from cms.voorbereid import voorbereid
from leernetwerk.herinneringen.models import Herinneringsinstellingen, Soort
from leernetwerk.leercyclus.models import Planmodule
from leernetwerk.leercyclus.selectors import open_voornemens_van
from leernetwerk.models import Aanwezigheid, Intervisiesessie, Voornemen
from leernetwerk.selectors import volgende_sessie, zichtbaar_vanaf
from oefeningen.models import Feedback, LeermoduleToewijzing
from oefeningen.selectors import module_voortgang, teams_van, wachtende_feedback

# A leermodule is announced this many days before its due date (and again once it is overdue).
DAGEN_VOORAF = 7
# A voornemen without its own end date is due for reflection this long after it was chosen:
# the leernetwerk meets every four weeks and reviews the voornemens of the meeting before.
VOORNEMEN_DAGEN = 28


@dataclass(frozen=True)
class Herinnering:
    """One thing to do, with the link that leads to it."""

    soort: str
    sleutel: str  # names the thing and the moment it is about: a new moment is a new reminder
    onderwerp: str  # e-mail subject
    tekst: str  # one sentence, for the home page and the e-mail
    pad: str  # where to do it (path on this site, or an absolute URL)
    sessie: object = None  # intervisie: the session, for the calendar attachment


def basis_url():
    """The public address for links in e-mails: WAGTAILADMIN_BASE_URL, else the default site."""
    basis = (getattr(settings, "WAGTAILADMIN_BASE_URL", "") or "").strip().rstrip("/")
    if basis:
        return basis
    from wagtail.models import Site

    site = Site.objects.filter(is_default_site=True).first()
    return site.root_url.rstrip("/") if site else ""


def absolute_url(pad, basis=None):
    if pad.startswith(("https://", "http://")):
        return pad
    return (basis if basis is not None else basis_url()) + pad


def instellingen_van(gebruiker):
    """The person's reminder settings; everything on (unsaved) when never changed. One query."""
    rijen = _instellingen(gebruiker.pk)
    return rijen[0] if rijen else Herinneringsinstellingen(gebruiker=gebruiker)


@voorbereid
def _instellingen(gebruiker_id):
    return Herinneringsinstellingen.objects.filter(gebruiker_id=gebruiker_id).order_by("pk")[:1]


def _datum(datum):
    return formats.date_format(datum, "j F Y")


def _module_herinnering(sleutel, titel, deadline, pad, vandaag):
    dagen = (deadline - vandaag).days
    if dagen < 0:
        return Herinnering(
            Soort.LEERMODULE,
            f"{sleutel}:{deadline.isoformat()}:te-laat",
            _("Leermodule “%(titel)s” is over de datum") % {"titel": titel},
            _("De leermodule “%(titel)s” had af moeten zijn op %(datum)s.")
            % {"titel": titel, "datum": _datum(deadline)},
            pad,
        )
    if dagen == 0:
        wanneer = _("vandaag")
    else:
        wanneer = ngettext("nog %(n)d dag", "nog %(n)d dagen", dagen) % {"n": dagen}
    return Herinnering(
        Soort.LEERMODULE,
        f"{sleutel}:{deadline.isoformat()}:binnenkort",
        _("Leermodule “%(titel)s” moet af zijn op %(datum)s")
        % {"titel": titel, "datum": _datum(deadline)},
        _("Rond de leermodule “%(titel)s” af vóór het einde van %(datum)s (%(wanneer)s).")
        % {"titel": titel, "datum": _datum(deadline), "wanneer": wanneer},
        pad,
    )


def _leermodules(gebruiker, vandaag):
    """Leermodules assigned to the user's teams, and modules of the team plan that are done
    outside the platform, due within DAGEN_VOORAF days or overdue and not completed.

    A plan module that names a leermodule is that leermodule's assignment to the team: the
    leermodule's own reminder covers it.
    """
    grens = vandaag + dt.timedelta(days=DAGEN_VOORAF)
    uit = [
        _module_herinnering(
            f"leermodule:{v.module.pk}", v.module.title, v.deadline, v.module.url, vandaag
        )
        for v in module_voortgang(gebruiker)
        if not v.afgerond and v.deadline <= grens
    ]
    modules = _open_planmodules(
        gebruiker.pk,
        ContentType.objects.get_for_model(Planmodule).pk,
        sorted(teams_van(gebruiker)),
        grens,
    )
    pad = reverse("mijn_leercyclus") + "#modules"
    uit += [
        _module_herinnering(f"planmodule:{pk}", naam, uiterlijk, pad, vandaag)
        for pk, naam, uiterlijk in modules
    ]
    return uit


@voorbereid
def _open_planmodules(gebruiker_id, content_type_id, team_ids, grens):
    """Plan modules of these teams due by `grens`, done outside the platform, not yet ticked
    off by the user."""
    afgerond = Activiteit.objects.filter(
        gebruiker_id=gebruiker_id,
        soort=Activiteit.Soort.MODULE_AFGEROND,
        content_type_id=content_type_id,
    ).values("object_id")
    return (
        Planmodule.objects.filter(
            plan__team_id__in=team_ids, leermodule_id__isnull=True, uiterlijk__lte=grens
        )
        .exclude(pk__in=afgerond)
        .order_by("uiterlijk", "naam")
        .values_list("pk", "naam", "uiterlijk")
    )


def _feedback(gebruiker):
    """Trainer feedback the user has not opened yet. Opening the oefening marks it read."""
    uit = []
    for f in wachtende_feedback(gebruiker):
        uit.append(
            Herinnering(
                Soort.FEEDBACK,
                f"feedback:{f.pk}",
                _("Nieuwe feedback op “%(titel)s”") % {"titel": f.oefening},
                _("Een trainer gaf feedback op je antwoord bij de oefening “%(titel)s”.")
                % {"titel": f.oefening},
                f.url,
            )
        )
    return uit


def sessies_morgen(gebruiker, vandaag):
    """Sessions of the user's own groups tomorrow that the user is invited to.

    Only participation fields are loaded (no casus, hulpvraag, notes): what a reminder may say.
    A former member who still has an invitation gets nothing: only current members and
    gespreksleiders of the group count.
    """
    return list(
        Intervisiesessie.objects.filter(
            datum=vandaag + dt.timedelta(days=1),
            aanwezigheden__deelnemer=gebruiker,
            groep_id__in=sorted(zichtbaar_vanaf(gebruiker)),
        )
        .exclude(status=Intervisiesessie.Status.AFGEROND)
        .select_related("groep")
        .only("id", "datum", "start", "eind", "status", "groep__id", "groep__naam")
        .order_by("start")
    )


def _intervisie(gebruiker, vandaag):
    uit = []
    # The home page reads the next session anyway: when it is later than tomorrow (or there is
    # none), nothing is tomorrow and the sessions need not be read.
    volgende = volgende_sessie(gebruiker, vanaf=vandaag)
    if volgende is None or volgende.datum > vandaag + dt.timedelta(days=1):
        return uit
    for sessie in sessies_morgen(gebruiker, vandaag):
        gegevens = {
            "groep": sessie.groep.naam,
            "datum": _datum(sessie.datum),
            "start": sessie.start.strftime("%H:%M"),
            "eind": sessie.eind.strftime("%H:%M"),
        }
        uit.append(
            Herinnering(
                Soort.INTERVISIE,
                f"intervisie:{sessie.pk}:{sessie.datum.isoformat()}:{sessie.start:%H%M}",
                _("Morgen intervisie: %(groep)s, %(start)s–%(eind)s") % gegevens,
                _("Morgen, %(datum)s, heb je intervisie met %(groep)s van %(start)s tot %(eind)s.")
                % gegevens,
                sessie.get_absolute_url(),
                sessie=sessie,
            )
        )
    return uit


def reflectiedatum(voornemen):
    """When a voornemen is due for its reflection: its own end date, else four weeks on."""
    if voornemen.tot is not None:
        return voornemen.tot
    return timezone.localtime(voornemen.aangemaakt).date() + dt.timedelta(days=VOORNEMEN_DAGEN)


def _voornemens_q(vandaag):
    """Open voornemens due for reflection on `vandaag` (see reflectiedatum)."""
    dag = vandaag - dt.timedelta(days=VOORNEMEN_DAGEN - 1)
    begin = timezone.make_aware(dt.datetime.combine(dag, dt.time.min))
    return Q(status=Voornemen.Status.OPEN) & (
        Q(tot__lte=vandaag) | Q(tot__isnull=True, aangemaakt__lt=begin)
    )


def _voornemens(gebruiker, vandaag):
    # The same rule as _voornemens_q, on the list the home page reads anyway.
    voornemens = sorted(
        (v for v in open_voornemens_van(gebruiker) if reflectiedatum(v) <= vandaag),
        key=lambda v: (v.aangemaakt, v.pk),
    )
    uit = []
    for v in voornemens:
        datum = reflectiedatum(v)
        uit.append(
            Herinnering(
                Soort.VOORNEMEN,
                f"voornemen:{v.pk}:{datum.isoformat()}",
                _("Tijd om te reflecteren op “%(titel)s”") % {"titel": v.titel},
                _("Je wilde “%(titel)s” proberen. Schrijf op wat je deed en wat werkte.")
                % {"titel": v.titel},
                reverse("mijn_leercyclus") + f"#voornemen-{v.pk}",
            )
        )
    return uit


def open_herinneringen(gebruiker, vandaag=None, instellingen=None):
    """Everything the user should be reminded of today, for the kinds the user has on.

    A fixed number of queries (at most ten; eight when nothing is due) however many modules,
    feedback, sessions and voornemens there are.
    """
    if not gebruiker.is_authenticated:
        return []
    vandaag = vandaag or timezone.localdate()
    instellingen = instellingen or instellingen_van(gebruiker)
    uit = []
    with gedeeld_lezen():  # the kinds share reads (teams, groups, content version)
        if instellingen.leermodule:
            uit += _leermodules(gebruiker, vandaag)
        if instellingen.intervisie:
            uit += _intervisie(gebruiker, vandaag)
        if instellingen.feedback:
            uit += _feedback(gebruiker)
        if instellingen.voornemen:
            uit += _voornemens(gebruiker, vandaag)
    return uit


def ontvangers(vandaag):
    """Ids of the active users with an e-mail address who may have something due today.

    Five queries. The task per user decides (settings, already done, already sent).
    """
    grens = vandaag + dt.timedelta(days=DAGEN_VOORAF)
    ids = set(
        LeermoduleToewijzing.objects.filter(module__live=True, deadline__lte=grens)
        .exclude(team__leden=None)
        .values_list("team__leden", flat=True)
    )
    ids |= set(
        Planmodule.objects.filter(leermodule_id__isnull=True, uiterlijk__lte=grens)
        .exclude(plan__team__leden=None)
        .values_list("plan__team__leden", flat=True)
    )
    ids |= set(
        Feedback.objects.filter(gelezen__isnull=True).values_list(
            "antwoord__poging__gebruiker", flat=True
        )
    )
    ids |= set(
        Aanwezigheid.objects.filter(sessie__datum=vandaag + dt.timedelta(days=1))
        .exclude(sessie__status=Intervisiesessie.Status.AFGEROND)
        .values_list("deelnemer", flat=True)
    )
    ids |= set(Voornemen.objects.filter(_voornemens_q(vandaag)).values_list("gebruiker", flat=True))
    return list(
        get_user_model()
        .objects.filter(pk__in=ids, is_active=True)
        .exclude(email="")
        .order_by("pk")
        .values_list("pk", flat=True)
    )

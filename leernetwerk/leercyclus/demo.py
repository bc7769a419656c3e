"""Demo leercyclus: plans for the three demo teams and a year of activity for every demo user.

Team Jongeren tells the story: Fatima and Lotte keep to the plan, Sanne (demo-consulent) practises
a lot online but missed the last two intervisie meetings and is late with a module, and Daan has
done nothing for months. Idempotent: plans and modules are updated in place, generated activity
(the ledger rows without an object) is replaced, objects are looked up before they are made.
"""

import datetime as dt
import random
from dataclasses import dataclass, field
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Min
from django.utils import timezone

from cms.activiteiten import Activiteit
from cms.models import Team
from cms.services import activiteit_vastleggen
from kennisbank.handreiking.models import HoofdstukPage
from leernetwerk.leercyclus import services
from leernetwerk.leercyclus.models import Leercyclusplan, Planmodule, Reflectie
from leernetwerk.models import Voornemen
from oefeningen.models import LeermodulePage, OefeningPage

S = Activiteit.Soort

# team: (intervisie every n weeks, reflection hours per year, stalled after n weeks,
#        [(module, due in days from today; negative is past)])
# A module named LEERMODULE:<slug> is that leermodule of the oefeningen demo, due when its
# assignment to the team is; members complete it by doing its items, not by a demo record.
PLANNEN = {
    "jongeren-noordwaarde": (
        4,
        15,
        6,
        [
            ("Basistraining sturen op zelfsturing", -120),
            ("Motiverende gespreksvoering in de praktijk", -14),
            ("LEERMODULE:zelfsturing-eerste-gesprek", 30),
        ],
    ),
    "werk-participatie-noordwaarde": (
        4,
        20,
        6,
        [("Basistraining sturen op zelfsturing", -60), ("Oplossingsgericht coachen", 45)],
    ),
    "activering-lindenhoven": (
        6,
        16,
        8,
        [
            ("Stress-sensitief werken met klanten", -21),
            ("LEERMODULE:motiverende-gespreksvoering-praktijk", 45),
        ],
    ),
}


@dataclass
class Verloop:
    """How one demo user's year went, in weeks ago."""

    intervisie_ritme: int | None = None  # attends every n weeks (team rhythm), None: never
    mist_intervisie: set = field(default_factory=set)  # weeks ago they were absent
    stil_sinds: int = 0  # no activity at all in the last n weeks
    lezen: float = 0.3  # chance per week of reading a chapter
    oefenen: float = 0.3  # chance per week of completing an oefening
    modules_af: dict = field(default_factory=dict)  # module name -> weeks ago completed
    uren: Decimal = Decimal("2")


VERLOOP = {
    "fatima.elamrani": Verloop(
        4,
        lezen=0.5,
        oefenen=0.5,
        modules_af={
            "Basistraining sturen op zelfsturing": 24,
            "Motiverende gespreksvoering in de praktijk": 6,
        },
    ),
    "lotte.jansen": Verloop(
        4,
        mist_intervisie={29},
        lezen=0.4,
        oefenen=0.3,
        modules_af={
            "Basistraining sturen op zelfsturing": 20,
            "Motiverende gespreksvoering in de praktijk": 3,
        },
    ),
    "demo-consulent": Verloop(
        4,
        mist_intervisie={1, 5},
        lezen=0.6,
        oefenen=0.7,
        modules_af={"Basistraining sturen op zelfsturing": 19},
    ),
    "daan.mulder": Verloop(
        4,
        stil_sinds=15,
        lezen=0.2,
        oefenen=0.2,
        modules_af={"Basistraining sturen op zelfsturing": 30},
    ),
    "bram.smit": Verloop(
        4, lezen=0.3, oefenen=0.4, modules_af={"Basistraining sturen op zelfsturing": 12}
    ),
    "esra.yilmaz": Verloop(4, mist_intervisie={9}, lezen=0.4, oefenen=0.2),
    "joost.vandijk": Verloop(
        4, lezen=0.2, oefenen=0.3, modules_af={"Basistraining sturen op zelfsturing": 10}
    ),
    "anouk.bos": Verloop(
        6,
        lezen=0.3,
        oefenen=0.3,
        uren=Decimal("2.5"),
        modules_af={"Stress-sensitief werken met klanten": 5},
    ),
    "ricardo.martina": Verloop(6, stil_sinds=11, lezen=0.2, oefenen=0.1, uren=Decimal("2.5")),
    "mirjam.postma": Verloop(
        6,
        lezen=0.3,
        oefenen=0.4,
        uren=Decimal("2.5"),
        modules_af={"Stress-sensitief werken met klanten": 9},
    ),
    "demo-trainer": Verloop(None, lezen=0.5, oefenen=0.1),
    "demo-teamchef": Verloop(None, lezen=0.15, oefenen=0.05),
    "demo-kennisbeheerder": Verloop(None, lezen=0.6, oefenen=0.05),
    "demo-beheerder": Verloop(None, lezen=0.05, oefenen=0.0),
    "teamchef.lindenhoven": Verloop(None, lezen=0.1, oefenen=0.05),
}

# (username, title, weeks ago made, closed: (weeks ago, what I did, what worked) or None)
VOORNEMENS = [
    (
        "demo-consulent",
        "Netwerkkaart tekenen in het eerste gesprek",
        20,
        (
            12,
            "Bij vier jongeren samen een netwerkkaart getekend in plaats van alleen te vragen "
            "wie er om ze heen staat.",
            "Op papier kwamen namen boven die in het gesprek niet vielen, zoals een oom met een "
            "eigen bedrijf. Bij één jongere voelde het te privé; daar stop ik dan eerder.",
        ),
    ),
    ("demo-consulent", "Eerst samenvatten, dan pas een voorstel doen", 4, None),
    (
        "fatima.elamrani",
        "Zelf laten formuleren wat de volgende stap is",
        16,
        (
            8,
            "Aan het eind van elk gesprek gevraagd: wat ga jij vóór de volgende keer doen?",
            "Afspraken werden kleiner maar werden vaker nagekomen.",
        ),
    ),
    ("daan.mulder", "Vaker bellen tussen twee gesprekken door", 22, None),
]

# Sanne's own log (private): (weeks ago, hours, text). No client can be recognised in them.
REFLECTIES = [
    (
        14,
        Decimal("0.5"),
        "Na de training gemerkt dat ik nog snel invul wat een jongere wil. Vaker laten stilvallen.",
    ),
    (
        6,
        Decimal("1"),
        "Drukke weken; de intervisie erbij laten schieten. Dat wil ik niet nog een keer.",
    ),
    (
        1,
        None,
        "De oefening over klanttypen hielp: ik herken de toetser nu eerder in het gesprek.",
    ),
]


def _plannen(vandaag):
    modules = {}
    for slug, (ritme, uren, stil, lijst) in PLANNEN.items():
        team = Team.objects.filter(slug=slug).first()
        if team is None:
            continue
        plan, _nieuw = Leercyclusplan.objects.update_or_create(
            team=team,
            defaults={
                "intervisie_elke_weken": ritme,
                "min_reflectie_uren": Decimal(uren),
                "stil_na_weken": stil,
            },
        )
        for naam, dagen in lijst:
            velden = {"uiterlijk": vandaag + dt.timedelta(days=dagen)}
            if naam.startswith("LEERMODULE:"):
                leermodule = LeermodulePage.objects.filter(slug=naam.split(":", 1)[1]).first()
                if leermodule is None:
                    continue  # the oefeningen demo did not run: no leermodule to plan
                toewijzing = leermodule.toewijzingen.filter(team=team).first()
                naam = leermodule.title
                velden["leermodule"] = leermodule
                if toewijzing is not None:
                    velden["uiterlijk"] = toewijzing.deadline
            module = Planmodule.objects.filter(plan=plan, naam=naam).first() or Planmodule(
                plan=plan, naam=naam
            )
            for veld, waarde in velden.items():
                setattr(module, veld, waarde)
            module.save()
            modules.setdefault(naam, []).append(module)
    return modules


def _voornemens(gebruikers, nu):
    for username, titel, gemaakt, afgerond in VOORNEMENS:
        gebruiker = gebruikers.get(username)
        if gebruiker is None:
            continue
        voornemen = Voornemen.objects.filter(gebruiker=gebruiker, titel=titel).first()
        if voornemen is None:
            voornemen = Voornemen.objects.create(gebruiker=gebruiker, titel=titel)
        moment = nu - dt.timedelta(weeks=gemaakt, days=2)
        Voornemen.objects.filter(pk=voornemen.pk).update(aangemaakt=moment)
        activiteit_vastleggen(
            gebruiker=gebruiker, soort=S.VOORNEMEN_GEMAAKT, onderwerp=voornemen, moment=moment
        )
        if afgerond:
            weken, gedaan, werkte = afgerond
            klaar = nu - dt.timedelta(weeks=weken, days=2)
            Voornemen.objects.filter(pk=voornemen.pk).update(
                status=Voornemen.Status.AFGEROND,
                reflectie_gedaan=gedaan,
                reflectie_werkte=werkte,
                afgerond=klaar,
            )
            activiteit_vastleggen(
                gebruiker=gebruiker,
                soort=S.VOORNEMEN_GEREFLECTEERD,
                onderwerp=voornemen,
                moment=klaar,
            )


def _reflecties(gebruiker, vandaag):
    for weken, uren, tekst in REFLECTIES:
        if not Reflectie.objects.filter(gebruiker=gebruiker, tekst=tekst).exists():
            services.reflectie_schrijven(
                gebruiker=gebruiker,
                datum=vandaag - dt.timedelta(weeks=weken, days=1),
                tekst=tekst,
                uren=uren,
            )


def _titels():
    """Titles of what the demo really has: generated history names only existing pages."""
    hoofdstukken = list(
        HoofdstukPage.objects.live().order_by("path").values_list("title", flat=True)
    )
    oefeningen = list(OefeningPage.objects.live().order_by("title").values_list("title", flat=True))
    return hoofdstukken, oefeningen


def _eerste_echte_intervisie(gebruikers):
    """Per user, the first intervisie attendance the intervisie demo recorded (real sessions)."""
    rijen = (
        Activiteit.objects.filter(
            gebruiker__in=gebruikers, soort=S.INTERVISIE_BIJGEWOOND, object_id__isnull=False
        )
        .values("gebruiker_id")
        .annotate(eerste=Min("moment"))
    )
    return {r["gebruiker_id"]: r["eerste"] for r in rijen}


def _gegenereerd(gebruiker, verloop, nu, titels, echte_intervisie_vanaf=None):
    """Ledger rows without an object: a year of reading, practising and intervisie.

    Intervisie is generated only for the weeks before the first real demo session the user
    attended, so that nobody attends twice in one cycle. Titles are those of real pages.
    """
    hoofdstukken, oefeningen = titels
    kans = random.Random(gebruiker.username)
    rijen = []
    for weken in range(52, verloop.stil_sinds - 1, -1):
        week = nu - dt.timedelta(weeks=weken) if weken else nu + dt.timedelta(days=1)
        ritme = verloop.intervisie_ritme
        voor_echte = echte_intervisie_vanaf is None or week < echte_intervisie_vanaf - dt.timedelta(
            weeks=ritme or 1
        )
        if ritme and voor_echte and weken % ritme == 1 and weken not in verloop.mist_intervisie:
            rijen.append(
                Activiteit(
                    gebruiker=gebruiker,
                    soort=S.INTERVISIE_BIJGEWOOND,
                    moment=week - dt.timedelta(days=1, hours=2),
                    uren=verloop.uren,
                    titel="Intervisie (incidentmethode)",
                )
            )
        if hoofdstukken and (weken in (52, verloop.stil_sinds) or kans.random() < verloop.lezen):
            rijen.append(
                Activiteit(
                    gebruiker=gebruiker,
                    soort=S.HOOFDSTUK_GELEZEN,
                    moment=week - dt.timedelta(days=kans.randint(2, 5)),
                    titel=kans.choice(hoofdstukken),
                )
            )
        if oefeningen and kans.random() < verloop.oefenen:
            moment = week - dt.timedelta(days=kans.randint(2, 5), hours=3)
            titel = kans.choice(oefeningen)
            rijen.append(
                Activiteit(
                    gebruiker=gebruiker, soort=S.OEFENING_AFGEROND, moment=moment, titel=titel
                )
            )
            if kans.random() < 0.4:
                rijen.append(
                    Activiteit(
                        gebruiker=gebruiker,
                        soort=S.FEEDBACK_ONTVANGEN,
                        moment=moment + dt.timedelta(days=1),
                        titel=titel,
                    )
                )
    return rijen


@transaction.atomic
def leercyclus_laden(stdout=None):
    nu = timezone.now()
    vandaag = timezone.localdate()
    gebruikers = {
        u.username: u for u in get_user_model().objects.filter(username__in=list(VERLOOP))
    }
    modules = _plannen(vandaag)
    Activiteit.objects.filter(gebruiker__in=gebruikers.values(), object_id__isnull=True).delete()
    titels = _titels()
    echte_intervisie = _eerste_echte_intervisie(gebruikers.values())
    rijen = []
    for username, verloop in VERLOOP.items():
        gebruiker = gebruikers.get(username)
        if gebruiker is None:
            continue
        rijen.extend(
            _gegenereerd(gebruiker, verloop, nu, titels, echte_intervisie.get(gebruiker.pk))
        )
        for naam, weken in verloop.modules_af.items():
            for module in modules.get(naam, []):
                if (
                    module.zelf_af_te_vinken
                    and module.plan.team.leden.filter(pk=gebruiker.pk).exists()
                ):
                    activiteit_vastleggen(
                        gebruiker=gebruiker,
                        soort=S.MODULE_AFGEROND,
                        onderwerp=module,
                        moment=nu - dt.timedelta(weeks=weken),
                        titel=module.naam,
                    )
    Activiteit.objects.bulk_create(rijen)
    _voornemens(gebruikers, nu)
    if "demo-consulent" in gebruikers:
        _reflecties(gebruikers["demo-consulent"], vandaag)
    if stdout is not None:
        stdout.write(f"Leercyclus: plannen voor {len(PLANNEN)} teams en {len(rijen)} activiteiten.")

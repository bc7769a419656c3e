"""My own record: a consulent's whole leercyclus as a portfolio (PDF and JSON).

Only what is the person's own: her ledger (modules, oefeningen, chapters, feedback received: titles
and dates, never the trainer's text), her voornemens with her reflections, her reflection log,
and her own confirmed intervisie attendance with its hours. Never the content of a session
(casus, notes, other members' contributions), nor other people's names or answers.

`portfolio(gebruiker)` reads everything in a fixed number of queries and returns plain values
(dates, Decimals, strings); `als_json` makes the machine-readable form of the same values.
"""

import datetime as dt
import json
from decimal import Decimal

from django.core.serializers.json import DjangoJSONEncoder
from django.utils import timezone

from cms.activiteiten import Activiteit
from leernetwerk import selectors as intervisie
from leernetwerk.leercyclus import selectors
from leernetwerk.models import minuten_als_uren

S = Activiteit.Soort
FORMAAT = "leernetwerk-portfolio"
VERSIE = 1


def _datum(moment):
    return timezone.localtime(moment).date() if moment else None


def _ledger(activiteiten, soort):
    return [{"titel": a.titel, "datum": _datum(a.moment)} for a in activiteiten if a.soort == soort]


def portfolio(gebruiker, nu=None):
    """The person's own leercyclus, all of it. About a dozen queries, however much there is."""
    nu = nu or timezone.now()
    persoon = intervisie.gebruiker_met_profiel(gebruiker)
    profiel = getattr(persoon, "profiel", None)
    overzicht = selectors.mijn_leercyclus(gebruiker, nu=nu, max_reflecties=None)
    activiteiten = list(
        Activiteit.objects.filter(
            gebruiker=gebruiker,
            soort__in=[
                S.MODULE_AFGEROND,
                S.OEFENING_AFGEROND,
                S.HOOFDSTUK_GELEZEN,
                S.FEEDBACK_ONTVANGEN,
            ],
        )
        .only("soort", "titel", "moment")
        .order_by("moment", "pk")
    )
    deelname = list(intervisie.eigen_deelname(gebruiker))
    minuten = sum(a.sessie.netto_minuten for a in deelname)
    reflecties = sorted(overzicht.reflecties, key=lambda r: (r.datum, r.aangemaakt))
    periode = intervisie.registerperiode_van(gebruiker)
    return {
        "formaat": FORMAAT,
        "versie": VERSIE,
        "aangemaakt": timezone.localtime(nu),
        "persoon": {
            "naam": persoon.get_full_name() or persoon.get_username(),
            "gebruikersnaam": persoon.get_username(),
            "functie": profiel.functie if profiel else "",
            "organisatie": profiel.organisatie.naam if profiel and profiel.organisatie else "",
            "teams": [t.naam for t in persoon.teams.all()],
        },
        "modules": {
            "plan": [
                {
                    "team": tp.team.naam,
                    "module": t.module.naam,
                    "uiterlijk": t.module.uiterlijk,
                    "afgerond": _datum(t.afgerond_op),
                    "te_laat": t.te_laat,
                }
                for tp in overzicht.teamplannen
                if tp.plan_ingesteld
                for t in tp.toestand
            ],
            "afgerond": _ledger(activiteiten, S.MODULE_AFGEROND),
        },
        "oefeningen": _ledger(activiteiten, S.OEFENING_AFGEROND),
        "hoofdstukken_gelezen": _ledger(activiteiten, S.HOOFDSTUK_GELEZEN),
        "feedback_ontvangen": _ledger(activiteiten, S.FEEDBACK_ONTVANGEN),
        "voornemens": [
            {
                "titel": v.titel,
                "toelichting": v.toelichting,
                "gekozen": _datum(v.aangemaakt),
                "proberen_tot": v.tot,
                "status": v.get_status_display(),
                "afgerond": _datum(v.afgerond),
                "wat_heb_ik_gedaan": v.reflectie_gedaan,
                "wat_werkte_wat_niet": v.reflectie_werkte,
            }
            for v in sorted(
                [*overzicht.open_voornemens, *overzicht.afgeronde_voornemens],
                key=lambda v: (v.aangemaakt, v.pk),
            )
        ],
        "reflecties": [{"datum": r.datum, "uren": r.uren, "tekst": r.tekst} for r in reflecties],
        "intervisie": {
            "sessies": [
                {
                    "datum": a.sessie.datum,
                    "begin": a.sessie.start.strftime("%H:%M"),
                    "einde": a.sessie.eind.strftime("%H:%M"),
                    "pauze_minuten": a.sessie.pauze_minuten,
                    "netto_uren": a.sessie.uren,
                    "vorm_van_reflectie": a.sessie.get_reflectievorm_display(),
                    "methode": a.sessie.methode.naam,
                    "in_persoon_of_online": a.sessie.get_vorm_display(),
                    "groep": a.sessie.groep.naam,
                    "onderwerp": a.sessie.onderwerp,
                    "aanwezigheid_bevestigd": _datum(a.bevestigd),
                }
                for a in deelname
            ],
            "uren": minuten_als_uren(minuten),
        },
        "reflectie_uren_logboek": sum((r.uren for r in reflecties if r.uren), Decimal("0")),
        "registerperiode": (
            {
                "register": periode.register,
                "registratienummer": periode.registratienummer,
                "begin": periode.begin,
                "eind": periode.eind,
                "minimum_uren": periode.minimum_uren,
            }
            if periode
            else None
        ),
    }


class _Encoder(DjangoJSONEncoder):
    """Dates as ISO dates, moments with their offset, hours as decimal strings ("1.50")."""

    def default(self, o):
        if isinstance(o, dt.datetime):
            return o.isoformat(timespec="seconds")
        return super().default(o)


def als_json(gegevens):
    return json.dumps(gegevens, cls=_Encoder, ensure_ascii=False, indent=2)

"""The hours evidence as spreadsheet rows (written by cms.spreadsheets: BOM, ';', no formulas).

The same facts as the PDF, one row per session, in the person's own language settings: dates as
DD-MM-JJJJ and hours with a decimal comma, which Dutch Excel reads as numbers.
"""

from django.utils.formats import number_format
from django.utils.translation import gettext as _


def _uren(waarde):
    return number_format(waarde, 2)


def bewijs_rijen(bewijs):
    """Header, one row per session (with its page), and a closing total row."""
    kop = [
        _("Periode"),
        _("Datum"),
        _("Begin"),
        _("Einde"),
        _("Pauze (minuten)"),
        _("Netto uren"),
        _("Punten"),
        _("Totaal uren tot en met deze sessie"),
        _("Vorm van reflectie"),
        _("Methode"),
        _("In persoon of online"),
        _("Groep"),
        _("Begeleider"),
        _("Onderwerp"),
        _("Deelnemers (zelf bevestigd)"),
    ]
    rijen = [kop]
    for blad in bewijs.bladen:
        periode = f"{blad.van:%d-%m-%Y} – {blad.tot:%d-%m-%Y}"
        for r in blad.regels:
            s = r.sessie
            rijen.append(
                [
                    periode,
                    f"{s.datum:%d-%m-%Y}",
                    f"{s.start:%H:%M}",
                    f"{s.eind:%H:%M}",
                    s.pauze_minuten,
                    _uren(r.uren),
                    _uren(r.punten),
                    _uren(r.totaal_uren),
                    s.get_reflectievorm_display(),
                    s.methode.naam,
                    s.get_vorm_display(),
                    s.groep.naam,
                    r.begeleider,
                    s.onderwerp,
                    r.deelnemers_tekst,
                ]
            )
    totaal = [_("Totaal"), "", "", "", "", _uren(bewijs.uren), _uren(bewijs.uren), ""]
    if bewijs.minimum is not None:
        totaal[7] = _("minimum %(minimum)s") % {"minimum": _uren(bewijs.minimum)}
    rijen.append(totaal + [""] * (len(kop) - len(totaal)))
    return rijen

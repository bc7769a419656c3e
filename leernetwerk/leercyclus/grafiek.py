"""The monthly trend as plain SVG geometry, drawn on the server so it needs no JavaScript."""

import math
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

BREEDTE, HOOGTE = 720, 260
LINKS, RECHTS, BOVEN, ONDER = 44, 12, 16, 44

REEKSEN = [
    ("intervisie", _("Intervisie bijgewoond")),
    ("oefeningen", _("Oefeningen afgerond")),
    ("hoofdstukken", _("Hoofdstukken gelezen")),
]


@dataclass(frozen=True)
class Staaf:
    x: float
    y: float
    breedte: float
    hoogte: float
    reeks: str
    titel: str


def _schaal(maximum):
    """A round top for the y-axis and four tick values."""
    if maximum <= 4:
        return 4, [1, 2, 3, 4]
    stap = 10 ** math.floor(math.log10(maximum / 4))
    for factor in (1, 2, 5, 10):
        if maximum / 4 <= stap * factor:
            stap *= factor
            break
    return stap * 4, [stap * i for i in range(1, 5)]


def trendgrafiek(maanden):
    """Bars per month for each series, y-axis ticks and month labels."""
    if not maanden:
        return None
    hoogste = max(getattr(m, r) for m in maanden for r, _label in REEKSEN)
    top, ticks = _schaal(max(hoogste, 1))
    vlak_b = BREEDTE - LINKS - RECHTS
    vlak_h = HOOGTE - BOVEN - ONDER
    groep = vlak_b / len(maanden)
    staaf_b = max(2.0, min(18.0, (groep - 6) / len(REEKSEN)))
    staven, labels = [], []
    for i, maand in enumerate(maanden):
        x0 = LINKS + i * groep + (groep - staaf_b * len(REEKSEN)) / 2
        for j, (reeks, label) in enumerate(REEKSEN):
            waarde = getattr(maand, reeks)
            h = vlak_h * waarde / top
            staven.append(
                Staaf(
                    round(x0 + j * staaf_b, 1),
                    round(BOVEN + vlak_h - h, 1),
                    round(staaf_b - 1, 1),
                    round(h, 1),
                    reeks,
                    f"{maand.label}: {label.lower()} {waarde}",
                )
            )
        if len(maanden) <= 13 or i % math.ceil(len(maanden) / 12) == 0:
            labels.append((round(LINKS + i * groep + groep / 2, 1), maand.label))
    return {
        "breedte": BREEDTE,
        "hoogte": HOOGTE,
        "links": LINKS,
        "rechts": BREEDTE - RECHTS,
        "basis": BOVEN + vlak_h,
        "label_y": HOOGTE - ONDER + 18,
        "staven": staven,
        "labels": labels,
        "ticks": [(t, round(BOVEN + vlak_h - vlak_h * t / top, 1)) for t in ticks],
        "reeksen": REEKSEN,
    }

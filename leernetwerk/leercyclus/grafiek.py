"""The monthly trend as plain SVG geometry, drawn on the server so it needs no JavaScript."""

import math
from dataclasses import dataclass

from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext
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
    grafiek = {
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
    grafiek["svg"] = _svg(grafiek)
    return grafiek


def _svg(g):
    """The chart's markup. Built here, not in the template: a dozen months of three series are
    some forty elements of six numbers, which the template language renders ten times slower.
    Numbers are written as Python writes them (a point, never a localized "47,0")."""
    ticks = format_html_join(
        "",
        '<line class="trend__raster" x1="{}" x2="{}" y1="{}" y2="{}"/>'
        '<text class="trend__as" x="{}" y="{}" text-anchor="end" dominant-baseline="middle">'
        "{}</text>",
        ((g["links"], g["rechts"], y, y, g["links"] - 6, y, waarde) for waarde, y in g["ticks"]),
    )
    staven = format_html_join(
        "",
        '<rect class="trend__staaf trend__staaf--{}" x="{}" y="{}" width="{}" height="{}">'
        "<title>{}</title></rect>",
        ((s.reeks, s.x, s.y, s.breedte, s.hoogte, s.titel) for s in g["staven"] if s.hoogte),
    )
    labels = format_html_join(
        "",
        '<text class="trend__as" x="{}" y="{}" text-anchor="middle">{}</text>',
        ((x, g["label_y"], label) for x, label in g["labels"]),
    )
    return format_html(
        '<svg viewBox="0 0 {} {}" role="img" aria-labelledby="trend-titel" focusable="false">'
        '<title id="trend-titel">{}</title>{}'
        '<line class="trend__basis" x1="{}" x2="{}" y1="{}" y2="{}"/>{}{}</svg>',
        g["breedte"],
        g["hoogte"],
        gettext(
            "Staafdiagram: intervisie, oefeningen en hoofdstukken van het team per maand. "
            "De tabel hieronder geeft dezelfde cijfers."
        ),
        ticks,
        g["links"],
        g["rechts"],
        g["basis"],
        g["basis"],
        staven,
        labels,
    )

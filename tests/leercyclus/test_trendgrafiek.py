"""The trend chart's SVG: numbers in markup are never localised (no Dutch decimal commas)."""

import datetime as dt
import re
from html.parser import HTMLParser

from django.utils import timezone, translation

from cms.activiteiten import Activiteit

from .hulp import gebruiker, team_maken, vastleggen

GETAL = re.compile(r"-?\d+(?:\.\d+)?")
GEOMETRIE = {"x", "y", "x1", "x2", "y1", "y2", "width", "height"}


class _Svg(HTMLParser):
    def __init__(self):
        super().__init__()
        self.binnen, self.attributen = False, []

    def handle_starttag(self, tag, attrs):
        if tag == "svg":
            self.binnen = True
        if self.binnen:
            self.attributen += [(tag, k, v) for k, v in attrs if k in GEOMETRIE | {"viewbox"}]

    def handle_endtag(self, tag):
        if tag == "svg":
            self.binnen = False


def test_every_svg_coordinate_is_a_plain_number_under_the_dutch_locale(client_als, demo_gebruikers):
    leden = [gebruiker(f"lid{i}", f"Lid{i}", "Test") for i in range(3)]
    team_maken("grafiekteam", demo_gebruikers["demo-teamchef"], leden)
    # Uneven counts over several months give bars with fractional x, y and height.
    for i, lid in enumerate(leden):
        for dagen in range(2, 80, 9 + i):
            vastleggen(lid, Activiteit.Soort.INTERVISIE_BIJGEWOOND, dagen, uren=1.5)
            vastleggen(lid, Activiteit.Soort.HOOFDSTUK_GELEZEN, dagen + 1)
    vandaag = timezone.localdate()
    periode = {"van": f"{vandaag - dt.timedelta(95):%Y-%m-%d}", "tot": f"{vandaag:%Y-%m-%d}"}

    with translation.override("nl"):
        html = client_als("demo-teamchef").get("/team/grafiekteam/", periode).content.decode()

    svg = _Svg()
    svg.feed(html)
    assert any(tag == "rect" for tag, _k, _v in svg.attributen), "the chart draws bars"
    assert any(re.search(r"[.,]", v) for tag, _k, v in svg.attributen if tag == "rect")
    fout = [
        (tag, k, v)
        for tag, k, v in svg.attributen
        if not all(GETAL.fullmatch(deel) for deel in v.split())
    ]
    assert fout == []

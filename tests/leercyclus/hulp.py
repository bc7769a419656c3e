"""Helpers for the leercyclus tests: ledger rows at a number of days ago, tables out of HTML."""

import datetime as dt
from decimal import Decimal
from html.parser import HTMLParser

from django.contrib.auth import get_user_model
from django.utils import timezone

from cms.activiteiten import Activiteit
from cms.models import Organisatie, Team


def dagen_geleden(n):
    return timezone.now() - dt.timedelta(days=n)


def vastleggen(gebruiker, soort, dagen, uren=None):
    return Activiteit.objects.create(
        gebruiker=gebruiker,
        soort=soort,
        moment=dagen_geleden(dagen),
        uren=Decimal(str(uren)) if uren is not None else None,
    )


def team_maken(slug, chef, leden, naam=None):
    organisatie, _ = Organisatie.objects.get_or_create(slug="testgemeente", naam="Testgemeente")
    team = Team.objects.create(organisatie=organisatie, naam=naam or slug, slug=slug)
    team.teamchefs.add(chef)
    team.leden.add(*leden)
    return team


def gebruiker(username, voornaam, achternaam):
    return get_user_model().objects.create(
        username=username, first_name=voornaam, last_name=achternaam
    )


class _Tabel(HTMLParser):
    def __init__(self, klasse):
        super().__init__()
        self.klasse, self.diepte, self.rijen, self.cel = klasse, 0, [], None

    def handle_starttag(self, tag, attrs):
        if tag == "table" and self.klasse in (dict(attrs).get("class") or "").split():
            self.diepte = 1
        elif self.diepte and tag == "tr":
            self.rijen.append([])
        elif self.diepte and tag in ("td", "th"):
            self.cel = []

    def handle_endtag(self, tag):
        if tag == "table" and self.diepte:
            self.diepte = 0
        elif self.diepte and tag in ("td", "th") and self.cel is not None:
            self.rijen[-1].append(" ".join("".join(self.cel).split()))
            self.cel = None

    def handle_data(self, data):
        if self.diepte and self.cel is not None:
            self.cel.append(data)


def tabel_uit_html(html, klasse):
    """All rows (header, body, footer) of the table with this class, as lists of cell texts."""
    parser = _Tabel(klasse)
    parser.feed(html)
    return parser.rijen

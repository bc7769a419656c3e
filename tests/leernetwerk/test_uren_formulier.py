"""The hours-evidence form: ISO dates the browser can show, a PDF that keeps every column on
the page, and every date input in the forms writing ISO whatever the locale."""

import datetime
import importlib
import inspect
import re
from html.parser import HTMLParser

import pytest
from django import forms
from django.utils import timezone, translation

from leernetwerk import services

ISO = re.compile(r"\d{4}-\d{2}-\d{2}")
FORMULIERMODULES = [
    "leernetwerk.forms",
    "leernetwerk.leercyclus.forms",
    "oefeningen.forms",
    "kennisbank.forms",
    "cms.search.forms",
]


class _Invoer(HTMLParser):
    def __init__(self):
        super().__init__()
        self.invoer = []

    def handle_starttag(self, tag, attrs):
        if tag == "input":
            self.invoer.append(dict(attrs))


def _datumvelden(html):
    parser = _Invoer()
    parser.feed(html)
    return {i["name"]: i.get("value") for i in parser.invoer if i.get("type") == "date"}


def _formulieren():
    for naam in FORMULIERMODULES:
        try:
            module = importlib.import_module(naam)
        except ModuleNotFoundError:
            continue
        for _naam, klasse in inspect.getmembers(module, inspect.isclass):
            if issubclass(klasse, forms.BaseForm) and klasse.__module__ == naam:
                yield klasse


def test_every_date_input_of_every_form_writes_iso_under_the_dutch_locale():
    datum = datetime.date(2026, 1, 1)
    gevonden = {}
    with translation.override("nl"):
        for klasse in _formulieren():
            for veldnaam, veld in klasse.base_fields.items():
                if getattr(veld.widget, "input_type", None) == "date":
                    gevonden[f"{klasse.__name__}.{veldnaam}"] = veld.widget.format_value(datum)
    assert "UrenForm.van" in gevonden and "AfrondingForm.actiepunt_deadline" in gevonden
    assert {k: v for k, v in gevonden.items() if v != "2026-01-01"} == {}


@pytest.mark.parametrize("pad", ["/intervisie/uren/", "/intervisie/"])
def test_hours_form_prefills_iso_dates_and_submitting_them_gives_the_pdf(client_als, sessie, pad):
    client = client_als("daan.mulder")
    with translation.override("nl"):
        waarden = _datumvelden(client.get(pad).content.decode())
    waarden = {k: v for k, v in waarden.items() if k in ("van", "tot")}  # not the register period
    vandaag = timezone.localdate()
    assert waarden == {"van": f"{vandaag:%Y}-01-01", "tot": f"{vandaag:%Y-%m-%d}"}

    response = client.get("/intervisie/uren/", waarden)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment;")


@pytest.mark.parametrize(
    "naam",
    [
        "Intervisie " * 9 + "Noord",  # 100 characters, many words
        "Intervisiegroep" * 6 + "JongerenNoord",  # 103 characters without a break
    ],
)
def test_a_long_group_name_keeps_the_hours_column_on_the_page(
    client_als, groep, plan_sessie, demo_gebruikers, pdf_opmaak, naam
):
    groep.naam = naam
    groep.save()
    s = plan_sessie(datum=timezone.localdate() - datetime.timedelta(days=3))
    services.aanwezigheid_bevestigen(sessie=s, deelnemer=demo_gebruikers["daan.mulder"])
    vandaag = timezone.localdate()
    response = client_als("daan.mulder").get(
        "/intervisie/uren/",
        {"van": f"{vandaag - datetime.timedelta(days=30):%Y-%m-%d}", "tot": f"{vandaag:%Y-%m-%d}"},
    )
    assert response["Content-Type"] == "application/pdf"
    (rechts, teksten), *_rest = pdf_opmaak
    assert [t for _x, t in teksten if "1,50" in t], "the hours are in the PDF"
    buiten = [(round(x - rechts), t) for x, t in teksten if x > rechts + 0.5]
    assert buiten == [], "text beyond the right margin"

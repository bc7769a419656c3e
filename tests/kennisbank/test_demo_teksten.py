"""Rules every demo text keeps, checked on the sources (no database): one spelling per term, and
the legal facts a trainer checks first. What a reader sees comes from these texts."""

import ast
import csv
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DEMO_BRONNEN = [
    "kennisbank/handreiking/demo.py",
    "kennisbank/demo/__init__.py",
    "oefeningen/demo.py",
    "leernetwerk/demo.py",
    "leernetwerk/leercyclus/demo.py",
    "cms/demo.py",
    "cms/migrations/0002_referentiedata.py",
]
CSV = "kennisbank/demo/interventies.csv"

# Wrong spelling or term -> the one the platform uses. Case-sensitive where case is the point.
SPELLING = {
    r"(?i)\bcoproducent": "co-producent",
    r"(?i)\bco producent": "co-producent",
    r"(?i)\bface to face\b": "face-to-face",
    r"(?i)\blevensgebied": "leefdomein",
    r"(?i)\blevensdomein": "leefdomein",
    r"(?i)\bklantmanager": "consulent",
    r"(?i)\blabell": "labelen",
    r"(?i)\bhet datum\b": "de datum",
    r"(?i)\bno show\b|\bnoshow\b": "no-show",
    r"\bWhatsapp\b|\bwhatsApp\b|\bWhatsApp's\b": "WhatsApp",
    r"\bCV\b": "cv",
    r"\bGgz\b": "GGZ",
    r"\bMBO\b": "mbo",
}


def _zinnen_uit_python(pad):
    """Every string literal of a module, implicit concatenations joined, docstrings excluded."""
    boom = ast.parse((ROOT / pad).read_text(encoding="utf-8"))
    docstrings = {
        id(knoop.body[0].value)
        for knoop in ast.walk(boom)
        if isinstance(knoop, (ast.Module, ast.FunctionDef, ast.ClassDef))
        and knoop.body
        and isinstance(knoop.body[0], ast.Expr)
        and isinstance(knoop.body[0].value, ast.Constant)
    }
    for knoop in ast.walk(boom):
        if (
            isinstance(knoop, ast.Constant)
            and isinstance(knoop.value, str)
            and id(knoop) not in docstrings
        ):
            yield knoop.value


def demo_teksten():
    """(where, text) of every demo text: string literals and the interventies' CSV cells.
    Slugs and tags (lowercase by convention) are not prose and stay out."""
    for pad in DEMO_BRONNEN:
        for tekst in _zinnen_uit_python(pad):
            if " " in tekst:
                yield pad, tekst
    with (ROOT / CSV).open(encoding="utf-8") as bestand:
        for rij in csv.DictReader(bestand):
            for kolom, waarde in rij.items():
                if kolom not in ("slug", "tags", "fases", "doelgroepen", "treden", "klanttypen"):
                    yield f"{CSV} ({rij['slug']}, {kolom})", waarde


def test_the_sources_hold_demo_text_to_check():
    teksten = [t for _w, t in demo_teksten()]
    assert len(teksten) > 1000
    assert any("leefdomein" in t for t in teksten)


@pytest.mark.parametrize("patroon", SPELLING)
def test_demo_texts_use_one_spelling_per_term(patroon):
    fout = [
        f"{waar}: “{m.group(0)}” moet “{SPELLING[patroon]}” zijn"
        for waar, tekst in demo_teksten()
        for m in re.finditer(patroon, tekst)
    ]
    assert fout == []


def test_school_first_is_never_tied_to_studiefinanciering_for_bbl():
    """Werkend leren (bbl) has no studiefinanciering: the school-first rule is about the bol."""
    fout = [
        waar
        for waar, tekst in demo_teksten()
        for zin in re.split(r"(?<=[.!?])\s+", tekst)
        if re.search(r"(?i)\bbbl\b", zin)
        and re.search(r"(?i)met studiefinanciering", zin)
        and not re.search(r"(?i)geen studiefinanciering", zin)
    ]
    assert fout == []

"""Benchmark of the interventie import at 5,000 rows (not collected by default: run it by name).

    .venv/bin/python -m pytest -s tests/bench/bench_import.py

Prints the time of the dry run, the import of 5,000 new interventies, the same file again (all
unchanged) and a file that changes every row. The target is well under a minute for the import;
figures, not assertions: speed is not a unit test.
"""

import time

import pytest

from kennisbank.models import InterventiePage
from kennisbank.services import interventies_importeren
from tests.bench.bench_interventieschema import _csv

pytestmark = pytest.mark.django_db

N = 5000


def _tijd(bestand, **kwargs):
    stappen = []
    begin = time.perf_counter()
    resultaat = interventies_importeren(
        inhoud=bestand,
        bestandsnaam="bench.csv",
        voortgang=lambda verwerkt, totaal: stappen.append(verwerkt),
        **kwargs,
    )
    assert not resultaat.fouten, resultaat.fouten[:3]
    return time.perf_counter() - begin, resultaat, stappen


def test_bench_import_5000(demo_gebruikers):
    bestand = _csv(N)
    proef, resultaat, _stappen = _tijd(bestand, proef=True)
    assert len(resultaat.nieuw) == N
    nieuw, resultaat, stappen = _tijd(bestand, gebruiker=demo_gebruikers["demo-kennisbeheerder"])
    assert len(resultaat.nieuw) == N and InterventiePage.objects.live().count() == N
    opnieuw, resultaat, _stappen = _tijd(bestand)
    assert len(resultaat.ongewijzigd) == N
    anders = bestand.replace(b"Leernetwerk (2020)", b"Leernetwerk (2021)")
    gewijzigd, resultaat, _stappen = _tijd(anders)
    assert len(resultaat.gewijzigd) == N

    print()
    print(f"proefimport {N} rijen:              {proef:7.2f} s")
    print(f"import {N} rijen (nieuw):           {nieuw:7.2f} s  ({len(stappen)} voortgangsstappen)")
    print(f"import {N} rijen (ongewijzigd):     {opnieuw:7.2f} s")
    print(f"import {N} rijen (alle gewijzigd):  {gewijzigd:7.2f} s")

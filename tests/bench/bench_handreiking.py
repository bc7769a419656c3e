"""Benchmark: reading a chapter and rendering the book as PDF, for a large book.

Not collected by default. Run: .venv/bin/python -m pytest -q -s tests/bench/bench_handreiking.py
Prints median timings; the target is a chapter page under 150 ms and a 40-chapter PDF under 15 s
on a developer laptop.
"""

import statistics
import time

import pytest

from tests.handreiking.conftest import index, kernbegrip, maak_boek, maak_hoofdstuk, tekst  # noqa: F401

pytestmark = pytest.mark.django_db

HOOFDSTUKKEN = 40


def test_bench_groot_boek(client_als, maak_boek, maak_hoofdstuk):  # noqa: F811
    boek = maak_boek(titel="Groot boek")
    alinea = "<p>" + "Zelfsturing vraagt weten, willen en kunnen. " * 20 + "</p>"
    hoofdstukken = [
        maak_hoofdstuk(
            boek,
            f"Hoofdstuk {i}",
            body=[kernbegrip(f"Begrip {i}", "Uitleg.")] + [tekst(alinea)] * 15,
        )
        for i in range(HOOFDSTUKKEN)
    ]
    client = client_als("demo-consulent")
    client.get(hoofdstukken[0].url)

    tijden = []
    for hoofdstuk in hoofdstukken[:20]:
        begin = time.perf_counter()
        assert client.get(hoofdstuk.url).status_code == 200
        tijden.append((time.perf_counter() - begin) * 1000)
    mediaan = statistics.median(tijden)
    print(f"\nhoofdstukpagina ({HOOFDSTUKKEN} hoofdstukken): mediaan {mediaan:.0f} ms")

    begin = time.perf_counter()
    response = client.get(f"{boek.url}pdf/")
    assert response.status_code == 200
    print(
        f"pdf ({HOOFDSTUKKEN} hoofdstukken): {time.perf_counter() - begin:.1f} s, "
        f"{len(response.content) // 1024} kB"
    )

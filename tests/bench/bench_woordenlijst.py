"""What the Dutch word list costs: start-up, first use, analysis speed. Prints figures only.

    .venv/bin/python tests/bench/bench_woordenlijst.py      # or: make bench

Each figure comes from a fresh Python process, as a worker starting up would see it.
"""

import statistics
import subprocess
import sys
from pathlib import Path

WORTEL = Path(__file__).resolve().parents[2]

METEN = """
import os, sys, time
sys.path.insert(0, {wortel!r})
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.test")
t0 = time.perf_counter()
import django
django.setup()
t1 = time.perf_counter()
from cms.search import nederlands
nederlands.woordenlijst()
t2 = time.perf_counter()
nederlands.analyseer("De consulent bespreekt de werkervaringsplaats en de verslavingszorg.", True)
t3 = time.perf_counter()
woorden = ("werkervaringsplekken beroepskeuzetest terugvalpreventie contactfrequentie "
           "sollicitatietraining schuldhulpverlening gemeenten begeleiding uitkeringen").split()
woorden = [w + str(i) if i else w for i in range(200) for w in woorden]  # no cache hits
t4 = time.perf_counter()
for w in woorden:
    nederlands.stammen_van_woord(w.rstrip("0123456789"), met_delen=True)
    nederlands.delen.cache_clear(); nederlands.stam.cache_clear()
t5 = time.perf_counter()
print(t1 - t0, t2 - t1, t3 - t2, (t5 - t4) / len(woorden))
"""


def meten(keer=5):
    uitkomsten = []
    for _ in range(keer):
        uit = subprocess.run(
            [sys.executable, "-c", METEN.format(wortel=str(WORTEL))],
            capture_output=True,
            text=True,
            check=True,
            cwd=WORTEL,
        ).stdout.split()
        uitkomsten.append([float(x) for x in uit])
    return [statistics.median(kolom) for kolom in zip(*uitkomsten, strict=True)]


def test_woordenlijst_kosten():
    setup, lijst, eerste, per_woord = meten()
    print(
        f"\ndjango.setup(): {setup * 1000:.0f} ms (de woordenlijst laadt daarin niet)\n"
        f"woordenlijst laden bij eerste gebruik: {lijst * 1000:.0f} ms\n"
        f"eerste zin analyseren daarna: {eerste * 1000:.1f} ms\n"
        f"een onbekend woord analyseren (stam + samenstelling, zonder cache): "
        f"{per_woord * 1e6:.0f} µs"
    )


if __name__ == "__main__":
    test_woordenlijst_kosten()

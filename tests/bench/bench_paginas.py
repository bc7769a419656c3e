"""Page benchmark: our logged-in pages against a bare Wagtail page, under production settings.

Builds a throw-away SQLite database with the demo content (``--interventies N`` adds N
interventies through the importer), starts gunicorn (2 workers, ``cms.settings.production``)
and, beside it, the welcome page of a bare ``wagtail start`` project from the same virtualenv
(also gunicorn, 2 workers, its production settings). Logs in as the demo users through
/inloggen/ and then alternates, per page: the bare page, our page, each for ``--duur`` seconds
with 16 keep-alive connections (wrk when installed, else a threaded Python client). Three
alternations; per row the median of the three req/s, of the three ratios to the bare run just
before it, and of the p95 latencies. Prints figures, asserts nothing about time: the machine
may be shared, so the ratio (measured back to back) is the figure that counts.

    make bench-pages            # or: .venv/bin/python tests/bench/bench_paginas.py
    .venv/bin/python tests/bench/bench_paginas.py --interventies 1000
    .venv/bin/python tests/bench/bench_paginas.py --duur 2 --rondes 1 --alleen schema
"""

import argparse
import http.client
import json
import os
import re
import secrets
import shutil
import signal
import statistics
import subprocess
import tempfile
import threading
import time
import urllib.parse
from pathlib import Path

WORTEL = Path(__file__).resolve().parents[2]
PY = str(WORTEL / ".venv" / "bin" / "python")
BIN = WORTEL / ".venv" / "bin"
VERBINDINGEN = 16
WACHTWOORD = os.environ.get("DEMO_WACHTWOORD", "leernetwerk-demo")

# Rows: (label, who, path or a key filled in by _paden()).
RIJEN = [
    ("home", "consulent", "/"),
    ("handreiking (boek)", "consulent", "{boek}"),
    ("hoofdstuk", "consulent", "{hoofdstuk}"),
    ("schema", "consulent", "/interventieschema/"),
    ("schema 2 filters", "consulent", "/interventieschema/?doelgroep=lvb&status=ontbrekend"),
    ("interventie", "consulent", "{interventie}"),
    ("zoeken jongeren", "consulent", "/zoeken/?q=jongeren"),
    ("oefeningen", "consulent", "/oefeningen/"),
    ("oefening", "consulent", "{oefening}"),
    ("mijn-leercyclus", "consulent", "/mijn-leercyclus/"),
    ("team (teamchef)", "teamchef", "/team/"),
]

WRK_LUA = """
local cookie = os.getenv("BENCH_COOKIE") or ""
request = function()
  return wrk.format("GET", nil, {["Cookie"] = cookie})
end
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("BENCH %f %f %d\\n",
    summary.requests / (summary.duration / 1e6), latency:percentile(95) / 1000,
    e.connect + e.read + e.write + e.timeout + e.status))
end
"""


def _run(args, env, cwd=WORTEL, **kwargs):
    return subprocess.run(args, env=env, cwd=cwd, check=True, text=True, **kwargs)


def _omgeving(werk, poort):
    env = dict(os.environ)
    env.update(
        DJANGO_SETTINGS_MODULE="cms.settings.production",
        SECRET_KEY="bench-" + secrets.token_hex(24),
        ALLOWED_HOSTS="127.0.0.1",
        SECURE_SSL_REDIRECT="0",
        WAGTAILADMIN_BASE_URL=f"http://127.0.0.1:{poort}",
        LEERNETWERK_VAR_DIR=str(werk / "var"),
        STATIC_ROOT=str(werk / "static"),
        PYTHONUNBUFFERED="1",
    )
    (werk / "var").mkdir(parents=True, exist_ok=True)
    return env


OPZET = """
import sys
from tests.bench.bench_interventieschema import _csv
from kennisbank.services import interventies_importeren
n = int(sys.argv[1])
if n:
    r = interventies_importeren(inhoud=_csv(n), bestandsnaam="bench.csv")
    assert not r.fouten, r.fouten[:3]
    from django.core.management import call_command
    call_command("update_index", verbosity=0)
import json
from wagtail.models import Page
from kennisbank.handreiking.models import HandreikingPage, HoofdstukPage
from kennisbank.models import InterventiePage
from oefeningen.models import OefeningPage
def eerste(model):
    return model.objects.live().order_by("path").first().url
print("PADEN " + json.dumps({
    "boek": eerste(HandreikingPage), "hoofdstuk": eerste(HoofdstukPage),
    "interventie": eerste(InterventiePage), "oefening": eerste(OefeningPage),
    "interventies": InterventiePage.objects.live().count(),
}))
"""


def opzetten(werk, env, interventies):
    """Migrate, load the demo content (and N extra interventies), collect static files."""
    dev = {**env, "DJANGO_SETTINGS_MODULE": "cms.settings.dev"}
    _run([PY, "manage.py", "migrate", "--noinput", "-v0"], dev)
    _run([PY, "manage.py", "demo_laden"], dev, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _run([PY, "manage.py", "collectstatic", "--noinput", "-v0"], env)
    script = werk / "opzet.py"
    script.write_text("import django, sys\ndjango.setup()\n" + OPZET)
    uit = _run(
        [PY, str(script), str(interventies)],
        {**dev, "PYTHONPATH": str(WORTEL)},
        capture_output=True,
    )
    regel = next(r for r in uit.stdout.splitlines() if r.startswith("PADEN "))
    return json.loads(regel[len("PADEN ") :])


def kale_wagtail(werk):
    """Generate a bare `wagtail start` project, migrate it, collect its static files."""
    map_ = werk / "kaal"
    map_.mkdir()
    _run(
        [str(BIN / "wagtail"), "start", "kaal", str(map_)],
        dict(os.environ),
        stdout=subprocess.DEVNULL,
    )
    (map_ / "kaal" / "settings" / "local.py").write_text(
        f"SECRET_KEY = {('kaal-' + secrets.token_hex(24))!r}\nALLOWED_HOSTS = ['127.0.0.1']\n"
    )
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "kaal.settings.production"}
    _run([PY, "manage.py", "migrate", "--noinput", "-v0"], env, cwd=map_)
    _run([PY, "manage.py", "collectstatic", "--noinput", "-v0"], env, cwd=map_)
    return map_, env


def gunicorn(module, poort, env, cwd):
    proces = subprocess.Popen(
        [
            str(BIN / "gunicorn"),
            module,
            "-w",
            "2",
            "-b",
            f"127.0.0.1:{poort}",
            "--log-level",
            "warning",
        ],
        env=env,
        cwd=cwd,
        start_new_session=True,
    )
    for _ in range(100):
        try:
            c = http.client.HTTPConnection("127.0.0.1", poort, timeout=2)
            c.request("GET", "/")
            c.getresponse().read()
            return proces
        except OSError:
            time.sleep(0.2)
    raise SystemExit(f"gunicorn op poort {poort} start niet")


def stoppen(proces):
    if proces and proces.poll() is None:
        proces.terminate()  # the master stops its workers itself (a group kill made it log errors)
        try:
            proces.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(proces.pid, signal.SIGKILL)
            proces.wait(timeout=20)


def _cookies(response, koekjes):
    for kop, waarde in response.getheaders():
        if kop.lower() == "set-cookie":
            naam, _, rest = waarde.partition("=")
            koekjes[naam.strip()] = rest.split(";", 1)[0]


def inloggen(poort, gebruikersnaam):
    """Log in through /inloggen/ like a browser; return the Cookie header value."""
    koekjes = {}
    c = http.client.HTTPConnection("127.0.0.1", poort, timeout=10)
    c.request("GET", "/inloggen/")
    r = c.getresponse()
    html = r.read().decode()
    _cookies(r, koekjes)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
    body = urllib.parse.urlencode(
        {"csrfmiddlewaretoken": token, "username": gebruikersnaam, "password": WACHTWOORD}
    )
    c.request(
        "POST",
        "/inloggen/",
        body=body,
        headers={
            "Content-Type": "application/x-www-form-urlencoded",
            "Cookie": "; ".join(f"{k}={v}" for k, v in koekjes.items()),
            "Referer": f"http://127.0.0.1:{poort}/inloggen/",
        },
    )
    r = c.getresponse()
    r.read()
    _cookies(r, koekjes)
    if r.status != 302 or "sessionid" not in koekjes:
        raise SystemExit(f"inloggen als {gebruikersnaam} mislukt ({r.status})")
    return "; ".join(f"{k}={v}" for k, v in koekjes.items())


def _wrk(poort, pad, cookie, duur, lua):
    uit = subprocess.run(
        [
            "wrk",
            "-t2",
            f"-c{VERBINDINGEN}",
            f"-d{max(1, round(duur))}s",
            "--timeout",
            "10s",
            "-s",
            str(lua),
            f"http://127.0.0.1:{poort}{pad}",
        ],
        env={**os.environ, "BENCH_COOKIE": cookie},
        capture_output=True,
        text=True,
        check=True,
    )
    regel = next(r for r in uit.stdout.splitlines() if r.startswith("BENCH "))
    rps, p95, fouten = regel.split()[1:]
    return float(rps), float(p95), int(fouten)


def _python_last(poort, pad, cookie, duur):
    """Fallback without wrk: 16 threads, one keep-alive connection each, for `duur` seconds."""
    tijden, fouten, slot = [], [0], threading.Lock()
    einde = time.perf_counter() + duur

    def werker():
        c = http.client.HTTPConnection("127.0.0.1", poort, timeout=10)
        eigen = []
        while time.perf_counter() < einde:
            begin = time.perf_counter()
            try:
                c.request("GET", pad, headers={"Cookie": cookie})
                r = c.getresponse()
                r.read()
                if r.status != 200:
                    fouten[0] += 1
            except (OSError, http.client.HTTPException):
                fouten[0] += 1
                c.close()
                c = http.client.HTTPConnection("127.0.0.1", poort, timeout=10)
            eigen.append(time.perf_counter() - begin)
        with slot:
            tijden.extend(eigen)

    begin = time.perf_counter()
    draden = [threading.Thread(target=werker) for _ in range(VERBINDINGEN)]
    for d in draden:
        d.start()
    for d in draden:
        d.join()
    verstreken = time.perf_counter() - begin
    p95 = statistics.quantiles(tijden, n=20)[-1] * 1000 if len(tijden) > 1 else 0.0
    return len(tijden) / verstreken, p95, fouten[0]


def controleren(poort, pad, cookie):
    c = http.client.HTTPConnection("127.0.0.1", poort, timeout=30)
    c.request("GET", pad, headers={"Cookie": cookie})
    r = c.getresponse()
    inhoud = r.read()
    if r.status != 200:
        raise SystemExit(f"{pad} geeft {r.status} in plaats van 200")
    return len(inhoud)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--interventies", type=int, default=0, help="extra interventies")
    parser.add_argument("--duur", type=int, default=3, help="seconden per meting")
    parser.add_argument("--rondes", type=int, default=3, help="aantal afwisselingen")
    parser.add_argument("--poort", type=int, default=int(os.environ.get("BENCH_POORT", 8200)))
    parser.add_argument("--alleen", default="", help="alleen rijen waarvan het label dit bevat")
    parser.add_argument(
        "--bewaar", default="", help="map om de opgezette database te bewaren en te hergebruiken"
    )
    parser.add_argument("--python", action="store_true", help="Python-client, ook als wrk er is")
    args = parser.parse_args()
    start = time.perf_counter()
    werk = Path(args.bewaar or tempfile.mkdtemp(prefix="leernetwerk-bench-paginas-"))
    werk.mkdir(parents=True, exist_ok=True)
    onze_poort, kale_poort = args.poort, args.poort + 1
    env = _omgeving(werk, onze_poort)
    processen = []
    try:
        print(
            f"Opzetten in {werk} (demo-inhoud, +{args.interventies} interventies) ...", flush=True
        )
        bewaard = werk / "paden.json"
        if args.bewaar and bewaard.exists():
            paden = json.loads(bewaard.read_text())
            _run([PY, "manage.py", "migrate", "--noinput", "-v0"], env)
            _run([PY, "manage.py", "collectstatic", "--noinput", "-v0"], env)
        else:
            paden = opzetten(werk, env, args.interventies)
            bewaard.write_text(json.dumps(paden))
        shutil.rmtree(werk / "kaal", ignore_errors=True)
        kaal_map, kaal_env = kale_wagtail(werk)
        processen.append(gunicorn("cms.wsgi", onze_poort, env, WORTEL))
        processen.append(gunicorn("kaal.wsgi", kale_poort, kaal_env, kaal_map))
        cookies = {wie: inloggen(onze_poort, f"demo-{wie}") for wie in ("consulent", "teamchef")}
        rijen = [
            (label, wie, pad.format(**paden)) for label, wie, pad in RIJEN if args.alleen in label
        ]
        for _label, wie, pad in rijen:  # every row answers 200 before we measure
            controleren(onze_poort, pad, cookies[wie])
        controleren(kale_poort, "/", "")
        lua = werk / "bench.lua"
        lua.write_text(WRK_LUA)
        gebruik_wrk = shutil.which("wrk") and not args.python

        def meten(poort, pad, cookie):
            if gebruik_wrk:
                return _wrk(poort, pad, cookie, args.duur, lua)
            return _python_last(poort, pad, cookie, args.duur)

        print(
            f"Opgezet in {time.perf_counter() - start:.0f} s; "
            f"{paden['interventies']} interventies; "
            f"meten met {'wrk' if gebruik_wrk else 'Python-client'}, {VERBINDINGEN} verbindingen, "
            f"{args.duur:g} s per meting, {args.rondes} afwisselingen.",
            flush=True,
        )
        metingen = {label: [] for label, _, _ in rijen}
        for ronde in range(args.rondes):
            for label, wie, pad in rijen:
                kaal = meten(kale_poort, "/", "")
                ons = meten(onze_poort, pad, cookies[wie])
                metingen[label].append((kaal, ons))
            print(f"  ronde {ronde + 1}/{args.rondes} klaar", flush=True)

        print()
        kop = f"{'pagina':<20} {'pad':<52} {'req/s':>7} {'kaal':>7} {'ratio':>6} "
        kop += f"{'p95 ms':>7} {'kaal p95':>8} {'fout':>5}"
        print(kop)
        print("-" * len(kop))
        for label, _wie, pad in rijen:
            m = metingen[label]
            rps = statistics.median(o[0] for _, o in m)
            kaal = statistics.median(k[0] for k, _ in m)
            ratio = statistics.median(o[0] / k[0] for k, o in m if k[0])
            p95 = statistics.median(o[1] for _, o in m)
            kaal_p95 = statistics.median(k[1] for k, _ in m)
            fouten = sum(o[2] for _, o in m)
            print(
                f"{label:<20} {pad[:52]:<52} {rps:7.1f} {kaal:7.1f} {ratio:5.2f}x "
                f"{p95:7.1f} {kaal_p95:8.1f} {fouten:5d}"
            )
        print(f"\nTotaal {time.perf_counter() - start:.0f} s.")
    finally:
        for proces in processen:
            stoppen(proces)
        if not args.bewaar:
            shutil.rmtree(werk, ignore_errors=True)


if __name__ == "__main__":
    main()

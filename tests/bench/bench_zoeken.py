"""Search benchmark: our whoosh backend against modelsearch's database backend, one run.

First, on the demo content (in a separate process and database): the site search a consulent
uses (all types, `cms.search.selectors.zoeken`) on the evaluation set `tests/search/
evaluatie.json` (realistic queries, labelled by hand): recall@5, MRR@10, the number of empty
results and p50/p95 latency, per backend. Then, at scale: generates 10,000 interventies and
500 chapter-like pages (beslismomenten with long text) in a throw-away SQLite database, builds
both indexes, runs 200 Dutch queries and prints index build time, p50/p95 latency (of the
backend and of the whole search page), memory, and recall@10 on a labelled set that needs
morphology, compounds and abbreviations. Asserts nothing about time.

    make bench-search                      # or: .venv/bin/python tests/bench/bench_zoeken.py
    .venv/bin/python tests/bench/bench_zoeken.py --interventies 2000   # quicker
    .venv/bin/python tests/bench/bench_zoeken.py --geen-demo           # only the 10,000
    .venv/bin/python tests/bench/bench_zoeken.py --alleen-demo -v      # per query, demo only
"""

import argparse
import io
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

WORTEL = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(WORTEL))
EVALUATIE = WORTEL / "tests" / "search" / "evaluatie.json"
LABELS = {"default": "whoosh", "database": "database (SQLite FTS5)"}
if os.environ.get("DATABASE_URL", "").startswith("postgres"):
    LABELS["database"] = "database (PostgreSQL, leernetwerk_nl)"

# Generated text avoids every word the labelled queries look for (see GELABELD).
ONDERWERPEN = [
    "werk",
    "scholing",
    "taal",
    "gezondheid",
    "motivatie",
    "netwerk",
    "vaardigheden",
    "sollicitatie",
    "vrijwilligerswerk",
    "stage",
    "begeleiding",
    "werkgever",
    "opleiding",
    "dagbesteding",
    "zelfvertrouwen",
    "weerbaarheid",
    "kinderopvang",
    "mobiliteit",
    "reiskosten",
    "huisvesting",
    "financien",
    "administratie",
    "beweging",
    "sport",
]
ZINNEN = [
    "De consulent bespreekt met de klant wat {a} betekent voor de volgende stap.",
    "Deze aanpak helpt bij {a} en maakt {b} bespreekbaar.",
    "Samen met een partner uit de wijk werkt de deelnemer aan {a}.",
    "Na enkele weken volgt een evaluatie over {a} en {b}.",
    "De groep komt wekelijks bij elkaar om te oefenen met {a}.",
    "Het aanbod is bedoeld voor wie meer wil weten over {a}.",
    "Een vaste begeleider let op {a} en op de balans met {b}.",
    "De gemeente koopt dit in bij een lokale aanbieder van {a}.",
]
TITELS = [
    "Training {a}",
    "Cursus {a}",
    "Werkplaats {a}",
    "Coach voor {a}",
    "Groepsaanbod {a}",
    "Traject {a}",
    "Project {a}",
    "Maatje voor {a}",
    "Spreekuur {a}",
    "Leerwerkplek {a}",
]

# (query, text planted in five documents): the query never appears as such in the text.
GELABELD = [
    ("schuldenwijzers", "De schuldenwijzer geeft overzicht in rekeningen."),  # plural
    ("taalcafés", "In het taalcafe oefenen deelnemers met spreken."),  # accent + plural
    ("cliëntreis", "De clientreis laat zien waar het vastloopt."),  # accent
    ("re-integratiebedrijven", "Een reïntegratiebedrijf zoekt mee naar passend werk."),
    ("periode", "Tijdens de proefperiode is er extra begeleiding."),  # compound head
    ("coaching", "Loopbaancoaching helpt bij het kiezen van een richting."),  # compound
    ("MI", "Met motiverende gespreksvoering verkent de consulent de ambivalentie."),
    ("LVB", "Geschikt voor mensen met een licht verstandelijke beperking."),
    ("PVA", "Het plan van aanpak wordt samen opgesteld en ondertekend."),
    ("P-wet", "De Participatiewet bepaalt welke verplichtingen gelden."),
    ("jobcoaches", "Een jobcoach ondersteunt op de werkplek."),  # plural
    ("gesprekken", "Het plangesprek volgt op de eerste weken."),  # plural + compound
    ("interventies statushouders", "Deze interventie is voor een statushouder."),
    ("zoekt", "Wie een baan zoeken wil, meldt zich bij de balie."),  # verb form
    ("belastbaarheidsonderzoek", "Een belastbaarheidsonderzoek brengt grenzen in kaart."),
]
PER_LABEL = 5
ZOEKVRAGEN_VRIJ = [
    "werk",
    "scholing jongeren",
    "taal",
    "motivatie",
    "netwerk vaardigheden",
    "stage",
    "begeleiding werkgever",
    "opleiding",
    "dagbesteding",
    "zelfvertrouwen",
    "kinderopvang",
    "reiskosten",
    "huisvesting",
    "financien administratie",
    "sport beweging",
    "sollicitatie",
    "vrijwilligerswerk",
    "training",
    "cursus taal",
    "coach",
    "traject werk",
    "maatje",
    "leerwerkplek",
    "spreekuur",
    "groepsaanbod",
    "evaluatie",
    "wijk",
    "aanbieder",
    "weerbaarheid",
    "mobiliteit",
]


def django_opzetten(tijdelijk):
    os.environ["LEERNETWERK_VAR_DIR"] = str(tijdelijk)
    os.environ["SEARCH_INDEX_DIR"] = str(tijdelijk / "zoekindex")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.test")
    import django
    from django.conf import settings

    django.setup()
    settings.SEARCH_INDEX_DIR = tijdelijk / "zoekindex"
    # The backends as the site configures them (cms/settings/base.py ZOEKBACKENDS): on
    # PostgreSQL (scripts/met-postgres.sh) "database" is our Dutch PostgreSQL backend.
    settings.WAGTAILSEARCH_BACKENDS = {
        "default": {"BACKEND": "cms.search.backend", "SOORTWOORDEN": True},
        "database": {"BACKEND": "cms.search.database"},
    }
    from django.db import connection

    if connection.vendor == "postgresql":
        # A fresh database of its own (test_<name>), migrated, dropped with the cluster.
        connection.creation.create_test_db(verbosity=0, autoclobber=True, serialize=False)
        return
    settings.DATABASES["default"]["NAME"] = str(tijdelijk / "bench.sqlite3")
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def tekst(rng, n):
    zinnen = []
    for _ in range(n):
        a, b = rng.sample(ONDERWERPEN, 2)
        zinnen.append(rng.choice(ZINNEN).format(a=a, b=b))
    return " ".join(zinnen)


def paginas_maken(aantal_interventies, aantal_hoofdstukken, rng):
    """Bulk-insert pages under the schema (no signals: the benchmark times the indexing)."""
    from django.contrib.contenttypes.models import ContentType
    from django.db import transaction
    from wagtail.models import Page

    from cms.models import Doelgroep, Fase
    from kennisbank.models import BeslismomentPage, InterventiePage, InterventieschemaPage

    home = Page.objects.get(depth=2)
    schema = home.add_child(instance=InterventieschemaPage(title="Interventieschema"))
    fases = list(Fase.objects.filter(reeks__slug="trajectfasen"))
    doelgroepen = list(Doelgroep.objects.all())
    geplant = {q: [] for q, _ in GELABELD}
    plan = [(q, t) for q, t in GELABELD for _ in range(PER_LABEL)]
    posities = dict(zip(rng.sample(range(aantal_interventies), len(plan)), plan, strict=True))

    def aanmaken(model, n, velden_fn):
        ct = ContentType.objects.get_for_model(model)
        start = schema.numchild
        rijen = []
        for i in range(n):
            titel = rng.choice(TITELS).format(a=rng.choice(ONDERWERPEN))
            rijen.append(
                Page(
                    title=titel,
                    draft_title=titel,
                    slug=f"{model._meta.model_name}-{i}",
                    content_type=ct,
                    path=Page._get_path(schema.path, schema.depth + 1, start + i + 1),
                    depth=schema.depth + 1,
                    numchild=0,
                    url_path=f"{schema.url_path}{model._meta.model_name}-{i}/",
                    live=True,
                    locale_id=schema.locale_id,
                )
            )
        paginas = Page.objects.bulk_create(rijen, batch_size=500)
        for i, pagina in enumerate(paginas):
            model(page_ptr_id=pagina.pk, **velden_fn(i)).save_base(raw=True)
            for veldnaam, waarden in (
                ("fases", rng.sample(fases, rng.randint(1, 2))),
                ("doelgroepen", rng.sample(doelgroepen, rng.randint(0, 2))),
            ):
                m2m = model._meta.get_field(veldnaam)
                through = m2m.remote_field.through
                bron, doel = m2m.m2m_field_name(), m2m.m2m_reverse_field_name()
                through.objects.bulk_create(
                    [through(**{f"{bron}_id": pagina.pk, doel: w}) for w in waarden]
                )
        schema.numchild += n
        schema.save(update_fields=["numchild"])
        return paginas

    def interventie_velden(i):
        samenvatting = tekst(rng, 3)
        if i in posities:
            q, zin = posities[i]
            samenvatting = f"{zin} {samenvatting}"
            geplant[q].append(i)
        return {
            "samenvatting": samenvatting[:600],
            "aanbieder": "Aanbieder " + rng.choice(ONDERWERPEN),
        }

    def hoofdstuk_velden(i):
        return {
            "vraag": tekst(rng, 1)[:250],
            "toelichting": f"<p>{tekst(rng, 25)}</p>",
            "opties": [],
        }

    with transaction.atomic():
        interventies = aanmaken(InterventiePage, aantal_interventies, interventie_velden)
        aanmaken(BeslismomentPage, aantal_hoofdstukken, hoofdstuk_velden)
    relevant = {q: {interventies[i].pk for i in idx} for q, idx in geplant.items()}
    return relevant


def belasting():
    """The load average (1, 5, 15 minutes) and cores: latency on a shared machine is inflated."""
    return " ".join(f"{x:.2f}" for x in os.getloadavg()) + f" op {os.cpu_count()} kernen"


def rss_piek_mb():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def zoek(backend, q):
    from kennisbank.models import InterventiePage

    return [p.pk for p in InterventiePage.objects.live().search(q, backend=backend)[:10]]


def percentielen(tijden):
    tijden = sorted(tijden)
    return statistics.median(tijden), tijden[int(0.95 * (len(tijden) - 1))]


def als_standaard(naam):
    """Make backend `naam` the one site search uses (it searches with the "default" alias)."""
    from django.conf import settings

    bewaard = settings.WAGTAILSEARCH_BACKENDS.setdefault(
        "_bench", dict(settings.WAGTAILSEARCH_BACKENDS)
    )
    settings.WAGTAILSEARCH_BACKENDS["default"] = bewaard[naam]


def sleutel(treffer):
    return f"{treffer.zoektype.slug}/{getattr(treffer.obj, 'slug', None) or treffer.pk}"


def demo_meten(backends, uitgebreid):
    """Recall@5, MRR@10, empty results and latency of site search on the demo content."""
    import json

    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.core.management import call_command

    from cms.search import selectors

    vragen = json.loads(EVALUATIE.read_text())["vragen"]
    begin = time.perf_counter()
    settings.DEBUG = True  # the demo loader refuses without it
    call_command("demo_laden", geen_index=True, verbosity=0, stdout=io.StringIO())
    settings.DEBUG = False
    gebruiker = get_user_model().objects.get(username="demo-consulent")
    print(f"Demo geladen in {time.perf_counter() - begin:.1f} s; {len(vragen)} zoekvragen")
    for naam in backends:
        call_command("update_index", backend_name=naam, verbosity=0)
        als_standaard(naam)
        selectors.zoeken(gebruiker=gebruiker, zoekterm="werk")  # warm up
        recall, rr, leeg, tijden, cpu, regels = [], [], 0, [], [], []
        for vraag in vragen:
            t, c = time.perf_counter(), time.process_time()
            uitkomst = selectors.zoeken(gebruiker=gebruiker, zoekterm=vraag["q"])
            tijden.append((time.perf_counter() - t) * 1000)
            cpu.append((time.process_time() - c) * 1000)
            gevonden = [sleutel(tr) for tr in uitkomst.pagina.object_list][:10]
            relevant = set(vraag["relevant"])
            recall.append(len(set(gevonden[:5]) & relevant) / len(relevant))
            rang = next((i for i, g in enumerate(gevonden, 1) if g in relevant), None)
            rr.append(1 / rang if rang else 0.0)
            leeg += uitkomst.totaal == 0
            hoe = (
                f"verbeterd: {uitkomst.verbeterd}"
                if uitkomst.verbeterd
                else "deels"
                if uitkomst.deels
                else ""
            )
            regels.append(f"    {vraag['q'][:44]:44s} R@5 {recall[-1]:.2f} RR {rr[-1]:.2f} {hoe}")
        p50, p95 = percentielen(tijden)
        print(f"\n== demo, zoekpagina: {LABELS[naam]} ==")
        print(f"recall@5:  {statistics.mean(recall):.2f}")
        print(f"MRR@10:    {statistics.mean(rr):.2f}")
        print(f"leeg:      {leeg} van {len(vragen)}")
        cpu50, cpu95 = percentielen(cpu)
        print(
            f"latentie:  p50 {p50:.1f} ms, p95 {p95:.1f} ms (CPU p50 {cpu50:.1f}, p95 {cpu95:.1f})"
        )
        if uitgebreid:
            print("\n".join(regels))
    als_standaard("default")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--interventies", type=int, default=10_000)
    parser.add_argument("--hoofdstukken", type=int, default=500)
    parser.add_argument("--zoekvragen", type=int, default=200)
    parser.add_argument(
        "--backends",
        default="default,database",
        help="komma-gescheiden: default (whoosh) en/of database",
    )
    parser.add_argument("--geen-demo", action="store_true", help="alleen de 10.000")
    parser.add_argument("--alleen-demo", action="store_true", help="alleen de demo-inhoud")
    parser.add_argument("-v", "--uitgebreid", action="store_true", help="per zoekvraag")
    args = parser.parse_args()
    rng = random.Random(5)
    sys.stdout.reconfigure(line_buffering=True)  # figures appear as they are measured
    print(f"Belasting van de machine bij de start: {belasting()}")

    if args.alleen_demo:
        with tempfile.TemporaryDirectory(prefix="leernetwerk-bench-demo-") as map_:
            django_opzetten(Path(map_))
            demo_meten(args.backends.split(","), args.uitgebreid)
        return
    if not args.geen_demo:
        # Its own process: a fresh database and index, apart from the generated content.
        opdracht = [sys.executable, __file__, "--alleen-demo", "--backends", args.backends]
        subprocess.run(opdracht + (["-v"] if args.uitgebreid else []), check=True)
        print()

    with tempfile.TemporaryDirectory(prefix="leernetwerk-bench-") as map_:
        tijdelijk = Path(map_)
        django_opzetten(tijdelijk)
        from django.core.management import call_command

        begin = time.perf_counter()
        relevant = paginas_maken(args.interventies, args.hoofdstukken, rng)
        print(
            f"Inhoud: {args.interventies} interventies + {args.hoofdstukken} hoofdstukken "
            f"gemaakt in {time.perf_counter() - begin:.1f} s"
        )

        vrij = [rng.choice(ZOEKVRAGEN_VRIJ) for _ in range(args.zoekvragen - len(GELABELD))]
        zoekvragen = [q for q, _ in GELABELD] + vrij
        rng.shuffle(zoekvragen)

        from django.contrib.auth import get_user_model
        from django.db import connection
        from django.test import Client
        from django.test.utils import CaptureQueriesContext

        gebruiker = get_user_model().objects.create_user("bench-consulent")
        for naam in args.backends.split(","):
            label = LABELS[naam]
            rss_voor = rss_piek_mb()
            begin = time.perf_counter()
            call_command("update_index", backend_name=naam, verbosity=0)
            bouwtijd = time.perf_counter() - begin
            rss_na = rss_piek_mb()
            zoek(naam, "werk")  # warm up: open the index, fill caches
            tijden, cpu, per_vraag = [], [], {}
            for q in zoekvragen:
                t, c = time.perf_counter(), time.process_time()
                zoek(naam, q)
                ms = (time.perf_counter() - t) * 1000
                cpu.append((time.process_time() - c) * 1000)
                tijden.append(ms)
                per_vraag.setdefault(q, []).append(ms)
            # Memory per search, in a separate pass: tracemalloc slows Python down.
            tracemalloc.start()
            for q in zoekvragen[:50]:
                zoek(naam, q)
            _huidig, zoekpiek = tracemalloc.get_traced_memory()
            tracemalloc.stop()
            recall = [len(set(zoek(naam, q)) & relevant[q]) / len(relevant[q]) for q, _ in GELABELD]
            p50, p95 = percentielen(tijden)
            # The whole search page (every type, facets, fragments, the template), as a user
            # gets it over HTTP; CPU time beside wall time, since the machine may be shared.
            als_standaard(naam)
            client = Client()
            client.force_login(gebruiker)
            client.get("/zoeken/", {"q": "werk"})  # warm up
            pagina, pagina_cpu, queries = [], [], []
            # 20 queries: the database backend loads every hit as an object, seconds each.
            for q in zoekvragen[:20]:
                with CaptureQueriesContext(connection) as vastgelegd:
                    t, c = time.perf_counter(), time.process_time()
                    antwoord = client.get("/zoeken/", {"q": q})
                    pagina.append((time.perf_counter() - t) * 1000)
                    pagina_cpu.append((time.process_time() - c) * 1000)
                assert antwoord.status_code == 200, q
                queries.append(len(vastgelegd.captured_queries))
            als_standaard("default")
            pagina_p50, pagina_p95 = percentielen(pagina)
            cpu_p50, cpu_p95 = percentielen(pagina_cpu)
            print(f"\n== {args.interventies} interventies: {label} ==")
            print(f"index bouwen: {bouwtijd:.1f} s (RSS-piek {rss_voor:.0f} -> {rss_na:.0f} MB)")
            cpu50, cpu95 = percentielen(cpu)
            print(
                f"zoekvragen:          {len(tijden)}: p50 {p50:.1f} ms, p95 {p95:.1f} ms "
                f"(CPU p50 {cpu50:.1f}, p95 {cpu95:.1f})"
            )
            print(
                f"zoekpagina (HTTP, alle typen): {len(pagina)}: p50 {pagina_p50:.1f} ms, "
                f"p95 {pagina_p95:.1f} ms; CPU p50 {cpu_p50:.1f} ms, p95 {cpu_p95:.1f} ms; "
                f"SQL-queries per pagina {min(queries)}-{max(queries)}"
            )
            print(f"geheugen per zoekvraag: piek {zoekpiek / 1e6:.1f} MB Python-allocaties")
            print(f"recall@10 gelabeld:  {statistics.mean(recall):.2f}")
            for (q, _), r in zip(GELABELD, recall, strict=True):
                print(f"    {q:28s} {r:.1f}")
            traagste = sorted(per_vraag.items(), key=lambda kv: -max(kv[1]))[:8]
            print("traagste zoekvragen (max / mediaan ms, aantal keer):")
            for q, ms in traagste:
                print(f"    {q:28s} {max(ms):6.1f} / {statistics.median(ms):6.1f}  x{len(ms)}")
        grootte = sum(p.stat().st_size for p in (tijdelijk / "zoekindex").rglob("*") if p.is_file())
        print(f"\nwhoosh-index op schijf: {grootte / 1e6:.1f} MB")
        print(f"Belasting van de machine aan het eind: {belasting()}")


if __name__ == "__main__":
    main()

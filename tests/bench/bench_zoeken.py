"""Search benchmark: our whoosh backend against modelsearch's database backend, one run.

Generates 10,000 interventies and 500 chapter-like pages (beslismomenten with long text) in a
throw-away SQLite database, builds both indexes, runs 200 Dutch queries and prints index build
time, p50/p95 latency, memory, and recall@10 on a labelled set that needs morphology,
compounds and abbreviations. Asserts nothing about time.

    make bench-search                      # or: .venv/bin/python tests/bench/bench_zoeken.py
    .venv/bin/python tests/bench/bench_zoeken.py --interventies 2000   # quicker
"""

import argparse
import os
import random
import resource
import statistics
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

WORTEL = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(WORTEL))

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
    settings.DATABASES["default"]["NAME"] = str(tijdelijk / "bench.sqlite3")
    settings.SEARCH_INDEX_DIR = tijdelijk / "zoekindex"
    settings.WAGTAILSEARCH_BACKENDS = {
        "default": {"BACKEND": "cms.search.backend", "SOORTWOORDEN": True},
        "database": {"BACKEND": "modelsearch.backends.database"},
    }
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


def rss_piek_mb():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def zoek(backend, q):
    from kennisbank.models import InterventiePage

    return [p.pk for p in InterventiePage.objects.live().search(q, backend=backend)[:10]]


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
    args = parser.parse_args()
    rng = random.Random(5)

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

        labels = {"default": "whoosh", "database": "database (SQLite FTS5)"}
        for naam in args.backends.split(","):
            label = labels[naam]
            rss_voor = rss_piek_mb()
            begin = time.perf_counter()
            call_command("update_index", backend_name=naam, verbosity=0)
            bouwtijd = time.perf_counter() - begin
            rss_na = rss_piek_mb()
            zoek(naam, "werk")  # warm up: open the index, fill caches
            tijden, per_vraag = [], {}
            for q in zoekvragen:
                t = time.perf_counter()
                zoek(naam, q)
                ms = (time.perf_counter() - t) * 1000
                tijden.append(ms)
                per_vraag.setdefault(q, []).append(ms)
            # Memory per search, in a separate pass: tracemalloc slows Python down.
            tracemalloc.start()
            for q in zoekvragen[:50]:
                zoek(naam, q)
            _huidig, zoekpiek = tracemalloc.get_traced_memory()
            tracemalloc.stop()
            recall = [len(set(zoek(naam, q)) & relevant[q]) / len(relevant[q]) for q, _ in GELABELD]
            tijden.sort()
            p50, p95 = statistics.median(tijden), tijden[int(0.95 * (len(tijden) - 1))]
            print(f"\n== {label} ==")
            print(f"index bouwen: {bouwtijd:.1f} s (RSS-piek {rss_voor:.0f} -> {rss_na:.0f} MB)")
            print(f"zoekvragen:          {len(tijden)}: p50 {p50:.1f} ms, p95 {p95:.1f} ms")
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


if __name__ == "__main__":
    main()

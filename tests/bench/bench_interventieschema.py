"""Benchmark of the interventieschema (not collected by default: run it by name).

    .venv/bin/python -m pytest -s tests/bench/bench_interventieschema.py

Prints the import time of a 1,000-row CSV and the render time of the schema view (and the list
view) at 1,000 and 10,000 interventies. Figures, not assertions: speed is not a unit test.
"""

import csv
import io
import statistics
import time
import uuid

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page

from cms.models import Doelgroep, Fase
from kennisbank.models import InterventiePage, InterventieschemaPage
from kennisbank.services import KOLOMMEN, interventies_importeren

pytestmark = pytest.mark.django_db
ALFABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def _csv(n):
    fases = list(Fase.objects.filter(reeks__standaard=True).values_list("naam", flat=True))
    doelgroepen = list(Doelgroep.objects.values_list("slug", flat=True))
    uit = io.StringIO()
    schrijver = csv.DictWriter(uit, fieldnames=KOLOMMEN)
    schrijver.writeheader()
    for i in range(n):
        schrijver.writerow(
            {
                "titel": f"Interventie {i}",
                "slug": f"bench-{i}",
                "samenvatting": "Met de cliënt de zoekperiode voorbereiden en het PVA maken.",
                "fases": f"{fases[i % 6]};{fases[(i + 2) % 6]}",
                "laag": ["standaard", "houding", "toolbox"][i % 3],
                "onderdeel": ["bespreken", "doen", "hoe", ""][i % 4],
                "doelgroepen": doelgroepen[i % len(doelgroepen)],
                "treden": "trede-2",
                "klanttypen": "toetser",
                "werkzame_elementen": "netwerk;vertrouwen",
                "basismethodiek": "motiverende-gespreksvoering",
                "herkomst": "consulenten",
                "bewijsniveau": "niet beoordeeld",
                "status": ["beschikbaar", "pilot", "gepland", "ontbrekend"][i % 4],
                "aanbieder": "",
                "duur": "",
                "kosten": "",
                "bronnen": "Leernetwerk (2020)",
                "tags": "bench",
            }
        )
    return uit.getvalue().encode()


def _snel_bijmaken(schema, van, tot):
    """Insert interventies directly (tree paths computed here): only for the benchmark's bulk."""
    content_type = ContentType.objects.get_for_model(InterventiePage)
    laatste = Page.objects.filter(depth=schema.depth + 1, path__startswith=schema.path).order_by(
        "-path"
    )[0]
    getal = int(laatste.path[-4:], 36)
    fases = list(Fase.objects.filter(reeks__standaard=True))
    doelgroepen = list(Doelgroep.objects.all())
    basis = []
    for i in range(van, tot):
        getal += 1
        stap, n = "", getal
        for _ in range(4):
            n, rest = divmod(n, 36)
            stap = ALFABET[rest] + stap
        basis.append(
            Page(
                title=f"Interventie {i}",
                draft_title=f"Interventie {i}",
                slug=f"bench-{i}",
                content_type=content_type,
                path=schema.path + stap,
                depth=schema.depth + 1,
                numchild=0,
                url_path=f"{schema.url_path}bench-{i}/",
                locale_id=schema.locale_id,
                live=True,
                translation_key=uuid.uuid4(),
            )
        )
    Page.objects.bulk_create(basis, batch_size=500)
    ids = list(Page.objects.filter(slug__in=[p.slug for p in basis]).values_list("pk", "slug"))
    for pk, slug in ids:
        i = int(slug.split("-")[1])
        InterventiePage(
            page_ptr_id=pk,
            samenvatting="Samen met de cliënt de zoekperiode voorbereiden.",
            laag=["standaard", "houding", "toolbox"][i % 3],
            onderdeel=["bespreken", "doen", "hoe", ""][i % 4],
            status=["beschikbaar", "pilot", "gepland", "ontbrekend"][i % 4],
        ).save_base(raw=True)
    InterventiePage.fases.through.objects.bulk_create(
        [
            InterventiePage.fases.through(interventiepage_id=pk, fase=fases[int(s[6:]) % 6])
            for pk, s in ids
        ],
        batch_size=1000,
    )
    InterventiePage.doelgroepen.through.objects.bulk_create(
        [
            InterventiePage.doelgroepen.through(
                interventiepage_id=pk, doelgroep=doelgroepen[int(s[6:]) % len(doelgroepen)]
            )
            for pk, s in ids
        ],
        batch_size=1000,
    )
    Page.objects.filter(pk=schema.pk).update(numchild=schema.get_children().count())


def _render(client, pad, keer=3):
    tijden = []
    for _ in range(keer):
        with CaptureQueriesContext(connection) as queries:
            begin = time.perf_counter()
            response = client.get(pad)
            tijden.append(time.perf_counter() - begin)
        assert response.status_code == 200
    return statistics.median(tijden), len(queries), len(response.content)


def test_bench_interventieschema(client_als):
    schema = InterventieschemaPage.objects.get()
    client = client_als("demo-consulent")
    bestand = _csv(1000)

    begin = time.perf_counter()
    resultaat = interventies_importeren(inhoud=bestand, bestandsnaam="bench.csv")
    import_tijd = time.perf_counter() - begin
    assert not resultaat.fouten and len(resultaat.nieuw) == 1000
    begin = time.perf_counter()
    interventies_importeren(inhoud=bestand, bestandsnaam="bench.csv")
    herimport_tijd = time.perf_counter() - begin

    print()
    print(f"import 1.000 rijen (nieuw):            {import_tijd:7.2f} s")
    print(f"import 1.000 rijen (ongewijzigd):      {herimport_tijd:7.2f} s")
    for totaal in (1000, 10000):
        if totaal > InterventiePage.objects.count():
            _snel_bijmaken(schema, InterventiePage.objects.count(), totaal)
        assert InterventiePage.objects.live().count() == totaal
        for pad in (
            "/interventieschema/",
            "/interventieschema/?doelgroep=lvb&status=ontbrekend",
            "/interventieschema/lijst/",
        ):
            tijd, queries, grootte = _render(client, pad, keer=3 if totaal <= 1000 else 1)
            print(
                f"{totaal:>6} interventies {pad:<52} {tijd:6.3f} s  "
                f"{queries:3d} queries  {grootte / 1024:8.0f} kB"
            )

"""The schema matrix comes from the content cache: an import, a publish, an unpublish and a
taxonomy edit show at once; a thousand interventies fold into readable cells."""

import re

import pytest

from cms.models import Doelgroep
from kennisbank.views import CEL_ZICHTBAAR
from tests.kennisbank.test_import_export import als_csv, importeer, rij

pytestmark = pytest.mark.django_db


def matrix(client, pad="/interventieschema/"):
    return "".join(re.findall(r"<table.*?</table>", client.get(pad).content.decode(), re.S))


def test_import_publish_unpublish_show_at_once(client_als, interventie_maken):
    eerste = interventie_maken("Netwerkkaart")
    client = client_als("demo-consulent")
    assert "Netwerkkaart" in matrix(client)  # the matrix is cached now

    resultaat = importeer(als_csv([rij(1, titel="Uit de import")]))
    assert not resultaat.fouten
    assert "Uit de import" in matrix(client)

    eerste.title = "Netwerkkaart, herzien"
    eerste.save_revision().publish()
    assert "Netwerkkaart, herzien" in matrix(client)

    eerste.unpublish()
    assert "Netwerkkaart" not in matrix(client)


def test_taxonomy_edit_shows_at_once_in_matrix_and_filter(client_als, interventie_maken):
    interventie_maken("Voor LVB", doelgroepen=("lvb",))
    client = client_als("demo-consulent")
    client.get("/interventieschema/?doelgroep=lvb")
    lvb = Doelgroep.objects.get(slug="lvb")
    lvb.naam = "Mensen met een LVB"
    lvb.save()
    html = client.get("/interventieschema/?doelgroep=lvb").content.decode()
    assert html.count("Mensen met een LVB") >= 3  # badge in the cell, filter option, active filter


def test_long_cells_fold_open_and_every_interventie_stays_reachable(client_als, veel_interventies):
    veel_interventies(60)  # 60 interventies over 6 fases x 3 rows: cells of about 7 x 2
    extra = [
        rij(n, titel=f"Stapel {n}", fases="Zoekperiode (4 weken)", onderdeel="doen")
        for n in range(CEL_ZICHTBAAR + 5)
    ]
    assert not importeer(als_csv(extra)).fouten
    html = matrix(client_als("demo-consulent"))
    cel = next(c for c in re.findall(r"<td>(.*?)</td>", html, re.S) if "Stapel 0" in c)
    zichtbaar, _, verborgen = cel.partition("<details")
    assert zichtbaar.count("<li>") == CEL_ZICHTBAAR
    assert "<summary>nog 5 interventies</summary>" in verborgen
    assert all(f">Stapel {n}<" in cel for n in range(CEL_ZICHTBAAR + 5))


def test_schema_needs_fewer_queries_once_cached(
    client_als, veel_interventies, django_assert_max_num_queries
):
    veel_interventies(30)
    client = client_als("demo-consulent")
    client.get("/interventieschema/?status=beschikbaar")
    with django_assert_max_num_queries(12):
        assert client.get("/interventieschema/?status=beschikbaar").status_code == 200

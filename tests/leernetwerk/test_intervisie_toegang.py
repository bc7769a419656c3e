"""Confidentiality: only group members read content; teamchefs see participation only."""

import json
import re

import pytest

from cms.search.registry import zoekbare_typen
from leernetwerk.models import ToegangsLog
from tests.leernetwerk.conftest import CASUS


def _zonder_csrf(response):
    """The page body without the per-response masked CSRF token (it differs every time)."""
    return re.sub(rb'name="csrfmiddlewaretoken" value="[^"]+"', b"", response.content)


INHOUD_URLS = [
    "/intervisie/sessies/{pk}/",
    "/intervisie/sessies/{pk}.json",
    "/intervisie/sessies/{pk}/export.md",
    "/intervisie/sessies/{pk}/bewerken/",
    "/intervisie/sessies/{pk}/leiden/",
]


@pytest.mark.parametrize("buitenstaander", ["demo-teamchef", "bram.smit", "demo-trainer"])
@pytest.mark.parametrize("url", INHOUD_URLS)
def test_non_members_get_404_on_content_and_are_logged(client_als, sessie, buitenstaander, url):
    client = client_als(buitenstaander)
    response = client.get(url.format(pk=sessie.pk))
    onbekend = client.get(url.format(pk=sessie.pk + 1000))
    # The same answer as for a session that does not exist: nothing tells that this one does.
    assert response.status_code == onbekend.status_code == 404
    assert _zonder_csrf(response) == _zonder_csrf(onbekend)
    assert CASUS.encode() not in response.content
    log = ToegangsLog.objects.get()
    assert log.soort == ToegangsLog.Soort.GEWEIGERD
    assert log.gebruiker.username == buitenstaander and log.sessie == sessie


def test_non_member_cannot_open_the_group_page_nor_confirm_attendance(client_als, sessie):
    client = client_als("bram.smit")
    assert client.get(f"/intervisie/groepen/{sessie.groep.pk}/").status_code == 404
    response = client.post(
        f"/intervisie/sessies/{sessie.pk}/aanwezigheid/", {"actie": "bevestigen"}
    )
    assert response.status_code == 404
    assert not sessie.aanwezigheden.filter(deelnemer__username="bram.smit").exists()
    assert ToegangsLog.objects.filter(soort="geweigerd").count() == 2


@pytest.mark.parametrize(
    "methode,url",
    [
        ("get", "/intervisie/groepen/{groep}/"),
        ("get", "/intervisie/groepen/{groep}/sessies/nieuw/"),
        ("post", "/intervisie/groepen/{groep}/eerdere-sessies/"),
        ("post", "/intervisie/sessies/{sessie}/aanwezigheid/"),
        ("post", "/intervisie/actiepunten/{actiepunt}/afronden/"),
    ],
)
def test_forbidden_and_unknown_ids_get_the_same_answer(client_als, sessie, methode, url):
    client = client_als("bram.smit")
    bestaand = {
        "groep": sessie.groep.pk,
        "sessie": sessie.pk,
        "actiepunt": sessie.actiepunten.get().pk,
    }
    onbekend = {naam: pk + 1000 for naam, pk in bestaand.items()}
    verboden = getattr(client, methode)(url.format(**bestaand))
    niet_bestaand = getattr(client, methode)(url.format(**onbekend))
    assert verboden.status_code == niet_bestaand.status_code == 404
    assert _zonder_csrf(verboden) == _zonder_csrf(niet_bestaand)
    assert sessie.actiepunten.get().afgerond is None


def test_members_read_the_record_in_page_json_and_export(client_als, sessie):
    client = client_als("lotte.jansen")
    assert CASUS in client.get(f"/intervisie/sessies/{sessie.pk}/").content.decode()
    data = json.loads(client.get(f"/intervisie/sessies/{sessie.pk}.json").content)
    assert data["casus"] == CASUS and data["actiepunten"][0]["omschrijving"]
    export = client.get(f"/intervisie/sessies/{sessie.pk}/export.md")
    assert "attachment" in export["Content-Disposition"] and CASUS in export.content.decode()
    assert not ToegangsLog.objects.exists()


def test_teamchef_sees_dates_hours_and_attendance_but_no_content(client_als, sessie):
    response = client_als("demo-teamchef").get("/intervisie/deelname/")
    tekst = response.content.decode()
    assert response.status_code == 200
    assert sessie.datum.strftime("%Y") in tekst and "1.50" in tekst.replace(",", ".")
    assert "Daan Mulder: aanwezig (bevestigd)" in tekst
    assert "Lotte Jansen: niet bevestigd" in tekst
    for inhoud in (CASUS, "Hoe houd ik hem gemotiveerd?", "Kleine stappen", "Rijschoolkosten"):
        assert inhoud not in tekst


def test_consulent_cannot_open_the_teamchef_overview(client_als, sessie):
    assert client_als("demo-consulent").get("/intervisie/deelname/").status_code == 403


def _intervisie_type():
    return next(t for t in zoekbare_typen() if t.slug == "intervisie")


def test_search_registry_shows_sessions_only_to_members(demo_gebruikers, sessie):
    zoektype = _intervisie_type()
    assert str(zoektype.label) == "Intervisieverslag"
    assert list(zoektype.zichtbaar_voor(demo_gebruikers["daan.mulder"])) == [sessie]
    assert zoektype.url_van(sessie) == f"/intervisie/sessies/{sessie.pk}/"
    for buiten in ("demo-teamchef", "bram.smit", "demo-beheerder"):
        assert not zoektype.zichtbaar_voor(demo_gebruikers[buiten]).exists()


def test_search_text_query_runs_within_what_the_user_may_see(demo_gebruikers, sessie):
    zoektype = _intervisie_type()
    lid = zoektype.zichtbaar_voor(demo_gebruikers["daan.mulder"]).search("rijbewijs")
    assert [s.pk for s in lid] == [sessie.pk]
    teamchef = zoektype.zichtbaar_voor(demo_gebruikers["demo-teamchef"]).search("rijbewijs")
    assert list(teamchef) == []


def test_beheerder_opens_content_only_with_a_logged_reason(client_als, sessie):
    client = client_als("demo-beheerder")
    url = f"/intervisie/sessies/{sessie.pk}/"
    response = client.get(url)
    assert response.status_code == 403 and CASUS not in response.content.decode()
    assert "Waarom moet je deze inhoud openen?" in response.content.decode()

    response = client.post(url, {"reden": "kort"})
    assert response.status_code == 403
    assert "minstens 15 tekens" in response.content.decode()
    assert not ToegangsLog.objects.exists()

    reden = "Klacht van een groepslid over het verslag, verzoek van de groep."
    response = client.post(url, {"reden": reden})
    assert response.status_code == 200 and CASUS in response.content.decode()
    log = ToegangsLog.objects.get()
    assert log.soort == ToegangsLog.Soort.BEHEERDER and log.reden == reden
    # The reason opens this view only: JSON and export stay closed to the beheerder.
    assert client.get(f"/intervisie/sessies/{sessie.pk}.json").status_code == 404

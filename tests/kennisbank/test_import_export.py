import csv
import io

import pytest
from django.core.management import CommandError, call_command
from openpyxl import Workbook, load_workbook
from wagtail.models import Revision

from kennisbank.demo import demo_laden
from kennisbank.models import ImportTaak, InterventiePage
from kennisbank.services import KOLOMMEN, interventies_importeren


def rij(nummer, **anders):
    basis = {
        "titel": f"Interventie {nummer}",
        "slug": f"import-{nummer}",
        "samenvatting": f"Wat de consulent doet in stap {nummer}.",
        "fases": "Zoekperiode (4 weken);plangesprek",
        "laag": "toolbox",
        "onderdeel": "doen",
        "doelgroepen": "LVB;jongeren",
        "treden": "trede-2",
        "klanttypen": "Toetser",
        "werkzame_elementen": "netwerk",
        "basismethodiek": "Motiverende gespreksvoering",
        "herkomst": "consulenten;Literatuur",
        "bewijsniveau": "goed beschreven",
        "status": "pilot",
        "aanbieder": "Welzijnsorganisatie",
        "duur": "12 weken",
        "kosten": "gratis",
        "bronnen": "Movisie (2018)\nLeernetwerk (2020)",
        "tags": "netwerk;MI",
    }
    basis.update(anders)
    return basis


def als_csv(rijen, kolommen=KOLOMMEN):
    uit = io.StringIO()
    schrijver = csv.DictWriter(uit, fieldnames=kolommen, extrasaction="ignore")
    schrijver.writeheader()
    schrijver.writerows(rijen)
    return uit.getvalue().encode("utf-8")


def importeer(inhoud, naam="interventies.csv", **kwargs):
    return interventies_importeren(inhoud=inhoud, bestandsnaam=naam, **kwargs)


def test_200_rows_create_200_interventies_and_a_second_import_changes_nothing(schema):
    bestand = als_csv([rij(n) for n in range(200)])
    resultaat = importeer(bestand)
    assert resultaat.fouten == [] and len(resultaat.nieuw) == 200
    assert InterventiePage.objects.live().child_of(schema).count() == 200
    eerste = InterventiePage.objects.get(slug="import-7")
    assert [f.slug for f in eerste.fases.all()] == ["zoekperiode", "plangesprek"]
    assert {d.slug for d in eerste.doelgroepen.all()} == {"lvb", "jongeren"}
    assert eerste.status == "pilot" and eerste.bewijsniveau == "goed_beschreven"
    assert sorted(t.name for t in eerste.tags.all()) == ["MI", "netwerk"]

    revisies = Revision.objects.count()
    opnieuw = importeer(bestand)
    assert opnieuw.fouten == [] and len(opnieuw.ongewijzigd) == 200
    assert opnieuw.nieuw == [] and opnieuw.gewijzigd == []
    assert Revision.objects.count() == revisies
    assert InterventiePage.objects.count() == 200


def test_three_bad_rows_are_reported_and_nothing_is_written(schema):
    rijen = [rij(n) for n in range(10)]
    rijen[1]["doelgroepen"] = "LVB;kabouters"  # file row 3
    rijen[3]["titel"] = ""  # file row 5
    rijen[6]["laag"] = "bovenste plank"  # file row 8
    resultaat = importeer(als_csv(rijen))
    assert [(f.rij, f.kolom) for f in resultaat.fouten] == [
        (3, "doelgroepen"),
        (5, "titel"),
        (8, "laag"),
    ]
    assert "“kabouters” is onbekend in doelgroepen" in resultaat.fouten[0].melding
    assert "Verplicht" in resultaat.fouten[1].melding
    assert "geen geldige waarde" in resultaat.fouten[2].melding
    assert not InterventiePage.objects.exists()


def test_update_by_slug_changes_the_existing_page_without_duplicating(schema):
    importeer(als_csv([rij(1)]))
    resultaat = importeer(als_csv([rij(1, titel="Nieuwe titel", status="beschikbaar")]))
    assert resultaat.gewijzigd == ["import-1"]
    pagina = InterventiePage.objects.get()
    assert pagina.title == "Nieuwe titel" and pagina.status == "beschikbaar" and pagina.live


def test_file_level_errors_are_reported_in_dutch(schema):
    zonder_fases = als_csv([rij(1)], kolommen=[k for k in KOLOMMEN if k != "fases"])
    assert [(f.rij, f.kolom) for f in importeer(zonder_fases).fouten] == [(1, "fases")]
    assert "verplicht" in importeer(zonder_fases).fouten[0].melding
    assert "csv" in importeer(b"x", naam="lijst.pdf").fouten[0].melding
    dubbel = importeer(als_csv([rij(1), rij(2, slug="import-1")]))
    assert [(f.rij, f.kolom) for f in dubbel.fouten] == [(3, "slug")]
    assert not InterventiePage.objects.exists()


def test_xlsx_import_and_dry_run(schema):
    werkboek = Workbook()
    blad = werkboek.active
    blad.append(KOLOMMEN)
    blad.append([rij(1)[k] for k in KOLOMMEN])
    uit = io.BytesIO()
    werkboek.save(uit)
    proef = importeer(uit.getvalue(), naam="lijst.xlsx", proef=True)
    assert proef.fouten == [] and proef.nieuw == ["import-1"]
    assert not InterventiePage.objects.exists()
    assert importeer(uit.getvalue(), naam="lijst.xlsx").nieuw == ["import-1"]
    assert InterventiePage.objects.get().duur == "12 weken"


def test_management_command_with_dry_run_and_errors(schema, tmp_path, capsys):
    goed = tmp_path / "goed.csv"
    goed.write_bytes(als_csv([rij(1), rij(2)]))
    call_command("interventies_importeren", str(goed), "--dry-run")
    assert "Proefimport (niets opgeslagen): 2 nieuw" in capsys.readouterr().out
    assert not InterventiePage.objects.exists()
    call_command("interventies_importeren", str(goed))
    assert InterventiePage.objects.count() == 2
    fout = tmp_path / "fout.csv"
    fout.write_bytes(als_csv([rij(3, fases="")]))
    with pytest.raises(CommandError, match="niets opgeslagen"):
        call_command("interventies_importeren", str(fout))
    assert "rij 2, kolom fases: Verplicht" in capsys.readouterr().err


@pytest.mark.parametrize("formaat", ["csv", "xlsx"])
def test_export_then_import_of_the_demo_is_a_no_op(client_als, schema, formaat, capsys):
    demo_laden(stdout=io.StringIO())
    aantal = InterventiePage.objects.count()
    assert aantal >= 60
    revisies = Revision.objects.count()
    response = client_als("demo-kennisbeheerder").get(f"/interventieschema/export.{formaat}")
    assert response.status_code == 200
    resultaat = importeer(response.content, naam=f"export.{formaat}")
    assert resultaat.fouten == []
    assert len(resultaat.ongewijzigd) == aantal and not resultaat.gewijzigd
    assert Revision.objects.count() == revisies


def test_export_follows_the_filters_and_uses_the_import_columns(client_als, schema):
    importeer(als_csv([rij(1), rij(2, doelgroepen="statushouders", status="beschikbaar")]))
    client = client_als("demo-consulent")
    response = client.get("/interventieschema/export.xlsx?doelgroep=statushouders")
    blad = load_workbook(io.BytesIO(response.content)).active
    rijen = list(blad.iter_rows(values_only=True))
    assert list(rijen[0]) == KOLOMMEN
    assert [r[1] for r in rijen[1:]] == ["import-2"]
    tekst = client.get("/interventieschema/export.csv?status=pilot").content.decode("utf-8-sig")
    assert [r["slug"] for r in csv.DictReader(io.StringIO(tekst), delimiter=";")] == ["import-1"]


def test_upload_page_is_for_kennisbeheerders_and_reports_errors(client_als, schema):
    assert client_als("demo-consulent").get("/interventieschema/importeren/").status_code == 403
    client = client_als("demo-kennisbeheerder")
    bestand = io.BytesIO(als_csv([rij(1), rij(2, fases="Nergens")]))
    bestand.name = "interventies.csv"
    html = client.post("/interventieschema/importeren/", {"bestand": bestand}).content.decode()
    assert "1 fout gevonden: er is niets opgeslagen" in html
    assert "<td>3</td><td>fases</td><td>“Nergens” is onbekend in fases.</td>" in html
    assert not InterventiePage.objects.exists()

    bestand = io.BytesIO(als_csv([rij(1)]))
    bestand.name = "interventies.csv"
    response = client.post(
        "/interventieschema/importeren/", {"bestand": bestand, "alleen_controleren": "on"}
    )
    assert "Controle geslaagd" in response.content.decode()
    assert not InterventiePage.objects.exists()
    bestand.seek(0)
    response = client.post("/interventieschema/importeren/", {"bestand": bestand}, follow=True)
    taak = ImportTaak.objects.get()
    assert response.redirect_chain == [(f"/interventieschema/importeren/{taak.pk}/", 302)]
    html = response.content.decode()
    assert "Import opgeslagen" in html and "1 nieuw, 0 gewijzigd, 0 ongewijzigd." in html
    assert InterventiePage.objects.get().title == "Interventie 1"
    assert taak.gebruiker.username == "demo-kennisbeheerder" and bytes(taak.inhoud) == b""
    voortgang = client.get(f"/interventieschema/importeren/{taak.pk}/voortgang/").json()
    assert voortgang["loopt"] is False and voortgang["verwerkt"] == voortgang["totaal"] == 1
    consulent = client_als("demo-consulent")
    assert consulent.get(f"/interventieschema/importeren/{taak.pk}/").status_code == 403


def test_demo_loads_twice_to_the_same_state(schema):
    demo_laden(stdout=io.StringIO())
    staat = (InterventiePage.objects.count(), Revision.objects.count())
    demo_laden(stdout=io.StringIO())
    assert (InterventiePage.objects.count(), Revision.objects.count()) == staat
    fases = set(
        InterventiePage.fases.through.objects.values_list("fase__slug", flat=True).distinct()
    )
    assert {"voorafgaand", "eerste-gesprek", "zoekperiode", "plangesprek", "verloop", "nazorg"} <= (
        fases
    )
    assert InterventiePage.objects.filter(laag="toolbox").count() >= 20
    assert InterventiePage.objects.filter(status="ontbrekend").exclude(hiaat_eigenaar="").exists()
    from kennisbank.models import BeslismomentPage

    assert BeslismomentPage.objects.live().count() == 5

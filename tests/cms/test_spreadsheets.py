"""cms.spreadsheets: reading what Dutch Excel saves, refusing sheet bombs, writing safe cells."""

import csv
import datetime as dt
import io
import time
from decimal import Decimal

import pytest
from openpyxl import Workbook, load_workbook

from cms.spreadsheets import BestandFout, csv_bytes, tabel_lezen, xlsx_bytes

KOP = ["titel", "samenvatting"]


def test_cp1252_with_semicolons_as_dutch_excel_saves_it():
    inhoud = "titel;samenvatting\r\nBeëindiging;Één gesprek, dan € 0\r\n".encode("cp1252")
    assert tabel_lezen(inhoud, "x.csv") == [KOP, ["Beëindiging", "Één gesprek, dan € 0"]]


@pytest.mark.parametrize(
    "inhoud",
    [
        b"\xef\xbb\xbf\xef\xbb\xbftitel,samenvatting\r\nA,b\r\n",  # double BOM
        "titel\tsamenvatting\r\nA\tb\r\n".encode("utf-16"),  # Excel's "Unicode text"
        b"\xfe\xff" + "\ufefftitel;samenvatting\nA;b\n".encode("utf-16-be"),  # BE, two BOMs
    ],
)
def test_boms_utf16_and_the_separator_are_detected(inhoud):
    assert tabel_lezen(inhoud, "x.csv") == [KOP, ["A", "b"]]


def test_separator_inside_quotes_does_not_count():
    inhoud = b'titel,"samenvatting; met puntkomma"\r\nA,b\r\n'
    assert tabel_lezen(inhoud, "x.csv")[0] == ["titel", "samenvatting; met puntkomma"]


def test_an_xlsx_declaring_a_cell_at_xfd1048576_is_refused_before_it_is_expanded():
    werkboek = Workbook()
    blad = werkboek.active
    blad.append(KOP)
    blad["XFD1048576"] = "x"
    uit = io.BytesIO()
    werkboek.save(uit)
    assert len(uit.getvalue()) < 10_000
    begin = time.perf_counter()
    with pytest.raises(BestandFout, match="XFD1048576"):
        tabel_lezen(uit.getvalue(), "x.xlsx")
    assert time.perf_counter() - begin < 5, "refused from the declared size, not by reading"


def test_an_xlsx_with_too_many_rows_is_refused_even_without_a_dimension():
    werkboek = Workbook(write_only=True)  # writes no <dimension> up front
    blad = werkboek.create_sheet()
    for i in range(12):
        blad.append([f"r{i}", "x"])
    uit = io.BytesIO()
    werkboek.save(uit)
    with pytest.raises(BestandFout, match="meer dan 10 rijen"):
        tabel_lezen(uit.getvalue(), "x.xlsx", max_rijen=10)
    assert len(tabel_lezen(uit.getvalue(), "x.xlsx", max_rijen=11)) == 12


def test_a_damaged_or_other_file_gets_a_dutch_message():
    with pytest.raises(BestandFout, match="kan niet worden gelezen"):
        tabel_lezen(b"PK\x03\x04 kapot", "x.xlsx")
    with pytest.raises(BestandFout, match=r"\.csv en \.xlsx"):
        tabel_lezen(b"x", "x.pdf")


AANVALLEN = ['=HYPERLINK("http://x.example","klik")', "+31 SOM(A1)", "-2+3", "@SUM(A1)"]
AANVALLEN += ["\t=1+1", "\r=1+1"]


def test_csv_cells_that_would_be_formulas_start_with_an_apostrophe():
    inhoud = csv_bytes([["tekst"], *([a] for a in AANVALLEN), ["-12,5"], ["gewoon"]])
    assert inhoud.startswith("\ufeff".encode())
    rijen = list(csv.reader(io.StringIO(inhoud.decode("utf-8-sig"), newline=""), delimiter=";"))
    assert [r[0] for r in rijen[1:-2]] == ["'" + a for a in AANVALLEN]
    assert rijen[-2:] == [["-12,5"], ["gewoon"]], "numbers and plain text stay as they are"


def test_xlsx_text_is_never_a_formula_and_control_characters_cannot_break_it():
    inhoud = xlsx_bytes(
        [["a", "b"], [AANVALLEN[0], "regel\x0bregel\x00"], [Decimal("1.5"), dt.date(2026, 1, 2)]],
        titel="Blad: [test]",
        vet=(0,),
        bevries="A2",
    )
    blad = load_workbook(io.BytesIO(inhoud)).active
    assert blad["A2"].data_type == "s" and blad["A2"].value == AANVALLEN[0]
    assert blad["B2"].value == "regelregel"
    assert blad["A3"].value == 1.5 and blad["B3"].value == dt.datetime(2026, 1, 2)
    assert blad["A1"].font.bold and blad.freeze_panes == "A2"

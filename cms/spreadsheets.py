"""Spreadsheets in and out, for every app: one place that reads what Dutch Excel saves and
writes what Dutch Excel opens right, safely.

Reading (`tabel_lezen`): CSV in UTF-8 (with any number of byte-order marks), UTF-16 (with BOM)
or Windows-1252, separated by ";", "," or tab (detected from the first line); XLSX with the size
of the sheet checked before a single row is expanded, so a small file that declares a cell at
XFD1048576 is refused instead of filling memory.

Writing (`csv_bytes`, `xlsx_bytes`): CSV as UTF-8 with BOM and ";" (what Dutch Excel opens with
the right columns and accents), XLSX with text always stored as text. A cell that starts with
"=", "+", "-", "@", tab or carriage return would be run by a spreadsheet as a formula; in CSV it
gets a leading apostrophe, in XLSX it is a text cell. Control characters that XLSX cannot hold
(e.g. the vertical tab Word pastes) are left out of both, so one old value never breaks an export.
"""

import csv
import datetime as dt
import io
import re
import zipfile
from decimal import Decimal

from django.utils.translation import gettext as _

MAX_RIJEN = 10_000  # data rows, header not counted
MAX_KOLOMMEN = 100
MAX_UITGEPAKT = 100 * 1024 * 1024  # bytes an XLSX may unpack to

FORMULETEKENS = ("=", "+", "-", "@", "\t", "\r")
# C0 control characters except tab, newline and carriage return; DEL. XML 1.0 (so XLSX)
# cannot hold them and no one types them: they come from pasting (Word's \x0b line break).
STUURTEKENS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_GETAL = re.compile(r"[+-]?\d+(?:[.,]\d+)?")
_BOM = "\ufeff"


class BestandFout(Exception):
    """The file as a whole cannot be read; the message is Dutch and says what to do."""


# --- Reading ---------------------------------------------------------------------------------


def tabel_lezen(inhoud, bestandsnaam, *, max_rijen=MAX_RIJEN, max_kolommen=MAX_KOLOMMEN):
    """Return the rows of a .csv or .xlsx file as lists of strings (header row first).

    Raises BestandFout (Dutch) for an unreadable file, an unknown kind or one over the limits.
    """
    naam = bestandsnaam.lower()
    if naam.endswith(".xlsx"):
        rijen = _xlsx_rijen(inhoud, max_rijen, max_kolommen)
    elif naam.endswith(".csv"):
        rijen = _csv_rijen(inhoud, max_rijen, max_kolommen)
    else:
        raise BestandFout(_("Alleen .csv en .xlsx kunnen worden ingelezen."))
    while rijen and not any(c.strip() for c in rijen[-1]):
        rijen.pop()
    if rijen:
        rijen[0] = [k.replace(_BOM, "") for k in rijen[0]]
    return rijen


def csv_decoderen(inhoud):
    """Decode CSV bytes: UTF-16 by its BOM, else UTF-8, else Windows-1252; BOMs dropped."""
    if inhoud[:2] in (b"\xff\xfe", b"\xfe\xff"):
        try:
            tekst = inhoud.decode("utf-16")
        except UnicodeDecodeError as e:
            raise BestandFout(_("Het bestand is beschadigd (UTF-16 met fouten).")) from e
    else:
        try:
            tekst = inhoud.decode("utf-8")
        except UnicodeDecodeError:
            try:
                tekst = inhoud.decode("cp1252")
            except UnicodeDecodeError as e:
                raise BestandFout(
                    _(
                        "De tekens in het bestand zijn niet te lezen. Sla het in Excel op als "
                        "'CSV UTF-8 (door komma's gescheiden)'."
                    )
                ) from e
    return tekst.lstrip(_BOM)


def scheidingsteken(tekst):
    """The separator of the first line: whichever of ";", "," and tab occurs most outside quotes."""
    eerste = re.sub(r'"[^"]*"', "", tekst.split("\n", 1)[0])
    tellingen = {teken: eerste.count(teken) for teken in (";", ",", "\t")}
    beste = max(tellingen, key=tellingen.get)
    return beste if tellingen[beste] else ";"


def _csv_rijen(inhoud, max_rijen, max_kolommen):
    tekst = csv_decoderen(inhoud)
    lezer = csv.reader(io.StringIO(tekst, newline=""), delimiter=scheidingsteken(tekst))
    rijen = []
    try:
        for rij in lezer:
            if len(rijen) > max_rijen:
                raise BestandFout(_te_veel_rijen(max_rijen))
            rijen.append(rij[:max_kolommen])
    except csv.Error as e:
        raise BestandFout(
            _("Het CSV-bestand kan niet worden gelezen (regel %(regel)d).")
            % {"regel": lezer.line_num}
        ) from e
    return rijen


def _te_veel_rijen(max_rijen):
    return _("Het bestand heeft meer dan %(n)s rijen. Splits het in kleinere bestanden.") % {
        "n": f"{max_rijen:,}".replace(",", ".")
    }


def _xlsx_rijen(inhoud, max_rijen, max_kolommen):
    from openpyxl import load_workbook
    from openpyxl.utils import get_column_letter

    onleesbaar = _(
        "Het Excel-bestand kan niet worden gelezen. Sla het op als .xlsx en probeer opnieuw."
    )
    try:
        with zipfile.ZipFile(io.BytesIO(inhoud)) as archief:
            uitgepakt = sum(info.file_size for info in archief.infolist())
    except (zipfile.BadZipFile, ValueError) as e:
        raise BestandFout(onleesbaar) from e
    if uitgepakt > MAX_UITGEPAKT:
        raise BestandFout(_("Het Excel-bestand is uitgepakt te groot om in te lezen."))
    try:
        werkboek = load_workbook(io.BytesIO(inhoud), read_only=True, data_only=True)
    except Exception as e:  # openpyxl raises many kinds for a damaged or non-xlsx file
        raise BestandFout(onleesbaar) from e
    try:
        if not werkboek.worksheets:
            raise BestandFout(onleesbaar)
        blad = werkboek.worksheets[0]
        # The declared size (the sheet's <dimension>), read before any row is expanded.
        rijen_gemeld, kolommen_gemeld = blad.max_row or 0, blad.max_column or 0
        if rijen_gemeld > max_rijen + 1 or kolommen_gemeld > max_kolommen:
            raise BestandFout(
                _(
                    "Het Excel-blad loopt tot cel %(cel)s; ingelezen worden maximaal %(rijen)s "
                    "rijen en %(kolommen)d kolommen. Verwijder de lege rijen en kolommen eronder "
                    "en ernaast, of kopieer alleen de tabel naar een nieuw bestand."
                )
                % {
                    "cel": f"{get_column_letter(max(kolommen_gemeld, 1))}{rijen_gemeld}",
                    "rijen": f"{max_rijen:,}".replace(",", "."),
                    "kolommen": max_kolommen,
                }
            )
        # Bounded even when the declared size is wrong: at most max_kolommen wide, and reading
        # stops one row past the limit.
        rijen = []
        try:
            for rij in blad.iter_rows(max_col=max_kolommen, values_only=True):
                if len(rijen) > max_rijen:
                    raise BestandFout(_te_veel_rijen(max_rijen))
                rijen.append([_celtekst(w) for w in rij])
        except BestandFout:
            raise
        except Exception as e:
            raise BestandFout(onleesbaar) from e
    finally:
        werkboek.close()
    return rijen


def _celtekst(waarde):
    if waarde is None:
        return ""
    if isinstance(waarde, float) and waarde.is_integer():
        return str(int(waarde))
    if isinstance(waarde, dt.datetime) and waarde.time() == dt.time():
        return waarde.date().isoformat()
    return str(waarde)


def stuurtekens_vervangen(tekst, *, meerdere_regels=True):
    """Return (clean text, sorted set of the control characters found, as 'U+000B').

    A vertical tab or form feed (Word's line and page break) becomes a line break in multi-line
    text and a space in single-line text; other control characters are dropped.
    """
    gevonden = set(STUURTEKENS.findall(tekst))
    if not gevonden:
        return tekst, []
    breuk = "\n" if meerdere_regels else " "
    schoon = STUURTEKENS.sub(lambda m: breuk if m.group(0) in "\x0b\x0c" else "", tekst)
    return schoon, sorted(f"U+{ord(t):04X}" for t in gevonden)


def formule_terug(tekst):
    """Undo csv_cel's apostrophe: "'=SOM(A1)" read back is "=SOM(A1)"."""
    if len(tekst) > 1 and tekst[0] == "'" and tekst[1] in FORMULETEKENS:
        return tekst[1:]
    return tekst


# --- Writing ---------------------------------------------------------------------------------


def csv_cel(waarde):
    """The text of one CSV cell: no control characters, and never read as a formula."""
    tekst = STUURTEKENS.sub("", "" if waarde is None else str(waarde))
    if tekst.startswith(FORMULETEKENS) and not _GETAL.fullmatch(tekst):
        return "'" + tekst
    return tekst


def csv_bytes(rijen):
    """CSV for Dutch Excel: UTF-8 with BOM, ";" between cells, CRLF, every cell made safe."""
    uit = io.StringIO()
    schrijver = csv.writer(uit, delimiter=";", lineterminator="\r\n")
    for rij in rijen:
        schrijver.writerow([csv_cel(w) for w in rij])
    return (_BOM + uit.getvalue()).encode("utf-8")


def xlsx_bytes(rijen, *, titel, vet=(), bevries=None, datumformaat="DD-MM-YYYY"):
    """One sheet. Numbers and dates stay numbers and dates; all other values are text cells.

    `vet` holds indexes of rows to print bold (negative counts from the end), `bevries` a cell
    such as "B2" to freeze panes at.
    """
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    rijen = list(rijen)
    vet = {i % len(rijen) for i in vet} if rijen else set()
    werkboek = Workbook(write_only=True)
    blad = werkboek.create_sheet(title=re.sub(r"[\[\]:*?/\\]", " ", titel)[:31].strip() or "Blad")
    if bevries:
        blad.freeze_panes = bevries
    vetgedrukt = Font(bold=True)
    for i, rij in enumerate(rijen):
        cellen = []
        for waarde in rij:
            cel = WriteOnlyCell(blad, value=_xlsx_waarde(waarde))
            if isinstance(cel.value, str):
                cel.data_type = "s"  # "=..." would otherwise become a formula
            elif isinstance(cel.value, dt.date):
                cel.number_format = datumformaat
            if i in vet:
                cel.font = vetgedrukt
            cellen.append(cel)
        blad.append(cellen)
    uit = io.BytesIO()
    werkboek.save(uit)
    return uit.getvalue()


def _xlsx_waarde(waarde):
    if isinstance(waarde, Decimal):
        return float(waarde)
    if waarde is None or isinstance(waarde, bool | int | float | dt.date):
        return waarde
    return STUURTEKENS.sub("", str(waarde))

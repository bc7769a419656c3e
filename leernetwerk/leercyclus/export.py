"""CSV and XLSX of the team dashboard: the same rows as the screen, from the same selector."""

import csv
import datetime as dt
import io
import re
from decimal import Decimal

from openpyxl import Workbook
from openpyxl.styles import Font


def csv_bytes(overzicht):
    """Semicolons and a BOM, so Dutch Excel opens it with the right columns and accents."""
    buffer = io.StringIO()
    schrijver = csv.writer(buffer, delimiter=";")
    schrijver.writerows(overzicht.exportrijen())
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def xlsx_bytes(overzicht):
    """One sheet; numbers and dates stay numbers and dates so they can be summed and sorted."""
    boek = Workbook()
    blad = boek.active
    blad.title = re.sub(r"[\[\]:*?/\\]", " ", overzicht.team.naam)[:31].strip() or "Team"
    kop, *rijen = overzicht.exportrijen(tekst=False)
    blad.append(kop)
    for cel in blad[1]:
        cel.font = Font(bold=True)
    for rij in rijen:
        blad.append([_xlsx_waarde(w) for w in rij])
    for cel in blad[blad.max_row]:
        cel.font = Font(bold=True)
    for kolom in blad.iter_cols(min_row=2):
        for cel in kolom:
            if isinstance(cel.value, dt.date):
                cel.number_format = "DD-MM-YYYY"
    blad.freeze_panes = "B2"
    uit = io.BytesIO()
    boek.save(uit)
    return uit.getvalue()


def _xlsx_waarde(waarde):
    if isinstance(waarde, Decimal):
        return float(waarde)
    if waarde is None or isinstance(waarde, int | float | dt.date):
        return waarde
    return str(waarde)

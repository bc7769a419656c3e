"""CSV and XLSX of the team dashboard: the same rows as the screen, from the same selector.

Written by cms.spreadsheets: semicolons and a BOM for Dutch Excel, no formula injection through a
name or a module title, numbers and dates kept as numbers and dates in XLSX.
"""

from cms import spreadsheets


def csv_bytes(overzicht):
    return spreadsheets.csv_bytes(overzicht.exportrijen())


def xlsx_bytes(overzicht):
    """Bold header and total row, frozen names column, dates shown as DD-MM-YYYY."""
    return spreadsheets.xlsx_bytes(
        overzicht.exportrijen(tekst=False),
        titel=overzicht.team.naam or "Team",
        vet=(0, -1),
        bevries="B2",
    )

"""Privacy guard: refuse text that identifies a client (AVG).

Used by every form or block where people write about real cases: casussen, praktijkvoorbeelden,
intervisie records. It finds BSNs (nine digits passing the elfproef), IBANs (mod-97), Dutch
phone numbers, e-mail addresses, postcode with house number and dates of birth, and names the
exact text to remove, in Dutch.
"""

import re
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _


@dataclass(frozen=True)
class Vondst:
    soort: str
    tekst: str

    @property
    def melding(self):
        return _("Verwijder %(soort)s “%(tekst)s”.") % {"soort": self.soort, "tekst": self.tekst}


# Not part of a longer number or amount (1.111222333, 111222333,50), but a comma or full stop
# that ends the clause may follow: "BSN 111222333, woont".
_BSN = re.compile(
    r"(?<![\d.,-])(\d{9}|\d{4}[ .]\d{2}[ .]\d{3}|\d{3}[ .]\d{3}[ .]\d{3})(?![\d-]|,\d)"
)
# A candidate IBAN: country letters and check digits, then letters, digits and single spaces.
# Which prefix of the candidate is the IBAN is decided by the registry length and mod-97.
_IBAN_KANDIDAAT = re.compile(r"(?<![A-Za-z0-9])[A-Za-z]{2}\d{2}(?: ?[A-Za-z0-9]){11,32}")
# Length per country, from the SWIFT IBAN registry.
IBAN_LENGTES = {
    "AD": 24, "AE": 23, "AL": 28, "AT": 20, "AZ": 28, "BA": 20, "BE": 16, "BG": 22, "BH": 22,
    "BR": 29, "BY": 28, "CH": 21, "CR": 22, "CY": 28, "CZ": 24, "DE": 22, "DK": 18, "DO": 28,
    "EE": 20, "EG": 29, "ES": 24, "FI": 18, "FO": 18, "FR": 27, "GB": 22, "GE": 22, "GI": 23,
    "GL": 18, "GR": 27, "GT": 28, "HR": 21, "HU": 28, "IE": 22, "IL": 23, "IQ": 23, "IS": 26,
    "IT": 27, "JO": 30, "KW": 30, "KZ": 20, "LB": 28, "LC": 32, "LI": 21, "LT": 20, "LU": 20,
    "LV": 21, "LY": 25, "MC": 27, "MD": 24, "ME": 22, "MK": 19, "MR": 27, "MT": 31, "MU": 30,
    "NL": 18, "NO": 15, "PK": 24, "PL": 28, "PS": 29, "PT": 25, "QA": 29, "RO": 24, "RS": 22,
    "SA": 24, "SC": 31, "SE": 24, "SI": 19, "SK": 24, "SM": 27, "ST": 25, "SV": 28, "TL": 23,
    "TN": 24, "TR": 26, "UA": 29, "VA": 22, "VG": 24, "XK": 20,
}  # fmt: skip
_EMAIL = re.compile(r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b")
_TELEFOON = re.compile(
    r"(?<![\w+])(?:(?:\+|00)31[\s.-]?(?:\(0\))?[\s.-]?|0)"
    r"(?:6(?:[\s.-]?\d){8}|[1-9](?:[\s.-]?\d){8})(?!\d)"  # separators only between digits
)
_POSTCODE_HUISNUMMER = re.compile(
    r"\b[1-9]\d{3}\s?(?!SA|SD|SS)[A-Z]{2}\b[\s,]*(?:\d{1,5}\s?[a-zA-Z]?\b)"
    r"|\b[A-Za-zÀ-ÿ.'-]+(?:straat|laan|weg|plein|gracht|kade|singel|dijk|hof|pad|steeg)\s+\d{1,5}"
    r"[a-zA-Z]?\b[\s,]*[1-9]\d{3}\s?[A-Z]{2}\b"
)
_MAANDEN = (
    "januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december"
    "|jan|feb|mrt|apr|jun|jul|aug|sep|sept|okt|nov|dec"
)
_GEBOORTEDATUM = re.compile(
    r"(?:geboren|geb\.|geboortedatum|geb\s*datum|d\.?o\.?b\.?)\s*(?:op|:)?\s*"
    r"(\d{1,2}[-/. ]\d{1,2}[-/. ]\d{2,4}|\d{4}-\d{1,2}-\d{1,2}"
    r"|\d{1,2}\s+(?:" + _MAANDEN + r")\.?\s+\d{4})",
    re.IGNORECASE,
)


def is_bsn(cijfers):
    """True for nine digits passing the elfproef (weights 9..2 and -1, sum divisible by 11)."""
    if len(cijfers) != 9 or not cijfers.isdigit() or cijfers == "000000000":
        return False
    totaal = sum(int(c) * w for c, w in zip(cijfers[:8], range(9, 1, -1), strict=True))
    totaal -= int(cijfers[8])
    return totaal % 11 == 0


def is_iban(tekst):
    """True when the text is an IBAN: the country's registry length and a valid mod-97 check."""
    iban = re.sub(r"\s", "", tekst).upper()
    if not re.fullmatch(r"[A-Z]{2}\d{2}[A-Z0-9]{11,30}", iban):
        return False
    if IBAN_LENGTES.get(iban[:2]) != len(iban):
        return False
    herschikt = iban[4:] + iban[:4]
    getal = "".join(str(int(c, 36)) for c in herschikt)
    return int(getal) % 97 == 1


def _ibans(tekst):
    """Yield (start, text) of each IBAN, compact or in groups, in any letter case."""
    positie = 0
    while (m := _IBAN_KANDIDAAT.search(tekst, positie)) is not None:
        kandidaat = m.group(0)
        lengte = IBAN_LENGTES.get(kandidaat[:2].upper())
        gevonden = None
        if lengte is not None:
            # Cut the candidate after exactly `lengte` letters and digits.
            tekens = 0
            for i, teken in enumerate(kandidaat):
                if teken != " ":
                    tekens += 1
                if tekens == lengte:
                    einde = m.start() + i + 1
                    volgend = tekst[einde : einde + 1]
                    if not volgend.isalnum() and is_iban(kandidaat[: i + 1]):
                        gevonden = kandidaat[: i + 1]
                    break
        if gevonden:
            yield m.start(), gevonden
            positie = m.start() + len(gevonden)
        else:
            positie = m.start() + 1


def vind_persoonsgegevens(tekst):
    """Return every piece of client-identifying data found in the text, in order of appearance."""
    if not tekst:
        return []
    vondsten = []
    for m in _EMAIL.finditer(tekst):
        vondsten.append((m.start(), Vondst(_("het e-mailadres"), m.group(0))))
    for start, iban in _ibans(tekst):
        vondsten.append((start, Vondst(_("het rekeningnummer (IBAN)"), iban)))
    for m in _BSN.finditer(tekst):
        if is_bsn(re.sub(r"\D", "", m.group(1))):
            vondsten.append((m.start(), Vondst(_("het burgerservicenummer"), m.group(1))))
    for m in _TELEFOON.finditer(tekst):
        vondsten.append((m.start(), Vondst(_("het telefoonnummer"), m.group(0).strip())))
    for m in _POSTCODE_HUISNUMMER.finditer(tekst):
        vondsten.append((m.start(), Vondst(_("het adres (postcode met huisnummer)"), m.group(0))))
    for m in _GEBOORTEDATUM.finditer(tekst):
        vondsten.append((m.start(), Vondst(_("de geboortedatum"), m.group(1))))
    # One piece of text is reported once (a BSN also looks like a phone number, etc.).
    gezien, uniek = set(), []
    for _start, vondst in sorted(vondsten, key=lambda v: v[0]):
        if vondst.tekst not in gezien:
            gezien.add(vondst.tekst)
            uniek.append(vondst)
    return uniek


def controleer_tekst(tekst):
    """Raise a Dutch ValidationError naming each piece of client data to remove."""
    vondsten = vind_persoonsgegevens(tekst)
    if vondsten:
        raise ValidationError(
            [_("Deze tekst bevat gegevens waarmee een klant herkenbaar is. Maak de casus anoniem:")]
            + [v.melding for v in vondsten],
            code="persoonsgegevens",
        )


def geen_persoonsgegevens(waarde):
    """Django field validator: use as validators=[geen_persoonsgegevens]."""
    controleer_tekst(str(waarde or ""))

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


_BSN = re.compile(r"(?<![\d.,-])(\d{9}|\d{4}[ .]\d{2}[ .]\d{3}|\d{3}[ .]\d{3}[ .]\d{3})(?![\d,-])")
_IBAN = re.compile(r"\b([A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,3})?)\b")
_EMAIL = re.compile(r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b")
_TELEFOON = re.compile(
    r"(?<![\w+])(?:(?:\+|00)31[\s.-]?(?:\(0\))?[\s.-]?|0)"
    r"(?:6[\s.-]?(?:\d[\s.-]?){8}|[1-9](?:[\s.-]?\d){8})(?!\d)"
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
    r"(\d{1,2}[-/. ]\d{1,2}[-/. ]\d{2,4}|\d{1,2}\s+(?:" + _MAANDEN + r")\s+\d{4})",
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
    """True when the text is an IBAN with a valid mod-97 check."""
    iban = re.sub(r"\s", "", tekst).upper()
    if not re.fullmatch(r"[A-Z]{2}\d{2}[A-Z0-9]{11,30}", iban):
        return False
    herschikt = iban[4:] + iban[:4]
    getal = "".join(str(int(c, 36)) for c in herschikt)
    return int(getal) % 97 == 1


def vind_persoonsgegevens(tekst):
    """Return every piece of client-identifying data found in the text, in order of appearance."""
    if not tekst:
        return []
    vondsten = []
    for m in _EMAIL.finditer(tekst):
        vondsten.append((m.start(), Vondst(_("het e-mailadres"), m.group(0))))
    for m in _IBAN.finditer(tekst):
        if is_iban(m.group(1)):
            vondsten.append((m.start(), Vondst(_("het rekeningnummer (IBAN)"), m.group(1))))
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

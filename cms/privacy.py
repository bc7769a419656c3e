"""Privacy guard: refuse text that identifies a client (AVG).

Used by every form or block where people write about real cases: casussen, praktijkvoorbeelden,
intervisie records. It finds BSNs (nine digits passing the elfproef), IBANs (mod-97), Dutch
phone numbers, e-mail addresses, postcode with house number and dates of birth, and names the
exact text to remove, in Dutch.

Every check runs in time linear in the length of the text (consulenten can paste anything: a
100k-character text is checked in milliseconds). Public API: `vind_persoonsgegevens`,
`controleer_tekst`, `geen_persoonsgegevens`, `is_bsn`, `is_iban`.
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
# Linear time: every unbounded run starts only where a run of its own characters starts (the
# lookbehinds), so no text is scanned again from each position inside it; separators between
# runs are bounded. A reflection of "a-" * 15000 once held a worker for 16 seconds.
_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b")
# Phone numbers are found from the runs of digits (see _telefoonnummers), not by one pattern.
_CIJFERS = re.compile(r"\d+")
# What may stand between two groups of one number: a space, dash, dot or slash with spaces
# around it, and the brackets of an area code or of the (0) after +31: "(020) 123 45 67",
# "06 - 1234 5678", "+31 (0)6 1234 5678".
_TUSSEN = re.compile(r"\)?[ \t\u00a0]?[-./]?[ \t\u00a0]?\(?")
_POSTCODE_HUISNUMMER = re.compile(
    r"\b[1-9]\d{3}\s?(?!SA|SD|SS)[A-Z]{2}\b[\s,]{0,3}(?:\d{1,5}\s?[a-zA-Z]?\b)"
    r"|(?<![A-Za-zÀ-ÿ.'-])[A-Za-zÀ-ÿ.'-]+"
    r"(?:straat|laan|weg|plein|gracht|kade|singel|dijk|hof|pad|steeg)\s{1,3}\d{1,5}"
    r"[a-zA-Z]?\b[\s,]{0,3}[1-9]\d{3}\s?[A-Z]{2}\b"
)
_MAANDEN = (
    "januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december"
    "|jan|feb|mrt|apr|jun|jul|aug|sep|sept|okt|nov|dec"
)
_GEBOORTEDATUM = re.compile(
    r"(?:geboren|geb\.|geboortedatum|geb\s{0,3}datum|d\.?o\.?b\.?)\s{0,3}(?:op|:)?\s{0,3}"
    r"(\d{1,2}[-/. ]\d{1,2}[-/. ]\d{2,4}|\d{4}-\d{1,2}-\d{1,2}"
    r"|\d{1,2}\s{1,3}(?:" + _MAANDEN + r")\.?\s{1,3}\d{4})",
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


def _mag_beginnen(tekst, positie):
    """May a number start at `positie`: not glued to a word, nor part of 1.06... or 2024-06..."""
    if positie == 0:
        return True
    voor = tekst[positie - 1]
    if voor.isalnum() or voor in "_+":
        return False
    return not (voor in ".,-/" and positie >= 2 and tekst[positie - 2].isdigit())


def _is_datum(groepen, i):
    """Groups i, i+1, i+2 read as a date: 06-02-2026, 6/2/2026."""
    if i + 2 >= len(groepen):
        return False
    (a, _, _), (b, ab, _), (c, bc, _) = groepen[i : i + 3]
    return (
        len(a) <= 2
        and len(b) <= 2
        and len(c) == 4
        and ab == bc
        and ab.strip() in {"-", "/", "."}
        and 1 <= int(a) <= 31
        and 1 <= int(b) <= 12
    )


def _telefoonnummers(tekst):
    """Yield (start, text) of each Dutch phone number, national or with +31 / 0031.

    Linear: the runs of digits are found once; a number is at most a handful of runs, joined by
    a short separator (_TUSSEN). National numbers are ten digits from a 0: 06 for mobiles, or an
    area code of three or four digits ("0591 12 34 56"); "01-02-2026 10" is a date, not a number.
    """
    groepen = []  # (digits, separator before it, start)
    vorige_einde = None
    for m in _CIJFERS.finditer(tekst):
        tussen = tekst[vorige_einde : m.start()] if vorige_einde is not None else None
        if tussen is not None and not (len(tussen) <= 5 and _TUSSEN.fullmatch(tussen)):
            tussen = None  # not the same number
        groepen.append((m.group(0), tussen, m.start()))
        vorige_einde = m.end()
    i = 0
    while i < len(groepen):
        gevonden = _telefoon_vanaf(tekst, groepen, i)
        if gevonden is None:
            i += 1
            continue
        start, laatste = gevonden
        cijfers, _tussen, positie = groepen[laatste]
        yield start, tekst[start : positie + len(cijfers)]
        i = laatste + 1


def _telefoon_vanaf(tekst, groepen, i):
    """(start, index of the last group) of a phone number starting at group i, or None."""
    cijfers, _tussen, positie = groepen[i]
    begin = positie
    if positie > 0 and tekst[positie - 1] == "+":
        begin = positie - 1
        if not cijfers.startswith("31"):
            return None
        rest, internationaal = cijfers[2:], True
    elif cijfers.startswith("0031"):
        rest, internationaal = cijfers[4:], True
    elif cijfers.startswith("0") and not cijfers.startswith("00"):
        if len(cijfers) == 1 or (len(cijfers) == 2 and cijfers != "06") or _is_datum(groepen, i):
            return None
        rest, internationaal = cijfers, False
    else:
        return None
    volgende = groepen[i + 1][1] if i + 1 < len(groepen) else None
    if begin > 0 and tekst[begin - 1] == "(" and (volgende or "").startswith(")"):
        begin -= 1  # "(020) 123 45 67"
    if not _mag_beginnen(tekst, begin):
        return None
    j = i
    while True:
        if internationaal:
            # "+31 (0)20 ...", "+31 020 ...": the trunk 0 is no part of the nine digits.
            nummer = rest[1:] if rest.startswith("0") else rest
            if len(nummer) == 9 and nummer[0] != "0":
                return begin, j
            if len(nummer) > 9:
                return None
        else:
            if len(rest) == 10:
                return (begin, j) if rest[1] != "0" else None
            if len(rest) > 10:
                return None
        j += 1
        if j >= len(groepen) or groepen[j][1] is None:
            return None
        rest += groepen[j][0]


def vind_persoonsgegevens(tekst):
    """Return every piece of client-identifying data found in the text, in order of appearance."""
    if not tekst:
        return []
    vondsten = []
    for m in _EMAIL.finditer(tekst):
        adres = m.group(0).lstrip(".+-")
        vondsten.append((m.end() - len(adres), Vondst(_("het e-mailadres"), adres)))
    for start, iban in _ibans(tekst):
        vondsten.append((start, Vondst(_("het rekeningnummer (IBAN)"), iban)))
    for m in _BSN.finditer(tekst):
        if is_bsn(re.sub(r"\D", "", m.group(1))):
            vondsten.append((m.start(), Vondst(_("het burgerservicenummer"), m.group(1))))
    for start, nummer in _telefoonnummers(tekst):
        vondsten.append((start, Vondst(_("het telefoonnummer"), nummer)))
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

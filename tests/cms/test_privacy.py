import string
import time

import pytest
from django.core.exceptions import ValidationError
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from cms.privacy import (
    IBAN_LENGTES,
    controleer_tekst,
    geen_persoonsgegevens,
    is_bsn,
    is_iban,
    vind_persoonsgegevens,
)


@pytest.mark.parametrize(
    "tekst, soort",
    [
        ("Klant met BSN 111222333 kwam langs", "burgerservicenummer"),
        ("bsn: 1112.22.333", "burgerservicenummer"),
        ("Rekening NL91ABNA0417164300 staat rood", "rekeningnummer"),
        ("bel haar op 06-12345678", "telefoonnummer"),
        ("of op +31 6 1234 5678", "telefoonnummer"),
        ("vaste lijn 020 123 4567", "telefoonnummer"),
        ("mail naar j.jansen@example.nl", "e-mailadres"),
        ("woont op 1234 AB 12", "adres"),
        ("woont in de Dorpsstraat 4, 8911 AB Leeuwarden", "adres"),
        ("geboren op 12-03-1998", "geboortedatum"),
        ("geb. 3 mei 2001", "geboortedatum"),
    ],
)
def test_identifying_data_is_found_and_named(tekst, soort):
    vondsten = vind_persoonsgegevens(tekst)
    assert vondsten, tekst
    assert soort in vondsten[0].soort
    with pytest.raises(ValidationError) as fout:
        controleer_tekst(tekst)
    assert vondsten[0].tekst in " ".join(fout.value.messages)


@pytest.mark.parametrize(
    "tekst",
    [
        "Een jongere van 23 zonder startkwalificatie wil eerst een rijbewijs halen.",
        "Nummer 111222334 haalt de elfproef niet",
        "NL91ABNA0417164301 heeft een fout controlegetal",
        "Het traject duurt 12 weken en kost 1500 euro.",
        "In 2019 startte het leernetwerk met 15 consulenten.",
        "We spraken af op 12-03-2024 voor het plangesprek.",
    ],
)
def test_ordinary_case_text_is_accepted(tekst):
    assert vind_persoonsgegevens(tekst) == []
    controleer_tekst(tekst)


def test_elfproef_and_mod97():
    assert is_bsn("111222333") and not is_bsn("111222334")
    assert is_iban("NL91 ABNA 0417 1643 00") and not is_iban("NL91ABNA0417164301")


# --- Hardening: more forms of the same data, and property-based tests --------------------------


@pytest.mark.parametrize(
    "tekst, gevonden",
    [
        ("rekening nl91abna0417164300 in kleine letters", "nl91abna0417164300"),
        ("NL91 ABNA 0417 1643 00 staat rood", "NL91 ABNA 0417 1643 00"),
        ("Belgische rekening BE68 5390 0754 7034.", "BE68 5390 0754 7034"),
        ("code AB12 en daarna NL91ABNA0417164300", "NL91ABNA0417164300"),
        ("geboortedatum: 1998-03-12", "1998-03-12"),
        ("(geb. 3 mei. 2001)", "3 mei. 2001"),
        ("BSN 111222333.", "111222333"),
        ("BSN 111222333, woont bij haar moeder", "111222333"),
        ("BSN 1112.22.333, woont bij haar moeder", "1112.22.333"),
    ],
)
def test_harder_forms_are_found_with_the_exact_text_to_remove(tekst, gevonden):
    assert gevonden in [v.tekst for v in vind_persoonsgegevens(tekst)]


@pytest.mark.parametrize(
    "tekst",
    [
        "Nummer 111222334 haalt de elfproef niet",
        "NL91ABNA04171643 is te kort voor een Nederlandse IBAN",
        "Project AB12CDEF3456789012 is een zaaknummer, geen rekening",
        "Het gesprek op 2024-03-12 ging over de zoekperiode.",
    ],
)
def test_look_alikes_are_accepted(tekst):
    assert vind_persoonsgegevens(tekst) == []


def test_amount_with_decimal_comma_is_not_a_bsn():
    assert vind_persoonsgegevens("Het tekort is 111222333,50 euro.") == []


def test_phone_number_at_the_end_of_a_sentence_is_named_without_the_full_stop():
    with pytest.raises(ValidationError) as fout:
        controleer_tekst("Ze vroeg: bel 0612345678.")
    assert "Verwijder het telefoonnummer “0612345678”." in fout.value.messages
    assert [v.tekst for v in vind_persoonsgegevens("bel 06-1234 5678. Dan")] == ["06-1234 5678"]


def test_111222333_refused_and_111222334_accepted_by_the_field_validator():
    with pytest.raises(ValidationError) as fout:
        geen_persoonsgegevens("De klant gaf 111222333 op.")
    assert "Verwijder het burgerservicenummer “111222333”." in fout.value.messages
    geen_persoonsgegevens("De klant gaf 111222334 op.")


def test_several_findings_are_each_named():
    tekst = "Mail a.b@example.nl of bel 0612345678, BSN 111222333."
    berichten = " ".join(pytest.raises(ValidationError, controleer_tekst, tekst).value.messages)
    for deel in ("a.b@example.nl", "0612345678", "111222333"):
        assert deel in berichten


@st.composite
def geldige_bsns(draw):
    """Nine digits passing the elfproef (the check digit is derived from the first eight)."""
    eerste = draw(st.lists(st.integers(0, 9), min_size=8, max_size=8))
    som = sum(c * w for c, w in zip(eerste, range(9, 1, -1), strict=True))
    laatste = som % 11
    # No check digit makes the elfproef pass when the rest is 10; all zeros is no BSN.
    assume(laatste <= 9 and som != 0)
    return "".join(map(str, eerste)) + str(laatste)


@st.composite
def geldige_ibans(draw):
    """A registry country, a random BBAN of the right length and correct mod-97 check digits."""
    land = draw(st.sampled_from(sorted(IBAN_LENGTES)))
    bban = draw(
        st.text(
            alphabet=string.ascii_uppercase + string.digits,
            min_size=IBAN_LENGTES[land] - 4,
            max_size=IBAN_LENGTES[land] - 4,
        )
    )
    getal = int("".join(str(int(c, 36)) for c in bban + land + "00"))
    return f"{land}{98 - getal % 97:02d}{bban}"


def _gegroepeerd(iban):
    return " ".join(iban[i : i + 4] for i in range(0, len(iban), 4))


@settings(max_examples=300, deadline=None)
@given(bsn=geldige_bsns(), opmaak=st.sampled_from(["{}", "{0:.4} {0[4]}{0[5]} {0[6]}{0[7]}{0[8]}"]))
def test_every_valid_bsn_is_refused(bsn, opmaak):
    assert is_bsn(bsn)
    tekst = f"De klant (bsn {opmaak.format(bsn)}) kwam niet opdagen."
    with pytest.raises(ValidationError) as fout:
        controleer_tekst(tekst)
    assert "burgerservicenummer" in " ".join(fout.value.messages)


@settings(max_examples=300, deadline=None)
@given(iban=geldige_ibans(), gegroepeerd=st.booleans(), klein=st.booleans())
def test_every_valid_iban_is_refused(iban, gegroepeerd, klein):
    assert is_iban(iban)
    geschreven = _gegroepeerd(iban) if gegroepeerd else iban
    geschreven = geschreven.lower() if klein else geschreven
    with pytest.raises(ValidationError) as fout:
        controleer_tekst(f"Zijn rekening {geschreven} staat rood.")
    assert geschreven in " ".join(fout.value.messages)


@settings(max_examples=200, deadline=None)
@given(bsn=geldige_bsns(), fout_cijfer=st.integers(1, 9))
def test_a_bsn_with_one_digit_changed_is_not_a_bsn(bsn, fout_cijfer):
    laatste = (int(bsn[8]) + fout_cijfer) % 10
    assert not is_bsn(bsn[:8] + str(laatste))


# --- Phone numbers in every common Dutch form; things that only look like one -----------------


@pytest.mark.parametrize(
    "tekst, gevonden",
    [
        ("bel 0612345678 even", "0612345678"),
        ("bel 06-12345678 even", "06-12345678"),
        ("bel 06 12345678 even", "06 12345678"),
        ("bel 06 - 1234 5678 even", "06 - 1234 5678"),
        ("bel 06-1234 5678 even", "06-1234 5678"),
        ("bel 06 12 34 56 78 even", "06 12 34 56 78"),
        ("bel 06.12.34.56.78 even", "06.12.34.56.78"),
        ("bel +31612345678 even", "+31612345678"),
        ("bel +31 6 1234 5678 even", "+31 6 1234 5678"),
        ("bel +31 (0)6 1234 5678 even", "+31 (0)6 1234 5678"),
        ("bel +31-6-12345678 even", "+31-6-12345678"),
        ("bel 0031 6 12345678 even", "0031 6 12345678"),
        ("bel 0031612345678 even", "0031612345678"),
        ("vaste lijn 020 123 4567", "020 123 4567"),
        ("vaste lijn 020-1234567", "020-1234567"),
        ("vaste lijn (020) 123 45 67 overdag", "(020) 123 45 67"),
        ("vaste lijn (020)1234567 overdag", "(020)1234567"),
        ("vaste lijn (0591) 12 34 56 overdag", "(0591) 12 34 56"),
        ("vaste lijn 0591-123456 overdag", "0591-123456"),
        ("vaste lijn 0591 12 34 56 overdag", "0591 12 34 56"),
        ("tel 020 - 123 45 67 overdag", "020 - 123 45 67"),
        ("tel. 058-2123456 overdag", "058-2123456"),
        ("tel: +31 20 123 4567 overdag", "+31 20 123 4567"),
        ("tel: +31 (0)20 123 4567 overdag", "+31 (0)20 123 4567"),
        ("tel: 0031 591 123456 overdag", "0031 591 123456"),
        ("Ze vroeg: bel (020) 123 45 67.", "(020) 123 45 67"),
    ],
)
def test_phone_numbers_in_every_common_form_are_named_exactly(tekst, gevonden):
    assert [(v.soort, v.tekst) for v in vind_persoonsgegevens(tekst)] == [
        ("het telefoonnummer", gevonden)
    ]


@pytest.mark.parametrize(
    "tekst",
    [
        "In 2019 en 2020 liep het leernetwerk; in 2021 1500 euro extra.",
        "Het kost 1.250,00 euro per jaar, 12 500 euro in totaal.",
        "Een klant op trede 2-4 van de participatieladder.",
        "De sessie duurde van 13:30 tot 15:00 uur.",
        "Op 06-02-2026 10:00 uur begon het gesprek.",
        "We spraken af op 01-02-2026 10 minuten eerder te komen.",
        "Zaaknummer 2024-0012345 is afgesloten.",
        "Bijlage 0 1 2 3 4 5 6 7 8 9 hoort erbij.",
        "Versie 0.12.3456789 van het formulier.",
        "Tussen 10 en 12 gesprekken; 0,5 fte; 0612 was het oude project.",
        "Artikel 3:40 lid 2 en 06-2025 in de planning.",
    ],
)
def test_numbers_that_are_no_phone_number_are_accepted(tekst):
    assert vind_persoonsgegevens(tekst) == []


# --- Every pattern runs in linear time: a long text never holds a worker -----------------------

AANVALLEN = {
    "a-": "a-" * 50000,
    "a.": "a." * 50000,
    "1 ": "1 " * 50000,
    "0 ": "0 " * 50000,
    "0-": "0-" * 50000,
    "06 ": "06 " * 33333,
    "1": "1" * 100000,
    "0": "0" * 100000,
    "@.": "@." * 50000,
    "a@": "a@" * 50000,
    "a@a.-": "a@a" + ".-" * 50000,
    "a@a.a": "a@" + "a." * 50000,
    "1.": "1." * 50000,
    "+31 ": "+31 " * 25000,
    "(0": "(0" * 50000,
    "NL91": "NL91 " * 20000,
    "A1 ": "A1 " * 33333,
    "geboren  ": "geboren" + " " * 100000,
    "geb ": "geb " * 25000,
    "1234 AB": "1234 AB" + " " * 100000,
    "1234 AB ,": "1234 AB ," * 11000,
    "straat ": "Dorpsstraat" + " " * 100000,
    "straat": "straat" * 16000,
    "'-": "'-" * 50000,
}


@pytest.mark.parametrize("naam", AANVALLEN)
def test_a_100k_character_text_is_checked_well_under_a_second(naam):
    """A DoS guard, not a speed target: quadratic patterns took minutes on these inputs.

    CPU time of this process, so a busy CI machine does not make it flaky."""
    begin = time.process_time()
    vind_persoonsgegevens(AANVALLEN[naam])
    assert time.process_time() - begin < 1.0


@settings(max_examples=300, deadline=None)
@given(
    abonnee=st.text(alphabet=string.digits, min_size=7, max_size=8),
    netnummer=st.sampled_from(["06", "020", "010", "058", "0591", "0517"]),
    scheiding=st.sampled_from(["", " ", "-", " - ", ".", "/"]),
    groepen=st.sampled_from([(8,), (4, 4), (2, 2, 2, 2), (3, 2, 2), (2, 2, 2), (3, 4), (4, 3)]),
    haakjes=st.booleans(),
)
def test_every_grouping_of_a_dutch_number_is_refused(
    abonnee, netnummer, scheiding, groepen, haakjes
):
    abonnee = abonnee[: 10 - len(netnummer)].rjust(10 - len(netnummer), "1")
    assume(sum(groepen) == len(abonnee))
    delen, positie = [], 0
    for lengte in groepen:
        delen.append(abonnee[positie : positie + lengte])
        positie += lengte
    kop = f"({netnummer}) " if haakjes else netnummer + (scheiding or "")
    nummer = kop + (scheiding or " ").join(delen) if scheiding or haakjes else kop + "".join(delen)
    vondsten = vind_persoonsgegevens(f"Bel haar op {nummer}, dan weet je het.")
    assert [v.tekst for v in vondsten] == [nummer]

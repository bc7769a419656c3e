import pytest
from django.core.exceptions import ValidationError

from cms.privacy import controleer_tekst, is_bsn, is_iban, vind_persoonsgegevens


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

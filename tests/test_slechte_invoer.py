"""Bad input, generated: arbitrary text, huge input, wrong types. Never a 500, never a partial
write. (Each app's own tests cover the specific Dutch messages.)"""

import csv
import io
import re

import pytest
from django.contrib.auth import get_user_model
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kennisbank.models import InterventiePage
from kennisbank.services import KOLOMMEN as KOPPEN
from kennisbank.services import interventies_importeren
from leernetwerk.leercyclus.models import Reflectie

pytestmark = pytest.mark.django_db

INSTELLINGEN = settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
# Text as people paste it: any unicode, control characters and NUL included, long or short.
TEKST = st.text(st.characters(blacklist_categories=("Cs",)), max_size=300)
# What broke pages before, or easily could: huge, invisible, right-to-left, ids that are none.
LASTIG = st.sampled_from(
    [
        "",
        " ",
        "x" * 100_000,
        "😀👩‍👩‍👧🇳🇱",
        "\u202eevil\u202c",
        "مرحبا بالعالم",
        "שלום",
        "\u200b",
        "\ufeff",
        "\u200d\u200c",
        "\x00",
        "tekst\x00met\x0bstuurtekens\x0c",
        "1" * 30,
        "-" + "9" * 30,
        "-1",
        "0",
        "abc",
        "١٢",
        "²",
        "1e400",
        "NaN",
        "2026-02-30",
        "0001-01-01",
        "9999-12-31",
        "//evil.example/",
        "https://evil.example/",
        "' OR 1=1 --",
        "<script>alert(1)</script>",
    ]
)
EEN = st.one_of(
    TEKST,
    LASTIG,
    st.integers().map(str),
    st.dates().map(str),
    st.floats(allow_nan=True).map(str),
)
# One value, or the key repeated (a list posts or queries the same name several times).
WAARDE = st.one_of(EEN, EEN, st.lists(EEN, min_size=2, max_size=3))


@INSTELLINGEN
@given(rijen=st.lists(st.fixed_dictionaries({k: WAARDE for k in KOPPEN}), min_size=1, max_size=4))
def test_import_of_arbitrary_rows_writes_all_or_nothing(rijen):
    buffer = io.StringIO()
    schrijver = csv.DictWriter(buffer, fieldnames=KOPPEN)
    schrijver.writeheader()
    schrijver.writerows(rijen)
    voor = InterventiePage.objects.count()
    resultaat = interventies_importeren(inhoud=buffer.getvalue().encode(), bestandsnaam="x.csv")
    na = InterventiePage.objects.count()
    if resultaat.fouten:
        assert na == voor, "a file with errors must write nothing"
    else:
        assert na - voor == len(resultaat.nieuw)


@INSTELLINGEN
@given(inhoud=st.binary(max_size=2000), naam=st.sampled_from(["a.csv", "a.xlsx", "a.txt", "a"]))
def test_import_of_arbitrary_bytes_never_crashes(inhoud, naam):
    voor = InterventiePage.objects.count()
    resultaat = interventies_importeren(inhoud=inhoud, bestandsnaam=naam)
    assert resultaat.fouten or not inhoud.strip()
    assert InterventiePage.objects.count() == voor


@pytest.fixture
def consulent(client, demo_gebruikers):
    client.force_login(demo_gebruikers["demo-consulent"])
    return client


def test_generated_values_include_the_hard_cases():
    """The strategy reaches what broke before: thirty digits, NUL, Word's \\x0b, repeated keys.

    (Every form and query string gets these values in tests/test_formulieren_willekeurig.py.)
    """
    gezien = []

    @settings(INSTELLINGEN, max_examples=500, database=None)
    @given(WAARDE)
    def verzamel(waarde):
        gezien.append(waarde)

    verzamel()
    los = [w for waarde in gezien for w in (waarde if isinstance(waarde, list) else [waarde])]
    assert any(isinstance(w, list) for w in gezien)
    for nodig in (r"^\d{30}$", "\x00", "\x0b", "\u202e", "\u200b", "\ufeff", "^abc$", r"^-\d"):
        assert any(re.search(nodig, w) for w in los), nodig
    assert any(len(w) >= 100_000 for w in los)


@INSTELLINGEN
@given(datum=WAARDE, uren=WAARDE, tekst=WAARDE)
def test_reflection_form_refuses_or_saves_whole(consulent, datum, uren, tekst):
    voor = Reflectie.objects.count()
    response = consulent.post(
        "/mijn-leercyclus/reflecties/nieuw/", {"datum": datum, "uren": uren, "tekst": tekst}
    )
    assert response.status_code < 500
    na = Reflectie.objects.count()
    assert na in (voor, voor + 1)
    if na == voor:
        assert response.status_code in (200, 400), "a refusal shows the form with its message"


@INSTELLINGEN
@given(gebruikersnaam=WAARDE, wachtwoord=WAARDE)
def test_login_with_any_input_gives_form_or_redirect(
    client, demo_gebruikers, gebruikersnaam, wachtwoord
):
    response = client.post("/inloggen/", {"username": gebruikersnaam, "password": wachtwoord})
    assert response.status_code in (200, 302)
    if "\x00" not in gebruikersnaam:  # PostgreSQL refuses NUL in a query: no name holds one
        assert get_user_model().objects.filter(username=gebruikersnaam).count() <= 1

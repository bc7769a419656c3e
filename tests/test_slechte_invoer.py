"""Bad input, generated: arbitrary text, huge input, wrong types. Never a 500, never a partial
write. (Each app's own tests cover the specific Dutch messages.)"""

import csv
import io

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
# Text as people paste it: any unicode (without NUL, which no form field accepts), long or short.
TEKST = st.text(
    st.characters(blacklist_characters="\x00", blacklist_categories=("Cs",)), max_size=300
)
WAARDE = st.one_of(
    TEKST,
    st.integers().map(str),
    st.just(""),
    st.just("x" * 20000),
    st.dates().map(str),
    st.floats(allow_nan=True).map(str),
)


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


@INSTELLINGEN
@given(q=WAARDE, doelgroep=WAARDE, fase=WAARDE, pagina=WAARDE)
def test_search_answers_any_query(consulent, q, doelgroep, fase, pagina):
    for pad in ("/zoeken/", "/api/zoeken/", "/api/zoeken/suggesties/"):
        response = consulent.get(
            pad, {"q": q, "doelgroep": doelgroep, "fase": fase, "pagina": pagina}
        )
        assert response.status_code < 500, pad


@INSTELLINGEN
@given(
    filters=st.dictionaries(
        st.sampled_from(
            [
                "doelgroep",
                "trede",
                "klanttype",
                "werkzaam_element",
                "basismethodiek",
                "status",
                "herkomst",
                "bewijsniveau",
            ]
        ),
        WAARDE,
    )
)
def test_schema_filters_answer_any_value(consulent, filters):
    for pad in (
        "/interventieschema/",
        "/interventieschema/lijst/",
        "/interventieschema/export.csv",
    ):
        assert consulent.get(pad, filters).status_code < 500, pad


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
    assert get_user_model().objects.filter(username=gebruikersnaam).count() <= 1

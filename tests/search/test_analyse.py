"""Dutch analysis: the same stem for the forms a consulent types."""

import pytest

from cms.search.nederlands import analyseer, markeer_fragment


def stammen(tekst):
    return [s[0] for s in analyseer(tekst)]


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("interventies", "interventie"),  # Snowball leaves these apart
        ("strategieën", "strategie"),
        ("cliënten", "client"),
        ("Cliënt", "clienten"),
        ("reïntegratie", "reintegratie"),
        ("re-integratie", "reintegratie"),
        ("auto's", "auto"),
        ("werkt", "werken"),
        ("gewerkt", "werk"),
        ("wordt", "worden"),
        ("plangesprekken", "plangesprek"),
        ("jongeren", "jongere"),
        ("gesproken", "spreekt"),
        ("taalcafés", "taalcafe"),
        ("re-integratiebedrijven", "reïntegratiebedrijf"),
        ("jobcoaches", "jobcoach"),
        ("markten", "markt"),
        ("consulenten", "consulent"),
        ("huizen", "huis"),
    ],
)
def test_forms_share_a_stem(a, b):
    assert stammen(a) == stammen(b)


def test_stop_words_are_dropped_and_distinct_words_stay_apart():
    assert stammen("de klant en het werk") == stammen("klant werk")
    assert stammen("plan") != stammen("plein")


def test_fragment_marks_inflections_and_compounds_and_escapes_html():
    fragment = markeer_fragment(
        "In de <b>zoekperiode</b> zoeken cliënten zelf.", "periode clienten"
    )
    assert "<mark>zoekperiode</mark>" in fragment
    assert "<mark>cliënten</mark>" in fragment
    assert "&lt;b&gt;" in fragment

"""The whole book on one page, and as a PDF with contents, chapter titles and page numbers."""

import io
import re
from pathlib import Path

import pytest
from django.contrib.staticfiles import finders
from pypdf import PdfReader

from tests.handreiking.conftest import kernbegrip, tekst

pytestmark = pytest.mark.django_db

TITELS = ["Wat is zelfsturing", "Weten, willen, kunnen", "Klanttypen", "Doelen stellen"]


@pytest.fixture
def boek(maak_boek, maak_hoofdstuk):
    boek = maak_boek()
    for titel in TITELS[:3]:
        maak_hoofdstuk(
            boek,
            titel,
            body=[
                kernbegrip(f"Begrip bij {titel.lower()}", "Uitleg."),
                tekst("<p>" + "Een alinea die de pagina vult. " * 80 + "</p>"),
            ],
        )
    maak_hoofdstuk(boek.get_children().last().specific, TITELS[3])
    return boek


def test_print_page_holds_every_chapter_in_order_with_print_css(client_als, boek):
    html = client_als("demo-consulent").get(f"{boek.url}afdrukken/").content.decode()
    posities = [html.index(f"</span> {titel}</h") for titel in TITELS]
    assert posities == sorted(posities)
    assert "handreiking/css/handreiking.css" in html
    css = Path(finders.find("handreiking/css/handreiking.css")).read_text()
    print_css = css[css.index("@media print") :]
    assert ".boek-hoofdstuk { break-before: page; }" in print_css
    assert ".boek__inhoud, .bladeren, .gelezen-formulier" in print_css  # no navigation on paper
    assert html.count('class="boek-hoofdstuk') == len(TITELS) + 1  # plus the begrippenlijst


def test_pdf_is_valid_and_has_every_chapter_title_in_order_and_page_numbers(client_als, boek):
    response = client_als("demo-consulent").get(f"{boek.url}pdf/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert "sturen-op-zelfsturing.pdf" in response["Content-Disposition"]

    pdf = PdfReader(io.BytesIO(response.content))
    paginas = [p.extract_text() for p in pdf.pages]
    assert len(paginas) >= 6  # title page, contents, four chapters (long ones span pages)
    tekst_na_inhoud = "\n".join(paginas[2:])
    posities = [tekst_na_inhoud.index(titel) for titel in TITELS]
    assert posities == sorted(posities)

    inhoud = paginas[1]
    assert "Inhoud" in inhoud
    assert [inhoud.index(titel) for titel in TITELS] == sorted(
        inhoud.index(titel) for titel in TITELS
    )
    # The contents give each chapter's page number; the first chapter starts on page 3.
    assert re.search(r"Wat is zelfsturing\W*3\b", inhoud)
    # Page numbers at the foot of each page after the title page.
    assert paginas[2].strip().endswith("3")


def test_without_weasyprint_the_pdf_link_explains_and_offers_printing(
    client_als, boek, monkeypatch
):
    import sys

    monkeypatch.setitem(sys.modules, "weasyprint", None)  # import fails, as without pango
    response = client_als("demo-consulent").get(f"{boek.url}pdf/")
    assert response.status_code == 503
    html = response.content.decode()
    assert "De PDF kan nu niet worden gemaakt" in html and f"{boek.url}afdrukken/" in html

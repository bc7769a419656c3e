import re

import pytest
from playwright.sync_api import expect

from cms.models import Activiteit

# The handreiking fixtures (index, maak_boek, maak_hoofdstuk) are shared with the unit tests.
from tests.handreiking.conftest import index, kernbegrip, maak_boek, maak_hoofdstuk, tekst  # noqa: F401

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_consulent_reads_a_chapter_goes_next_by_keyboard_and_marks_it_read(
    live_server,
    page,
    inloggen,
    maak_boek,  # noqa: F811
    maak_hoofdstuk,  # noqa: F811
    demo_gebruikers,
):
    boek = maak_boek()
    maak_hoofdstuk(boek, "Wat is zelfsturing", body=[kernbegrip("Zelfsturing", "Zelf sturen.")])
    tweede = maak_hoofdstuk(
        boek, "Weten, willen, kunnen", body=[tekst("<p>Zelfsturing vraagt weten en willen.</p>")]
    )

    inloggen("demo-consulent")
    page.get_by_role("navigation", name="Hoofdnavigatie").get_by_role(
        "link", name="Handreiking"
    ).click()
    page.get_by_role("link", name="Sturen op zelfsturing").click()
    page.get_by_role("link", name=re.compile("Begin met lezen")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("1 Wat is zelfsturing")

    # Next chapter by keyboard: focus the "Volgende" link and press Enter.
    volgende = page.get_by_role("navigation", name="Vorige en volgende").get_by_role(
        "link", name=re.compile("Volgende")
    )
    volgende.focus()
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("2 Weten, willen, kunnen")
    expect(page.get_by_role("link", name="Zelfsturing", exact=True)).to_have_attribute(
        "href", re.compile(r"begrippen/#begrip-zelfsturing$")
    )

    page.get_by_role("button", name="Markeer als gelezen").click()
    expect(page.get_by_role("status").first).to_contain_text("staat als gelezen")
    expect(page.get_by_text("Je hebt dit hoofdstuk gelezen op")).to_be_visible()
    inhoud = page.get_by_role("navigation", name="Sturen op zelfsturing")
    expect(inhoud.get_by_text("(gelezen)")).to_have_count(1)
    assert Activiteit.objects.filter(
        gebruiker=demo_gebruikers["demo-consulent"],
        soort=Activiteit.Soort.HOOFDSTUK_GELEZEN,
        object_id=tweede.pk,
    ).exists()

"""The demo content: both books load, twice without change, and pass the privacy guard."""

import io

import pytest
from django.core.management import call_command

from kennisbank.handreiking.models import HandreikingPage, HoofdstukPage

pytestmark = pytest.mark.django_db


def _laden():
    uit = io.StringIO()
    call_command("demo_laden", "--force", "--geen-index", stdout=uit)
    return uit.getvalue()


def test_demo_loads_both_books_idempotently_with_clean_content(client_als):
    _laden()
    aantallen = (HandreikingPage.objects.count(), HoofdstukPage.objects.count())
    _laden()
    assert (HandreikingPage.objects.count(), HoofdstukPage.objects.count()) == aantallen

    zelfsturing = HandreikingPage.objects.get(slug="sturen-op-zelfsturing")
    titels = list(
        HoofdstukPage.objects.live().child_of(zelfsturing).values_list("title", flat=True)
    )
    assert len(titels) >= 10
    assert "Gesprekstechnieken: NORBS" in titels and "Wanneer past de methodiek niet" in titels
    jongeren = HandreikingPage.objects.get(slug="handelingswijze-jongeren")
    fasen = HoofdstukPage.objects.live().child_of(jongeren).filter(fases__isnull=False)
    assert fasen.count() == 6

    # Every chapter's content passes the block validation, privacy guard included.
    for hoofdstuk in HoofdstukPage.objects.all():
        hoofdstuk.body.stream_block.clean(hoofdstuk.body)

    # One chapter has two published versions, one is past its review date.
    doelen = HoofdstukPage.objects.get(slug="doelen-stellen")
    client = client_als("demo-consulent")
    html = client.get(f"{doelen.url}wijzigingen/").content.decode()
    assert "Toegevoegd: subdoelen" in html and "Subdoel" in html
    assert HoofdstukPage.objects.filter(slug="wanneer-past-het-niet").get().beoordeling_verlopen

    for hoofdstuk in HoofdstukPage.objects.live():
        assert client.get(hoofdstuk.url).status_code == 200
    assert client.get(f"{zelfsturing.url}begrippen/").status_code == 200

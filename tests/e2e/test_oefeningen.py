"""Browser test: an oefening with a branching beslismoment, an open answer and trainer feedback."""

import io
import re
from importlib import import_module

import pytest
from django.apps import apps
from playwright.sync_api import expect
from wagtail.models import Locale, Page

from cms.demo import inhoud_laden

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def _migratiedata():
    """Recreate what data migrations made: an earlier transactional test flushed it."""
    import_module("cms.migrations.0002_referentiedata").laden(apps, None)
    if not Page.objects.filter(depth=1).exists():
        locale, _ = Locale.objects.get_or_create(language_code="nl")
        Page.add_root(instance=Page(title="Root", slug="root", locale=locale))
    import_module("cms.migrations.0003_startpagina").startpagina_maken(apps, None)
    import_module("oefeningen.migrations.0002_oefeningenpagina").oefeningenpagina_maken(apps, None)


@pytest.fixture
def demo_inhoud(demo_gebruikers):
    _migratiedata()
    inhoud_laden(io.StringIO())


def _uitloggen(page):
    page.get_by_role("button", name="Uitloggen").click()
    page.wait_for_url(re.compile(r".*/inloggen/.*"))


def test_consulent_practises_asks_feedback_and_reads_the_trainers_answer(
    live_server, page, inloggen, demo_inhoud
):
    inloggen("demo-consulent")
    page.get_by_role("navigation", name="Hoofdnavigatie").get_by_role(
        "link", name="Oefeningen"
    ).click()
    page.get_by_role("link", name="De schilder die zelf wel werk vindt").click()
    page.get_by_role("button", name="Begin met de oefening").click()

    # Step 1, meerkeuze: feedback on every option, mine marked.
    page.get_by_label("Regievoerder").check()
    page.get_by_role("button", name="Antwoord geven").click()
    expect(page.get_by_role("heading", name="Feedback op je antwoord")).to_be_visible()
    expect(page.get_by_text("hij voert zelf de regie.")).to_be_visible()
    toetser = page.get_by_text(re.compile("Bij een toetser neemt de consulent de regie"))
    expect(toetser).to_be_visible()
    page.get_by_role("link", name="Volgende stap").click()

    # Step 2, beslismoment: the chosen path decides the next step.
    expect(page.get_by_role("heading", name="Wat spreek je af?")).to_be_visible()
    page.get_by_label(re.compile("Hij zoekt de komende weken zelf")).check()
    page.get_by_role("button", name="Antwoord geven").click()
    gekozen = page.locator(".optie--gekozen")
    expect(gekozen).to_contain_text("pad: ruimte met afspraak")
    expect(gekozen).to_contain_text("Dat is zelfsturing zoals bedoeld.")
    expect(page.get_by_role("heading", name="Zo kozen je collega's")).to_be_visible()
    page.get_by_role("link", name="Volgende stap").click()

    # The branch skipped the "weigering" step: we are at the agreement.
    expect(page.get_by_role("heading", name="Wat leg je vast in de afspraak?")).to_be_visible()
    page.get_by_label("Wat hij de komende vier weken zelf onderneemt").check()
    page.get_by_label("De datum waarop jullie samen terugkijken").check()
    page.get_by_label("Wat hij van jou nodig heeft, als hij iets nodig heeft").check()
    page.get_by_role("button", name="Antwoord geven").click()
    page.get_by_role("link", name="Volgende stap").click()

    # Open question: an empty answer is refused in Dutch, then model answer and feedback request.
    page.get_by_role("button", name="Antwoord geven").click()
    expect(page.get_by_role("alert")).to_contain_text("Schrijf je antwoord")
    page.get_by_role("textbox").fill(
        "Je zoekt zelf, dat kun je goed. Over vier weken kijken we samen hoe het ging."
    )
    page.get_by_role("button", name="Antwoord geven").click()
    expect(page.get_by_role("heading", name="Modelantwoord")).to_be_visible()
    page.get_by_role("button", name="Vraag feedback van een trainer").click()
    expect(page.get_by_text("Je vraag om feedback staat bij de trainers.")).to_be_visible()

    page.get_by_role("link", name="Naar de nabespreking").click()
    expect(page.get_by_role("heading", name="Het pad dat je koos")).to_be_visible()
    expect(page.locator(".pad")).to_contain_text("ruimte met afspraak")
    expect(page.get_by_text("Een regievoerder heeft vooral ruimte")).to_be_visible()
    _uitloggen(page)

    # The trainer answers from the queue.
    inloggen("demo-trainer")
    page.get_by_role("link", name="Feedback gevraagd").click()
    rij = page.get_by_role("row").filter(has_text="De schilder die zelf wel werk vindt")
    rij.get_by_role("link", name=re.compile("Feedback geven")).click()
    expect(page.get_by_text("Over vier weken kijken we samen hoe het ging.")).to_be_visible()
    page.get_by_label("Jouw feedback").fill(
        "Mooi dat je zijn eigen regie benoemt. Noem ook wat jij doet als het niet lukt."
    )
    page.get_by_role("button", name="Feedback versturen").click()
    expect(page.get_by_text("Je feedback is verstuurd.")).to_be_visible()
    _uitloggen(page)

    # The consulent sees it on the home page and on the oefening.
    inloggen("demo-consulent")
    expect(page.get_by_role("heading", name="Nieuwe feedback van je trainer")).to_be_visible()
    page.locator(".tegel").filter(has_text="Nieuwe feedback van je trainer").get_by_role(
        "link", name="De schilder die zelf wel werk vindt"
    ).click()
    expect(page.get_by_role("heading", name="Feedback van je trainer")).to_be_visible()
    expect(page.get_by_text("Noem ook wat jij doet als het niet lukt.")).to_be_visible()

"""Everything a non-admin types is shown as text to every other role, never run as markup.

Payloads go in through the real forms (intervisie session, voornemen reflection, open answer,
trainer feedback, search); then each role that sees them opens its pages while every dialog is
recorded. One browser context per role, few page loads: browser tests are the slow part of CI.
"""

import datetime
import io
import re
from importlib import import_module

import pytest
from django.apps import apps
from django.utils import timezone
from playwright.sync_api import expect
from wagtail.models import Locale, Page

from cms.demo import inhoud_laden
from cms.models import Organisatie
from leernetwerk import services
from leernetwerk.methoden import methoden_laden
from leernetwerk.models import Intervisiemethode, Methodestap, Voornemen

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

AANVAL = "<img src=x onerror=alert(1)><script>alert(2)</script>"


def _tekst(veld):
    """A distinct payload per field, so each is found where it belongs."""
    return f"{veld} {AANVAL}"


@pytest.fixture
def opzet(demo_gebruikers):
    """Demo content (the oefening with an open question), an incidentmethode session today, and a
    voornemen chosen in yesterday's leernetwerkbijeenkomst that today's bijeenkomst reviews."""
    import_module("cms.migrations.0002_referentiedata").laden(apps, None)
    if not Page.objects.filter(depth=1).exists():
        locale, _ = Locale.objects.get_or_create(language_code="nl")
        Page.add_root(instance=Page(title="Root", slug="root", locale=locale))
    import_module("cms.migrations.0003_startpagina").startpagina_maken(apps, None)
    import_module("oefeningen.migrations.0002_oefeningenpagina").oefeningenpagina_maken(apps, None)
    inhoud_laden(io.StringIO())
    methoden_laden(Intervisiemethode, Methodestap)
    g = demo_gebruikers
    groep = services.groep_aanmaken(
        naam="Intervisie XSS",
        slug="intervisie-xss",
        organisaties=[Organisatie.objects.get(slug="noordwaarde")],
        leden=[g["demo-consulent"], g["fatima.elamrani"], g["daan.mulder"]],
        gespreksleiders=[g["fatima.elamrani"]],
    )
    vandaag = timezone.localdate()

    def plannen(methode, datum, start):
        return services.sessie_plannen(
            groep=groep,
            methode=Intervisiemethode.objects.get(slug=methode),
            datum=datum,
            start=datetime.time(start, 0),
            eind=datetime.time(start + 1, 30),
            gespreksleider=g["fatima.elamrani"],
        )

    vorige = plannen("leernetwerkbijeenkomst", vandaag - datetime.timedelta(days=1), 9)
    Voornemen.objects.create(
        gebruiker=g["demo-consulent"], bijeenkomst=vorige, titel="Eenvoudige taal proberen"
    )
    return {
        "sessie": plannen("incidentmethode", vandaag, 13),
        "bijeenkomst": plannen("leernetwerkbijeenkomst", vandaag, 10),
    }


@pytest.fixture
def als(browser, browser_context_args, live_server, wachtwoord):
    """Return a function that opens a logged-in page for a user; dialogs are recorded."""
    dialogen, contexten = [], []

    def openen(username):
        context = browser.new_context(**browser_context_args)
        contexten.append(context)
        page = context.new_page()
        page.on("dialog", lambda d: (dialogen.append((username, page.url, d.message)), d.dismiss()))
        page.goto(f"{live_server.url}/inloggen/")
        page.get_by_label("Gebruikersnaam").fill(username)
        page.get_by_label("Wachtwoord").fill(wachtwoord)
        page.get_by_role("button", name="Inloggen").click()
        page.wait_for_url(f"{live_server.url}/")
        return page

    openen.dialogen = dialogen
    yield openen
    for context in contexten:
        context.close()


def _letterlijk(page, *teksten):
    for tekst in teksten:
        expect(page.get_by_text(tekst, exact=False).first).to_be_visible()


def test_free_text_is_shown_literally_to_every_other_role_and_never_runs(
    live_server, als, opzet, demo_gebruikers
):
    url = live_server.url
    sessie, bijeenkomst = opzet["sessie"], opzet["bijeenkomst"]

    # The consulent: a voornemen reflection, a search, an open answer with a feedback request.
    consulent = als("demo-consulent")
    consulent.goto(f"{url}/mijn-leercyclus/")
    knop = consulent.get_by_role("button", name=re.compile("Eenvoudige taal proberen"))
    formulier = consulent.locator("form").filter(has=knop)
    formulier.get_by_label("Wat heb ik gedaan?").fill(_tekst("Gedaan"))
    formulier.get_by_label("Wat werkte, wat niet?").fill(_tekst("Werkte"))
    knop.click()
    expect(consulent.get_by_role("status").first).to_contain_text("afgerond met je reflectie")
    _letterlijk(consulent, _tekst("Gedaan"), _tekst("Werkte"))

    zoekvak = consulent.get_by_role("searchbox", name="Zoek in Leernetwerk")
    zoekvak.fill(_tekst("Zoek"))
    zoekvak.press("Enter")
    expect(consulent).to_have_url(re.compile(r"/zoeken/\?q="))
    expect(consulent.locator("main")).to_contain_text(_tekst("Zoek"))
    expect(consulent.get_by_role("searchbox", name="Zoek in Leernetwerk")).to_have_value(
        _tekst("Zoek")
    )

    consulent.goto(f"{url}/oefeningen/")
    consulent.get_by_role("link", name="De schilder die zelf wel werk vindt").click()
    consulent.get_by_role("button", name="Begin met de oefening").click()
    consulent.get_by_label("Regievoerder").check()
    consulent.get_by_role("button", name="Antwoord geven").click()
    consulent.get_by_role("link", name="Volgende stap").click()
    consulent.get_by_label(re.compile("Hij zoekt de komende weken zelf")).check()
    consulent.get_by_role("button", name="Antwoord geven").click()
    consulent.get_by_role("link", name="Volgende stap").click()
    consulent.get_by_label("Wat hij de komende vier weken zelf onderneemt").check()
    consulent.get_by_role("button", name="Antwoord geven").click()
    consulent.get_by_role("link", name="Volgende stap").click()
    consulent.get_by_role("textbox").fill(_tekst("Antwoord"))
    consulent.get_by_role("button", name="Antwoord geven").click()
    expect(consulent.get_by_role("heading", name="Modelantwoord")).to_be_visible()
    _letterlijk(consulent, _tekst("Antwoord"))
    consulent.get_by_role("button", name="Vraag feedback van een trainer").click()
    expect(consulent.get_by_text("Je vraag om feedback staat bij de trainers.")).to_be_visible()

    # The gespreksleider runs the session, every field with a payload of its own.
    leider = als("fatima.elamrani")
    leider.goto(f"{url}/intervisie/sessies/{sessie.pk}/leiden/")
    leider.get_by_label("Inbrenger").select_option(label="Daan Mulder")
    leider.get_by_label("Casus").fill(_tekst("Casus"))
    leider.get_by_label("Hulpvraag").fill(_tekst("Hulpvraag"))
    leider.get_by_role("button", name="Volgende stap").click()
    for stap in sessie.stappen.all():
        expect(leider.get_by_role("heading", level=2)).to_contain_text(stap.titel)
        leider.get_by_label("Notities bij deze stap").fill(_tekst(f"Notitie{stap.volgorde}"))
        leider.get_by_role("button", name="Volgende stap").click()
    leider.get_by_label("Leerpunten").fill(_tekst("Leerpunten"))
    leider.get_by_label("Nieuw actiepunt").fill(_tekst("Actiepunt"))
    leider.get_by_label("Eigenaar").select_option(label="Sanne de Vries")
    leider.get_by_role("button", name="Actiepunt toevoegen").click()
    expect(leider.get_by_text("Actiepunt toegevoegd.")).to_be_visible()
    leider.get_by_role("button", name="Sessie afronden").click()
    expect(leider.get_by_text("De sessie is afgerond")).to_be_visible()
    # Today's bijeenkomst reviews the consulent's voornemen: her reflection, as text.
    leider.goto(f"{url}/intervisie/sessies/{bijeenkomst.pk}/leiden/")
    expect(
        leider.get_by_role("heading", name="Voornemens van de vorige bijeenkomst")
    ).to_be_visible()
    _letterlijk(leider, _tekst("Gedaan"), _tekst("Werkte"))

    # The trainer: the queue and the answer, then feedback with a payload.
    trainer = als("demo-trainer")
    trainer.get_by_role("link", name="Feedback gevraagd").click()
    rij = trainer.get_by_role("row").filter(has_text="De schilder die zelf wel werk vindt")
    rij.get_by_role("link", name=re.compile("Feedback geven")).click()
    _letterlijk(trainer, _tekst("Antwoord"))
    trainer.get_by_label("Jouw feedback").fill(_tekst("Feedback"))
    trainer.get_by_role("button", name="Feedback versturen").click()
    expect(trainer.get_by_text("Je feedback is verstuurd.")).to_be_visible()

    # The consulent (a group member) reads the record and the trainer's feedback.
    consulent.goto(f"{url}{sessie.get_absolute_url()}")
    stappen = [_tekst(f"Notitie{s.volgorde}") for s in sessie.stappen.all()]
    velden = ["Casus", "Hulpvraag", "Leerpunten", "Actiepunt"]
    _letterlijk(consulent, *[_tekst(v) for v in velden], *stappen)
    consulent.goto(f"{url}/")
    consulent.locator(".tegel").filter(has_text="Nieuwe feedback van je trainer").get_by_role(
        "link", name="De schilder die zelf wel werk vindt"
    ).click()
    _letterlijk(consulent, _tekst("Feedback"))

    # The teamchef sees participation only: no payload, and nothing runs.
    teamchef = als("demo-teamchef")
    for pad in ("/team/", "/intervisie/deelname/"):
        teamchef.goto(f"{url}{pad}")
        expect(teamchef.get_by_role("heading", level=1)).to_be_visible()
        expect(teamchef.get_by_text(AANVAL, exact=False)).to_have_count(0)

    assert als.dialogen == []

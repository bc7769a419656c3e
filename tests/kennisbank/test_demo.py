"""The kennisbank demo as a trainer reads it: honest evidence, real sources, one definition.

The demo is loaded once for this module; each test runs in its own savepoint.
"""

from cms.models import Klanttype
from kennisbank.models import Bewijsniveau, InterventiePage

HEEMSKERK = {
    "taalcafe-buurthuis",
    "beweegpilot-sportschool",
    "leerwerkstage-groen",
    "flexibel-bijverdienen",
    "taalmaatje-een-op-een",
    "medische-keuring-belastbaarheid",
}


def test_no_demo_interventie_claims_a_recognition_nobody_gave(demo_module):
    erkend = InterventiePage.objects.exclude(bewijsniveau=Bewijsniveau.NIET_BEOORDEELD)
    assert [iv.slug for iv in erkend if not iv.bewijs_beoordeeld_door] == []


def test_an_unjudged_interventie_says_so_on_its_page(demo_module, client_als):
    iv = InterventiePage.objects.live().get(slug="keuzes-bieden")
    html = client_als("demo-consulent").get(iv.url).content.decode()
    assert "Niet beoordeeld door een erkenningscommissie" in html


def test_a_recognised_interventie_shows_who_judged_it_and_where(demo_module, client_als):
    iv = InterventiePage.objects.live().get(slug="keuzes-bieden")
    iv.bewijsniveau = Bewijsniveau.GOED_ONDERBOUWD
    iv.bewijs_beoordeeld_door = "Erkenningscommissie Interventies"
    iv.bewijs_bron = "https://databank.example.nl/keuzes-bieden"
    iv.save_revision().publish()
    html = client_als("demo-consulent").get(iv.url).content.decode()
    assert "oordeel van Erkenningscommissie Interventies" in html
    assert 'href="https://databank.example.nl/keuzes-bieden"' in html
    assert "Niet beoordeeld door een erkenningscommissie" not in html


def test_heemskerk_programmes_cite_the_heemskerk_study_not_the_leeuwarden_report(demo_module):
    rijen = InterventiePage.objects.filter(slug__in=HEEMSKERK).values_list("slug", "bronnen")
    bronnen = dict(rijen)
    assert set(bronnen) == HEEMSKERK
    for slug, bron in bronnen.items():
        assert "Heemskerk" in bron, slug
        assert "NHL Stenden" not in bron and "Leeuwarden" not in bron, slug


def test_the_leeuwarden_items_cite_the_nhl_stenden_report(demo_module):
    iv = InterventiePage.objects.get(slug="uitleg-proces")
    assert "NHL Stenden Hogeschool (2021)" in iv.bronnen


def test_toetser_means_the_professional_steers_and_the_client_checks_the_fit(demo_module):
    toetser = Klanttype.objects.get(slug="toetser").omschrijving
    assert "regie" in toetser and "toetst of die passen bij zijn wensen" in toetser
    assert "redelijk" not in toetser
    assert "duwtje" not in Klanttype.objects.get(slug="regievoerder").omschrijving
    assert "duwtje" in Klanttype.objects.get(slug="co-producent").omschrijving


def test_the_schema_carries_the_instruments_of_werk_en_inkomen(demo_module, client_als):
    instrumenten = {
        "loonkostensubsidie": "Loonkostensubsidie",
        "jobcoach": "Jobcoach",
        "beschut-werk": "Beschut werk",
        "proefplaatsing": "Proefplaatsing",
        "werkgeversservicepunt": "Werkgeversservicepunt",
        "banenafspraak": "Banenafspraak",
        "tijdelijke-ontheffing": "ontheffing",
    }
    html = client_als("demo-consulent").get("/interventieschema/?fase=verloop").content.decode()
    for slug, woord in instrumenten.items():
        iv = InterventiePage.objects.live().get(slug=slug)
        assert woord in iv.title and f'href="{iv.url}"' in html, slug
    # Work with behoud van uitkering is unpaid work: trede 4, not 5.
    proef = InterventiePage.objects.get(slug="proefplaatsing")
    assert [t.slug for t in proef.treden.all()] == ["trede-4"]


def test_overdue_interventies_are_listed_for_the_kennisbeheerder(demo_module, client_als):
    from django.urls import reverse

    url = reverse("interventies_beoordelingen")
    beheerder = client_als("demo-kennisbeheerder")
    html = beheerder.get(url).content.decode()
    verlopen = InterventiePage.objects.get(slug="flexibel-bijverdienen")
    actueel = InterventiePage.objects.get(slug="loonkostensubsidie")
    assert verlopen.title in html and actueel.title not in html
    assert url in beheerder.get("/beheer/").content.decode()
    assert client_als("demo-consulent").get(url).status_code in (302, 403)
    pagina = client_als("demo-consulent").get(verlopen.url).content.decode()
    assert "beoordeling verlopen" in pagina


def test_a_review_date_before_the_last_review_is_refused_at_its_field(demo_module):
    import datetime

    from django.core.exceptions import ValidationError

    iv = InterventiePage.objects.get(slug="keuzes-bieden")
    iv.volgende_beoordeling = iv.laatst_beoordeeld - datetime.timedelta(days=1)
    try:
        iv.full_clean()
    except ValidationError as fout:
        assert "na de laatste beoordeling" in fout.message_dict["volgende_beoordeling"][0]
    else:
        raise AssertionError("expected a ValidationError")


def test_the_zoekperiode_is_only_for_content_about_jongeren_under_27(demo_module):
    """The four-week zoekperiode applies to jongeren under 27 only: no demo page about other
    people sits in that fase, and the fase itself says so."""
    from cms.models import Doelgroep, Fase
    from kennisbank.handreiking.models import HoofdstukPage
    from kennisbank.models import BeslismomentPage
    from oefeningen.models import OefeningPage

    zoekperiode = Fase.objects.get(slug="zoekperiode")
    assert "onder de 27" in zoekperiode.omschrijving
    jongeren = set(Doelgroep.objects.filter(slug="jongeren").values_list("pk", flat=True)) | set(
        Doelgroep.objects.filter(bovenliggend__slug="jongeren").values_list("pk", flat=True)
    )
    fout = []
    for model in (InterventiePage, BeslismomentPage, OefeningPage):
        for pagina in model.objects.filter(fases=zoekperiode).prefetch_related("doelgroepen"):
            if not {d.pk for d in pagina.doelgroepen.all()} & jongeren:
                fout.append(pagina.slug)
    boek = "handelingswijze-jongeren"
    for hoofdstuk in HoofdstukPage.objects.filter(fases=zoekperiode):
        if hoofdstuk.get_parent().slug != boek:
            fout.append(hoofdstuk.slug)
    assert fout == []


def test_content_shows_its_step_of_methodisch_handelen(demo_module, client_als):
    from kennisbank.handreiking.models import HoofdstukPage
    from oefeningen.models import OefeningPage

    client = client_als("demo-consulent")
    stappen = HoofdstukPage.objects.live().get(slug="methodisch-handelen")
    html = client.get(stappen.url).content.decode()
    assert "Monitoring en coaching" in html and "Methodisch handelen: oordeelsvorming" in html

    oefeningen = OefeningPage.objects.live()
    zonder = [o.slug for o in oefeningen if not o.fases.filter(reeks__slug="methodisch-handelen")]
    assert zonder == []
    schilder = oefeningen.get(slug="schilder")
    assert "Methodisch handelen: screening en diagnose" in client.get(schilder.url).content.decode()
    assert (
        "Methodisch handelen: screening en diagnose" in client.get("/oefeningen/").content.decode()
    )

    pva = InterventiePage.objects.live().get(slug="pva-eigen-regie")
    html = client.get(pva.url).content.decode()
    assert "Methodisch handelen: besluitvorming" in html
    # The schema still places it in its trajectfase column.
    assert pva.title in client.get("/interventieschema/").content.decode()

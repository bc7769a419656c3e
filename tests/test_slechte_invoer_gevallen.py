"""The HTTP 500s of issue 19 (point 8) and the control characters of point 7, one test each.

Every case here answered 500 before: a non-numeric or thirty-digit id (ValueError,
OverflowError), a `next` that is no path (NoReverseMatch), a vertical tab from Word that broke
the XLSX export. Now: a 404 or a Dutch field error, a safe redirect, and the text without the
invisible character.
"""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook
from wagtail.models import Page
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from cms.invoer import StuurtekensMiddleware, id_uit, terugweg
from kennisbank.handreiking.models import HoofdstukPage
from kennisbank.models import InterventiePage
from leernetwerk.leercyclus.models import Reflectie
from leernetwerk.models import Actiepunt, Intervisiesessie, Voornemen
from oefeningen.models import LeermodulePage

pytestmark = pytest.mark.django_db

DERTIG_CIJFERS = "1" * 30
ONGELDIGE_KEUZE = "Selecteer een geldige keuze"


def _consulent(client, demo_module):
    client.force_login(demo_module["demo-consulent"])
    return client


def _sessie():
    return Intervisiesessie.objects.filter(
        groep__slug="intervisie-team-jongeren", methode__is_leernetwerk=False
    ).first()


def _open_actiepunt():
    return Actiepunt.objects.filter(
        sessie__groep__slug="intervisie-team-jongeren", afgerond__isnull=True
    ).first()


# --- ids ---------------------------------------------------------------------------------------


def test_id_uit_accepts_only_a_positive_number_that_fits_the_database():
    assert id_uit("42") == 42 and id_uit(" 7 ") == 7 and id_uit(9) == 9
    for geen in ("", "abc", "-1", "0", "4.2", "²", "١٢", DERTIG_CIJFERS, str(2**63), None, ["1"]):
        assert id_uit(geen) is None, geen
    assert id_uit(str(2**63 - 1)) == 2**63 - 1


@pytest.mark.parametrize("waarde", ["abc", DERTIG_CIJFERS, "-3", ""])
def test_voornemen_with_an_interventie_that_is_no_id_is_not_found(client, demo_module, waarde):
    client = _consulent(client, demo_module)
    voor = Voornemen.objects.count()
    response = client.post(reverse("voornemen_maken"), {"interventie": waarde})
    assert response.status_code == 404
    assert Voornemen.objects.count() == voor


@pytest.mark.parametrize("waarde", ["abc", DERTIG_CIJFERS])
def test_closing_an_actiepunt_in_a_session_that_is_no_id_is_not_found(client, demo_module, waarde):
    client = _consulent(client, demo_module)
    actiepunt = _open_actiepunt()
    response = client.post(reverse("actiepunt_afronden", args=[actiepunt.pk]), {"sessie": waarde})
    assert response.status_code == 404
    actiepunt.refresh_from_db()
    assert actiepunt.afgerond is None


@pytest.mark.parametrize("veld", ["interventies", "fases", "doelgroepen"])
def test_thirty_digit_id_in_the_session_record_is_a_field_error(client, demo_module, veld):
    client = _consulent(client, demo_module)
    sessie = _sessie()
    casus = sessie.casus
    response = client.post(
        reverse("sessie_bewerken", args=[sessie.pk]),
        {
            "versie": sessie.versie,
            "datum": sessie.datum.isoformat(),
            "start": "09:30",
            "eind": "11:00",
            "vorm": sessie.vorm,
            "casus": "Een nieuwe casus die niet opgeslagen mag worden.",
            veld: [DERTIG_CIJFERS, "abc"],
        },
    )
    assert response.status_code == 200
    assert ONGELDIGE_KEUZE in str(response.context["form"].errors[veld])
    assert "Een nieuwe casus die niet opgeslagen mag worden." in response.content.decode()
    sessie.refresh_from_db()
    assert sessie.casus == casus


def test_thirty_digit_interventie_for_a_voornemen_at_the_end_of_a_bijeenkomst(client, demo_module):
    sessie = Intervisiesessie.objects.filter(methode__is_leernetwerk=True).first()
    client.force_login(sessie.groep.gespreksleiders.first())
    laatste = sessie.stappen.count() + 1
    voor = Voornemen.objects.count()
    response = client.post(
        f"{reverse('sessie_leiden', args=[sessie.pk])}?stap={laatste}",
        {
            "versie": sessie.versie,
            "richting": "opslaan",
            "leerpunten": "Wat we leerden blijft staan.",
            "voornemen_gebruiker": sessie.groep.leden.first().pk,
            "voornemen_interventie": DERTIG_CIJFERS,
        },
    )
    assert response.status_code == 200
    assert ONGELDIGE_KEUZE in str(response.context["form"].errors["voornemen_interventie"])
    assert "Wat we leerden blijft staan." in response.content.decode()
    assert Voornemen.objects.count() == voor


@pytest.mark.parametrize("waarde", [DERTIG_CIJFERS, "²", "abc", "-1"])
def test_feedback_queue_with_a_module_that_is_no_id_shows_all_modules(client, demo_module, waarde):
    client.force_login(demo_module["demo-trainer"])
    response = client.get(reverse("oefeningen:wachtrij"), {"module": waarde})
    assert response.status_code == 200
    assert response.context["gekozen_module"] is None
    module = LeermodulePage.objects.live().first()
    gekozen = client.get(reverse("oefeningen:wachtrij"), {"module": str(module.pk)})
    assert gekozen.context["gekozen_module"] == module


# --- next --------------------------------------------------------------------------------------


def test_terugweg_allows_only_a_path_on_this_site(rf):
    request = rf.get("/")
    assert terugweg(request, "/intervisie/?x=1", "/") == "/intervisie/?x=1"
    for slecht in ("abc", "mijn_leercyclus", "//evil.example/", "https://evil.example/", "", None):
        assert terugweg(request, slecht, "/standaard/") == "/standaard/", slecht


def test_next_that_is_no_path_returns_to_the_default_page(client, demo_module):
    client = _consulent(client, demo_module)
    actiepunt = _open_actiepunt()
    response = client.post(reverse("actiepunt_afronden", args=[actiepunt.pk]), {"next": "abc"})
    assert response.status_code == 302 and response["Location"] == reverse("intervisie")

    interventie = InterventiePage.objects.live().first()
    response = client.post(
        reverse("voornemen_maken"), {"interventie": interventie.pk, "next": "abc"}
    )
    assert response.status_code == 302 and response["Location"] == interventie.url

    voornemen = Voornemen.objects.filter(
        gebruiker=demo_module["demo-consulent"], status=Voornemen.Status.OPEN
    ).first()
    url = reverse("voornemen_bespreken", args=[voornemen.pk])
    assert 'name="next" value=""' in client.get(url, {"next": "abc"}).content.decode()
    response = client.post(
        url,
        {
            f"voornemen-{voornemen.pk}-reflectie_gedaan": "Ik heb het twee keer geprobeerd.",
            f"voornemen-{voornemen.pk}-reflectie_werkte": "Samenvatten werkte goed.",
            "next": "abc",
        },
    )
    assert response.status_code == 302 and response["Location"] == reverse("mijn_leercyclus")

    hoofdstuk = HoofdstukPage.objects.live().first()
    response = client.post(hoofdstuk.url + "gelezen/", {"volgende": "abc"})
    assert response.status_code == 302 and response["Location"] == hoofdstuk.url


# --- control characters -----------------------------------------------------------------------


def _interventie_formulier(interventie, **velden):
    data = {
        "title": interventie.title,
        "slug": interventie.slug,
        "samenvatting": interventie.samenvatting,
        "fases": [str(f.pk) for f in interventie.fases.all()],
        "laag": interventie.laag,
        "onderdeel": interventie.onderdeel,
        "doelgroepen": [str(d.pk) for d in interventie.doelgroepen.all()],
        "aanpak": streamfield([("tip", "Vraag door\x0b op wat werkt.")]),
        "onderbouwing": rich_text("<p>Onderbouwing.</p>"),
        "bronnen": interventie.bronnen,
        "bewijsniveau": interventie.bewijsniveau,
        "bewijs_beoordeeld_op": "",
        "aanbieder": interventie.aanbieder,
        "duur": interventie.duur,
        "kosten": interventie.kosten,
        "verplichting": interventie.verplichting,
        "verwijsroute": interventie.verwijsroute,
        "status": interventie.status,
        "hiaat_eigenaar": interventie.hiaat_eigenaar,
        "tags": "",
        "notities": inline_formset([]),
        "comments": inline_formset([]),
        "action-publish": "publish",
    }
    data.update(velden)
    keuzes = {k: data.pop(k) for k in ("fases", "doelgroepen")}  # lists: repeated keys
    return nested_form_data(data) | keuzes


def _beheer_fouten(response):
    form = response.context["form"]
    return {naam: [str(f) for f in fouten] for naam, fouten in form.errors.items()}


def test_control_characters_typed_in_the_admin_are_stripped_and_the_export_works(
    client, demo_module
):
    client.force_login(demo_module["demo-kennisbeheerder"])
    interventie = InterventiePage.objects.live().filter(fases__isnull=False).first()
    organisatie = demo_module["demo-consulent"].profiel.organisatie
    response = client.post(
        reverse("wagtailadmin_pages:edit", args=[interventie.pk]),
        _interventie_formulier(
            interventie,
            title="Netwerk\x0bkaart",
            samenvatting="Regel een\x0bregel twee\x00 en tab\tblijft.\r\nNieuwe regel.",
            bronnen="Bron A\x0c\nBron B\x1f",
            notities=inline_formset(
                [{"organisatie": organisatie.pk, "tekst": "Lokaal\x0b loket\x00."}]
            ),
        ),
    )
    assert response.status_code == 302, _beheer_fouten(response)
    interventie = InterventiePage.objects.get(pk=interventie.pk)
    assert interventie.title == "Netwerkkaart"
    assert interventie.samenvatting == "Regel eenregel twee en tab\tblijft.\r\nNieuwe regel."
    assert interventie.bronnen == "Bron A\nBron B"
    assert interventie.notities.get().tekst == "Lokaal loket."
    assert interventie.aanpak[0].value == "Vraag door op wat werkt."

    client.force_login(demo_module["demo-consulent"])
    export = client.get("/interventieschema/export.xlsx")
    assert export.status_code == 200
    blad = load_workbook(io.BytesIO(export.content)).active
    assert "Netwerkkaart" in [rij[0] for rij in blad.iter_rows(values_only=True)]


def test_thirty_digit_taxonomy_id_in_the_admin_is_a_field_error(client, demo_module):
    client.force_login(demo_module["demo-kennisbeheerder"])
    interventie = InterventiePage.objects.live().filter(fases__isnull=False).first()
    response = client.post(
        reverse("wagtailadmin_pages:edit", args=[interventie.pk]),
        _interventie_formulier(interventie, fases=[DERTIG_CIJFERS], doelgroepen=["abc"]),
    )
    assert response.status_code == 200
    fouten = _beheer_fouten(response)
    assert ONGELDIGE_KEUZE in fouten["fases"][0] and ONGELDIGE_KEUZE in fouten["doelgroepen"][0]
    assert Page.objects.get(pk=interventie.pk).specific.fases.exists()


def test_control_characters_in_a_reflection_are_stripped(client, demo_module):
    client = _consulent(client, demo_module)
    response = client.post(
        reverse("reflectie_schrijven"),
        {
            "datum": timezone.localdate().isoformat(),
            "uren": "1",
            "tekst": "Samenvatten\x0b hielp\x00 echt.\nVolgende keer eerder.",
        },
    )
    assert response.status_code == 302
    reflectie = Reflectie.objects.filter(gebruiker=demo_module["demo-consulent"]).latest("pk")
    assert reflectie.tekst == "Samenvatten hielp echt.\nVolgende keer eerder."


def test_nul_in_a_query_string_is_stripped_before_search_and_filters(client, demo_module):
    client = _consulent(client, demo_module)
    response = client.get("/zoeken/", {"q": "jon\x00geren"})
    assert response.status_code == 200 and response.context["zoekterm"] == "jongeren"
    schema = client.get("/interventieschema/lijst/", {"doelgroep": "\x00jongeren\x0b"})
    assert schema.status_code == 200


def _na_middleware(request):
    gezien = {}

    def view(request):
        gezien["request"] = request
        return None

    StuurtekensMiddleware(view)(request)
    return gezien["request"]


def test_middleware_strips_every_value_and_keeps_files_json_and_clean_input_as_is(rf):
    upload = SimpleUploadedFile("a.csv", b"titel\x0b;slug\n", content_type="text/csv")
    request = _na_middleware(
        rf.post("/?q=a\x00b&q=c", {"tekst": ["een\x0btwee", "drie\x1f"], "bestand": upload})
    )
    assert request.GET.getlist("q") == ["ab", "c"]
    assert request.POST.getlist("tekst") == ["eentwee", "drie"]
    assert request.FILES["bestand"].read() == b"titel\x0b;slug\n"  # files are not web text
    assert not request.POST._mutable

    schoon = rf.post("/", {"tekst": "Gewoon\ttekst\r\nmet regels"})
    voor = schoon.POST
    assert _na_middleware(schoon).POST is voor

    json = _na_middleware(rf.post("/", '{"a": "\\u000b"}', content_type="application/json"))
    assert json.body == b'{"a": "\\u000b"}'

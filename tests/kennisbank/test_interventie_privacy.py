"""An interventie's practice notes (per gemeente) and aanpak examples pass the privacy guard in
the Wagtail editor: the Dutch message stands at the field, and the page is not saved."""

import pytest
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from cms.models import Fase, Organisatie
from kennisbank.models import InterventiePage


def _formulier(pagina, gebruiker, notities=(), aanpak=()):
    klasse = InterventiePage.get_edit_handler().get_form_class()
    data = nested_form_data(
        {
            "title": pagina.title,
            "slug": pagina.slug,
            "samenvatting": pagina.samenvatting,
            "laag": pagina.laag,
            "bewijsniveau": pagina.bewijsniveau,
            "status": pagina.status,
            "aanpak": streamfield(list(aanpak)),
            "notities": inline_formset(list(notities)),
        }
    )
    data["fases"] = [str(Fase.objects.order_by("pk").first().pk)]
    return klasse(data, instance=pagina, parent_page=pagina.get_parent(), for_user=gebruiker)


@pytest.fixture
def redacteur(demo_gebruikers):
    return demo_gebruikers["demo-kennisbeheerder"]


@pytest.mark.parametrize(
    "tekst, naam",
    [
        ("Bel mevrouw op (0591) 12 34 56 voor de intake.", "(0591) 12 34 56"),
        ("Mail de klant op k.devries@example.nl.", "k.devries@example.nl"),
        ("Klant met BSN 111222333 kreeg een plek.", "111222333"),
    ],
)
def test_client_data_in_a_practice_note_is_refused_at_the_field(
    interventie_maken, redacteur, tekst, naam
):
    pagina = interventie_maken("Netwerk in beeld")
    gemeente = Organisatie.objects.get(slug="noordwaarde")
    form = _formulier(pagina, redacteur, notities=[{"organisatie": gemeente.pk, "tekst": tekst}])
    assert not form.is_valid()
    fouten = form.formsets["notities"].forms[0].errors
    assert f"“{naam}”" in " ".join(fouten["tekst"])
    assert form.formsets["notities"].forms[0]["tekst"].value() == tekst, "nothing typed is lost"


def test_an_anonymous_practice_note_is_accepted(interventie_maken, redacteur):
    pagina = interventie_maken("Netwerk in beeld")
    gemeente = Organisatie.objects.get(slug="noordwaarde")
    tekst = "Gebruik het formulier 'netwerkkaart' in het cliëntvolgsysteem; 2 gesprekken."
    form = _formulier(pagina, redacteur, notities=[{"organisatie": gemeente.pk, "tekst": tekst}])
    assert form.is_valid(), form.errors


def test_client_data_in_an_aanpak_example_is_refused_at_the_aanpak_field(
    interventie_maken, redacteur
):
    pagina = interventie_maken("Netwerk in beeld")
    voorbeeld = (
        "voorbeeld",
        {"consulent": "Wie kan je helpen?", "klant": "Bel mijn oom 06-1234 5678"},
    )
    form = _formulier(pagina, redacteur, aanpak=[voorbeeld, ("tip", "Vraag door.")])
    assert not form.is_valid()
    assert "Verwijder het telefoonnummer “06-1234 5678”." in form.errors["aanpak"]

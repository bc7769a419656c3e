"""Bring your own case: a reflection for one's own intervisie group (seen by that group only),
or a draft oefening a trainer adopts into a real oefening or returns with a comment."""

import io

import pytest

from leernetwerk.models import Groepsbijdrage
from oefeningen.models import Oefeningconcept, OefeningenIndexPage, OefeningPage

CASUS = (
    "Een jonge vader wil werken, maar zegt steeds dat het nu niet uitkomt. Hij zorgt een deel "
    "van de week voor zijn dochtertje en heeft geen opvang."
)
VRAAG = "Hoe onderscheid ik hier niet willen van niet kunnen?"


def _casus(bestemming, **velden):
    return {
        "bestemming": str(bestemming),
        "titel": "Niet willen of niet kunnen?",
        "casus": CASUS,
        "vraag": VRAAG,
        "casus_profiel": "",
        "eigen_aanpak": "",
        **velden,
    }


@pytest.fixture
def oefeningen_index(db):
    """The /oefeningen/ page, made by a migration: adopted oefeningen go below it."""
    return OefeningenIndexPage.objects.get()


# --- a reflection for the group ----------------------------------------------------------------


def test_a_case_brought_to_the_group_is_read_by_its_members_only(client_als, groep):
    response = client_als("demo-consulent").post("/intervisie/eigen-casus/", _casus(groep.pk))
    bijdrage = Groepsbijdrage.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/intervisie/groepen/{groep.pk}/#bijdrage-{bijdrage.pk}"
    assert (bijdrage.auteur.username, bijdrage.reflectie) == ("demo-consulent", VRAAG)
    for lid in ("fatima.elamrani", "daan.mulder"):
        assert CASUS in client_als(lid).get(groep.get_absolute_url()).content.decode()
    for buitenstaander in ("bram.smit", "demo-teamchef", "demo-trainer", "demo-beheerder"):
        client = client_als(buitenstaander)
        assert client.get(groep.get_absolute_url()).status_code == 404
        for pad in ("/intervisie/", "/", "/zoeken/?q=opvang", "/team/jongeren-noordwaarde/"):
            assert CASUS.encode() not in client.get(pad).content


def test_nobody_brings_a_case_into_a_group_they_are_not_in(client_als, groep):
    response = client_als("bram.smit").post("/intervisie/eigen-casus/", _casus(groep.pk))
    assert response.status_code == 200
    assert "Selecteer een geldige keuze" in " ".join(response.context["form"].errors["bestemming"])
    assert not Groepsbijdrage.objects.exists()


def test_a_member_who_joins_later_reads_cases_from_their_join_date(
    client_als, groep, demo_gebruikers
):
    from leernetwerk import services

    client_als("demo-consulent").post("/intervisie/eigen-casus/", _casus(groep.pk))
    Groepsbijdrage.objects.update(aangemaakt="2020-01-01T10:00:00Z")
    services.groepslid_toevoegen(
        groep=groep,
        persoon=demo_gebruikers["bram.smit"],
        door=demo_gebruikers["demo-beheerder"],
        reden="Nieuw in het team.",
    )
    assert CASUS.encode() not in client_als("bram.smit").get(groep.get_absolute_url()).content
    assert CASUS.encode() in client_als("daan.mulder").get(groep.get_absolute_url()).content


# --- the privacy guard -------------------------------------------------------------------------


@pytest.mark.parametrize("bestemming", ["groep", "oefening"])
def test_client_data_is_refused_at_the_field_and_nothing_typed_is_lost(
    client_als, groep, bestemming
):
    casus = CASUS + " Zijn BSN is 111222333, geboren 12-03-2004."
    doel = groep.pk if bestemming == "groep" else "oefening"
    response = client_als("demo-consulent").post(
        "/intervisie/eigen-casus/", _casus(doel, casus=casus, casus_profiel="vader van 22")
    )
    assert response.status_code == 200
    form = response.context["form"]
    assert list(form.errors) == ["casus"]
    meldingen = form.errors["casus"]
    assert "Verwijder het burgerservicenummer “111222333”." in meldingen
    assert "Verwijder de geboortedatum “12-03-2004”." in meldingen
    html = response.content.decode()
    assert "111222333" in html and VRAAG in html and "vader van 22" in html
    assert not Groepsbijdrage.objects.exists() and not Oefeningconcept.objects.exists()


def test_a_draft_oefening_needs_a_profile(client_als, groep):
    response = client_als("demo-consulent").post("/intervisie/eigen-casus/", _casus("oefening"))
    assert "anoniem profiel" in " ".join(response.context["form"].errors["casus_profiel"])
    assert not Oefeningconcept.objects.exists()


# --- a draft oefening: adopted or returned -----------------------------------------------------


@pytest.fixture
def concept(client_als, groep):
    client_als("demo-consulent").post(
        "/intervisie/eigen-casus/",
        _casus(
            "oefening",
            casus_profiel="vader van 22, zorgt deels voor zijn dochter",
            eigen_aanpak="Ik vroeg wat hij nodig had om te kunnen beginnen.",
        ),
    )
    return Oefeningconcept.objects.get()


@pytest.mark.parametrize("wie", ["demo-consulent", "demo-teamchef", "demo-beheerder"])
def test_only_trainers_see_the_review_queue(client_als, concept, wie):
    client = client_als(wie)
    assert client.get("/oefenen/trainer/concepten/").status_code == 403
    assert client.get(f"/oefenen/trainer/concepten/{concept.pk}/").status_code == 403
    data = {"actie": "teruggeven", "teruggeven-opmerking": "Nee."}
    assert client.post(f"/oefenen/trainer/concepten/{concept.pk}/", data).status_code == 403
    concept.refresh_from_db()
    assert concept.status == Oefeningconcept.Status.INGEDIEND


def test_a_trainer_adopts_the_draft_into_a_published_oefening(
    client_als, concept, oefeningen_index
):
    trainer = client_als("demo-trainer")
    assert (
        "Niet willen of niet kunnen?"
        in client_als("demo-trainer").get("/oefenen/trainer/concepten/").content.decode()
    )
    data = {
        "actie": "overnemen",
        "overnemen-titel": "Niet willen of niet kunnen: een vader zonder opvang",
        "overnemen-casus_profiel": concept.casus_profiel,
        "overnemen-casus": concept.casus,
        "overnemen-vraag": concept.vraag,
        "overnemen-modelantwoord": "Vraag eerst wat hij nodig heeft; opvang is een voorwaarde.",
        "overnemen-criteria": "Je vraagt naar zijn situatie\nJe oordeelt niet over zijn wil",
    }
    response = trainer.post(f"/oefenen/trainer/concepten/{concept.pk}/", data)
    assert response.status_code == 302
    concept.refresh_from_db()
    oefening = OefeningPage.objects.live().get(title=data["overnemen-titel"])
    assert concept.status == Oefeningconcept.Status.OVERGENOMEN and concept.oefening == oefening
    assert oefening.casus == CASUS
    stap = oefening.stappen[0]
    assert stap.block_type == "open" and list(stap.value["rubric"]) == [
        "Je vraagt naar zijn situatie",
        "Je oordeelt niet over zijn wil",
    ]
    # Every consulent can now do it; the author sees where her case went.
    assert client_als("daan.mulder").get(oefening.url).status_code == 200
    mijn = client_als("demo-consulent").get("/oefenen/mijn-concepten/").content.decode()
    assert "overgenomen als oefening" in mijn and oefening.url in mijn
    assert (
        "Niet willen of niet kunnen?"
        not in client_als("demo-trainer").get("/oefenen/trainer/concepten/").content.decode()
    )


def test_adopting_checks_the_trainers_own_text_at_its_field(client_als, concept, oefeningen_index):
    data = {
        "actie": "overnemen",
        "overnemen-titel": "Een vader zonder opvang",
        "overnemen-casus_profiel": concept.casus_profiel,
        "overnemen-casus": concept.casus,
        "overnemen-vraag": concept.vraag,
        "overnemen-modelantwoord": "Mail hem op vader@example.org.",
        "overnemen-criteria": "",
    }
    response = client_als("demo-trainer").post(f"/oefenen/trainer/concepten/{concept.pk}/", data)
    form = response.context["overnemen"]
    assert "Verwijder het e-mailadres “vader@example.org”." in form.errors["modelantwoord"]
    assert "criteria" in form.errors
    assert "vader@example.org" in response.content.decode()
    concept.refresh_from_db()
    assert concept.status == Oefeningconcept.Status.INGEDIEND
    assert not OefeningPage.objects.filter(title="Een vader zonder opvang").exists()


def test_a_returned_draft_carries_the_comment_and_can_be_offered_again(client_als, concept):
    trainer = client_als("demo-trainer")
    leeg = trainer.post(
        f"/oefenen/trainer/concepten/{concept.pk}/",
        {"actie": "teruggeven", "teruggeven-opmerking": ""},
    )
    assert "Schrijf op wat de inbrenger" in " ".join(leeg.context["teruggeven"].errors["opmerking"])
    opmerking = "Maak de vraag specifieker: wat zeg je als eerste?"
    trainer.post(
        f"/oefenen/trainer/concepten/{concept.pk}/",
        {"actie": "teruggeven", "teruggeven-opmerking": opmerking},
    )
    concept.refresh_from_db()
    assert concept.status == Oefeningconcept.Status.TERUGGEGEVEN
    assert concept.beoordeeld_door.username == "demo-trainer"

    # Another consulent does not see it; the author does, with the comment, and resubmits.
    assert (
        client_als("daan.mulder").get(f"/oefenen/mijn-concepten/{concept.pk}/").status_code == 404
    )
    auteur = client_als("demo-consulent")
    assert opmerking in auteur.get("/oefenen/mijn-concepten/").content.decode()
    velden = {
        "titel": concept.titel,
        "casus_profiel": concept.casus_profiel,
        "casus": concept.casus,
        "vraag": "Wat zeg je als eerste tegen hem?",
        "eigen_aanpak": concept.eigen_aanpak,
    }
    fout = auteur.post(
        f"/oefenen/mijn-concepten/{concept.pk}/", {**velden, "vraag": "Bel 0612345678."}
    )
    assert "Verwijder het telefoonnummer" in " ".join(fout.context["form"].errors["vraag"])
    assert auteur.post(f"/oefenen/mijn-concepten/{concept.pk}/", velden).status_code == 302
    concept.refresh_from_db()
    assert concept.status == Oefeningconcept.Status.INGEDIEND
    assert concept.vraag == "Wat zeg je als eerste tegen hem?"
    assert (
        concept.titel
        in client_als("demo-trainer").get("/oefenen/trainer/concepten/").content.decode()
    )


# --- fixed query counts ------------------------------------------------------------------------


def test_list_pages_stay_within_a_fixed_number_of_queries(
    client_als, groep, demo_gebruikers, django_assert_max_num_queries
):
    from leernetwerk import services
    from oefeningen import services as oefeningen_services

    g = demo_gebruikers
    for i in range(6):
        services.groepsbijdrage_inbrengen(
            groep=groep, auteur=g["daan.mulder"], titel=f"Casus {i}", casus=CASUS, reflectie=VRAAG
        )
        concept = oefeningen_services.oefeningconcept_indienen(
            auteur=g["demo-consulent" if i % 2 else "lotte.jansen"],
            titel=f"Concept {i}",
            casus_profiel="vader van 22",
            casus=CASUS,
            vraag=VRAAG,
        )
        if i % 3 == 0:
            oefeningen_services.oefeningconcept_teruggeven(
                concept=concept, trainer=g["demo-trainer"], opmerking="Specifieker graag."
            )
    for wie, pad, maximum in (
        ("demo-consulent", groep.get_absolute_url(), 20),
        ("demo-consulent", "/oefenen/mijn-concepten/", 10),
        ("demo-trainer", "/oefenen/trainer/concepten/", 10),
        ("demo-consulent", "/intervisie/eigen-casus/", 10),
    ):
        client = client_als(wie)
        with django_assert_max_num_queries(maximum):
            assert client.get(pad).status_code == 200


def test_retention_removes_cases_brought_into_the_group(client_als, groep):
    from django.core.management import call_command

    client_als("demo-consulent").post("/intervisie/eigen-casus/", _casus(groep.pk))
    client_als("daan.mulder").post("/intervisie/eigen-casus/", _casus(groep.pk, titel="Recent"))
    Groepsbijdrage.objects.exclude(titel="Recent").update(aangemaakt="2020-01-01T10:00:00Z")
    call_command("intervisie_opschonen", stdout=io.StringIO())
    assert list(Groepsbijdrage.objects.values_list("titel", flat=True)) == ["Recent"]

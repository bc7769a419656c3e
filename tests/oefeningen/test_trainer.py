"""Trainer: feedback queue, writing feedback, the learner sees it; answer statistics."""

import pytest
from django.urls import reverse
from wagtail.models import Page

from cms.activiteiten import Activiteit
from oefeningen import services
from oefeningen.models import Antwoord, Feedback
from tests.oefeningen.conftest import juiste_ids, optie_ids, stap_met


def _open_antwoord(gebruiker, oefening, tekst="Mijn uitleg.", vragen=True):
    poging, _ = services.poging_starten(gebruiker=gebruiker, oefening=oefening)
    afspraak = stap_met(oefening, 1)
    stappen = [
        (stap_met(oefening, 0), {"keuzes": juiste_ids(stap_met(oefening, 0))}),
        (afspraak, {"keuze": optie_ids(afspraak)[1]}),
        (stap_met(oefening, "afspraak-maken"), {"keuzes": optie_ids(stap_met(oefening, 3))[:1]}),
        (stap_met(oefening, "uitleg"), {"tekst": tekst}),
    ]
    for stap, gegevens in stappen:
        antwoord, _ = services.antwoord_geven(poging=poging, stap_id=stap.id, gegevens=gegevens)
    if vragen:
        services.feedback_vragen(antwoord=antwoord)
    return antwoord


def test_feedback_round_trip_from_question_to_learner(client_als, schilder, demo_gebruikers):
    consulent = demo_gebruikers["demo-consulent"]
    antwoord = _open_antwoord(consulent, schilder, tekst="Ik laat hem zelf zoeken.")
    _open_antwoord(demo_gebruikers["fatima.elamrani"], schilder, vragen=False)

    trainer = client_als("demo-trainer")
    wachtrij = trainer.get(reverse("oefeningen:wachtrij")).content.decode()
    assert "Sanne de Vries" in wachtrij and "Fatima" not in wachtrij  # only asked-for answers
    assert "Feedback gevraagd" in trainer.get("/").content.decode()  # home tile for trainers

    url = reverse("oefeningen:feedback_schrijven", args=[antwoord.pk])
    scherm = trainer.get(url).content.decode()
    assert "Ik laat hem zelf zoeken." in scherm and "Modelantwoord" in scherm
    leeg = trainer.post(url, {"tekst": ""})
    assert leeg.status_code == 400 and "Schrijf je feedback." in leeg.content.decode()
    trainer.post(url, {"tekst": "Sterk: je benoemt zijn eigen regie. Maak de afspraak concreet."})
    trainer.post(url, {"tekst": "Nog een keer"})  # replay: ignored
    assert Feedback.objects.count() == 1
    assert (
        Activiteit.objects.filter(
            gebruiker=consulent, soort=Activiteit.Soort.FEEDBACK_ONTVANGEN
        ).count()
        == 1
    )
    assert (
        "Er wachten geen antwoorden op feedback."
        in trainer.get(reverse("oefeningen:wachtrij")).content.decode()
    )

    client = client_als("demo-consulent")
    home = client.get("/").content.decode()
    assert "Nieuwe feedback van je trainer" in home and schilder.title in home
    pagina = client.get(schilder.url).content.decode()
    assert "Maak de afspraak concreet." in pagina
    stap = client.get(
        reverse("oefeningen:stap", args=[antwoord.poging_id, antwoord.stap_id])
    ).content.decode()
    assert "Maak de afspraak concreet." in stap
    assert "Nieuwe feedback van je trainer" not in client.get("/").content.decode()  # read


def test_feedback_with_client_data_is_refused(client_als, schilder, demo_gebruikers):
    antwoord = _open_antwoord(demo_gebruikers["demo-consulent"], schilder)
    trainer = client_als("demo-trainer")
    url = reverse("oefeningen:feedback_schrijven", args=[antwoord.pk])
    fout = trainer.post(url, {"tekst": "Mail hem op jan@example.nl"})
    assert fout.status_code == 400
    assert "Verwijder het e-mailadres" in fout.content.decode()
    assert not Feedback.objects.exists()


def test_trainer_can_allow_a_retry_with_the_feedback(client_als, schilder, demo_gebruikers):
    schilder.opnieuw_toegestaan = False
    schilder.save_revision().publish()
    antwoord = _open_antwoord(demo_gebruikers["demo-consulent"], schilder)
    client_als("demo-trainer").post(
        reverse("oefeningen:feedback_schrijven", args=[antwoord.pk]),
        {"tekst": "Probeer het nog eens.", "herkansing": "on"},
    )
    client = client_als("demo-consulent")
    assert "Opnieuw maken" in client.get(schilder.url).content.decode()


def test_queue_filters_by_team_and_module(client_als, demo, demo_gebruikers):
    trainer = client_als("demo-trainer")
    url = reverse("oefeningen:wachtrij")
    assert "Sanne de Vries" in trainer.get(url, {"team": "jongeren-noordwaarde"}).content.decode()
    assert (
        "Sanne de Vries"
        not in trainer.get(url, {"team": "activering-lindenhoven"}).content.decode()
    )
    module = Page.objects.get(slug="zelfsturing-eerste-gesprek")
    # Sanne's open answer is on "Actief zoeken", which is not in this module.
    assert "Sanne de Vries" not in trainer.get(url, {"module": module.pk}).content.decode()
    # A bad filter value is ignored, not a 500.
    assert trainer.get(url, {"module": "abc", "team": "bestaat-niet"}).status_code == 200


def test_queue_has_a_fixed_number_of_queries(
    client_als, maak_oefening, demo_gebruikers, django_assert_max_num_queries
):
    trainer = client_als("demo-trainer")
    url = reverse("oefeningen:wachtrij")
    oefening = maak_oefening("schilder")
    _open_antwoord(demo_gebruikers["demo-consulent"], oefening)
    trainer.get(url)
    with django_assert_max_num_queries(12) as weinig:
        trainer.get(url)
    for naam in ("fatima.elamrani", "daan.mulder", "lotte.jansen", "bram.smit"):
        _open_antwoord(demo_gebruikers[naam], oefening)
    with django_assert_max_num_queries(len(weinig.captured_queries)):
        antwoord = trainer.get(url)
    assert antwoord.content.decode().count("Feedback geven<") == 5


def test_statistics_show_distribution_and_most_common_wrong_choices(
    client_als, schilder, demo_gebruikers, django_assert_max_num_queries
):
    afspraak = stap_met(schilder, 1)
    for n, naam in enumerate(["fatima.elamrani", "daan.mulder", "lotte.jansen"]):
        poging, _ = services.poging_starten(gebruiker=demo_gebruikers[naam], oefening=schilder)
        eerste = stap_met(schilder, 0)
        services.antwoord_geven(
            poging=poging, stap_id=eerste.id, gegevens={"keuzes": [optie_ids(eerste)[0]]}
        )
        services.antwoord_geven(
            poging=poging, stap_id=afspraak.id, gegevens={"keuze": optie_ids(afspraak)[n % 2 * 2]}
        )
    trainer = client_als("demo-trainer")
    url = reverse("oefeningen:statistiek", args=[schilder.pk])
    with django_assert_max_num_queries(15):
        pagina = trainer.get(url).content.decode()
    fout = pagina[pagina.index("Meest gekozen") : pagina.index("Per stap")]
    assert fout.index("Toetser") < fout.index("Ik meld hem aan")  # 3× before 2×
    assert "(Welk klanttype herken je?, 3×)" in fout
    assert "100% (3)" in pagina
    assert Antwoord.objects.count() == 6


@pytest.mark.parametrize("gebruiker", ["demo-consulent", "demo-teamchef"])
def test_home_tile_for_trainers_only(client_als, schilder, demo_gebruikers, gebruiker):
    _open_antwoord(demo_gebruikers["fatima.elamrani"], schilder)
    assert "Feedback gevraagd" not in client_als(gebruiker).get("/").content.decode()

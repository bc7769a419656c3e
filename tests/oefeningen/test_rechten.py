"""Nobody reads another person's answers or attempts; trainer screens are for trainers only."""

import pytest
from django.urls import reverse

from oefeningen import services
from oefeningen.models import Poging
from tests.oefeningen.conftest import juiste_ids, optie_ids, stap_met


@pytest.fixture
def poging_van_sanne(schilder, demo_gebruikers):
    gebruiker = demo_gebruikers["demo-consulent"]
    poging, _ = services.poging_starten(gebruiker=gebruiker, oefening=schilder)
    services.antwoord_geven(
        poging=poging,
        stap_id=stap_met(schilder, 0).id,
        gegevens={"keuzes": juiste_ids(stap_met(schilder, 0))},
    )
    return Poging.objects.get(pk=poging.pk)


def test_another_consulent_gets_404_on_every_attempt_url(client_als, poging_van_sanne, schilder):
    client = client_als("fatima.elamrani")
    p = poging_van_sanne
    beantwoord, huidig = stap_met(schilder, 0), stap_met(schilder, 1)
    get_urls = [
        reverse("oefeningen:poging", args=[p.pk]),
        reverse("oefeningen:stap", args=[p.pk, beantwoord.id]),
        reverse("oefeningen:stap", args=[p.pk, huidig.id]),
    ]
    for url in get_urls:
        assert client.get(url).status_code == 404, url
    post_urls = {
        reverse("oefeningen:stap", args=[p.pk, huidig.id]): {"keuze": optie_ids(huidig)[0]},
        reverse("oefeningen:zelfbeoordeling", args=[p.pk, beantwoord.id]): {"c0": "ja"},
        reverse("oefeningen:feedback_vragen", args=[p.pk, beantwoord.id]): {},
    }
    for url, data in post_urls.items():
        assert client.post(url, data).status_code == 404, url
    assert p.antwoorden.count() == 1
    # The trainer's answer screen is not a back door either.
    antwoord = p.antwoorden.get()
    assert (
        client.get(reverse("oefeningen:feedback_schrijven", args=[antwoord.pk])).status_code == 403
    )


def test_trainer_screens_are_for_trainers_only(client_als, poging_van_sanne, schilder):
    urls = [
        reverse("oefeningen:wachtrij"),
        reverse("oefeningen:statistiek", args=[schilder.pk]),
    ]
    for gebruiker in ("demo-consulent", "demo-teamchef", "demo-kennisbeheerder"):
        client = client_als(gebruiker)
        for url in urls:
            assert client.get(url).status_code == 403, (gebruiker, url)
    client = client_als("demo-trainer")
    for url in urls:
        assert client.get(url).status_code == 200


def test_oefening_page_shows_only_my_own_progress(client_als, poging_van_sanne, schilder):
    pagina = client_als("fatima.elamrani").get(schilder.url).content.decode()
    assert "Begin met de oefening" in pagina
    assert "Verder waar je was" not in pagina
    pagina = client_als("demo-consulent").get(schilder.url).content.decode()
    assert "Verder waar je was" in pagina

"""Colleagues' choices: anonymous, same organisation, only from five colleagues on."""

from django.urls import reverse

from oefeningen import selectors, services
from tests.oefeningen.conftest import optie_ids, stap_met

NOORDWAARDE = ["fatima.elamrani", "daan.mulder", "lotte.jansen", "bram.smit", "esra.yilmaz"]


def _kies(gebruiker, oefening, optie_index):
    stap = stap_met(oefening, 0)
    poging, _ = services.poging_starten(gebruiker=gebruiker, oefening=oefening)
    services.antwoord_geven(
        poging=poging, stap_id=stap.id, gegevens={"keuzes": [optie_ids(stap)[optie_index]]}
    )
    return poging


def test_distribution_hidden_with_four_colleagues_and_shown_with_five(
    client_als, schilder, demo_gebruikers
):
    for naam in NOORDWAARDE[:4]:
        _kies(demo_gebruikers[naam], schilder, 2)
    # Colleagues in another gemeente never count.
    for naam in ("anouk.bos", "ricardo.martina"):
        _kies(demo_gebruikers[naam], schilder, 0)
    mijn = _kies(demo_gebruikers["demo-consulent"], schilder, 2)
    url = reverse("oefeningen:stap", args=[mijn.pk, stap_met(schilder, 0).id])
    client = client_als("demo-consulent")

    pagina = client.get(url).content.decode()
    assert "zodra minstens 5 collega" in pagina
    assert "Keuzes van collega" not in pagina

    _kies(demo_gebruikers[NOORDWAARDE[4]], schilder, 0)
    pagina = client.get(url).content.decode()
    assert "5 collega's uit je organisatie" in pagina
    assert "80% (4)" in pagina and "20% (1)" in pagina
    for naam in NOORDWAARDE:
        assert demo_gebruikers[naam].first_name not in pagina  # anonymous


def test_distribution_counts_each_colleague_once_and_not_myself(schilder, demo_gebruikers):
    for naam in NOORDWAARDE:
        _kies(demo_gebruikers[naam], schilder, 1)
    mijn = _kies(demo_gebruikers["demo-consulent"], schilder, 2)
    verdeling = selectors.collega_verdeling(poging=mijn, stap=stap_met(schilder, 0))
    assert verdeling["aantal"] == 5
    assert [o["aantal"] for o in verdeling["opties"]] == [0, 5, 0]

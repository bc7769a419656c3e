"""Bad input: a Dutch message or a safe no-op; never a 500, never a double record."""

from django.urls import reverse

from oefeningen.models import Antwoord, Poging
from tests.oefeningen.conftest import juiste_ids, optie_ids, stap_met


def _poging(client, oefening):
    client.post(reverse("oefeningen:starten", args=[oefening.pk]))
    return Poging.objects.get(oefening=oefening, afgerond=None)


def _url(poging, stap):
    return reverse("oefeningen:stap", args=[poging.pk, stap.id])


def test_empty_answer_gets_a_dutch_message_and_stores_nothing(client_als, schilder):
    client = client_als("demo-consulent")
    poging = _poging(client, schilder)
    antwoord = client.post(_url(poging, stap_met(schilder, 0)), {})
    assert antwoord.status_code == 400
    assert "Kies een antwoord." in antwoord.content.decode()
    assert not Antwoord.objects.exists()


def test_option_id_of_another_step_is_refused(client_als, schilder):
    client = client_als("demo-consulent")
    poging = _poging(client, schilder)
    vreemd = optie_ids(stap_met(schilder, 1))[0]  # an option of the next step
    for waarde in (vreemd, "bestaat-niet", "' OR 1=1 --"):
        antwoord = client.post(_url(poging, stap_met(schilder, 0)), {"keuzes": waarde})
        assert antwoord.status_code == 400
        assert "Deze keuze hoort niet bij deze stap" in antwoord.content.decode()
    assert not Antwoord.objects.exists()


def test_step_out_of_order_is_refused_and_sends_you_to_the_current_step(client_als, schilder):
    client = client_als("demo-consulent")
    poging = _poging(client, schilder)
    later = stap_met(schilder, 1)
    antwoord = client.post(_url(poging, later), {"keuze": optie_ids(later)[0]}, follow=True)
    assert antwoord.status_code == 200
    assert "Deze stap is nu niet aan de beurt" in antwoord.content.decode()
    assert antwoord.redirect_chain[-1][0] == _url(poging, stap_met(schilder, 0))
    assert not Antwoord.objects.exists()
    assert client.get(_url(poging, later)).status_code == 302  # not shown ahead of time
    onbekend = reverse("oefeningen:stap", args=[poging.pk, "geen-stap"])
    assert client.get(onbekend).status_code == 404


def test_replayed_submission_is_ignored_without_double_records(
    client_als, schilder, demo_gebruikers, afgerond_aantal
):
    client = client_als("demo-consulent")
    poging = _poging(client, schilder)
    eerste = stap_met(schilder, 0)
    client.post(_url(poging, eerste), {"keuzes": juiste_ids(eerste)})
    opnieuw = client.post(_url(poging, eerste), {"keuzes": optie_ids(eerste)[0]}, follow=True)
    assert "Je antwoord op deze stap was al opgeslagen." in opnieuw.content.decode()
    assert Antwoord.objects.filter(stap_id=eerste.id).count() == 1
    assert Antwoord.objects.get(stap_id=eerste.id).keuzes["opties"] == juiste_ids(eerste)

    # Finish, then replay the last step and the start button: still one completion.
    afspraak = stap_met(schilder, 1)
    client.post(_url(poging, afspraak), {"keuze": optie_ids(afspraak)[1]})
    inhoud = stap_met(schilder, "afspraak-maken")
    client.post(_url(poging, inhoud), {"keuzes": juiste_ids(inhoud)})
    uitleg = stap_met(schilder, "uitleg")
    for _ in range(2):
        client.post(_url(poging, uitleg), {"tekst": "Mijn uitleg."})
    assert Antwoord.objects.filter(poging=poging).count() == 4
    assert afgerond_aantal(demo_gebruikers["demo-consulent"], schilder) == 1


def test_double_start_gives_one_open_attempt(client_als, schilder):
    client = client_als("demo-consulent")
    for _ in range(3):
        client.post(reverse("oefeningen:starten", args=[schilder.pk]))
    assert Poging.objects.filter(oefening=schilder).count() == 1


def test_open_answer_with_client_data_is_refused_and_the_text_kept(client_als, maak_oefening):
    voetbal = maak_oefening("voetbal")
    client = client_als("demo-consulent")
    poging = _poging(client, voetbal)
    for i in (0, 1):
        client.post(
            _url(poging, stap_met(voetbal, i)), {"keuzes": juiste_ids(stap_met(voetbal, i))}
        )
    tekst = "Bel hem op 06-12345678 en vraag wat hij bij de club doet."
    antwoord = client.post(_url(poging, stap_met(voetbal, 2)), {"tekst": tekst})
    inhoud = antwoord.content.decode()
    assert antwoord.status_code == 400
    assert "Verwijder het telefoonnummer" in inhoud
    assert "vraag wat hij bij de club doet." in inhoud  # what was typed is not lost
    leeg = client.post(_url(poging, stap_met(voetbal, 2)), {"tekst": "   "})
    assert "Schrijf je antwoord voordat je verder gaat." in leeg.content.decode()
    assert not Antwoord.objects.filter(stap_type="open").exists()


def test_fragment_needs_a_known_label_for_every_consulent_line(client_als, maak_oefening):
    vacatures = maak_oefening("vacatures")
    client = client_als("demo-consulent")
    poging = _poging(client, vacatures)
    fragment = stap_met(vacatures, 0)
    regels = fragment.block.consulent_regels(fragment.value)
    data = {f"regel_{i}": r["label"] for i, r in regels}
    data[f"regel_{regels[0][0]}"] = "schreeuwen"
    del data[f"regel_{regels[1][0]}"]
    antwoord = client.post(_url(poging, fragment), data)
    inhoud = antwoord.content.decode()
    assert antwoord.status_code == 400
    assert "Deze keuze hoort niet bij deze stap" in inhoud
    assert "Kies een label voor deze regel." in inhoud
    data = {f"regel_{i}": r["label"] for i, r in regels}
    client.post(_url(poging, fragment), data)
    assert Antwoord.objects.get(stap_id=fragment.id).score == len(regels)

"""A consulent works through an oefening: branching, feedback per option, debrief, completion."""

from django.urls import reverse

from oefeningen.models import Antwoord, Poging
from tests.oefeningen.conftest import juiste_ids, optie_ids, stap_met


def _start(client, oefening):
    antwoord = client.post(reverse("oefeningen:starten", args=[oefening.pk]))
    assert antwoord.status_code == 302
    return Poging.objects.get(oefening=oefening, afgerond=None)


def _url(poging, stap):
    return reverse("oefeningen:stap", args=[poging.pk, stap.id])


def test_branching_path_feedback_per_option_and_debrief_naming_the_path(
    client_als, schilder, demo_gebruikers, afgerond_aantal
):
    client = client_als("demo-consulent")
    poging = _start(client, schilder)
    klanttype = stap_met(schilder, 0)
    afspraak = stap_met(schilder, 1)
    weigering = stap_met(schilder, "weigering")
    uitleg = stap_met(schilder, "uitleg")

    pagina = client.get(_url(poging, klanttype))
    assert "Regievoerder" in pagina.content.decode()
    client.post(_url(poging, klanttype), {"keuzes": juiste_ids(klanttype)})
    feedback = client.get(_url(poging, klanttype)).content.decode()
    # Feedback on every option, the chosen one marked.
    assert "Bij een toetser neemt de consulent de regie" in feedback
    assert "hij voert zelf de regie" in feedback
    assert "jouw keuze" in feedback

    # Choosing the standard programme branches to the "weigering" step, skipping the other.
    client.post(_url(poging, afspraak), {"keuze": optie_ids(afspraak)[0]})
    poging.refresh_from_db()
    assert poging.huidige_stap == weigering.id
    client.post(_url(poging, weigering), {"keuze": optie_ids(weigering)[1]})
    poging.refresh_from_db()
    assert poging.huidige_stap == uitleg.id

    client.post(_url(poging, uitleg), {"tekst": "Ik leg uit wat hij zelf doet en wat ik doe."})
    poging.refresh_from_db()
    assert poging.afgerond is not None
    assert poging.score == 2 and poging.max_score == 3  # programme choice is not defensible
    assert afgerond_aantal(demo_gebruikers["demo-consulent"], schilder) == 1

    antwoorden = list(poging.antwoorden.values_list("stap_id", flat=True))
    assert antwoorden == [klanttype.id, afspraak.id, weigering.id, uitleg.id]
    resultaat = client.get(reverse("oefeningen:poging", args=[poging.pk])).content.decode()
    assert "Het pad dat je koos" in resultaat
    assert "standaardprogramma → terug naar maatwerk" in resultaat
    assert "Een regievoerder heeft vooral ruimte" in resultaat  # the debrief


def test_open_answer_shows_model_answer_and_rubric_and_saves_self_assessment(client_als, schilder):
    client = client_als("demo-consulent")
    poging = _start(client, schilder)
    client.post(_url(poging, stap_met(schilder, 0)), {"keuzes": juiste_ids(stap_met(schilder, 0))})
    afspraak = stap_met(schilder, 1)
    client.post(_url(poging, afspraak), {"keuze": optie_ids(afspraak)[1]})
    inhoud = stap_met(schilder, "afspraak-maken")
    client.post(_url(poging, inhoud), {"keuzes": juiste_ids(inhoud)})
    uitleg = stap_met(schilder, "uitleg")
    client.post(_url(poging, uitleg), {"tekst": "Mijn uitleg."})
    pagina = client.get(_url(poging, uitleg)).content.decode()
    assert "Modelantwoord" in pagina and "Je hebt gelijk dat jij het zoeken" in pagina
    assert "Ik maak een concrete afspraak" in pagina
    assert "Vraag feedback van een trainer" in pagina

    url = reverse("oefeningen:zelfbeoordeling", args=[poging.pk, uitleg.id])
    onvolledig = client.post(url, {"c0": "ja"})
    assert onvolledig.status_code == 400 and "Kies ja, deels of nee." in onvolledig.content.decode()
    client.post(url, {"c0": "ja", "c1": "deels", "c2": "nee"})
    antwoord = Antwoord.objects.get(poging=poging, stap_id=uitleg.id)
    assert antwoord.zelfbeoordeling == {"c0": "ja", "c1": "deels", "c2": "nee"}


def test_resume_returns_to_the_current_step_and_retry_needs_permission(client_als, maak_oefening):
    crisis = maak_oefening("crisis")  # opnieuw_toegestaan is off
    client = client_als("demo-consulent")
    poging = _start(client, crisis)
    eerste = stap_met(crisis, 0)
    client.post(_url(poging, eerste), {"keuzes": juiste_ids(eerste)})
    # Leaving and coming back: "starten" resumes the same attempt at step 2.
    verder = client.post(reverse("oefeningen:starten", args=[crisis.pk]))
    assert verder.url == _url(poging, stap_met(crisis, 1))
    client.post(_url(poging, stap_met(crisis, 1)), {"keuze": optie_ids(stap_met(crisis, 1))[0]})
    poging.refresh_from_db()
    assert poging.afgerond

    geweigerd = client.post(reverse("oefeningen:starten", args=[crisis.pk]), follow=True)
    assert "Een trainer kan een nieuwe poging toestaan" in geweigerd.content.decode()
    assert Poging.objects.filter(oefening=crisis).count() == 1

    poging.herkansing_toegestaan = True
    poging.save()
    client.post(reverse("oefeningen:starten", args=[crisis.pk]))
    assert Poging.objects.filter(oefening=crisis).count() == 2
    assert Poging.objects.get(oefening=crisis, afgerond=None).nummer == 2

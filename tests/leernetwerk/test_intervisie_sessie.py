"""Running a session, attendance, actiepunten, the privacy guard and concurrent edits."""

import datetime
from decimal import Decimal

from django.utils import timezone

from cms.activiteiten import Activiteit
from leernetwerk import selectors
from leernetwerk.models import Intervisiemethode, Intervisiesessie
from tests.leernetwerk.conftest import CASUS

METHODEN = {
    "incidentmethode",
    "balint",
    "roddelmethode",
    "vijfstappenmethode",
    "u-model",
    "topoi",
    "casuistiekbespreking",
    "leernetwerkbijeenkomst",
}


def test_methods_are_reference_data_with_ordered_steps_minutes_and_guidance(db):
    methoden = Intervisiemethode.objects.prefetch_related("stappen")
    assert {m.slug for m in methoden} == METHODEN
    for methode in methoden:
        stappen = list(methode.stappen.all())
        assert len(stappen) >= 4
        assert all(s.minuten > 0 and len(s.begeleiding) > 40 for s in stappen)
    incident = Intervisiemethode.objects.get(slug="incidentmethode")
    assert [s.titel for s in incident.stappen.all()][:2] == [
        "Incident kiezen en vertellen",
        "Informatieve vragen",
    ]
    assert Intervisiemethode.objects.get(slug="leernetwerkbijeenkomst").is_leernetwerk


def test_planning_a_session_copies_steps_and_invites_members_and_leaders(client_als, groep):
    client = client_als("fatima.elamrani")
    methode = Intervisiemethode.objects.get(slug="balint")
    response = client.post(
        f"/intervisie/groepen/{groep.pk}/sessies/nieuw/",
        {
            "methode": methode.pk,
            "datum": "2026-12-01",
            "start": "13:30",
            "eind": "15:00",
            "vorm": "online",
        },
    )
    sessie = Intervisiesessie.objects.get()
    assert response.status_code == 302 and response["Location"] == sessie.get_absolute_url()
    assert [s.titel for s in sessie.stappen.all()] == [s.titel for s in methode.stappen.all()]
    assert sessie.aanwezigheden.count() == 4 and sessie.uren == Decimal("1.50")


def test_planning_with_end_before_start_keeps_input_and_names_the_field(client_als, groep):
    response = client_als("fatima.elamrani").post(
        f"/intervisie/groepen/{groep.pk}/sessies/nieuw/",
        {
            "methode": groep.standaard_methode_id,
            "datum": "2026-12-01",
            "start": "15:00",
            "eind": "14:00",
            "vorm": "live",
        },
    )
    tekst = response.content.decode()
    assert response.status_code == 200 and "De eindtijd moet na de begintijd liggen." in tekst
    assert 'value="15:00"' in tekst and not Intervisiesessie.objects.exists()


def _post_stap(client, sessie, stap, **data):
    sessie.refresh_from_db()
    return client.post(
        f"/intervisie/sessies/{sessie.pk}/leiden/?stap={stap}",
        {"versie": sessie.versie, "richting": "volgende", **data},
    )


def test_running_a_session_walks_the_steps_and_produces_the_record(client_als, sessie, plan_sessie):
    nieuw = plan_sessie()
    client = client_als("fatima.elamrani")
    start = client.get(f"/intervisie/sessies/{nieuw.pk}/leiden/").content.decode()
    # The terugblik opens with the previous session's open actiepunten.
    assert "Rijschoolkosten uitzoeken" in start
    response = _post_stap(
        client,
        nieuw,
        0,
        casus="Een jongere die niet komt opdagen.",
        hulpvraag="Hoe bereik ik hem?",
        inbrenger=sessie.inbrenger_id,
    )
    assert response["Location"].endswith("?stap=1")
    stap1 = client.get(response["Location"]).content.decode()
    assert "Stap 1 van 6: Incident kiezen en vertellen" in stap1
    assert "Tijd voor deze stap: 10 minuten" in stap1
    for nummer in range(1, 7):
        _post_stap(client, nieuw, nummer, notitie=f"Notitie bij stap {nummer}")
    nieuw.refresh_from_db()
    assert nieuw.status == Intervisiesessie.Status.BEZIG and nieuw.huidige_stap == 7
    response = _post_stap(
        client, nieuw, 7, leerpunten="Eerst bellen, dan schrijven.", richting="afronden"
    )
    assert response.status_code == 302
    nieuw.refresh_from_db()
    assert nieuw.status == Intervisiesessie.Status.AFGEROND
    assert [s.notitie for s in nieuw.stappen.all()] == [
        f"Notitie bij stap {n}" for n in range(1, 7)
    ]
    verslag = client_als("lotte.jansen").get(nieuw.get_absolute_url()).content.decode()
    assert "Een jongere die niet komt opdagen." in verslag and "Notitie bij stap 4" in verslag


def test_privacy_guard_names_the_bsn_in_dutch_and_keeps_everything_typed(client_als, plan_sessie):
    sessie = plan_sessie()
    client = client_als("fatima.elamrani")
    getypt = "De jongere (BSN 111222333) belde op 06-12345678 over zijn rijles."
    response = _post_stap(client, sessie, 1, notitie=getypt)
    tekst = response.content.decode()
    assert response.status_code == 200
    assert "Verwijder het burgerservicenummer “111222333”." in tekst
    assert "Verwijder het telefoonnummer “06-12345678”." in tekst
    assert getypt in tekst  # nothing the user typed is lost
    assert sessie.stappen.get(volgorde=1).notitie == ""
    # A number that fails the elfproef is fine.
    response = _post_stap(client, sessie, 1, notitie="Dossier 111222334 besproken.")
    assert response.status_code == 302
    assert sessie.stappen.get(volgorde=1).notitie == "Dossier 111222334 besproken."


def test_participants_confirm_their_own_attendance_which_counts_hours(client_als, sessie):
    client = client_als("lotte.jansen")
    response = client.post(
        f"/intervisie/sessies/{sessie.pk}/aanwezigheid/", {"actie": "bevestigen"}
    )
    assert response.status_code == 302
    activiteit = Activiteit.objects.get(
        gebruiker__username="lotte.jansen", soort=Activiteit.Soort.INTERVISIE_BIJGEWOOND
    )
    assert activiteit.uren == Decimal("1.50") and activiteit.onderwerp == sessie
    assert CASUS not in activiteit.titel
    client.post(f"/intervisie/sessies/{sessie.pk}/aanwezigheid/", {"actie": "intrekken"})
    assert not Activiteit.objects.filter(gebruiker__username="lotte.jansen").exists()
    assert sessie.aanwezigheden.get(deelnemer__username="lotte.jansen").bevestigd is None


def test_attendance_of_a_future_session_cannot_be_confirmed(client_als, plan_sessie):
    later = plan_sessie(datum=timezone.localdate() + datetime.timedelta(days=3))
    client_als("lotte.jansen").post(f"/intervisie/sessies/{later.pk}/aanwezigheid/")
    assert not later.aanwezigheden.filter(bevestigd__isnull=False).exists()


def test_second_save_of_the_same_version_gets_a_message_and_loses_nothing(
    client_als, sessie, client, django_user_model
):
    from django.test import Client

    eerste, tweede = Client(), Client()
    eerste.force_login(django_user_model.objects.get(username="fatima.elamrani"))
    tweede.force_login(django_user_model.objects.get(username="daan.mulder"))
    url = f"/intervisie/sessies/{sessie.pk}/bewerken/"
    assert eerste.get(url).status_code == tweede.get(url).status_code == 200
    basis = {
        "versie": sessie.versie,
        "datum": sessie.datum.isoformat(),
        "start": "13:30",
        "eind": "15:00",
        "vorm": "live",
        "casus": CASUS,
        "hulpvraag": sessie.hulpvraag,
    }
    assert eerste.post(url, {**basis, "leerpunten": "Fatima's leerpunten"}).status_code == 302
    response = tweede.post(url, {**basis, "leerpunten": "Daans leerpunten"})
    tekst = response.content.decode()
    assert response.status_code == 200
    assert "Iemand anders heeft deze sessie opgeslagen" in tekst
    assert "Daans leerpunten" in tekst  # his text is still in the form
    assert "Fatima&#x27;s leerpunten" in tekst  # and he sees what was saved
    sessie.refresh_from_db()
    assert sessie.leerpunten == "Fatima's leerpunten"
    # The form now carries the current version: saving again is a deliberate choice.
    assert f'name="versie" value="{sessie.versie}"' in tekst
    assert (
        tweede.post(url, {**basis, "versie": sessie.versie, "leerpunten": "Samen"}).status_code
        == 302
    )
    sessie.refresh_from_db()
    assert sessie.leerpunten == "Samen"


def test_closing_an_actiepunt_in_the_terugblik(client_als, sessie, plan_sessie):
    nieuw = plan_sessie()
    actiepunt = sessie.actiepunten.get()
    client_als("daan.mulder").post(
        f"/intervisie/actiepunten/{actiepunt.pk}/afronden/", {"sessie": nieuw.pk}
    )
    actiepunt.refresh_from_db()
    assert actiepunt.afgerond is not None and actiepunt.afgerond_in == nieuw
    assert not selectors.open_actiepunten_van_groep_voor(nieuw, user=actiepunt.eigenaar).exists()


def test_outsider_cannot_close_an_actiepunt(client_als, sessie):
    actiepunt = sessie.actiepunten.get()
    assert (
        client_als("bram.smit")
        .post(f"/intervisie/actiepunten/{actiepunt.pk}/afronden/")
        .status_code
        == 404
    )
    actiepunt.refresh_from_db()
    assert actiepunt.afgerond is None


def test_home_shows_next_session_and_open_actiepunten(client_als, sessie, plan_sessie):
    plan_sessie(datum=timezone.localdate() + datetime.timedelta(days=2))
    tekst = client_als("daan.mulder").get("/").content.decode()
    assert "Volgende intervisie" in tekst and "Rijschoolkosten uitzoeken" in tekst
    tekst = client_als("demo-teamchef").get("/").content.decode()
    assert "Rijschoolkosten uitzoeken" not in tekst


def test_adding_an_actiepunt_at_the_end_saves_the_leerpunten_typed_with_it(
    client_als, plan_sessie, demo_gebruikers
):
    sessie = plan_sessie()
    client = client_als("fatima.elamrani")
    response = _post_stap(
        client,
        sessie,
        7,
        richting="opslaan",
        leerpunten="Eerst het netwerk.",
        actiepunt="Stagebegeleider bellen",
        actiepunt_eigenaar=demo_gebruikers["daan.mulder"].pk,
    )
    assert response["Location"].endswith("?stap=7")
    sessie.refresh_from_db()
    assert sessie.leerpunten == "Eerst het netwerk."
    assert sessie.actiepunten.get().eigenaar.username == "daan.mulder"


def test_actiepunt_without_owner_or_with_client_data_is_refused_with_nothing_saved(
    client_als, plan_sessie, demo_gebruikers
):
    sessie = plan_sessie()
    client = client_als("fatima.elamrani")
    tekst = _post_stap(
        client, sessie, 7, richting="opslaan", leerpunten="Iets", actiepunt="Bellen"
    ).content.decode()
    assert "Kies wie dit actiepunt oppakt." in tekst and 'value="Bellen"' in tekst
    tekst = _post_stap(
        client,
        sessie,
        7,
        richting="opslaan",
        actiepunt="Mail naar jan@example.nl",
        actiepunt_eigenaar=demo_gebruikers["daan.mulder"].pk,
    ).content.decode()
    assert "Verwijder het e-mailadres “jan@example.nl”." in tekst
    sessie.refresh_from_db()
    assert not sessie.actiepunten.exists() and sessie.leerpunten == ""


def test_two_people_running_the_same_step_do_not_overwrite_each_other(client_als, plan_sessie):
    from django.test import Client

    sessie = plan_sessie()
    versie = sessie.versie
    eerste, tweede = Client(), Client()
    eerste.force_login(sessie.groep.leden.get(username="fatima.elamrani"))
    tweede.force_login(sessie.groep.leden.get(username="daan.mulder"))
    url = f"/intervisie/sessies/{sessie.pk}/leiden/?stap=2"
    eerste.post(url, {"versie": versie, "richting": "opslaan", "notitie": "Van Fatima"})
    response = tweede.post(url, {"versie": versie, "richting": "opslaan", "notitie": "Van Daan"})
    tekst = response.content.decode()
    assert response.status_code == 200 and "Iemand anders heeft deze sessie opgeslagen" in tekst
    assert "Van Daan" in tekst and "Van Fatima" in tekst
    assert sessie.stappen.get(volgorde=2).notitie == "Van Fatima"


def test_bijeenkomst_records_a_voornemen_per_participant(client_als, plan_sessie, demo_gebruikers):
    from wagtail.models import Page

    from kennisbank.models import InterventiePage

    home = Page.objects.get(depth=2)
    interventie = home.add_child(
        instance=InterventiePage(title="Netwerkkaart", slug="netwerkkaart", samenvatting="Kaart")
    )
    sessie = plan_sessie(methode="leernetwerkbijeenkomst")
    client = client_als("fatima.elamrani")
    laatste = sessie.stappen.count() + 1
    response = _post_stap(
        client,
        sessie,
        laatste,
        richting="opslaan",
        procesverslag="We werkten aan de route van aanmelding tot uitstroom.",
        voornemen_gebruiker=demo_gebruikers["lotte.jansen"].pk,
        voornemen_interventie=interventie.pk,
    )
    assert response.status_code == 302
    voornemen = sessie.voornemens.get()
    assert (
        voornemen.gebruiker.username == "lotte.jansen"
        and voornemen.interventie_id == interventie.pk
    )
    pagina = client.get(f"/intervisie/sessies/{sessie.pk}/").content.decode()
    assert "Lotte Jansen: Netwerkkaart" in pagina

"""Consulenten propose new interventies or changes; the kennisbeheerder takes them over as a
draft or declines them with a reason; the proposer follows what happened."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from cms.models import AuditRegel, Doelgroep, Fase
from kennisbank import services
from kennisbank.models import InterventiePage, Voorstel

NIEUW = "/interventieschema/voorstellen/nieuw/"
MIJN = "/interventieschema/voorstellen/"
WACHTRIJ = "/beheer/voorstellen/"


def _gegevens(**anders):
    gegevens = {
        "titel": "Wandelend gesprek",
        "samenvatting": "Het tweede gesprek lopend buiten voeren: minder spanning, meer praten.",
        "fases": [Fase.objects.get(slug="plangesprek").pk],
        "laag": "toolbox",
        "doelgroepen": [Doelgroep.objects.get(slug="jongeren").pk],
        "aanpak": "Spreek af bij het gemeentehuis.\n\nLoop een vast rondje van een half uur.",
        "bronnen": "Eigen praktijk, team Jongeren",
        "toelichting": "Twee jongeren die binnen dichtklapten, praatten buiten wel.",
    }
    gegevens.update(anders)
    return gegevens


def _indienen(gebruiker, interventie=None, **anders):
    gegevens = _gegevens(**anders)
    gegevens["fases"] = Fase.objects.filter(pk__in=gegevens["fases"])
    gegevens["doelgroepen"] = Doelgroep.objects.filter(pk__in=gegevens["doelgroepen"])
    return services.voorstel_indienen(
        indiener=gebruiker, gegevens=gegevens, interventie=interventie
    )


def test_consulent_proposes_a_new_interventie_and_sees_it_waiting(client_als, schema):
    client = client_als("demo-consulent")
    assert "Stel een nieuwe interventie voor" in client.get("/interventieschema/").content.decode()
    response = client.post(NIEUW, _gegevens())
    assert response.status_code == 302 and response["Location"] == MIJN
    voorstel = Voorstel.objects.get()
    assert (voorstel.soort, voorstel.toestand) == ("nieuw", "ingediend")
    assert [f.slug for f in voorstel.fases.all()] == ["plangesprek"]
    html = client.get(MIJN).content.decode()
    assert "Wandelend gesprek" in html and "Wacht op beoordeling" in html


def test_an_incomplete_proposal_says_what_is_missing_at_the_field_and_keeps_the_text(
    client_als, schema
):
    response = client_als("demo-consulent").post(
        NIEUW, _gegevens(titel="", fases=[], toelichting="")
    )
    assert response.status_code == 400
    form = response.context["form"]
    assert form.errors["titel"] == ["Geef het voorstel een titel."]
    assert form.errors["fases"] == ["Kies minstens één fase waarin je dit inzet."]
    assert "Schrijf op waarom je dit voorstelt" in form.errors["toelichting"][0]
    html = response.content.decode()
    assert "Het tweede gesprek lopend buiten voeren" in html  # what was typed stays
    assert "Loop een vast rondje van een half uur." in html
    assert not Voorstel.objects.exists()


def test_client_data_in_a_proposal_is_refused_at_the_field(client_als, schema):
    response = client_als("demo-consulent").post(
        NIEUW, _gegevens(toelichting="Werkte goed bij Sanne, 06-12345678, echt waar.")
    )
    assert response.status_code == 400
    fouten = response.context["form"].errors["toelichting"]
    assert "Verwijder het telefoonnummer “06-12345678”." in fouten
    assert not Voorstel.objects.exists()
    # The service refuses it too, whoever calls it.
    with pytest.raises(ValidationError) as fout:
        _indienen(response.wsgi_request.user, aanpak="Bel 0612345678 na afloop.")
    assert "aanpak" in fout.value.error_dict


def test_a_change_starts_from_the_published_interventie(client_als, interventie_maken):
    interventie = interventie_maken("Netwerkkaart", fases=("verloop",), bronnen="Movisie")
    client = client_als("demo-consulent")
    html = client.get(interventie.url).content.decode()
    wijziging = f"/interventieschema/voorstellen/wijziging/{interventie.pk}/"
    assert f'href="{wijziging}"' in html and "Stel een wijziging voor" in html
    formulier = client.get(wijziging)
    assert formulier.context["form"]["titel"].value() == "Netwerkkaart"
    assert formulier.context["form"]["bronnen"].value() == "Movisie"
    response = client.post(
        wijziging,
        _gegevens(titel="Netwerkkaart tekenen", fases=[Fase.objects.get(slug="verloop").pk]),
    )
    assert response.status_code == 302
    voorstel = Voorstel.objects.get()
    assert (voorstel.soort, voorstel.interventie) == ("wijziging", interventie)


def test_taking_over_a_new_proposal_makes_a_draft_page_and_an_audit_line(
    client_als, demo_gebruikers, schema
):
    voorstel = _indienen(demo_gebruikers["demo-consulent"])
    client = client_als("demo-kennisbeheerder")
    assert "1 voorstel van consulenten wacht op je beoordeling." in client.get("/").content.decode()
    response = client.post(f"{WACHTRIJ}{voorstel.pk}/", {"overnemen": ""})
    pagina = InterventiePage.objects.get(title="Wandelend gesprek")
    assert response.status_code == 302
    assert response["Location"] == f"/beheer/pages/{pagina.pk}/edit/"
    assert not pagina.live and pagina.get_parent().pk == schema.pk
    assert pagina.latest_revision is not None
    assert [f.slug for f in pagina.fases.all()] == ["plangesprek"]
    assert [h.slug for h in pagina.herkomst.all()] == ["consulenten"]
    assert "Loop een vast rondje" in str(pagina.aanpak[0].value)
    voorstel.refresh_from_db()
    assert (voorstel.toestand, voorstel.pagina, voorstel.beoordelaar.username) == (
        "overgenomen",
        pagina,
        "demo-kennisbeheerder",
    )
    regel = AuditRegel.objects.get(actie=AuditRegel.Actie.VOORSTEL_OVERGENOMEN)
    assert regel.gebruiker.username == "demo-kennisbeheerder" and "Wandelend" in regel.onderwerp

    # The proposer sees it taken over; once the kennisbeheerder publishes, she gets the link.
    consulent = client_als("demo-consulent")
    html = consulent.get(MIJN).content.decode()
    assert "Overgenomen" in html and "Nu in het schema" not in html
    pagina.get_latest_revision().publish()
    assert f'href="{pagina.url}">Nu in het schema' in consulent.get(MIJN).content.decode()


def test_taking_over_a_change_makes_a_draft_revision_and_leaves_the_live_page(
    client_als, demo_gebruikers, interventie_maken
):
    interventie = interventie_maken("Netwerkkaart", fases=("verloop",))
    interventie.fases = list(Fase.objects.filter(slug__in=["verloop", "monitoring-coaching"]))
    interventie.save_revision().publish()
    voorstel = _indienen(
        demo_gebruikers["demo-consulent"], interventie=interventie, titel="Netwerkkaart tekenen"
    )
    beoordelaar = demo_gebruikers["demo-kennisbeheerder"]
    services.voorstel_overnemen(voorstel=voorstel, beoordelaar=beoordelaar)
    interventie.refresh_from_db()
    assert interventie.title == "Netwerkkaart" and interventie.has_unpublished_changes
    concept = interventie.get_latest_revision_as_object()
    assert concept.title == "Netwerkkaart tekenen"
    # The form's fases replace the schema fases; the methodisch-handelen step stays.
    assert {f.slug for f in concept.fases.all()} == {"plangesprek", "monitoring-coaching"}
    assert "Loop een vast rondje" in str(concept.aanpak[-1].value)


def test_declining_needs_a_reason_which_the_proposer_reads(client_als, demo_gebruikers, schema):
    voorstel = _indienen(demo_gebruikers["demo-consulent"])
    client = client_als("demo-kennisbeheerder")
    url = f"{WACHTRIJ}{voorstel.pk}/"
    response = client.post(url, {"afwijzen": "", "reden": ""})
    assert response.status_code == 400
    assert response.context["afwijzen"].errors["reden"] == [
        "Schrijf op waarom je het voorstel afwijst."
    ]
    response = client.post(
        url, {"afwijzen": "", "reden": "Staat al in het schema als Buiten praten."}
    )
    assert response.status_code == 302
    voorstel.refresh_from_db()
    assert voorstel.toestand == "afgewezen"
    assert AuditRegel.objects.get(actie=AuditRegel.Actie.VOORSTEL_AFGEWEZEN).reden == (
        "Staat al in het schema als Buiten praten."
    )
    html = client_als("demo-consulent").get(MIJN).content.decode()
    assert "Afgewezen" in html and "Staat al in het schema als Buiten praten." in html
    # A decision stands: no second one.
    opnieuw = client_als("demo-kennisbeheerder").post(url, {"overnemen": ""})
    assert opnieuw.status_code == 400 and "al beoordeeld" in opnieuw.content.decode()
    assert not InterventiePage.objects.filter(title="Wandelend gesprek").exists()
    with pytest.raises(ValidationError):
        services.voorstel_overnemen(
            voorstel=voorstel, beoordelaar=demo_gebruikers["demo-kennisbeheerder"]
        )


def test_a_consulent_cannot_review_and_nobody_reviews_their_own(
    client_als, demo_gebruikers, schema
):
    voorstel = _indienen(demo_gebruikers["demo-consulent"])
    client = client_als("demo-consulent")
    for response in (
        client.get(WACHTRIJ),
        client.post(f"{WACHTRIJ}{voorstel.pk}/", {"overnemen": ""}),
    ):
        assert response.status_code in (302, 403)
        assert "Wandelend" not in response.content.decode()
    with pytest.raises(PermissionDenied):
        services.voorstel_overnemen(voorstel=voorstel, beoordelaar=demo_gebruikers["demo-trainer"])
    eigen = _indienen(demo_gebruikers["demo-kennisbeheerder"], titel="Eigen idee")
    with pytest.raises(ValidationError):
        services.voorstel_afwijzen(
            voorstel=eigen, beoordelaar=demo_gebruikers["demo-kennisbeheerder"], reden="Nee."
        )
    voorstel.refresh_from_db()
    eigen.refresh_from_db()
    assert (voorstel.toestand, eigen.toestand) == ("ingediend", "ingediend")
    assert not InterventiePage.objects.filter(title="Wandelend gesprek").exists()


def test_a_teamchef_sees_nothing_of_the_proposals(client_als, demo_gebruikers, interventie_maken):
    interventie = interventie_maken("Netwerkkaart")
    voorstel = _indienen(demo_gebruikers["demo-consulent"])
    client = client_als("demo-teamchef")
    assert "Stel een wijziging voor" not in client.get(interventie.url).content.decode()
    assert (
        "Stel een nieuwe interventie voor" not in client.get("/interventieschema/").content.decode()
    )
    for pad in (MIJN, NIEUW, WACHTRIJ, f"{WACHTRIJ}{voorstel.pk}/"):
        response = client.get(pad)
        assert response.status_code in (302, 403), pad
        assert "Wandelend" not in response.content.decode()
    with pytest.raises(PermissionDenied):
        _indienen(demo_gebruikers["demo-teamchef"])


@pytest.mark.parametrize("pad", [WACHTRIJ, MIJN])
def test_queue_and_own_list_stay_within_a_fixed_number_of_queries(
    pad, client_als, demo_gebruikers, schema, django_assert_max_num_queries
):
    consulent = demo_gebruikers["demo-consulent"]
    beoordelaar = demo_gebruikers["demo-kennisbeheerder"]
    client = client_als("demo-kennisbeheerder" if pad == WACHTRIJ else "demo-consulent")

    def maak(n):
        for i in range(n):
            voorstel = _indienen(consulent, titel=f"Voorstel {Voorstel.objects.count()} {i}")
            if i % 3 == 1:
                services.voorstel_afwijzen(
                    voorstel=voorstel, beoordelaar=beoordelaar, reden="Dubbel."
                )

    maak(3)
    client.get(pad)
    with django_assert_max_num_queries(QUERIES[pad]) as weinig:
        assert client.get(pad).status_code == 200
    maak(9)
    with django_assert_max_num_queries(len(weinig.captured_queries)):
        response = client.get(pad)
    assert response.content.decode().count("Voorstel ") >= 12


QUERIES = {WACHTRIJ: 20, MIJN: 15}

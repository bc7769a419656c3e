"""Group membership: recorded, with a join date; history only by the group's own decision."""

import datetime

import pytest
from django.utils import timezone

from cms.audit import AuditRegel
from tests.leernetwerk.conftest import CASUS

LATER = "Overleg over de uitbreiding van de groep; nieuwe collega start volgende maand."


def _leden_url(groep):
    return f"/beheer/intervisie/groepen/{groep.pk}/leden/"


def _snippet_edit_data(groep, leden, gespreksleiders=()):
    return {
        "naam": groep.naam,
        "slug": groep.slug,
        "soort": groep.soort,
        "organisaties": [o.pk for o in groep.organisaties.all()],
        "leden": [u.pk for u in leden],
        "gespreksleiders": [u.pk for u in gespreksleiders],
        "cadans_weken": groep.cadans_weken,
        "standaard_methode": groep.standaard_methode_id or "",
    }


@pytest.mark.parametrize("wie", ["demo-beheerder", "demo-trainer"])
def test_posting_leden_to_the_snippet_edit_view_changes_no_membership(
    client_als, demo_gebruikers, sessie, wie
):
    groep = sessie.groep
    zelf = demo_gebruikers[wie]
    voor = set(groep.leden.values_list("username", flat=True))
    client = client_als(wie)
    response = client.post(
        f"/beheer/snippets/leernetwerk/intervisiegroep/edit/{groep.pk}/",
        _snippet_edit_data(groep, [*groep.leden.all(), zelf], [zelf]),
    )
    assert response.status_code in (200, 302)
    assert set(groep.leden.values_list("username", flat=True)) == voor
    assert not groep.gespreksleiders.filter(pk=zelf.pk).exists()
    assert CASUS not in client.get(f"/intervisie/sessies/{sessie.pk}/").content.decode()
    assert client.get(f"/intervisie/sessies/{sessie.pk}.json").status_code == 404


def test_the_snippet_edit_form_shows_members_read_only_with_a_link_to_manage(client_als, groep):
    response = client_als("demo-beheerder").get(
        f"/beheer/snippets/leernetwerk/intervisiegroep/edit/{groep.pk}/"
    )
    tekst = response.content.decode()
    assert response.status_code == 200
    assert 'name="leden"' not in tekst and 'name="gespreksleiders"' not in tekst
    assert "Lotte Jansen" in tekst and _leden_url(groep) in tekst


@pytest.mark.parametrize("wie", ["demo-beheerder", "demo-trainer"])
def test_adding_oneself_through_the_admin_is_audited_and_shows_no_earlier_session(
    client_als, demo_gebruikers, sessie, plan_sessie, wie
):
    groep = sessie.groep
    zelf = demo_gebruikers[wie]
    client = client_als(wie)
    response = client.post(
        _leden_url(groep),
        {"actie": "toevoegen", "rol": "lid", "persoon": zelf.pk, "reden": LATER},
    )
    assert response.status_code == 302
    assert groep.leden.filter(pk=zelf.pk).exists()

    regel = AuditRegel.objects.get(actie=AuditRegel.Actie.ROL_GEWIJZIGD)
    assert regel.gebruiker == zelf and regel.onderwerp == wie
    assert groep.naam in regel.reden and LATER in regel.reden

    # The session of last week is from before joining: not readable, not listed.
    pagina = client.get(f"/intervisie/sessies/{sessie.pk}/")
    assert CASUS not in pagina.content.decode()
    assert client.get(f"/intervisie/sessies/{sessie.pk}.json").status_code == 404
    assert client.get(f"/intervisie/sessies/{sessie.pk}/export.md").status_code == 404
    groepspagina = client.get(f"/intervisie/groepen/{groep.pk}/")
    assert groepspagina.status_code == 200
    assert f"/intervisie/sessies/{sessie.pk}/" not in groepspagina.content.decode()
    overzicht = client.get("/intervisie/").content.decode()
    assert f"/intervisie/sessies/{sessie.pk}/" not in overzicht
    zoeken = client.get("/api/zoeken/", {"q": "rijbewijs"}).content.decode()
    assert f"/intervisie/sessies/{sessie.pk}/" not in zoeken

    # A session after joining is theirs to read.
    nieuw = plan_sessie(
        datum=timezone.localdate() + datetime.timedelta(days=7), casus="Nieuwe casus samen"
    )
    assert "Nieuwe casus samen" in client.get(f"/intervisie/sessies/{nieuw.pk}/").content.decode()


def test_adding_a_member_asks_for_a_reason_and_keeps_the_choice(client_als, demo_gebruikers, groep):
    bram = demo_gebruikers["bram.smit"]
    response = client_als("demo-beheerder").post(
        _leden_url(groep), {"actie": "toevoegen", "rol": "lid", "persoon": bram.pk, "reden": ""}
    )
    tekst = response.content.decode()
    assert response.status_code == 200
    assert "Geef een reden op." in tekst
    assert f'<option value="{bram.pk}" selected' in tekst
    assert not groep.leden.filter(pk=bram.pk).exists()
    assert not AuditRegel.objects.exists()


def test_removing_a_member_is_audited_and_closes_the_content(client_als, demo_gebruikers, sessie):
    groep = sessie.groep
    lotte = demo_gebruikers["lotte.jansen"]
    reden = "Lotte is per 1 december naar een ander team overgestapt."
    response = client_als("demo-beheerder").post(
        _leden_url(groep),
        {"actie": "verwijderen", "rol": "lid", "persoon": lotte.pk, "reden": reden},
    )
    assert response.status_code == 302
    assert not groep.leden.filter(pk=lotte.pk).exists()
    regel = AuditRegel.objects.get(actie=AuditRegel.Actie.ROL_GEWIJZIGD)
    assert regel.onderwerp == "lotte.jansen" and reden in regel.reden
    client = client_als("lotte.jansen")
    assert client.get(f"/intervisie/sessies/{sessie.pk}/").status_code == 404


def test_members_management_is_closed_to_consulenten(client_als, demo_gebruikers, groep):
    client = client_als("demo-consulent")  # a member, but no admin rights
    response = client.post(
        _leden_url(groep),
        {
            "actie": "toevoegen",
            "rol": "lid",
            "persoon": demo_gebruikers["bram.smit"].pk,
            "reden": LATER,
        },
    )
    assert response.status_code in (302, 403)
    assert not groep.leden.filter(username="bram.smit").exists()


def _toevoegen(client, groep, persoon):
    return client.post(
        _leden_url(groep),
        {"actie": "toevoegen", "rol": "lid", "persoon": persoon.pk, "reden": LATER},
    )


def test_an_earlier_member_shares_the_history_with_a_new_member(
    client_als, demo_gebruikers, sessie
):
    groep = sessie.groep
    bram = demo_gebruikers["bram.smit"]
    assert _toevoegen(client_als("demo-beheerder"), groep, bram).status_code == 302
    AuditRegel.objects.all().delete()

    client = client_als("bram.smit")
    assert client.get(f"/intervisie/sessies/{sessie.pk}/").status_code == 404
    # The new member cannot decide for themselves ...
    response = client.post(
        f"/intervisie/groepen/{groep.pk}/eerdere-sessies/", {"rol": "lid", "persoon": bram.pk}
    )
    assert response.status_code == 403
    assert client.get(f"/intervisie/sessies/{sessie.pk}/").status_code == 404

    # ... an earlier member of the group can, and sees the button on the group page.
    lotte = client_als("lotte.jansen")
    pagina = lotte.get(f"/intervisie/groepen/{groep.pk}/").content.decode()
    assert "Eerdere sessies delen met Bram Smit" in pagina
    response = lotte.post(
        f"/intervisie/groepen/{groep.pk}/eerdere-sessies/", {"rol": "lid", "persoon": bram.pk}
    )
    assert response.status_code == 302
    regel = AuditRegel.objects.get(actie=AuditRegel.Actie.ROL_GEWIJZIGD)
    assert regel.gebruiker.username == "lotte.jansen" and regel.onderwerp == "bram.smit"

    client = client_als("bram.smit")
    assert CASUS in client.get(f"/intervisie/sessies/{sessie.pk}/").content.decode()


def test_a_beheerder_who_is_no_earlier_member_cannot_share_the_history(
    client_als, demo_gebruikers, sessie
):
    groep = sessie.groep
    beheerder = client_als("demo-beheerder")
    _toevoegen(beheerder, groep, demo_gebruikers["demo-beheerder"])
    _toevoegen(beheerder, groep, demo_gebruikers["bram.smit"])
    response = beheerder.post(
        f"/intervisie/groepen/{groep.pk}/eerdere-sessies/",
        {"rol": "lid", "persoon": demo_gebruikers["bram.smit"].pk},
    )
    assert response.status_code == 403
    client = client_als("bram.smit")
    assert client.get(f"/intervisie/sessies/{sessie.pk}/").status_code == 404


def _aantal_queries(client, url):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_group_page_and_members_admin_stay_within_a_fixed_number_of_queries(
    client_als, demo_gebruikers, sessie
):
    groep = sessie.groep
    beheerder = client_als("demo-beheerder")
    _toevoegen(beheerder, groep, demo_gebruikers["bram.smit"])
    lotte = client_als("lotte.jansen")
    een = _aantal_queries(lotte, f"/intervisie/groepen/{groep.pk}/")
    beheer_een = _aantal_queries(client_als("demo-beheerder"), _leden_url(groep))
    beheerder = client_als("demo-beheerder")
    for naam in ("anouk.bos", "ricardo.martina", "mirjam.postma"):
        _toevoegen(beheerder, groep, demo_gebruikers[naam])
    lotte = client_als("lotte.jansen")
    pagina = lotte.get(f"/intervisie/groepen/{groep.pk}/").content.decode()
    assert pagina.count("Eerdere sessies delen met") == 4
    assert _aantal_queries(lotte, f"/intervisie/groepen/{groep.pk}/") == een
    assert _aantal_queries(client_als("demo-beheerder"), _leden_url(groep)) == beheer_een

"""Hours evidence (PDF), retention of content, list pages with fixed query counts, demo."""

import datetime
import io
import re
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone
from pypdf import PdfReader

from cms.activiteiten import Activiteit
from leernetwerk import services
from leernetwerk.models import Actiepunt, Intervisiesessie, Voornemen
from tests.leernetwerk.conftest import CASUS


def _pdf_tekst(response):
    assert response["Content-Type"] == "application/pdf"
    return "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(response.content)).pages)


def _uren_pdf(client, van, tot):
    return client.get("/intervisie/uren/", {"van": van.isoformat(), "tot": tot.isoformat()})


@pytest.fixture
def geschiedenis(plan_sessie, demo_gebruikers):
    """Daan attended three sessions (1.50 + 2.00 + 0.75 h) and skipped one; one is 3 years old."""
    daan = demo_gebruikers["daan.mulder"]
    vandaag = timezone.localdate()
    sessies = [
        plan_sessie(datum=vandaag - datetime.timedelta(days=1100), casus="Oude casus over werk."),
        plan_sessie(
            datum=vandaag - datetime.timedelta(days=60),
            start=(9, 0),
            eind=(11, 0),
            methode="balint",
            casus=CASUS,
        ),
        plan_sessie(
            datum=vandaag - datetime.timedelta(days=30),
            start=(10, 0),
            eind=(10, 45),
            methode="topoi",
        ),
        plan_sessie(datum=vandaag - datetime.timedelta(days=10)),
    ]
    for s in sessies[:3]:
        services.aanwezigheid_bevestigen(sessie=s, deelnemer=daan)
    services.actiepunt_toevoegen(sessie=sessies[0], omschrijving="Oud actiepunt", eigenaar=daan)
    return sessies


def test_hours_pdf_lists_confirmed_sessions_and_adds_up(client_als, geschiedenis):
    vandaag = timezone.localdate()
    tekst = _pdf_tekst(
        _uren_pdf(client_als("daan.mulder"), vandaag - datetime.timedelta(days=2000), vandaag)
    )
    assert "Daan Mulder" in tekst
    regels = re.findall(
        r"(\d{2}-\d{2}-\d{4}) (\d{2}:\d{2}) (\d{2}:\d{2}).*?(\d+,\d{2})", tekst, re.S
    )
    assert [(r[1], r[2], r[3]) for r in regels] == [
        ("13:30", "15:00", "1,50"),
        ("09:00", "11:00", "2,00"),
        ("10:00", "10:45", "0,75"),
    ]
    assert sum(Decimal(r[3].replace(",", ".")) for r in regels) == Decimal("4.25")
    assert "Totaal (3 sessies) 4,25" in tekst
    assert "Balintmethode" in tekst and "TOPOI-model" in tekst
    assert CASUS not in tekst


def test_hours_pdf_respects_the_period_and_the_person(client_als, geschiedenis):
    vandaag = timezone.localdate()
    tekst = _pdf_tekst(
        _uren_pdf(client_als("daan.mulder"), vandaag - datetime.timedelta(days=45), vandaag)
    )
    assert "Totaal (1 sessie) 0,75" in tekst
    tekst = _pdf_tekst(
        _uren_pdf(client_als("lotte.jansen"), vandaag - datetime.timedelta(days=2000), vandaag)
    )
    assert "Totaal (0 sessies) 0" in tekst


def test_hours_period_with_end_before_start_is_a_dutch_error(client_als):
    response = client_als("daan.mulder").get(
        "/intervisie/uren/", {"van": "2026-05-01", "tot": "2026-01-01"}
    )
    assert response.status_code == 400
    assert "De einddatum ligt voor de begindatum." in response.content.decode()
    assert 'value="2026-05-01"' in response.content.decode()


def test_retention_removes_old_content_keeps_attendance_and_hours(client_als, geschiedenis):
    oud, recent = geschiedenis[0], geschiedenis[1]
    assert oud in list(Intervisiesessie.objects.search("Oude casus"))
    call_command("intervisie_opschonen", stdout=io.StringIO())
    oud.refresh_from_db()
    recent.refresh_from_db()
    assert oud.casus == "" and oud.inhoud_verwijderd is not None
    assert not Actiepunt.objects.filter(sessie=oud).exists()
    assert not any(s.notitie for s in oud.stappen.all())
    assert oud.aanwezigheden.filter(bevestigd__isnull=False).count() == 1
    assert recent.casus == CASUS and recent.inhoud_verwijderd is None
    assert Activiteit.objects.filter(gebruiker__username="daan.mulder").count() == 3
    # The record page says why the content is gone; the hours still add up.
    client = client_als("daan.mulder")
    assert "bewaartermijn" in client.get(oud.get_absolute_url()).content.decode()
    vandaag = timezone.localdate()
    tekst = _pdf_tekst(_uren_pdf(client, vandaag - datetime.timedelta(days=2000), vandaag))
    assert "Totaal (3 sessies) 4,25" in tekst
    # Search no longer finds the removed content, even for members.
    assert oud not in list(Intervisiesessie.objects.search("Oude casus"))


@override_settings(INTERVISIE_BEWAARTERMIJN_MAANDEN=1)
def test_retention_period_is_a_setting(geschiedenis):
    call_command("intervisie_opschonen", stdout=io.StringIO())
    opgeschoond = Intervisiesessie.objects.filter(inhoud_verwijderd__isnull=False)
    # 1100 and 60 days old: removed; 30 days old is within one month of today: kept.
    assert set(opgeschoond) == set(geschiedenis[:2])


def test_retention_dry_run_changes_nothing(geschiedenis):
    uit = io.StringIO()
    call_command("intervisie_opschonen", "--droog", stdout=uit)
    assert "1 sessies" in uit.getvalue()
    assert not Intervisiesessie.objects.filter(inhoud_verwijderd__isnull=False).exists()


def _veel_sessies(plan_sessie, demo_gebruikers, aantal):
    vandaag = timezone.localdate()
    for i in range(aantal):
        s = plan_sessie(datum=vandaag - datetime.timedelta(days=7 * (i + 1)))
        services.aanwezigheid_bevestigen(sessie=s, deelnemer=demo_gebruikers["daan.mulder"])
        services.actiepunt_toevoegen(
            sessie=s, omschrijving=f"Actie {i}", eigenaar=demo_gebruikers["daan.mulder"]
        )


@pytest.mark.parametrize("aantal", [1, 15])
@pytest.mark.parametrize(
    "gebruiker, url",
    [
        ("daan.mulder", "/intervisie/"),
        ("daan.mulder", "/intervisie/groepen/{groep}/"),
        ("demo-teamchef", "/intervisie/deelname/"),
    ],
)
def test_list_pages_use_a_fixed_number_of_queries(
    client_als,
    plan_sessie,
    demo_gebruikers,
    groep,
    django_assert_max_num_queries,
    aantal,
    gebruiker,
    url,
):
    _veel_sessies(plan_sessie, demo_gebruikers, aantal)
    client = client_als(gebruiker)
    with django_assert_max_num_queries(16):
        response = client.get(url.format(groep=groep.pk))
    assert response.status_code == 200
    assert response.content.decode().count("Incidentmethode") >= min(aantal, 5)


def test_record_page_uses_a_fixed_number_of_queries(
    client_als, plan_sessie, demo_gebruikers, django_assert_max_num_queries
):
    _veel_sessies(plan_sessie, demo_gebruikers, 12)
    sessie = Intervisiesessie.objects.first()
    client = client_als("daan.mulder")
    with django_assert_max_num_queries(25):
        assert client.get(sessie.get_absolute_url()).status_code == 200


def test_bijeenkomst_suggests_rotating_author_and_reviews_previous_voornemens(
    client_als, plan_sessie, demo_gebruikers, groep
):
    vandaag = timezone.localdate()
    eerste = plan_sessie(
        datum=vandaag - datetime.timedelta(days=28), methode="leernetwerkbijeenkomst"
    )
    leden = list(groep.leden.order_by("first_name", "last_name", "username"))
    assert eerste.procesverslag_auteur == leden[0]
    tweede = plan_sessie(methode="leernetwerkbijeenkomst")
    assert tweede.procesverslag_auteur == leden[1]

    lotte = demo_gebruikers["lotte.jansen"]
    voornemen = Voornemen.objects.create(gebruiker=lotte, titel="Netwerkkaart", bijeenkomst=eerste)
    client = client_als("lotte.jansen")
    terugblik = client.get(f"/intervisie/sessies/{tweede.pk}/leiden/?stap=0").content.decode()
    assert "Voornemens van de vorige bijeenkomst" in terugblik and "Netwerkkaart" in terugblik
    assert f"/mijn-leercyclus/voornemens/{voornemen.pk}/bespreken/" in terugblik
    client.post(
        f"/mijn-leercyclus/voornemens/{voornemen.pk}/bespreken/",
        {
            f"voornemen-{voornemen.pk}-reflectie_gedaan": "Drie keer gedaan.",
            f"voornemen-{voornemen.pk}-reflectie_werkte": "Jongeren zagen hun netwerk beter.",
        },
    )
    voornemen.refresh_from_db()
    assert voornemen.status == Voornemen.Status.AFGEROND
    assert Activiteit.objects.filter(
        gebruiker=lotte, soort=Activiteit.Soort.VOORNEMEN_GEREFLECTEERD
    ).exists()
    # Someone else's voornemen cannot be reviewed by you.
    assert (
        client_als("daan.mulder")
        .get(f"/mijn-leercyclus/voornemens/{voornemen.pk}/bespreken/")
        .status_code
        == 404
    )


def test_demo_content_is_idempotent(demo_gebruikers):
    from leernetwerk.demo import intervisie_laden

    intervisie_laden()
    tellingen = (
        Intervisiesessie.objects.count(),
        Actiepunt.objects.count(),
        Voornemen.objects.count(),
        Activiteit.objects.count(),
    )
    intervisie_laden()
    assert tellingen == (
        Intervisiesessie.objects.count(),
        Actiepunt.objects.count(),
        Voornemen.objects.count(),
        Activiteit.objects.count(),
    )
    assert tellingen[0] >= 24
    assert Actiepunt.objects.filter(afgerond__isnull=True).count() >= 2
    assert Voornemen.objects.filter(status="open").exists()
    methoden = set(Intervisiesessie.objects.values_list("methode__slug", flat=True))
    assert len(methoden) >= 6


def test_beheerder_edits_methods_and_groups_in_the_admin_but_sessions_are_not_there(
    client_als, sessie
):
    from django.urls import NoReverseMatch, reverse

    from leernetwerk.models import Intervisiemethode

    client = client_als("demo-beheerder")
    methode = Intervisiemethode.objects.get(slug="incidentmethode")
    for url in (
        "/beheer/snippets/leernetwerk/intervisiemethode/",
        f"/beheer/snippets/leernetwerk/intervisiemethode/edit/{methode.pk}/",
        "/beheer/snippets/leernetwerk/intervisiegroep/",
        "/beheer/snippets/leernetwerk/toegangslog/",
    ):
        assert client.get(url).status_code == 200, url
    assert (
        "Incident kiezen en vertellen"
        in client.get(
            f"/beheer/snippets/leernetwerk/intervisiemethode/edit/{methode.pk}/"
        ).content.decode()
    )
    with pytest.raises(NoReverseMatch):
        reverse("wagtailsnippets_leernetwerk_intervisiesessie:list")


def _verslag(sessie, **velden):
    return {
        "versie": sessie.versie,
        "datum": sessie.datum.isoformat(),
        "start": "13:30",
        "eind": "15:00",
        "vorm": "live",
        **velden,
    }


def test_cleaned_session_takes_no_new_content(client_als, geschiedenis, demo_gebruikers):
    oud = geschiedenis[0]
    call_command("intervisie_opschonen", stdout=io.StringIO())
    oud.refresh_from_db()
    client = client_als("daan.mulder")
    pagina = client.get(oud.get_absolute_url()).content.decode()
    assert f"/intervisie/sessies/{oud.pk}/bewerken/" not in pagina
    # Opening the editor (or the session runner) sends you back with the reason.
    for url in (f"/intervisie/sessies/{oud.pk}/bewerken/", f"/intervisie/sessies/{oud.pk}/leiden/"):
        response = client.get(url, follow=True)
        assert response.redirect_chain[-1][0] == oud.get_absolute_url()
        assert "Er kan geen nieuwe inhoud meer bij" in response.content.decode()
    # A form still open from before the clean-up: refused at the form, the text stays there.
    response = client.post(
        f"/intervisie/sessies/{oud.pk}/bewerken/", _verslag(oud, casus="Nieuwe casus na opschonen")
    )
    assert response.status_code == 200
    assert "Er kan geen nieuwe inhoud meer bij" in response.content.decode()
    assert "Nieuwe casus na opschonen" in response.content.decode()
    response = client.post(
        f"/intervisie/sessies/{oud.pk}/leiden/?stap=1",
        {"versie": oud.versie, "notitie": "Nieuwe notitie", "richting": "volgende"},
    )
    assert response.status_code == 200
    assert "Er kan geen nieuwe inhoud meer bij" in response.content.decode()
    oud.refresh_from_db()
    assert oud.casus == "" and not any(s.notitie for s in oud.stappen.all())
    with pytest.raises(services.InhoudVerwijderd):
        services.actiepunt_toevoegen(
            sessie=oud, omschrijving="Nieuw", eigenaar=demo_gebruikers["daan.mulder"]
        )
    assert not Actiepunt.objects.filter(sessie=oud).exists()


def test_content_written_into_a_cleaned_session_before_is_cleaned_again(
    geschiedenis, demo_gebruikers
):
    oud = geschiedenis[0]
    call_command("intervisie_opschonen", stdout=io.StringIO())
    oud.refresh_from_db()
    verwijderd_op = oud.inhoud_verwijderd
    # As an earlier version allowed: content saved into the cleaned session afterwards.
    Intervisiesessie.objects.filter(pk=oud.pk).update(leerpunten="Later toegevoegd")
    Actiepunt.objects.create(
        sessie=oud, omschrijving="Later", eigenaar=demo_gebruikers["daan.mulder"]
    )
    uit = io.StringIO()
    call_command("intervisie_opschonen", "--droog", stdout=uit)
    assert "1 sessies" in uit.getvalue()
    call_command("intervisie_opschonen", stdout=io.StringIO())
    oud.refresh_from_db()
    assert oud.leerpunten == "" and oud.inhoud_verwijderd == verwijderd_op
    assert not Actiepunt.objects.filter(sessie=oud).exists()


def test_retention_says_how_old_the_oldest_backup_is(geschiedenis, settings, tmp_path):
    settings.BACKUP_DIR = tmp_path
    uit, fout = io.StringIO(), io.StringIO()
    call_command("intervisie_opschonen", stdout=uit, stderr=fout)
    assert "Geen backups gevonden" in uit.getvalue()

    gisteren = timezone.now() - datetime.timedelta(days=1)
    (tmp_path / f"leernetwerk-{gisteren:%Y%m%d-%H%M%S}.tar.gz").write_bytes(b"")
    uit, fout = io.StringIO(), io.StringIO()
    call_command("intervisie_opschonen", stdout=uit, stderr=fout)
    assert "1 dagen oud" in uit.getvalue() and "BACKUP_BEWAAR_AANTAL=14" in uit.getvalue()
    assert fout.getvalue() == ""

    oud = timezone.now() - datetime.timedelta(days=800)
    (tmp_path / f"leernetwerk-{oud:%Y%m%d-%H%M%S}.tar.gz").write_bytes(b"")
    uit, fout = io.StringIO(), io.StringIO()
    call_command("intervisie_opschonen", "--droog", stdout=uit, stderr=fout)
    assert f"Oudste backup: leernetwerk-{oud:%Y%m%d-%H%M%S}.tar.gz, 800 dagen oud" in uit.getvalue()
    assert "ouder dan de bewaartermijn van 24 maanden" in fout.getvalue()

"""Reminders tied to status (issue 18.2): each kind by e-mail and on the home page, with a link;
never for what is done, never twice, not when turned off; intervisie without its content."""

import datetime as dt
import io
from types import SimpleNamespace
from zoneinfo import ZoneInfo

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from icalendar import Calendar

from cms.activiteiten import Activiteit
from cms.services import activiteit_vastleggen
from leernetwerk import services as leernetwerk_services
from leernetwerk.herinneringen import selectors, services
from leernetwerk.herinneringen.agenda import sessie_ics
from leernetwerk.herinneringen.models import VerstuurdeHerinnering
from leernetwerk.leercyclus import services as leercyclus_services
from tests.herinneringen.conftest import BASIS, CASUS, HULPVRAAG

pytestmark = pytest.mark.django_db

INSTELLINGEN = f"{BASIS}/mijn-instellingen/"


def versturen(datum=None):
    """The daily command (its tasks run at once: the test settings' task backends)."""
    argumenten = ["--datum", datum.isoformat()] if datum else []
    call_command("herinneringen_versturen", *argumenten)


def mails_aan(gebruiker):
    return [m for m in mail.outbox if m.to == [gebruiker.email]]


def een_mail_aan(gebruiker):
    berichten = mails_aan(gebruiker)
    assert len(berichten) == 1, [m.subject for m in berichten]
    return berichten[0]


# --- leermodules ---------------------------------------------------------------------------------


def test_leermodule_due_within_a_week_is_mailed_once_with_a_direct_link(maak_leermodule, consulent):
    module = maak_leermodule(dagen=5)
    versturen()
    bericht = een_mail_aan(consulent)
    assert bericht.subject.startswith("Leernetwerk: Leermodule “Zelfsturing verkennen” moet af")
    assert "nog 5 dagen" in bericht.body
    assert f"{BASIS}{module.url}" in bericht.body
    assert INSTELLINGEN in bericht.body
    assert bericht.attachments == []

    versturen()  # the next day's run, the module still not done: no second e-mail
    assert len(mails_aan(consulent)) == 1
    assert VerstuurdeHerinnering.objects.filter(gebruiker=consulent).count() == 1


def test_leermodule_not_due_for_eight_days_gives_no_reminder_yet(maak_leermodule, consulent):
    maak_leermodule(dagen=8)
    versturen()
    assert mails_aan(consulent) == []
    assert selectors.open_herinneringen(consulent) == []


def test_overdue_leermodule_gets_its_own_reminder_after_the_early_one(
    maak_leermodule, consulent, vandaag
):
    maak_leermodule(dagen=3)
    versturen()
    assert "moet af zijn" in een_mail_aan(consulent).subject
    mail.outbox.clear()
    versturen(vandaag + dt.timedelta(days=4))  # the due date has passed
    bericht = een_mail_aan(consulent)
    assert "is over de datum" in bericht.subject
    assert "had af moeten zijn op" in bericht.body
    mail.outbox.clear()
    versturen(vandaag + dt.timedelta(days=5))
    assert mails_aan(consulent) == []


def test_completed_leermodule_is_never_reminded(maak_leermodule, consulent):
    module = maak_leermodule(dagen=-3)
    activiteit_vastleggen(
        gebruiker=consulent, soort=Activiteit.Soort.HOOFDSTUK_GELEZEN, onderwerp=module.hoofdstuk
    )
    versturen()
    assert mails_aan(consulent) == []
    assert selectors.open_herinneringen(consulent) == []


def test_plan_module_outside_the_platform_until_marked_done(maak_planmodule, consulent):
    module = maak_planmodule(dagen=-2)
    [herinnering] = selectors.open_herinneringen(consulent)
    assert herinnering.pad == "/mijn-leercyclus/#modules"
    leercyclus_services.module_afronden(gebruiker=consulent, module=module)
    versturen()
    assert mails_aan(consulent) == []
    assert selectors.open_herinneringen(consulent) == []


# --- feedback ------------------------------------------------------------------------------------


def test_new_trainer_feedback_is_mailed_with_a_link_to_the_oefening(
    maak_feedback, oefening, consulent
):
    maak_feedback(consulent)
    versturen()
    bericht = een_mail_aan(consulent)
    assert bericht.subject == "Leernetwerk: Nieuwe feedback op “Doel herschrijven”"
    assert f"{BASIS}{oefening.url}" in bericht.body
    assert "je maakt het doel meetbaar" not in bericht.body  # the feedback is read on the site
    versturen()
    assert len(mails_aan(consulent)) == 1


def test_feedback_already_read_is_not_reminded(maak_feedback, oefening, consulent, client):
    maak_feedback(consulent)
    client.force_login(consulent)
    client.get(oefening.url)  # opening the oefening shows the feedback and marks it read
    versturen()
    assert mails_aan(consulent) == []
    assert selectors.open_herinneringen(consulent) == []


# --- intervisie ----------------------------------------------------------------------------------


def test_intervisie_tomorrow_mail_has_a_valid_calendar_file_in_amsterdam_time(
    sessie_morgen, consulent
):
    versturen()
    bericht = een_mail_aan(consulent)
    link = f"{BASIS}/intervisie/sessies/{sessie_morgen.pk}/"
    assert (
        bericht.subject == "Leernetwerk: Morgen intervisie: Intervisie Team Jongeren, 13:30–15:00"
    )
    assert link in bericht.body
    [(naam, inhoud, soort)] = bericht.attachments
    assert naam == "intervisie.ics" and soort.startswith("text/calendar")
    kalender = Calendar.from_ical(inhoud)
    [afspraak] = kalender.events
    zone = ZoneInfo("Europe/Amsterdam")
    assert afspraak.start == dt.datetime.combine(sessie_morgen.datum, dt.time(13, 30), zone)
    assert afspraak.end == dt.datetime.combine(sessie_morgen.datum, dt.time(15, 0), zone)
    assert afspraak.start.tzinfo.key == "Europe/Amsterdam"
    assert [t.tz_name for t in kalender.timezones] == ["Europe/Amsterdam"]
    assert kalender.get_missing_tzids() == set()
    assert str(afspraak["URL"]) == link
    assert str(afspraak["SUMMARY"]) == "Intervisie Team Jongeren"  # the group's own name
    versturen()
    assert len(mails_aan(consulent)) == 1


def test_calendar_file_in_summer_time_names_a_group_as_intervisie():
    sessie = SimpleNamespace(
        pk=7,
        datum=dt.date(2026, 7, 1),
        start=dt.time(9, 0),
        eind=dt.time(10, 30),
        groep=SimpleNamespace(naam="Koppel Noord"),
    )
    [afspraak] = Calendar.from_ical(sessie_ics(sessie, f"{BASIS}/intervisie/sessies/7/")).events
    assert str(afspraak["SUMMARY"]) == "Intervisie Koppel Noord"
    assert afspraak.start.astimezone(dt.UTC) == dt.datetime(2026, 7, 1, 7, 0, tzinfo=dt.UTC)
    assert afspraak.end.astimezone(dt.UTC) == dt.datetime(2026, 7, 1, 8, 30, tzinfo=dt.UTC)
    assert str(afspraak["UID"]) == "intervisiesessie-7@leernetwerk.example.nl"


def test_intervisie_reminders_carry_no_content_and_reach_no_non_member(
    sessie_morgen, groep, consulent, demo_gebruikers, client
):
    daan, lotte = demo_gebruikers["daan.mulder"], demo_gebruikers["lotte.jansen"]
    # Daan left the group after the session was planned: his invitation is still there.
    leernetwerk_services.groepslid_verwijderen(
        groep=groep, persoon=daan, door=demo_gebruikers["demo-beheerder"], reden="Ander team"
    )
    assert sessie_morgen.aanwezigheden.filter(deelnemer=daan).exists()
    versturen()
    ontvangers = {m.to[0] for m in mail.outbox}
    assert consulent.email in ontvangers
    assert daan.email not in ontvangers and lotte.email not in ontvangers
    assert selectors.open_herinneringen(daan) == []
    verboden = [CASUS, HULPVRAAG, "rijbewijs", "gemotiveerd", "Incidentmethode", "Daan"]
    for bericht in mail.outbox:
        alles = bericht.subject + bericht.body
        alles += "".join(str(inhoud) for _n, inhoud, _s in bericht.attachments)
        for woord in verboden:
            assert woord not in alles, woord
    client.force_login(consulent)
    html = client.get("/").content.decode()
    tegel = html.split("<h3>Herinneringen</h3>")[1].split("</ul>")[0]
    assert "Morgen, " in tegel and "Intervisie Team Jongeren" in tegel
    for woord in verboden:
        assert woord not in tegel, woord


def test_session_already_held_or_not_tomorrow_is_not_reminded(sessie_morgen, consulent, vandaag):
    versturen(vandaag + dt.timedelta(days=1))  # the session is today, not tomorrow
    assert mails_aan(consulent) == []
    sessie_morgen.status = sessie_morgen.Status.AFGEROND
    sessie_morgen.save()
    versturen()
    assert mails_aan(consulent) == []
    assert selectors.open_herinneringen(consulent) == []  # nor on the home page


# --- voornemens ----------------------------------------------------------------------------------


def test_voornemen_four_weeks_on_asks_for_the_reflection(maak_voornemen, consulent):
    voornemen = maak_voornemen(dagen=30)
    maak_voornemen(titel="Nog maar net gekozen", dagen=3)
    versturen()
    bericht = een_mail_aan(consulent)
    assert "“Eerst samenvatten, dan een voorstel”" in bericht.subject
    assert f"{BASIS}/mijn-leercyclus/#voornemen-{voornemen.pk}" in bericht.body
    versturen()
    assert len(mails_aan(consulent)) == 1


def test_voornemen_with_its_own_end_date_is_due_on_that_date(maak_voornemen, consulent, vandaag):
    maak_voornemen(dagen=40, tot=vandaag + dt.timedelta(days=2))
    versturen()
    assert mails_aan(consulent) == []
    versturen(vandaag + dt.timedelta(days=2))
    assert len(mails_aan(consulent)) == 1


def test_voornemen_with_reflection_written_is_not_reminded(maak_voornemen, consulent):
    voornemen = maak_voornemen(dagen=30)
    leercyclus_services.voornemen_reflecteren(
        voornemen=voornemen, gedaan="Eerst samengevat.", werkte="Hij reageerde rustiger."
    )
    versturen()
    assert mails_aan(consulent) == []
    assert selectors.open_herinneringen(consulent) == []


# --- settings, failures, the command -------------------------------------------------------------


def test_a_kind_turned_off_is_neither_mailed_nor_shown(
    maak_leermodule, maak_voornemen, consulent, client
):
    maak_leermodule(dagen=2)
    maak_voornemen(dagen=30)
    services.herinneringsinstellingen_opslaan(gebruiker=consulent, leermodule=False)
    versturen()
    bericht = een_mail_aan(consulent)  # only the voornemen
    assert "reflecteren" in bericht.subject
    client.force_login(consulent)
    html = client.get("/").content.decode()
    assert "Tijd om te reflecteren" not in html  # the tile shows the sentence, not the subject
    assert "Je wilde “Eerst samenvatten, dan een voorstel” proberen." in html
    assert "Rond de leermodule" not in html


def test_settings_page_has_dutch_labels_and_turns_a_kind_off(client, consulent):
    client.force_login(consulent)
    html = client.get(reverse("mijn_instellingen")).content.decode()
    assert "<legend>Herinner mij aan</legend>" in html
    for veld, label in [
        ("leermodule", "Leermodules"),
        ("feedback", "Feedback van een trainer"),
        ("intervisie", "Intervisie"),
        ("voornemen", "Voornemens"),
    ]:
        assert f'<label for="id_{veld}"><input type="checkbox" name="{veld}"' in html
        assert f"> {label}</label>" in html
        assert f'aria-describedby="id_{veld}_helptext" id="id_{veld}" checked>' in html
    response = client.post(
        reverse("mijn_instellingen"), {"leermodule": "on", "intervisie": "on"}, follow=True
    )
    assert "Je instellingen voor herinneringen zijn opgeslagen." in response.content.decode()
    instellingen = selectors.instellingen_van(consulent)
    assert (instellingen.leermodule, instellingen.feedback) == (True, False)
    assert (instellingen.intervisie, instellingen.voornemen) == (True, False)


def test_a_failed_send_is_not_recorded_and_goes_out_next_time(
    maak_voornemen, consulent, monkeypatch
):
    maak_voornemen(dagen=30)
    from django.core.mail import EmailMessage

    echt = EmailMessage.send

    def stuk(self, fail_silently=False):
        raise ConnectionRefusedError("mailserver weg")

    monkeypatch.setattr(EmailMessage, "send", stuk)
    with pytest.raises(ConnectionRefusedError):
        services.herinneringen_versturen(gebruiker=consulent)
    assert not VerstuurdeHerinnering.objects.exists()
    monkeypatch.setattr(EmailMessage, "send", echt)
    versturen()
    assert len(mails_aan(consulent)) == 1


def test_no_mail_without_an_address_but_the_home_page_still_shows_it(
    maak_voornemen, consulent, client
):
    consulent.email = ""
    consulent.save()
    maak_voornemen(dagen=30)
    versturen()
    assert mail.outbox == []
    client.force_login(consulent)
    assert "Je wilde “Eerst samenvatten" in client.get("/").content.decode()


def test_dry_run_queues_nothing(maak_voornemen, consulent):
    maak_voornemen(dagen=30)
    uit = io.StringIO()
    call_command("herinneringen_versturen", "--proef", stdout=uit)
    assert "Proef: 1 personen" in uit.getvalue()
    assert mail.outbox == []


# --- home page -----------------------------------------------------------------------------------


def _een_van_elk(maak_leermodule, maak_planmodule, maak_feedback, maak_voornemen, consulent, n):
    for i in range(n):
        maak_leermodule(titel=f"Module {n}-{i}", dagen=i)
        maak_planmodule(naam=f"Training {n}-{i}", dagen=-i - 1)
        maak_feedback(consulent)
        maak_voornemen(titel=f"Voornemen {n}-{i}", dagen=30 + i)


def test_home_page_items_link_to_each_thing_in_a_fixed_number_of_queries(
    client,
    consulent,
    sessie_morgen,
    maak_leermodule,
    maak_planmodule,
    maak_feedback,
    maak_voornemen,
    django_assert_max_num_queries,
):
    maken = (maak_leermodule, maak_planmodule, maak_feedback, maak_voornemen, consulent)
    _een_van_elk(*maken, n=1)
    client.force_login(consulent)
    client.get("/")  # warm the site and content type caches
    with CaptureQueriesContext(connection) as een:
        html = client.get("/").content.decode()
    aantal = len(een)  # now: the capture reads Django's bounded query log lazily
    tegel = html.split("<h3>Herinneringen</h3>")[1].split("</ul>")[0]
    assert tegel.count("<li><a href=") == 5
    assert f'href="/intervisie/sessies/{sessie_morgen.pk}/"' in tegel
    assert 'href="/mijn-leercyclus/#modules"' in tegel
    assert 'href="/oefeningen/doel-herschrijven/"' in tegel
    assert 'href="/oefeningen/module-1-0/"' in tegel

    _een_van_elk(*maken, n=4)  # four more of each kind
    client.get("/")  # new pages changed the content version: warm the shared fragments again
    with django_assert_max_num_queries(aantal):
        html = client.get("/").content.decode()
    tegel = html.split("<h3>Herinneringen</h3>")[1].split("</ul>")[0]
    assert tegel.count("<li><a href=") == 1 + 4 * 5
    with django_assert_max_num_queries(10):
        assert len(selectors.open_herinneringen(consulent)) == 1 + 4 * 5


def test_nothing_due_costs_eight_queries(consulent, django_assert_max_num_queries):
    selectors.open_herinneringen(consulent)  # content types and shared content cached, as live
    # Settings, content version, teams, plan modules, groups, next session, feedback,
    # voornemens.
    with django_assert_max_num_queries(8):
        assert selectors.open_herinneringen(consulent) == []


def test_reminder_tile_disappears_once_done(maak_voornemen, consulent, client):
    voornemen = maak_voornemen(dagen=30)
    client.force_login(consulent)
    assert "<h3>Herinneringen</h3>" in client.get("/").content.decode()
    leercyclus_services.voornemen_reflecteren(voornemen=voornemen, gedaan="x", werkte="y")
    assert "<h3>Herinneringen</h3>" not in client.get("/").content.decode()


def test_feedback_reminders_go_to_the_author_of_the_answer_only(maak_feedback, demo_gebruikers):
    fatima = demo_gebruikers["fatima.elamrani"]
    maak_feedback(fatima)
    assert selectors.open_herinneringen(demo_gebruikers["demo-consulent"]) == []
    assert [h.soort for h in selectors.open_herinneringen(fatima)] == ["feedback"]

"""End to end: the daily command queues tasks, the worker sends them through a real SMTP server
on loopback (aiosmtpd), and what arrives has the subject, the link and a valid .ics."""

import contextlib
import datetime as dt
import email
import socket
from email import policy
from zoneinfo import ZoneInfo

import pytest
from aiosmtpd.controller import Controller
from django.core.management import call_command
from icalendar import Calendar

from leernetwerk.herinneringen.models import VerstuurdeHerinnering
from tests.herinneringen.conftest import BASIS, CASUS

pytestmark = pytest.mark.django_db

WACHTRIJ = {
    "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
    "achtergrond": {"BACKEND": "django_tasks_db.DatabaseBackend"},
}


class Postbus:
    def __init__(self):
        self.berichten = []

    async def handle_DATA(self, server, session, envelope):
        self.berichten.append((envelope.rcpt_tos, envelope.content))
        return "250 OK"


def _vrije_poort():
    """A port the system has free now (the suite runs on several workers)."""
    with contextlib.closing(socket.socket()) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def smtp_server(settings):
    postbus = Postbus()
    controller = Controller(postbus, hostname="127.0.0.1", port=_vrije_poort())
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", controller.port
    settings.EMAIL_USE_TLS = False
    settings.EMAIL_TIMEOUT = 10
    try:
        yield postbus
    finally:
        controller.stop()


def test_daily_command_queues_and_the_worker_mails_through_smtp(
    smtp_server, settings, monkeypatch, sessie_morgen, maak_voornemen, consulent
):
    settings.TASKS = WACHTRIJ
    # The worker closes connections past their age between jobs; on PostgreSQL that would close
    # the test's own transaction. A worker process has its own connection, this one does not.
    from django_tasks_db.management.commands import db_worker

    monkeypatch.setattr(db_worker, "close_old_connections", lambda: None)
    voornemen = maak_voornemen(dagen=30)

    call_command("herinneringen_versturen")
    assert smtp_server.berichten == [], "the command only queues; the worker sends"
    call_command("db_worker", "--backend", "achtergrond", "--batch", "--no-startup-delay", "-v0")

    aan_consulent = [
        email.message_from_bytes(inhoud, policy=policy.default)
        for ontvangers, inhoud in smtp_server.berichten
        if ontvangers == [consulent.email]
    ]
    # Django folds a non-ASCII subject onto a continuation line; the parser keeps its indent.
    onderwerpen = sorted(m["Subject"].strip() for m in aan_consulent)
    assert onderwerpen == [
        "Leernetwerk: Morgen intervisie: Intervisie Team Jongeren, 13:30–15:00",
        "Leernetwerk: Tijd om te reflecteren op “Eerst samenvatten, dan een voorstel”",
    ]
    intervisie = next(m for m in aan_consulent if "intervisie" in m["Subject"])
    tekst = intervisie.get_body(preferencelist=("plain",)).get_content()
    assert f"{BASIS}/intervisie/sessies/{sessie_morgen.pk}/" in tekst
    assert CASUS not in intervisie.as_string()
    [bijlage] = list(intervisie.iter_attachments())
    assert bijlage.get_filename() == "intervisie.ics"
    assert bijlage.get_content_type() == "text/calendar"
    [afspraak] = Calendar.from_ical(bijlage.get_content()).events
    zone = ZoneInfo("Europe/Amsterdam")
    assert afspraak.start == dt.datetime.combine(sessie_morgen.datum, dt.time(13, 30), zone)
    assert afspraak.end == dt.datetime.combine(sessie_morgen.datum, dt.time(15, 0), zone)
    assert str(afspraak["URL"]) == f"{BASIS}/intervisie/sessies/{sessie_morgen.pk}/"
    reflectie = next(m for m in aan_consulent if "reflecteren" in m["Subject"])
    tekst = reflectie.get_body(preferencelist=("plain",)).get_content()
    assert f"{BASIS}/mijn-leercyclus/#voornemen-{voornemen.pk}" in tekst
    assert VerstuurdeHerinnering.objects.filter(gebruiker=consulent).count() == 2

    # Tomorrow's run: queued again, but nothing goes out twice.
    aantal = len(smtp_server.berichten)
    call_command("herinneringen_versturen")
    call_command("db_worker", "--backend", "achtergrond", "--batch", "--no-startup-delay", "-v0")
    assert len(smtp_server.berichten) == aantal

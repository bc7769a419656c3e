import datetime as dt

from django.core.management import BaseCommand, CommandError
from django.utils import timezone

from leernetwerk.herinneringen import selectors
from leernetwerk.herinneringen.tasks import herinneringen_versturen_aan


class Command(BaseCommand):
    help = (
        "Zet voor iedereen met een herinnering (leermodule, feedback, intervisie morgen, "
        "voornemen) een taak in de wachtrij die de e-mails verstuurt. Eén keer per dag draaien "
        "(cron of systemd-timer); een herinnering gaat nooit twee keer weg."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--datum",
            help="Doe alsof het deze dag is (JJJJ-MM-DD), bijvoorbeeld om een gemiste dag in te "
            "halen. Standaard: vandaag.",
        )
        parser.add_argument(
            "--proef",
            action="store_true",
            help="Toon wie een herinnering zou krijgen, zet niets in de wachtrij.",
        )

    def handle(self, *args, datum=None, proef=False, **options):
        try:
            vandaag = dt.date.fromisoformat(datum) if datum else timezone.localdate()
        except ValueError as fout:
            raise CommandError(f"--datum {datum!r} is geen datum als 2026-12-03.") from fout
        ids = selectors.ontvangers(vandaag)
        if proef:
            self.stdout.write(
                f"Proef: {len(ids)} personen met mogelijk een herinnering op {vandaag}; "
                "niets in de wachtrij gezet."
            )
            return
        for pk in ids:
            herinneringen_versturen_aan.enqueue(pk, vandaag.isoformat())
        self.stdout.write(f"{len(ids)} herinneringstaken in de wachtrij gezet voor {vandaag}.")

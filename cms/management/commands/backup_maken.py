from django.conf import settings
from django.core.management import BaseCommand
from django.utils import timezone

from cms.backup import backup_maken


class Command(BaseCommand):
    help = "Maak een backup van database en media in één .tar.gz-bestand."

    def add_arguments(self, parser):
        parser.add_argument("--uitvoer", help="Pad van het archief (standaard in var/backups/).")

    def handle(self, *args, uitvoer=None, **options):
        doel = uitvoer or (
            settings.VAR_DIR / "backups" / f"leernetwerk-{timezone.now():%Y%m%d-%H%M%S}.tar.gz"
        )
        pad = backup_maken(doel=doel)
        self.stdout.write(self.style.SUCCESS(f"Backup gemaakt: {pad}"))

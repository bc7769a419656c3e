from django.conf import settings
from django.core.management import BaseCommand, CommandError

from cms.backup import BackupFout, backup_maken, backup_map, backups_roteren, nieuw_backuppad


class Command(BaseCommand):
    help = (
        "Maak een backup van database en media in één .tar.gz-bestand (alleen leesbaar voor de "
        "eigenaar). In de standaardmap worden alleen de nieuwste BACKUP_BEWAAR_AANTAL bewaard."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--uitvoer",
            help="Pad van het archief (standaard BACKUP_DIR, var/backups/; daar wordt geroteerd).",
        )

    def handle(self, *args, uitvoer=None, **options):
        bewaren = int(settings.BACKUP_BEWAAR_AANTAL)
        if bewaren < 1:
            raise CommandError("BACKUP_BEWAAR_AANTAL moet minstens 1 zijn.")
        map = None if uitvoer else backup_map()
        try:
            pad = backup_maken(doel=uitvoer or nieuw_backuppad(map))
            verwijderd = backups_roteren(map=map, bewaren=bewaren) if map else []
        except (BackupFout, OSError) as fout:
            raise CommandError(f"Backup mislukt: {fout}") from fout
        self.stdout.write(self.style.SUCCESS(f"Backup gemaakt: {pad}"))
        if verwijderd:
            self.stdout.write(
                f"{len(verwijderd)} oudere backup(s) verwijderd; de nieuwste {bewaren} blijven."
            )

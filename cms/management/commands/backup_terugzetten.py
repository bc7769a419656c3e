from django.core.management import BaseCommand, CommandError, call_command

from cms.backup import BackupFout, backup_terugzetten


class Command(BaseCommand):
    help = (
        "Zet een backup terug (database en media), werk de database bij en bouw de zoekindex "
        "opnieuw op. Het archief wordt eerst volledig gecontroleerd; bij een fout verandert er "
        "niets."
    )

    def add_arguments(self, parser):
        parser.add_argument("archief", help="Het .tar.gz-bestand van backup_maken.")
        parser.add_argument("--ja", action="store_true", help="Niet om bevestiging vragen.")

    def handle(self, *args, archief, ja=False, **options):
        if not ja and options.get("interactive", True):
            antwoord = input("Dit vervangt de huidige database en media. Doorgaan? [j/N] ")
            if antwoord.strip().lower() not in {"j", "ja"}:
                raise CommandError("Afgebroken; er is niets veranderd.")
        try:
            manifest = backup_terugzetten(bron=archief)
        except BackupFout as fout:
            raise CommandError(f"Terugzetten mislukt: {fout}") from fout
        except OSError as fout:
            raise CommandError(f"Terugzetten mislukt: {fout.strerror or fout}") from fout
        # A backup of an older version gets this version's migrations.
        call_command("migrate", interactive=False, verbosity=0)
        call_command("update_index", verbosity=0)
        self.stdout.write(
            self.style.SUCCESS(f"Backup van {manifest['gemaakt']} teruggezet; zoekindex herbouwd.")
        )

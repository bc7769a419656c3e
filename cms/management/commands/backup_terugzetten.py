from django.core.management import BaseCommand, CommandError, call_command

from cms.backup import backup_terugzetten


class Command(BaseCommand):
    help = "Zet een backup terug (database en media) en bouw de zoekindex opnieuw op."

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
        except (OSError, RuntimeError, KeyError) as fout:
            raise CommandError(f"Terugzetten mislukt: {fout}") from fout
        call_command("update_index", verbosity=0)
        self.stdout.write(
            self.style.SUCCESS(f"Backup van {manifest['gemaakt']} teruggezet; zoekindex herbouwd.")
        )

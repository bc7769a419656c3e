from django.conf import settings
from django.core.management import BaseCommand, CommandError, call_command

from cms.demo import inhoud_laden, organisaties_en_gebruikers_laden


class Command(BaseCommand):
    help = "Laad de demo-inhoud van Leernetwerk (idempotent). Weigert zonder DEBUG, tenzij --force."

    def add_arguments(self, parser):
        parser.add_argument(
            "--force", action="store_true", help="Ook laden als DEBUG uit staat (productie)."
        )
        parser.add_argument(
            "--geen-index", action="store_true", help="Zoekindex daarna niet bijwerken."
        )

    def handle(self, *args, force=False, geen_index=False, **options):
        if not settings.DEBUG and not force:
            raise CommandError(
                "DEBUG staat uit: demo-inhoud hoort niet in productie. Gebruik --force als je het "
                "echt wilt."
            )
        organisaties_en_gebruikers_laden()
        self.stdout.write("Organisaties, teams en gebruikers geladen.")
        inhoud_laden(self.stdout)
        if not geen_index:
            call_command("update_index", verbosity=0)
            self.stdout.write("Zoekindex bijgewerkt.")
        self.stdout.write(self.style.SUCCESS("Demo-inhoud staat klaar."))

from pathlib import Path

from django.core.management import BaseCommand, CommandError

from kennisbank.services import interventies_importeren


class Command(BaseCommand):
    help = (
        "Lees interventies in uit een CSV- of XLSX-bestand. Elke rij wordt eerst "
        "gecontroleerd; bij één fout wordt niets opgeslagen."
    )

    def add_arguments(self, parser):
        parser.add_argument("bestand", help="Pad naar het .csv- of .xlsx-bestand.")
        parser.add_argument(
            "--dry-run", action="store_true", help="Alleen controleren en melden, niets opslaan."
        )

    def handle(self, *args, bestand, dry_run=False, **options):
        pad = Path(bestand)
        if not pad.is_file():
            raise CommandError(f"Bestand niet gevonden: {pad}")

        def voortgang(verwerkt, totaal):
            self.stdout.write(f"  {verwerkt} van {totaal} rijen verwerkt")

        resultaat = interventies_importeren(
            inhoud=pad.read_bytes(), bestandsnaam=pad.name, proef=dry_run, voortgang=voortgang
        )
        if resultaat.fouten:
            for fout in resultaat.fouten:
                plek = f"rij {fout.rij}" if fout.rij else "bestand"
                kolom = f", kolom {fout.kolom}" if fout.kolom else ""
                self.stderr.write(f"{plek}{kolom}: {fout.melding}")
            raise CommandError(
                f"{len(resultaat.fouten)} fout(en) gevonden; er is niets opgeslagen."
            )
        for melding in resultaat.meldingen:
            self.stdout.write(f"rij {melding.rij}, kolom {melding.kolom}: {melding.melding}")
        samenvatting = (
            f"{len(resultaat.nieuw)} nieuw, {len(resultaat.gewijzigd)} gewijzigd, "
            f"{len(resultaat.ongewijzigd)} ongewijzigd."
        )
        if dry_run:
            self.stdout.write(f"Proefimport (niets opgeslagen): {samenvatting}")
        else:
            self.stdout.write(self.style.SUCCESS(f"Import opgeslagen: {samenvatting}"))

"""Retention: remove intervisie content older than INTERVISIE_BEWAARTERMIJN_MAANDEN (24)."""

import datetime

from django.conf import settings
from django.core.management import BaseCommand

from cms.backup import backups_in
from leernetwerk.services import sessies_op_te_schonen, sessies_opschonen


def grensdatum(vandaag, maanden):
    """The same day `maanden` months back (clamped to the month's last day)."""
    jaar, maand = divmod(vandaag.year * 12 + vandaag.month - 1 - maanden, 12)
    maand += 1
    for dag in range(vandaag.day, 27, -1):
        try:
            return datetime.date(jaar, maand, dag)
        except ValueError:
            continue
    return datetime.date(jaar, maand, min(vandaag.day, 28))


class Command(BaseCommand):
    help = (
        "Verwijder de inhoud van intervisiesessies ouder dan de bewaartermijn "
        "(INTERVISIE_BEWAARTERMIJN_MAANDEN, standaard 24). Datum, duur en aanwezigheid blijven."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--droog", action="store_true", help="Alleen tellen, niets verwijderen."
        )

    def handle(self, *args, droog=False, **options):
        from django.utils import timezone

        maanden = int(getattr(settings, "INTERVISIE_BEWAARTERMIJN_MAANDEN", 24))
        grens = grensdatum(timezone.localdate(), maanden)
        if droog:
            aantal = sessies_op_te_schonen(voor=grens).count()
            self.stdout.write(
                f"{aantal} sessies van voor {grens:%d-%m-%Y} zouden worden opgeschoond."
            )
        else:
            aantal = sessies_opschonen(voor=grens)
            self.stdout.write(
                self.style.SUCCESS(
                    f"Inhoud van {aantal} sessies van voor {grens:%d-%m-%Y} verwijderd; "
                    "aanwezigheid en uren zijn bewaard."
                )
            )
        self.backups_melden(grens, maanden)

    def backups_melden(self, grens, maanden):
        """Backups keep content as it was when they were made: say how old the oldest is."""
        from django.utils import timezone

        map = settings.BACKUP_DIR
        backups = backups_in(map)
        if not backups:
            self.stdout.write(f"Geen backups gevonden in {map}.")
            return
        pad, moment = backups[0]
        dagen = (timezone.now() - moment).days
        self.stdout.write(
            f"Oudste backup: {pad.name}, {dagen} dagen oud. Backups bevatten de inhoud zoals die "
            "was toen ze werden gemaakt; opgeschoonde inhoud verdwijnt daaruit pas als de backup "
            f"wordt geroteerd (BACKUP_BEWAAR_AANTAL={settings.BACKUP_BEWAAR_AANTAL})."
        )
        if timezone.localdate(moment) < grens:
            self.stderr.write(
                self.style.WARNING(
                    f"Let op: {pad.name} is ouder dan de bewaartermijn van {maanden} maanden en "
                    "bevat nog inhoud die al verwijderd had moeten zijn. Verwijder oude backups "
                    "of verlaag BACKUP_BEWAAR_AANTAL."
                )
            )

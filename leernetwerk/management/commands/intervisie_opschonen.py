"""Retention: remove intervisie content older than INTERVISIE_BEWAARTERMIJN_MAANDEN (24)."""

import datetime

from django.conf import settings
from django.core.management import BaseCommand

from leernetwerk.models import Intervisiesessie
from leernetwerk.services import sessies_opschonen


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
            aantal = Intervisiesessie.objects.filter(
                datum__lt=grens, inhoud_verwijderd__isnull=True
            ).count()
            self.stdout.write(
                f"{aantal} sessies van voor {grens:%d-%m-%Y} zouden worden opgeschoond."
            )
            return
        aantal = sessies_opschonen(voor=grens)
        self.stdout.write(
            self.style.SUCCESS(
                f"Inhoud van {aantal} sessies van voor {grens:%d-%m-%Y} verwijderd; "
                "aanwezigheid en uren zijn bewaard."
            )
        )

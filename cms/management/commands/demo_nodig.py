from django.contrib.auth import get_user_model
from django.core.management import BaseCommand


class Command(BaseCommand):
    help = "Exit 0 als de database nog geen gebruikers heeft (demo laden), anders exit 1."

    def handle(self, *args, **options):
        raise SystemExit(0 if not get_user_model().objects.exists() else 1)

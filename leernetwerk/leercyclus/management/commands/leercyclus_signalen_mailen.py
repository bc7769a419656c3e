from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage, get_connection
from django.core.management import BaseCommand
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import ngettext

from leernetwerk.leercyclus import selectors


class Command(BaseCommand):
    help = (
        "Mail elke teamchef de signalen van de eigen teams (alleen deelname, nooit inhoud). "
        "Bedoeld voor een wekelijkse cron-taak; gebruikt de e-mailinstellingen van Django."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--proef", action="store_true", help="Toon wat er verstuurd zou worden, verstuur niets."
        )

    def handle(self, *args, proef=False, **options):
        translation.activate(settings.LANGUAGE_CODE)
        periode = selectors.Periode.laatste_maanden(3)
        chefs = (
            get_user_model()
            .objects.filter(geleide_teams__isnull=False, is_active=True)
            .exclude(email="")
            .distinct()
        )
        berichten = []
        for chef in chefs:
            overzichten = [
                o
                for o in selectors.teamoverzichten(selectors.teams_van_teamchef(chef), periode)
                if o.signalen
            ]
            if not overzichten:
                continue
            aantal = sum(len(o.signalen) for o in overzichten)
            tekst = render_to_string(
                "leercyclus/signalen_mail.txt",
                {"chef": chef, "overzichten": overzichten, "basis": settings.WAGTAILADMIN_BASE_URL},
            )
            onderwerp = ngettext(
                "Leernetwerk: %(n)d signaal over de leercyclus van je team",
                "Leernetwerk: %(n)d signalen over de leercyclus van je team",
                aantal,
            ) % {"n": aantal}
            berichten.append(EmailMessage(onderwerp, tekst, to=[chef.email]))
            if proef:
                self.stdout.write(f"--- {chef.email}: {onderwerp}\n{tekst}")
        if proef:
            self.stdout.write(f"Proef: {len(berichten)} berichten niet verstuurd.")
            return
        verstuurd = get_connection().send_messages(berichten) if berichten else 0
        self.stdout.write(f"{verstuurd or 0} berichten met signalen verstuurd.")

"""Run in its own process by test_gelijktijdig.py: a file database set up as in production
(SQLite, WAL, busy timeout), an import in one thread and a login in another while it runs.

    python tests/kennisbank/gelijktijdig.py /tmp/db.sqlite3 ROWS

Prints one JSON line: the login's HTTP status, whether the import was still running when the
login had its answer, and the import's outcome.
"""

import json
import os
import sys
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))
os.environ["DJANGO_SETTINGS_MODULE"] = "cms.settings.test"
os.environ["DATABASE_URL"] = f"sqlite:///{sys.argv[1]}"

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402

settings.DATABASES["default"]["OPTIONS"] = {
    "init_command": "PRAGMA journal_mode=WAL;",
    "timeout": 20,
}

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402

from cms.demo import demo_wachtwoord, organisaties_en_gebruikers_laden  # noqa: E402
from kennisbank.models import InterventiePage  # noqa: E402
from kennisbank.services import interventies_importeren  # noqa: E402
from tests.bench.bench_interventieschema import _csv  # noqa: E402


def main():
    call_command("migrate", verbosity=0)
    organisaties_en_gebruikers_laden()
    bestand = _csv(int(sys.argv[2]))
    uitkomst = {}

    def importeren():
        try:
            resultaat = interventies_importeren(inhoud=bestand, bestandsnaam="groot.csv")
            uitkomst["fouten"] = [f.melding for f in resultaat.fouten]
            uitkomst["nieuw"] = len(resultaat.nieuw)
        except Exception as e:  # reported, so the test shows what broke
            uitkomst["import_fout"] = repr(e)
        finally:
            connection.close()

    draad = threading.Thread(target=importeren)
    begin = time.monotonic()
    draad.start()
    # Wait for the first written batch (or, for an import that writes all at once, a while).
    while draad.is_alive() and time.monotonic() - begin < 30:
        if InterventiePage.objects.exists():
            break
        time.sleep(0.2)
    uitkomst["import_liep_bij_inloggen"] = draad.is_alive()
    try:
        response = Client().post(
            "/inloggen/", {"username": "demo-consulent", "password": demo_wachtwoord()}
        )
        uitkomst["login_status"] = response.status_code
    except Exception as e:
        uitkomst["login_status"] = repr(e)
    uitkomst["import_liep_na_inloggen"] = draad.is_alive()
    uitkomst["login_seconden"] = round(time.monotonic() - begin, 1)
    draad.join()
    uitkomst["import_seconden"] = round(time.monotonic() - begin, 1)
    print(json.dumps(uitkomst))


main()

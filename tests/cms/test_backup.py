"""Backup and restore round trip, through the real commands, on a database of its own.

The commands replace a whole database, so they run in a subprocess against a scratch SQLite file
(or, when DATABASE_URL points at PostgreSQL, a scratch PostgreSQL database), never against the
test database other tests share.
"""

import os
import subprocess
import sys
from pathlib import Path

import dj_database_url
import pytest

ROOT = Path(__file__).resolve().parent.parent.parent


@pytest.fixture
def omgeving(tmp_path):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cms.settings.production",
        "SECRET_KEY": "backup-test-" + "x" * 40,
        "ALLOWED_HOSTS": "127.0.0.1",
        "WAGTAILADMIN_BASE_URL": "http://127.0.0.1",
        "LEERNETWERK_VAR_DIR": str(tmp_path / "var"),
        "MEDIA_ROOT": str(tmp_path / "media"),
        "SEARCH_INDEX_DIR": str(tmp_path / "index"),
    }
    (tmp_path / "var").mkdir()
    url = os.environ.get("DATABASE_URL", "")
    if url.startswith("postgres"):
        import psycopg

        db = dj_database_url.parse(url)
        naam = "leernetwerk_backuptest"
        with psycopg.connect(
            host=db["HOST"],
            port=db["PORT"],
            user=db["USER"],
            password=db["PASSWORD"],
            dbname="postgres",
            autocommit=True,
        ) as verbinding:
            verbinding.execute(f"DROP DATABASE IF EXISTS {naam}")
            verbinding.execute(f"CREATE DATABASE {naam}")
        env["DATABASE_URL"] = url.rsplit("/", 1)[0] + "/" + naam
    else:
        env["DATABASE_URL"] = f"sqlite:///{tmp_path / 'var' / 'leernetwerk.sqlite3'}"
    return env


def beheer(env, *args):
    resultaat = subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert resultaat.returncode == 0, resultaat.stderr[-2000:]
    return resultaat.stdout.strip().splitlines()[-1] if resultaat.stdout.strip() else ""


TOESTAND = (
    "from django.contrib.auth import get_user_model; from cms.models import Team; "
    "print(sorted(get_user_model().objects.values_list('username', flat=True)), "
    "sorted(Team.objects.values_list('slug', 'naam')))"
)


def test_backup_and_restore_round_trip(omgeving, tmp_path):
    beheer(omgeving, "migrate", "-v0")
    beheer(omgeving, "demo_laden", "--force", "--geen-index")
    (tmp_path / "media" / "documenten").mkdir(parents=True)
    (tmp_path / "media" / "documenten" / "werkinstructie.txt").write_text("Stap 1: bellen.")
    voor = beheer(omgeving, "shell", "-v0", "-c", TOESTAND)
    archief = tmp_path / "backup.tar.gz"
    beheer(omgeving, "backup_maken", "--uitvoer", str(archief))

    beheer(
        omgeving,
        "shell",
        "-v0",
        "-c",
        "from django.contrib.auth import get_user_model; from cms.models import Team; "
        "Team.objects.filter(slug='jongeren-noordwaarde').update(naam='Gewijzigd'); "
        "get_user_model().objects.filter(username='daan.mulder').delete()",
    )
    (tmp_path / "media" / "documenten" / "werkinstructie.txt").unlink()
    assert beheer(omgeving, "shell", "-v0", "-c", TOESTAND) != voor

    uitvoer = beheer(omgeving, "backup_terugzetten", str(archief), "--ja")
    assert "teruggezet" in uitvoer
    assert beheer(omgeving, "shell", "-v0", "-c", TOESTAND) == voor
    assert (tmp_path / "media" / "documenten" / "werkinstructie.txt").read_text() == (
        "Stap 1: bellen."
    )

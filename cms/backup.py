"""Backup and restore of database and media in one archive (SQLite online backup or pg_dump)."""

import io
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from pathlib import Path

from django.conf import settings
from django.db import connection
from django.utils import timezone

MANIFEST = "manifest.json"


def _pg_env():
    db = connection.settings_dict
    env = {**os.environ, "PGPASSWORD": str(db.get("PASSWORD") or "")}
    args = ["-h", str(db.get("HOST") or "localhost"), "-p", str(db.get("PORT") or 5432)]
    args += ["-U", str(db.get("USER") or "postgres")]
    return env, args, db["NAME"]


def _programma(naam):
    pad = shutil.which(naam)
    if pad is None:
        raise RuntimeError(
            f"{naam} ontbreekt: installeer de PostgreSQL-client (postgresql-client)."
        )
    return pad


def backup_maken(*, doel):
    """Write database and media to a .tar.gz at `doel`; return its path."""
    doel = Path(doel)
    doel.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        if connection.vendor == "sqlite":
            dbbestand = tmp / "database.sqlite3"
            connection.ensure_connection()
            with sqlite3.connect(dbbestand) as kopie:
                connection.connection.backup(kopie)
        elif connection.vendor == "postgresql":
            dbbestand = tmp / "database.pgdump"
            env, args, naam = _pg_env()
            subprocess.run(  # noqa: S603 - resolved program, arguments from settings
                [_programma("pg_dump"), "-Fc", "--no-owner", *args, "-f", str(dbbestand), naam],
                env=env,
                check=True,
            )
        else:
            raise RuntimeError(
                f"Backup van database-type {connection.vendor} wordt niet ondersteund."
            )
        manifest = {
            "gemaakt": timezone.now().isoformat(),
            "database": connection.vendor,
            "databasebestand": dbbestand.name,
        }
        with tarfile.open(doel, "w:gz") as tar:
            tar.add(dbbestand, arcname=dbbestand.name)
            media = Path(settings.MEDIA_ROOT)
            if media.is_dir():
                tar.add(media, arcname="media")
            data = json.dumps(manifest, indent=2).encode()
            info = tarfile.TarInfo(MANIFEST)
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
    return doel


def backup_terugzetten(*, bron):
    """Replace database and media by the contents of a backup archive made by backup_maken."""
    with tempfile.TemporaryDirectory() as tmp, tarfile.open(bron, "r:gz") as tar:
        tar.extractall(tmp, filter="data")
        tmp = Path(tmp)
        manifest = json.loads((tmp / MANIFEST).read_text())
        if manifest["database"] != connection.vendor:
            raise RuntimeError(
                f"Deze backup is van {manifest['database']}, de huidige database is "
                f"{connection.vendor}."
            )
        dbbestand = tmp / manifest["databasebestand"]
        if connection.vendor == "sqlite":
            connection.ensure_connection()
            with sqlite3.connect(dbbestand) as bronverbinding:
                bronverbinding.backup(connection.connection)
        else:
            connection.close()
            env, args, naam = _pg_env()
            subprocess.run(  # noqa: S603 - resolved program, arguments from settings
                [
                    _programma("pg_restore"),
                    "--clean",
                    "--if-exists",
                    "--no-owner",
                    "--single-transaction",
                    *args,
                    "-d",
                    naam,
                    str(dbbestand),
                ],
                env=env,
                check=True,
            )
        media = Path(settings.MEDIA_ROOT)
        if (tmp / "media").is_dir():
            if media.exists():
                shutil.rmtree(media)
            shutil.copytree(tmp / "media", media)
    return manifest

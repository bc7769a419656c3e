"""Backup and restore of database and media in one archive (SQLite online backup or pg_dump).

A restore checks everything before it changes anything: the archive must be a readable .tar.gz
holding only a manifest, one database file and `media/`, with no absolute paths, no `..`, no
links that point outside (or paths through a link), no devices or fifos and no name twice; the
manifest must name the current database type and no migration this code does not know; the
database file must be intact (SQLite `quick_check`, or `pg_restore --list`). Members are checked
by our own code on every Python 3.11; tarfile's `data` filter is used on top where it exists.
"""

import datetime
import io
import json
import os
import posixpath
import re
import shutil
import sqlite3
import stat
import subprocess
import tarfile
import tempfile
import zlib
from pathlib import Path, PurePosixPath

from django.apps import apps
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.db import connection
from django.db.migrations.loader import MigrationLoader
from django.utils import timezone

from cms.bestanden import PRIVE_BESTAND, prive_map

MANIFEST = "manifest.json"
DATABASEBESTANDEN = {"sqlite": "database.sqlite3", "postgresql": "database.pgdump"}
MEDIA = "media"
EIGEN_PAKKETTEN = {"cms", "kennisbank", "oefeningen", "leernetwerk"}
# Archives written into the backup folder: leernetwerk-20260101-120000[-2].tar.gz (UTC).
NAAMPATROON = re.compile(r"^leernetwerk-(\d{8}-\d{6})(?:-(\d+))?\.tar\.gz$")


class BackupFout(Exception):
    """A backup that cannot be made or restored. The message is Dutch, for the user."""


def _pg_env():
    db = connection.settings_dict
    env = {**os.environ, "PGPASSWORD": str(db.get("PASSWORD") or "")}
    args = ["-h", str(db.get("HOST") or "localhost"), "-p", str(db.get("PORT") or 5432)]
    args += ["-U", str(db.get("USER") or "postgres")]
    return env, args, db["NAME"]


def _programma(naam):
    pad = shutil.which(naam)
    if pad is None:
        raise BackupFout(f"{naam} ontbreekt: installeer de PostgreSQL-client (postgresql-client).")
    return pad


def _uitvoeren(opdracht, env, wat):
    resultaat = subprocess.run(  # noqa: S603 - resolved program, arguments from settings
        opdracht, env=env, capture_output=True, text=True
    )
    if resultaat.returncode != 0:
        melding = resultaat.stderr.strip().splitlines()[-3:]
        raise BackupFout(f"{wat} mislukt: " + " ".join(melding))
    return resultaat


def _toegepaste_migraties():
    from django.db.migrations.recorder import MigrationRecorder

    return sorted(MigrationRecorder(connection).applied_migrations())


# --- Making a backup ---------------------------------------------------------------------------


def backup_map():
    """The default backup folder (BACKUP_DIR, standard var/backups/), created as 0700."""
    return prive_map(Path(getattr(settings, "BACKUP_DIR", settings.VAR_DIR / "backups")))


def nieuw_backuppad(map):
    """A fresh name in `map` from the current time; a second backup in one second gets -2."""
    stempel = f"{timezone.now():%Y%m%d-%H%M%S}"
    pad = Path(map) / f"leernetwerk-{stempel}.tar.gz"
    volgnummer = 2
    while pad.exists():
        pad = Path(map) / f"leernetwerk-{stempel}-{volgnummer}.tar.gz"
        volgnummer += 1
    return pad


def _zonder_eigenaar(info):
    info.uid = info.gid = 0
    info.uname = info.gname = ""
    return info


def _prive_lid(info):
    info.mode = PRIVE_BESTAND
    return _zonder_eigenaar(info)


def backup_maken(*, doel):
    """Write database and media to a .tar.gz at `doel` (mode 0600); return its path.

    The archive is written under a temporary name in the same folder and renamed when complete,
    so a failed backup never leaves a half archive under the real name.
    """
    doel = Path(doel)
    if not doel.parent.exists():
        prive_map(doel.parent)
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        if connection.vendor == "sqlite":
            dbbestand = tmp / DATABASEBESTANDEN["sqlite"]
            connection.ensure_connection()
            with sqlite3.connect(dbbestand) as kopie:
                connection.connection.backup(kopie)
            kopie.close()
        elif connection.vendor == "postgresql":
            dbbestand = tmp / DATABASEBESTANDEN["postgresql"]
            env, args, naam = _pg_env()
            _uitvoeren(
                [_programma("pg_dump"), "-Fc", "--no-owner", *args, "-f", str(dbbestand), naam],
                env,
                "pg_dump",
            )
        else:
            raise BackupFout(
                f"Backup van database-type {connection.vendor} wordt niet ondersteund."
            )
        manifest = {
            "gemaakt": timezone.now().isoformat(),
            "database": connection.vendor,
            "databasebestand": dbbestand.name,
            "migraties": [list(m) for m in _toegepaste_migraties()],
        }
        handle, deel = tempfile.mkstemp(dir=doel.parent, prefix=".backup-", suffix=".part")
        try:
            with os.fdopen(handle, "wb") as uit, tarfile.open(fileobj=uit, mode="w:gz") as tar:
                tar.add(dbbestand, arcname=dbbestand.name, filter=_prive_lid)
                media = Path(settings.MEDIA_ROOT)
                if media.is_dir():
                    tar.add(media, arcname=MEDIA, filter=_zonder_eigenaar)
                data = json.dumps(manifest, indent=2).encode()
                info = _prive_lid(tarfile.TarInfo(MANIFEST))
                info.size = len(data)
                info.mtime = int(timezone.now().timestamp())
                tar.addfile(info, io.BytesIO(data))
            os.chmod(deel, PRIVE_BESTAND)
            os.replace(deel, doel)
        except BaseException:
            Path(deel).unlink(missing_ok=True)
            raise
    return doel


def backups_in(map):
    """Backups in `map` named by backup_maken, oldest first: [(path, made at, UTC)]."""
    gevonden = []
    map = Path(map)
    if not map.is_dir():
        return gevonden
    for pad in map.iterdir():
        treffer = NAAMPATROON.match(pad.name)
        if treffer and pad.is_file():
            moment = datetime.datetime.strptime(treffer[1], "%Y%m%d-%H%M%S").replace(
                tzinfo=datetime.UTC
            )
            gevonden.append((moment, int(treffer[2] or 1), pad))
    return [(pad, moment) for moment, _nummer, pad in sorted(gevonden)]


def backups_roteren(*, map, bewaren):
    """Keep the newest `bewaren` backups in `map`, delete the older ones; return those deleted.

    Only files named as backup_maken names them are touched.
    """
    if bewaren < 1:
        raise BackupFout("BACKUP_BEWAAR_AANTAL moet minstens 1 zijn.")
    oud = [pad for pad, _moment in backups_in(map)][:-bewaren]
    for pad in oud:
        pad.unlink()
    return oud


# --- Restoring ---------------------------------------------------------------------------------


def _is_absoluut(naam):
    return naam.startswith(("/", "\\")) or re.match(r"^[A-Za-z]:", naam) is not None


def _leden_controleren(tar):
    """Return the archive's members after checking each; raise BackupFout for the first bad one."""
    leden = tar.getmembers()
    namen = set()
    koppelingen = set()
    toegestaan = {MANIFEST, *DATABASEBESTANDEN.values()}
    for lid in leden:
        naam = lid.name
        if _is_absoluut(naam):
            raise BackupFout(f"Het archief bevat een absoluut pad ({naam}); niets teruggezet.")
        delen = PurePosixPath(naam.replace("\\", "/")).parts
        if ".." in delen:
            raise BackupFout(f"Het archief bevat een pad met '..' ({naam}); niets teruggezet.")
        genormaliseerd = posixpath.normpath(naam)
        if genormaliseerd not in toegestaan and delen[:1] != (MEDIA,):
            raise BackupFout(
                f"Het archief bevat een onverwacht bestand ({naam}); dit is geen backup van "
                "Leernetwerk. Niets teruggezet."
            )
        if genormaliseerd in namen:
            raise BackupFout(f"Het archief bevat {naam} twee keer; niets teruggezet.")
        namen.add(genormaliseerd)
        for i in range(1, len(delen)):
            if "/".join(delen[:i]) in koppelingen:
                raise BackupFout(
                    f"Het archief bevat een pad via een koppeling ({naam}); niets teruggezet."
                )
        if lid.issym() or lid.islnk():
            if lid.issym():
                doel = posixpath.normpath(posixpath.join(posixpath.dirname(naam), lid.linkname))
            else:
                doel = posixpath.normpath(lid.linkname)
            if not (doel == MEDIA or doel.startswith(MEDIA + "/")):
                raise BackupFout(
                    f"Het archief bevat een koppeling naar buiten ({naam} -> {lid.linkname}); "
                    "niets teruggezet."
                )
            koppelingen.add(genormaliseerd)
        elif lid.ischr() or lid.isblk() or lid.isfifo():
            raise BackupFout(
                f"Het archief bevat een apparaat- of fifo-bestand ({naam}); niets teruggezet."
            )
        elif not (lid.isfile() or lid.isdir()):
            raise BackupFout(f"Het archief bevat een onbekend soort bestand ({naam}).")
        # No setuid/sticky or group/other write; our own user (tarfile chowns when run as root).
        lid.mode &= 0o755
        lid.uid, lid.gid = os.getuid(), os.getgid()
        lid.uname = lid.gname = ""
    return leden


def _uitpakken(tar, leden, doel):
    if hasattr(tarfile, "data_filter"):  # Python 3.11.4+: a second safety net
        tar.extractall(doel, members=leden, numeric_owner=True, filter="data")
    else:
        tar.extractall(doel, members=leden, numeric_owner=True)  # noqa: S202 - checked above


def _manifest_lezen(map, leden):
    bestanden = {posixpath.normpath(lid.name): lid for lid in leden if lid.isfile()}
    if MANIFEST not in bestanden:
        raise BackupFout(
            "Het archief heeft geen manifest.json; dit is geen backup van Leernetwerk."
        )
    try:
        manifest = json.loads((map / MANIFEST).read_text(encoding="utf-8"))
        vendor, dbnaam = manifest["database"], manifest["databasebestand"]
    except (ValueError, KeyError, TypeError) as fout:
        raise BackupFout("Het manifest van de backup is onleesbaar.") from fout
    if vendor != connection.vendor:
        raise BackupFout(
            f"Deze backup is van {vendor}, de huidige database is {connection.vendor}; "
            "niets teruggezet."
        )
    if dbnaam != DATABASEBESTANDEN.get(vendor) or dbnaam not in bestanden:
        raise BackupFout("Het databasebestand ontbreekt in de backup; niets teruggezet.")
    # Only our own apps: a third-party app may drop old migrations a long-lived database lists.
    eigen = {a.label for a in apps.get_app_configs() if a.name.split(".")[0] in EIGEN_PAKKETTEN}
    bekend = set(MigrationLoader(None, ignore_no_migrations=True).disk_migrations)
    onbekend = sorted({tuple(m) for m in manifest.get("migraties", []) if m[0] in eigen} - bekend)
    if onbekend:
        app, naam = onbekend[0]
        raise BackupFout(
            f"Deze backup is gemaakt met een nieuwere versie van Leernetwerk (migratie "
            f"{app}.{naam} is hier onbekend); werk eerst de software bij. Niets teruggezet."
        )
    return manifest


def _database_controleren(dbbestand):
    if connection.vendor == "sqlite":
        try:
            bron = sqlite3.connect(f"file:{dbbestand}?mode=ro", uri=True)
            try:
                uitkomst = bron.execute("PRAGMA quick_check").fetchone()[0]
                bron.execute("SELECT count(*) FROM django_migrations").fetchone()
            finally:
                bron.close()
        except sqlite3.DatabaseError as fout:
            raise BackupFout("Het databasebestand in de backup is beschadigd.") from fout
        if uitkomst != "ok":
            raise BackupFout("Het databasebestand in de backup is beschadigd.")
    else:
        resultaat = subprocess.run(  # noqa: S603 - resolved program, our own temporary file
            [_programma("pg_restore"), "--list", str(dbbestand)], capture_output=True, text=True
        )
        if resultaat.returncode != 0:
            raise BackupFout(
                "Het databasebestand in de backup is beschadigd ("
                + " ".join(resultaat.stderr.strip().splitlines()[-1:])
                + ")."
            )


def _media_vervangen(nieuw):
    """Swap MEDIA_ROOT for `nieuw` (copied beside it first, so a failed copy changes nothing)."""
    media = Path(settings.MEDIA_ROOT)
    media.parent.mkdir(parents=True, exist_ok=True)
    klaar = Path(tempfile.mkdtemp(dir=media.parent, prefix=f".{media.name}-nieuw-"))
    try:
        shutil.copytree(nieuw, klaar, dirs_exist_ok=True)
        if media.exists():
            os.chmod(klaar, stat.S_IMODE(media.stat().st_mode))
            oud = media.with_name(f".{media.name}-oud-{os.getpid()}")
            os.replace(media, oud)
            os.replace(klaar, media)
            shutil.rmtree(oud, ignore_errors=True)
        else:
            os.replace(klaar, media)
    except BaseException:
        shutil.rmtree(klaar, ignore_errors=True)
        raise


def backup_terugzetten(*, bron):
    """Replace database and media by the contents of a backup archive made by backup_maken.

    Raises BackupFout (Dutch) for an archive that is missing, damaged, unsafe or not ours; in
    that case nothing is changed.
    """
    bron = Path(bron)
    if not bron.is_file():
        raise BackupFout(f"Het archief {bron} bestaat niet.")
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        try:
            with tarfile.open(bron, "r:gz") as tar:
                leden = _leden_controleren(tar)
                _uitpakken(tar, leden, tmp)
        except (tarfile.TarError, EOFError, zlib.error, OSError) as fout:
            raise BackupFout(
                f"Het archief {bron.name} is beschadigd of geen .tar.gz-backup van Leernetwerk; "
                "niets teruggezet."
            ) from fout
        manifest = _manifest_lezen(tmp, leden)
        dbbestand = tmp / manifest["databasebestand"]
        _database_controleren(dbbestand)

        if connection.vendor == "sqlite":
            connection.ensure_connection()
            bronverbinding = sqlite3.connect(dbbestand)
            try:
                bronverbinding.backup(connection.connection)
            finally:
                bronverbinding.close()
        else:
            connection.close()
            env, args, naam = _pg_env()
            _uitvoeren(
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
                env,
                "pg_restore",
            )
        # What this process cached about the old database (content type ids, site roots) is
        # wrong now; the migrate and update_index that follow must see the restored rows.
        ContentType.objects.clear_cache()
        cache.clear()
        if (tmp / MEDIA).is_dir():
            _media_vervangen(tmp / MEDIA)
    return manifest

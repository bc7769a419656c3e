"""Files the platform writes hold confidential data: owner-only modes (files 0600, folders 0700)."""

import logging
import os
import stat
from pathlib import Path

PRIVE_BESTAND = 0o600
PRIVE_MAP = 0o700

logger = logging.getLogger("leernetwerk")


def _modus_zetten(pad, modus):
    """chmod `pad` to `modus` when it exists, is ours and differs; never fails the caller."""
    try:
        status = os.stat(pad)
        if stat.S_IMODE(status.st_mode) != modus and status.st_uid == os.geteuid():
            os.chmod(pad, modus)
    except FileNotFoundError:
        pass
    except OSError as fout:
        logger.warning("Kon de rechten van %s niet op %o zetten: %s", pad, modus, fout)


def prive_map(pad):
    """Create `pad` (and missing parents) as 0700, and tighten an existing one we own."""
    pad = Path(pad)
    ontbrekend = []
    ouder = pad
    while not ouder.exists() and ouder != ouder.parent:
        ontbrekend.append(ouder)
        ouder = ouder.parent
    for map in reversed(ontbrekend):
        map.mkdir(mode=PRIVE_MAP, exist_ok=True)
    _modus_zetten(pad, PRIVE_MAP)
    return pad


def prive_map_aanscherpen(pad):
    """Tighten an existing folder we own to 0700 (creates nothing)."""
    _modus_zetten(pad, PRIVE_MAP)


def prive_bestand(pad):
    """Tighten an existing file we own to 0600."""
    _modus_zetten(pad, PRIVE_BESTAND)


def sqlite_beveiligen(sender, connection, **kwargs):
    """connection_created: the SQLite file (and its -wal/-shm/-journal) readable by us only.

    SQLite creates the database with the process umask (usually 0644) and gives its -wal and
    -shm files the mode of the database, so tightening the database covers later ones too.
    """
    if connection.vendor != "sqlite" or connection.is_in_memory_db():
        return
    naam = str(connection.settings_dict["NAME"])
    for achtervoegsel in ("", "-wal", "-shm", "-journal"):
        prive_bestand(naam + achtervoegsel)

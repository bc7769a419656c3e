"""Backup and restore: a full round trip, refused archives, rotation and file modes.

The round trip runs in-process on the test database (SQLite, or PostgreSQL when DATABASE_URL
points there, as under scripts/met-postgres.sh): make a little of everything, back up, empty the
installation, restore, and compare every table's row count and a few searches.
"""

import datetime
import io
import json
import os
import shutil
import stat
import tarfile
import tempfile

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.db import connection
from django.utils import timezone
from wagtail.models import Page

from cms.backup import backups_in
from cms.bestanden import prive_map
from cms.demo import organisaties_en_gebruikers_laden
from cms.models import Organisatie
from kennisbank.models import InterventieschemaPage
from leernetwerk import services
from leernetwerk.methoden import methoden_laden
from leernetwerk.models import Intervisiemethode, Intervisiesessie, Methodestap
from tests.conftest import migratiedata_herstellen
from tests.search.conftest import INTERVENTIES, interventie_maken

ZOEKVRAGEN = ["jongeren", "werk", "schulden", "rijbewijs"]


def _modus(pad):
    return stat.S_IMODE(os.stat(pad).st_mode)


def _tellingen():
    with connection.cursor() as cursor:
        tabellen = connection.introspection.table_names(cursor)
        tellingen = {}
        for tabel in tabellen:
            cursor.execute(f"SELECT COUNT(*) FROM {connection.ops.quote_name(tabel)}")  # noqa: S608
            tellingen[tabel] = cursor.fetchone()[0]
    return tellingen


def _zoekresultaten():
    return {
        q: (
            [p.title for p in Page.objects.live().search(q)],
            sorted(s.pk for s in Intervisiesessie.objects.search(q)),
        )
        for q in ZOEKVRAGEN
    }


@pytest.fixture
def mappen(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.SEARCH_INDEX_DIR = tmp_path / "zoekindex"
    settings.BACKUP_DIR = tmp_path / "backups"
    return tmp_path


def _gegevens_maken(media):
    gebruikers = organisaties_en_gebruikers_laden()
    schema = InterventieschemaPage.objects.first()
    for titel, samenvatting, fases, doelgroepen in INTERVENTIES[:6]:
        interventie_maken(schema, titel, samenvatting, fases, doelgroepen)
    methoden_laden(Intervisiemethode, Methodestap)
    groep = services.groep_aanmaken(
        naam="Intervisie Jongeren",
        slug="intervisie-jongeren",
        organisaties=[Organisatie.objects.get(slug="noordwaarde")],
        leden=[gebruikers["daan.mulder"], gebruikers["lotte.jansen"]],
    )
    sessie = services.sessie_plannen(
        groep=groep,
        methode=Intervisiemethode.objects.get(slug="incidentmethode"),
        datum=timezone.localdate(),
        start=datetime.time(13, 30),
        eind=datetime.time(15, 0),
    )
    sessie.casus = "Jongere wil eerst zijn rijbewijs halen voordat hij werk zoekt."
    sessie.save()
    (media / "documents").mkdir(parents=True)
    (media / "documents" / "werkinstructie.txt").write_text("Stap 1: bellen.")


@pytest.mark.django_db(transaction=True)
def test_round_trip_restores_every_table_and_the_search_results(mappen):
    _gegevens_maken(mappen / "media")
    call_command("update_index", verbosity=0)
    voor, gezocht = _tellingen(), _zoekresultaten()
    assert gezocht["jongeren"][0] and gezocht["rijbewijs"][1]  # the searches find something

    uit = io.StringIO()
    call_command("backup_maken", stdout=uit)
    (archief,) = (pad for pad, _moment in backups_in(mappen / "backups"))
    assert str(archief) in uit.getvalue()
    assert _modus(archief) == 0o600 and _modus(mappen / "backups") == 0o700

    # An empty installation: freshly migrated data only, no media, no search index.
    call_command("flush", interactive=False, verbosity=0)
    migratiedata_herstellen()
    shutil.rmtree(mappen / "media")
    shutil.rmtree(mappen / "zoekindex")
    assert not get_user_model().objects.exists()
    assert _tellingen() != voor

    uit = io.StringIO()
    call_command("backup_terugzetten", str(archief), "--ja", stdout=uit)
    assert "teruggezet" in uit.getvalue()
    assert _tellingen() == voor
    assert _zoekresultaten() == gezocht
    assert (mappen / "media" / "documents" / "werkinstructie.txt").read_text() == (
        "Stap 1: bellen."
    )


# --- Refused archives --------------------------------------------------------------------------


def _manifest(**anders):
    return {
        "gemaakt": "2026-01-01T00:00:00+00:00",
        "database": connection.vendor,
        "databasebestand": {"sqlite": "database.sqlite3"}.get(connection.vendor, "database.pgdump"),
        "migraties": [],
        **anders,
    }


def _archief(pad, leden, manifest=None):
    """A .tar.gz with a manifest, a database file and then `leden` ((TarInfo, bytes) pairs)."""
    manifest = manifest or _manifest()
    with tarfile.open(pad, "w:gz") as tar:
        for naam, data in (
            ("manifest.json", json.dumps(manifest).encode()),
            (manifest["databasebestand"], b"niet echt"),
        ):
            info = tarfile.TarInfo(naam)
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
        for info, data in leden:
            if data is not None:
                info.size = len(data)
            tar.addfile(info, io.BytesIO(data) if data is not None else None)
    return pad


def _lid(naam, soort=tarfile.REGTYPE, linkname="", data=b"", **velden):
    info = tarfile.TarInfo(naam)
    info.type = soort
    info.linkname = linkname
    for veld, waarde in velden.items():
        setattr(info, veld, waarde)
    return info, (data if soort == tarfile.REGTYPE else None)


def _kwaadaardig(tmp_path):
    buiten = tmp_path / "buiten"
    return {
        "absoluut pad": ([_lid(str(buiten / "absoluut.txt"), data=b"x")], "absoluut pad"),
        "..": ([_lid("media/../../../buiten/omhoog.txt", data=b"x")], "'..'"),
        "symlink naar buiten": (
            [
                _lid("media/link", tarfile.SYMTYPE, linkname=str(buiten)),
                _lid("media/link/via-link.txt", data=b"x"),
            ],
            "koppeling naar buiten",
        ),
        "relatieve symlink naar buiten": (
            [_lid("media/link", tarfile.SYMTYPE, linkname="../../buiten")],
            "koppeling naar buiten",
        ),
        "hardlink naar buiten": (
            [_lid("media/hard", tarfile.LNKTYPE, linkname=str(tmp_path / "geheim.txt"))],
            "koppeling naar buiten",
        ),
        "pad via een symlink binnen": (
            [
                _lid("media/map", tarfile.SYMTYPE, linkname="."),
                _lid("media/map/x.txt", data=b"x"),
            ],
            "via een koppeling",
        ),
        "apparaat": (
            [_lid("media/null", tarfile.CHRTYPE, devmajor=1, devminor=3)],
            "apparaat- of fifo-bestand",
        ),
        "fifo": ([_lid("media/pijp", tarfile.FIFOTYPE)], "apparaat- of fifo-bestand"),
        "vreemd bestand": ([_lid("etc/cron.d/job", data=b"x")], "onverwacht bestand"),
    }


SOORTEN = [
    "absoluut pad",
    "..",
    "symlink naar buiten",
    "relatieve symlink naar buiten",
    "hardlink naar buiten",
    "pad via een symlink binnen",
    "apparaat",
    "fifo",
    "vreemd bestand",
]


@pytest.fixture
def installatie(db, mappen, monkeypatch):
    """Media with one file, a user, and temporary folders inside tmp_path (to see escapes)."""
    (mappen / "media").mkdir()
    (mappen / "media" / "bestaand.txt").write_text("blijft")
    (mappen / "geheim.txt").write_text("geheim")
    (mappen / "werk").mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(mappen / "werk"))
    get_user_model().objects.create_user("blijft", password="x")
    return mappen


def _niets_veranderd(tmp_path):
    assert not (tmp_path / "buiten").exists()
    assert (tmp_path / "geheim.txt").read_text() == "geheim"
    assert sorted(p.name for p in (tmp_path / "media").iterdir()) == ["bestaand.txt"]
    assert list((tmp_path / "werk").iterdir()) == []  # nothing left half-extracted
    assert list(get_user_model().objects.values_list("username", flat=True)) == ["blijft"]


@pytest.mark.parametrize("soort", SOORTEN)
def test_unsafe_archive_is_refused_with_a_dutch_message_and_nothing_written(installatie, soort):
    leden, melding = _kwaadaardig(installatie)[soort]
    archief = _archief(installatie / "kwaad.tar.gz", leden)
    with pytest.raises(CommandError) as fout:
        call_command("backup_terugzetten", str(archief), "--ja")
    assert str(fout.value).startswith("Terugzetten mislukt: Het archief bevat")
    assert melding in str(fout.value) and "niets teruggezet" in str(fout.value).lower()
    _niets_veranderd(installatie)


def _afgekapt(pad):
    with tarfile.open(pad, "w:gz") as tar:
        data = os.urandom(200_000)
        info = tarfile.TarInfo("manifest.json")
        info.size = len(data)
        tar.addfile(info, io.BytesIO(data))
    pad.write_bytes(pad.read_bytes()[:5000])


@pytest.mark.parametrize(
    "maken, melding",
    [
        (lambda p: p.write_bytes(b"dit is geen archief"), "beschadigd of geen .tar.gz-backup"),
        (_afgekapt, "beschadigd of geen .tar.gz-backup"),
        (lambda p: _archief(p, [], manifest=_manifest(database="oracle")), "Deze backup is van"),
        (lambda p: _archief(p, []), "databasebestand in de backup is beschadigd"),
        (
            lambda p: _archief(p, [], manifest=_manifest(migraties=[["cms", "9999_toekomst"]])),
            "nieuwere versie van Leernetwerk",
        ),
        (lambda p: None, "bestaat niet"),
    ],
    ids=["geen-gzip", "afgekapt", "andere-database", "kapotte-database", "nieuwer", "ontbreekt"],
)
def test_damaged_or_foreign_archive_gives_a_dutch_message_not_a_traceback(
    installatie, maken, melding
):
    archief = installatie / "kapot.tar.gz"
    maken(archief)
    with pytest.raises(CommandError) as fout:
        call_command("backup_terugzetten", str(archief), "--ja")
    assert melding in str(fout.value)
    _niets_veranderd(installatie)


# --- Rotation and file modes -------------------------------------------------------------------


def test_backups_rotate_to_the_configured_count_and_are_owner_only(db, mappen, settings):
    settings.BACKUP_BEWAAR_AANTAL = 2
    map = mappen / "backups"
    map.mkdir(mode=0o755)
    os.chmod(map, 0o755)
    (map / "leernetwerk-20200101-120000.tar.gz").write_bytes(b"oud")
    (map / "notities.txt").write_text("niet van ons")
    for _ in range(3):
        call_command("backup_maken", stdout=io.StringIO())
    over = backups_in(map)
    assert len(over) == 2
    assert all(moment.year == timezone.now().year for _pad, moment in over)
    assert (map / "notities.txt").exists()  # only our own archives rotate
    assert _modus(map) == 0o700
    assert {_modus(pad) for pad, _moment in over} == {0o600}


def test_backup_to_a_chosen_path_is_owner_only_and_not_rotated(db, mappen, settings):
    settings.BACKUP_BEWAAR_AANTAL = 1
    doel = mappen / "elders" / "backup.tar.gz"
    for naam in ("een.tar.gz", "twee.tar.gz"):
        call_command("backup_maken", "--uitvoer", str(doel.with_name(naam)), stdout=io.StringIO())
    assert sorted(p.name for p in doel.parent.iterdir()) == ["een.tar.gz", "twee.tar.gz"]
    assert _modus(doel.with_name("een.tar.gz")) == 0o600


@pytest.fixture
def ruime_umask():
    oud = os.umask(0o022)
    yield
    os.umask(oud)


def test_sqlite_database_and_its_wal_files_are_owner_only(tmp_path, ruime_umask, django_db_blocker):
    from django.db.backends.sqlite3.base import DatabaseWrapper

    pad = tmp_path / "leernetwerk.sqlite3"
    wrapper = DatabaseWrapper(
        {
            **connection.settings_dict,
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": str(pad),
            "OPTIONS": {"init_command": "PRAGMA journal_mode=WAL;"},
        },
        alias="modustest",
    )
    try:
        with django_db_blocker.unblock(), wrapper.cursor() as cursor:
            cursor.execute("CREATE TABLE t (x)")
            cursor.execute("INSERT INTO t VALUES (1)")
            bestanden = [
                pad,
                tmp_path / "leernetwerk.sqlite3-wal",
                tmp_path / "leernetwerk.sqlite3-shm",
            ]
            assert all(p.exists() for p in bestanden)
            assert {p.name: _modus(p) for p in bestanden} == {p.name: 0o600 for p in bestanden}
    finally:
        wrapper.close()


def test_var_and_search_index_folders_are_owner_only(tmp_path, settings, ruime_umask):
    from cms.search.backend import Opslag

    assert _modus(prive_map(tmp_path / "var" / "diep")) == 0o700
    assert _modus(tmp_path / "var") == 0o700
    Opslag(tmp_path / "zoekindex").nieuwe_generatie()
    assert _modus(tmp_path / "zoekindex") == 0o700
    # An existing var folder is tightened when the platform starts.
    from django.apps import apps

    bestaand = tmp_path / "oude-var"
    bestaand.mkdir(mode=0o755)
    settings.VAR_DIR = bestaand
    apps.get_app_config("cms").ready()
    assert _modus(bestaand) == 0o700

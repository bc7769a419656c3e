"""Issue 19.5: during a large import the site keeps answering. A login while the import runs
succeeds, because the import commits batch by batch and the SQLite write lock is free between
them. Runs in its own process against a file database, as the site does (WAL, busy timeout)."""

import json
import subprocess
import sys
from pathlib import Path

SCRIPT = Path(__file__).with_name("gelijktijdig.py")


def test_a_login_during_a_large_import_succeeds(tmp_path):
    proces = subprocess.run(
        [sys.executable, str(SCRIPT), str(tmp_path / "db.sqlite3"), "1500"],
        capture_output=True,
        text=True,
        timeout=900,
        cwd=SCRIPT.parents[2],
    )
    assert proces.returncode == 0, proces.stderr[-3000:]
    uitkomst = json.loads(proces.stdout.strip().splitlines()[-1])
    assert uitkomst["import_liep_bij_inloggen"], uitkomst
    assert uitkomst["login_status"] == 302, uitkomst
    assert uitkomst["import_liep_na_inloggen"], f"the login waited for the import: {uitkomst}"
    assert uitkomst.get("import_fout") is None and uitkomst["nieuw"] == 1500, uitkomst

"""Browser tests: Playwright driving Debian's chromium against Django's live server.

They are skipped (with the reason) when /usr/bin/chromium is missing; `make test` installs it
when run as root. A failing test leaves a screenshot in test-results/.
"""

import contextlib
import os
import shutil
from pathlib import Path

import pytest

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
RESULTATEN = Path(__file__).resolve().parent.parent.parent / "test-results"

# Playwright's sync API runs an event loop; Django must allow ORM calls from the test thread.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def pytest_collection_modifyitems(config, items):
    if Path(CHROMIUM).exists() or shutil.which("chromium"):
        return
    overslaan = pytest.mark.skip(
        reason="chromium ontbreekt: installeer met 'sudo apt-get install chromium'"
    )
    for item in items:
        if "e2e" in item.keywords:
            item.add_marker(overslaan)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
        ],
    }


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    return {**browser_context_args, "locale": "nl-NL"}


@pytest.hookimpl(tryfirst=True, hookwrapper=True)
def pytest_runtest_makereport(item, call):
    uitkomst = yield
    rapport = uitkomst.get_result()
    if rapport.when == "call" and rapport.failed and "page" in item.funcargs:
        RESULTATEN.mkdir(exist_ok=True)
        # A screenshot must never hide the real failure.
        with contextlib.suppress(Exception):
            item.funcargs["page"].screenshot(
                path=str(RESULTATEN / f"{item.name}.png"), full_page=True
            )


@pytest.fixture
def inloggen(live_server, page, demo_gebruikers, wachtwoord):
    """Log in through the real login form; returns the page."""

    def _inloggen(username):
        page.goto(f"{live_server.url}/inloggen/")
        page.get_by_label("Gebruikersnaam").fill(username)
        page.get_by_label("Wachtwoord").fill(wachtwoord)
        page.get_by_role("button", name="Inloggen").click()
        page.wait_for_url(f"{live_server.url}/")
        return page

    return _inloggen

"""Shared fixtures: the demo organisations and users, one client per role, the whole demo."""

import io

import pytest
from django.db import transaction

from cms.demo import demo_wachtwoord, inhoud_laden, organisaties_en_gebruikers_laden


@pytest.fixture
def demo_gebruikers(db):
    return organisaties_en_gebruikers_laden()


@pytest.fixture(scope="module")
def _demo_voor_module(django_db_setup, django_db_blocker):
    """The whole demo, loaded once per test module in a transaction rolled back at its end.

    Each test then runs in a savepoint inside it (as Django's TestCase.setUpTestData), so what
    a test changes is gone for the next. Every test of such a module must ask for `demo_module`:
    a test that does not would still see the demo.
    """
    with django_db_blocker.unblock():
        buiten = transaction.atomic()
        buiten.__enter__()
        try:
            organisaties_en_gebruikers_laden()
            inhoud_laden(io.StringIO())
            yield
        finally:
            transaction.set_rollback(True)
            buiten.__exit__(None, None, None)


@pytest.fixture
def demo_module(_demo_voor_module, demo_gebruikers):
    """The whole demo content (loaded once for the module); returns the demo users."""
    return demo_gebruikers


@pytest.fixture
def client_als(client, demo_gebruikers):
    """Return a function that logs the test client in as a demo user."""

    def inloggen(username):
        client.force_login(demo_gebruikers[username])
        return client

    return inloggen


@pytest.fixture
def wachtwoord():
    return demo_wachtwoord()


EIGEN_APPS = {
    "cms",
    "zoeken",
    "kennisbank",
    "handreiking",
    "oefeningen",
    "leernetwerk",
    "leercyclus",
    "herinneringen",
}


def migratiedata_herstellen():
    """Recreate what migrations put in the database: Wagtail's root page and collection, then
    every RunPython step of our own apps in dependency order, then post_migrate again (roles,
    and page rights such as trainers publishing below the oefeningen index, need the pages).

    Transactional tests (browser, live server) flush the database afterwards, data migrations
    included; the tests after them need that data back exactly as a fresh install has it.
    """
    from django.apps import apps
    from django.conf import settings
    from django.core.management.sql import emit_post_migrate_signal
    from django.db import connection
    from django.db.migrations.loader import MigrationLoader
    from django.db.migrations.operations import RunPython
    from django.utils.translation import get_supported_language_variant
    from wagtail.models import Collection, Locale, Page

    if Page.get_first_root_node() is None:
        taal = get_supported_language_variant(settings.LANGUAGE_CODE)
        locale, _ = Locale.objects.get_or_create(language_code=taal)
        Page.add_root(instance=Page(title="Root", slug="root", locale=locale))
    if Collection.get_first_root_node() is None:
        Collection.add_root(name="Root")
    loader = MigrationLoader(connection)
    gedaan = set()
    for blad in sorted(n for n in loader.graph.leaf_nodes() if n[0] in EIGEN_APPS):
        for sleutel in loader.graph.forwards_plan(blad):
            if sleutel in gedaan or sleutel[0] not in EIGEN_APPS:
                continue
            gedaan.add(sleutel)
            for operatie in loader.graph.nodes[sleutel].operations:
                if isinstance(operatie, RunPython):
                    operatie.code(apps, None)
    emit_post_migrate_signal(0, False, connection.alias)


def _transactioneel(item):
    marker = item.get_closest_marker("django_db")
    if marker and (marker.kwargs.get("transaction") or marker.kwargs.get("reset_sequences")):
        return True
    return bool({"transactional_db", "live_server"} & set(getattr(item, "fixturenames", ())))


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_teardown(item, nextitem):
    """After a transactional test has flushed the database, put back what migrations made.

    Restoring right after the flush (not before the next transactional test) matters when
    the suite runs on several workers: a worker may run ordinary tests of another file after a
    browser test, and they expect the database as a fresh install has it.
    """
    yield
    # After the last test the session's fixtures are gone, the test database with them.
    if nextitem is not None and _transactioneel(item):
        from pytest_django.plugin import blocking_manager_key

        from cms.models import HomePage

        with item.config.stash[blocking_manager_key].unblock():
            if not HomePage.objects.exists():
                migratiedata_herstellen()

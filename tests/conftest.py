"""Shared fixtures: the demo organisations and users, one client per role."""

import pytest

from cms.demo import demo_wachtwoord, organisaties_en_gebruikers_laden


@pytest.fixture
def demo_gebruikers(db):
    return organisaties_en_gebruikers_laden()


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
}


def migratiedata_herstellen():
    """Recreate what migrations put in the database: Wagtail's root page and collection, then
    every RunPython step of our own apps in dependency order, then the roles (post_migrate).

    Transactional tests (browser, live server) flush the database afterwards, data migrations
    included; the tests after them need that data back exactly as a fresh install has it.
    """
    from django.apps import apps
    from django.conf import settings
    from django.db import connection
    from django.db.migrations.loader import MigrationLoader
    from django.db.migrations.operations import RunPython
    from django.utils.translation import get_supported_language_variant
    from wagtail.models import Collection, Locale, Page

    from cms.rollen import rollen_inrichten

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
    rollen_inrichten()


@pytest.fixture(autouse=True)
def _migratiedata_na_flush(request):
    """Give every transactional test a database as freshly migrated (see above)."""
    marker = request.node.get_closest_marker("django_db")
    if marker and marker.kwargs.get("transaction"):
        request.getfixturevalue("transactional_db")
        from cms.models import HomePage

        if not HomePage.objects.exists():
            migratiedata_herstellen()

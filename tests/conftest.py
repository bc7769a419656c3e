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


def pytest_collection_modifyitems(items):
    """Transactional tests (browser, backup) flush the database afterwards, which would also
    remove what data migrations created (home page, taxonomies, roles) for the tests that follow.
    Serialized rollback restores it, so every test sees a freshly migrated database."""
    for item in items:
        marker = item.get_closest_marker("django_db")
        if (
            marker
            and marker.kwargs.get("transaction")
            and not marker.kwargs.get("serialized_rollback")
        ):
            item.add_marker(
                pytest.mark.django_db(*marker.args, **marker.kwargs, serialized_rollback=True),
                append=False,
            )

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

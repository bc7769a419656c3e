"""Who is signed in, read with prepared queries (see cms.voorbereid) on every request.

Django's session store and ModelBackend build and compile the same two queries for every
request; these send their SQL. Everything else (writing sessions, expiry, deleting at logout,
refusing an inactive account, the password hash check) is Django's. `SESSION_ENGINE` names this
module, `AUTHENTICATION_BACKENDS` its `Wachtwoordbackend`; the tables are Django's.
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.contrib.sessions.backends import db
from django.utils import timezone

from cms.voorbereid import voorbereid


@voorbereid
def _sessie(sleutel, nu):
    from django.contrib.sessions.models import Session

    return Session.objects.filter(session_key=sleutel, expire_date__gt=nu)


class SessionStore(db.SessionStore):
    def _get_session_from_db(self):
        rijen = _sessie(self.session_key, timezone.now())
        if rijen:
            return rijen[0]
        self._session_key = None
        return None


@voorbereid
def _gebruiker(user_id):
    return get_user_model()._default_manager.filter(pk=user_id)


def actieve_gebruiker(backend, user_id):
    """The account of a session, or None when it is gone or may not sign in (inactive)."""
    try:
        rijen = _gebruiker(int(user_id))
    except (TypeError, ValueError):
        return None
    return rijen[0] if rijen and backend.user_can_authenticate(rijen[0]) else None


class Wachtwoordbackend(ModelBackend):
    """Django's username/password backend; only the read of the signed-in user is prepared."""

    def get_user(self, user_id):
        return actieve_gebruiker(self, user_id)

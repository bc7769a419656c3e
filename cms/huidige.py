"""The user of the request being handled, for audit lines written deep inside model signals."""

from contextlib import contextmanager
from contextvars import ContextVar

_gebruiker = ContextVar("leernetwerk_gebruiker", default=None)


def huidige_gebruiker():
    return _gebruiker.get()


@contextmanager
def zonder_huidige_gebruiker():
    """Run a change as the system, not as the request's user (e.g. roles set by an OIDC login,
    which writes its own audit lines)."""
    token = _gebruiker.set(None)
    try:
        yield
    finally:
        _gebruiker.reset(token)


class HuidigeGebruikerMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        token = _gebruiker.set(user if user is not None and user.is_authenticated else None)
        try:
            return self.get_response(request)
        finally:
            _gebruiker.reset(token)

"""The user of the request being handled, for audit lines written deep inside model signals."""

from contextvars import ContextVar

_gebruiker = ContextVar("leernetwerk_gebruiker", default=None)


def huidige_gebruiker():
    return _gebruiker.get()


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

"""The user of the request being handled, for audit lines written deep inside model signals;
and reads shared by the parts of one page (`gedeeld_lezen`)."""

from contextlib import contextmanager
from contextvars import ContextVar
from functools import wraps

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


# --- Reads shared within one block of work ------------------------------------------------------


class Blok:
    """A dict shared by all code inside one `with blok.delen():` block of work; a block opened
    inside another shares the outer one. `geheugen()` is that dict, or None outside a block."""

    def __init__(self, naam):
        self._var = ContextVar(naam, default=None)

    @contextmanager
    def delen(self):
        if self._var.get() is not None:  # inside a block already: share that one
            yield
            return
        token = self._var.set({})
        try:
            yield
        finally:
            self._var.reset(token)

    def geheugen(self):
        return self._var.get()


_gedeeld = Blok("leernetwerk_gedeeld")


def gedeeld_lezen():
    """Within this block, functions marked `@eenmaal_per_blok` run once per arguments.

    The home page's tiles ask the same things (the user's module progress, unread feedback):
    the reminders tile lists what is due, the module and feedback tiles show the same rows in
    full. The block is the building of one page, so nothing written later can be missed; outside
    a block (views that write, the e-mail task) every call reads afresh.
    """
    return _gedeeld.delen()


def blokgeheugen():
    """The dict of the current `gedeeld_lezen` block, or None outside one."""
    return _gedeeld.geheugen()


def eenmaal_per_blok(functie):
    @wraps(functie)
    def binnen(*args, **kwargs):
        geheugen = _gedeeld.geheugen()
        if geheugen is None:
            return functie(*args, **kwargs)
        sleutel = (functie, args, tuple(sorted(kwargs.items())))
        if sleutel not in geheugen:
            geheugen[sleutel] = functie(*args, **kwargs)
        return geheugen[sleutel]

    return binnen

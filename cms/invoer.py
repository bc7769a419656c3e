"""Web input the platform does not trust: ids, return addresses and invisible control characters.

- `id_uit` reads an id from a query string or a POST: anything but a plain positive number
  that fits the database ("abc", "-1", thirty digits) is no id, so the object is simply not
  found (404) instead of a ValueError or OverflowError.
- `ModelKeuze` / `ModelKeuzes`: Django's model choice fields with the same check, so a form
  answers "Selecteer een geldige keuze" at the field. The Wagtail admin gets them for its
  many-to-many fields in cms/wagtail_hooks.py.
- `terugweg`: the `next` a form posts, only when it is a path on this site; never reversed as a
  URL name (`redirect("abc")` would raise NoReverseMatch).
- `StuurtekensMiddleware`: strips C0 control characters (all but tab, newline and carriage
  return) and DEL from every GET and POST value, before any form or the admin sees them. They are
  invisible (Word's line break \\x0b, a NUL), no one means to type them, and they break what
  reads the text later (an XLSX export, PostgreSQL's text columns).
"""

import contextlib
import re

from django import forms
from django.http import QueryDict
from django.utils.http import url_has_allowed_host_and_scheme

# Largest id any of our databases stores (a signed 64-bit integer: SQLite, PostgreSQL bigint).
MAX_ID = 2**63 - 1
_ID = re.compile(r"[0-9]{1,19}")

STUURTEKENS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def id_uit(waarde):
    """The id in `waarde` (a str from GET/POST) as an int, or None when it is no usable id."""
    if isinstance(waarde, int) and not isinstance(waarde, bool):
        waarde = str(waarde)
    if not isinstance(waarde, str):
        return None
    waarde = waarde.strip()
    if not _ID.fullmatch(waarde):
        return None
    getal = int(waarde)
    return getal if 0 < getal <= MAX_ID else None


def terugweg(request, waarde, standaard):
    """`waarde` when it is a path on this site (as a `next` field sends it), else `standaard`."""
    if (
        isinstance(waarde, str)
        and waarde.startswith("/")
        and url_has_allowed_host_and_scheme(
            waarde, allowed_hosts={request.get_host()}, require_https=request.is_secure()
        )
    ):
        return waarde
    return standaard


def _heeft_getal_als_sleutel(veld):
    """Whether the field looks its choices up by an integer primary key."""
    if veld.to_field_name:
        return False
    sleutel = veld.queryset.model._meta.pk
    while sleutel.is_relation:  # a page subclass: its pk is the link to Page
        sleutel = sleutel.target_field
    return sleutel.get_internal_type() in {
        "AutoField",
        "BigAutoField",
        "SmallAutoField",
        "IntegerField",
        "BigIntegerField",
        "SmallIntegerField",
        "PositiveIntegerField",
        "PositiveBigIntegerField",
        "PositiveSmallIntegerField",
    }


class _GeldigeSleutelMixin:
    def _sleutel_controleren(self, waarde):
        if (
            isinstance(waarde, (str, int))
            and _heeft_getal_als_sleutel(self)
            and id_uit(waarde) is None
        ):
            raise forms.ValidationError(
                self.error_messages["invalid_choice"],
                code="invalid_choice",
                params={"value": waarde},
            )


class ModelKeuze(_GeldigeSleutelMixin, forms.ModelChoiceField):
    """ModelChoiceField that refuses a value which cannot be an id, before asking the database."""

    def to_python(self, value):
        if value not in self.empty_values:
            self._sleutel_controleren(value)
        return super().to_python(value)


class ModelKeuzes(_GeldigeSleutelMixin, forms.ModelMultipleChoiceField):
    """ModelMultipleChoiceField that refuses values which cannot be ids (see ModelKeuze)."""

    def _check_values(self, value):
        try:
            waarden = frozenset(value)
        except TypeError:
            waarden = ()  # Django reports the malformed list itself
        for waarde in waarden:
            self._sleutel_controleren(waarde)
        return super()._check_values(value)


def zonder_stuurtekens(tekst):
    return STUURTEKENS.sub("", tekst)


def _querydict_zonder_stuurtekens(gegevens):
    """The same QueryDict, or a cleaned copy when a key or value holds a control character."""
    if not any(
        STUURTEKENS.search(sleutel) or any(STUURTEKENS.search(w) for w in waarden)
        for sleutel, waarden in gegevens.lists()
    ):
        return gegevens
    schoon = QueryDict(mutable=True, encoding=gegevens.encoding)
    for sleutel, waarden in gegevens.lists():
        schoon.setlist(zonder_stuurtekens(sleutel), [zonder_stuurtekens(w) for w in waarden])
    schoon._mutable = False
    return schoon


class StuurtekensMiddleware:
    """Strip invisible control characters from every GET and form POST value (see above)."""

    FORMULIEREN = ("application/x-www-form-urlencoded", "multipart/form-data")

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.GET = _querydict_zonder_stuurtekens(request.GET)
        if request.method == "POST" and request.content_type in self.FORMULIEREN:
            # A client that went away mid-upload (OSError): CsrfViewMiddleware answers that.
            with contextlib.suppress(OSError):
                request.POST = _querydict_zonder_stuurtekens(request.POST)
        return self.get_response(request)


def fout_bij_velden(form, fout):
    """Show a service's ValidationError on the form: each message at its field when the form
    has that field, otherwise above the form. (form.add_error(None, fout) refuses a dict
    naming a field the form does not have.)"""
    if not hasattr(fout, "error_dict"):
        form.add_error(None, fout)
        return
    for veld, fouten in fout.error_dict.items():
        form.add_error(veld if veld in form.fields else None, fouten)

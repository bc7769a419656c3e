"""Form widgets shared by every app.

A browser's `<input type="date">` only shows a value in ISO form (2026-01-01); a Dutch
`01-01-2026` looks empty and fails the browser's own required check, so the form seems to do
nothing. These widgets always write ISO, whatever the active locale; the fields still read it.
"""

from django import forms


class DatumInvoer(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%Y-%m-%d")


class TijdInvoer(forms.TimeInput):
    input_type = "time"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%H:%M")

"""Fases with their series, so a page shows "Methodisch handelen: besluitvorming" beside a
trajectfase (see templates/includes/fases.html)."""

from django import template

register = template.Library()


@register.filter
def met_reeks(fases):
    """The fases of a relation (or a list) with their reeks loaded: one query, not one per fase.

    Standard-series fases (the schema's trajectfasen) first, then the other series in order."""
    if hasattr(fases, "all"):
        fases = fases.all()
        # Prefetched (with their reeks, see the lists' selectors): use what is there.
        if getattr(fases, "_result_cache", None) is None and hasattr(fases, "select_related"):
            fases = fases.select_related("reeks")
    return sorted(fases, key=lambda f: (not f.reeks.standaard, f.reeks.volgorde, f.volgorde))

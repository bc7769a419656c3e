from django import template

from leernetwerk.leercyclus.selectors import cel_tekst

register = template.Library()


@register.filter
def getal(waarde):
    """A number or date the way the dashboard and the exports write it: 3,5 · 12 · 01-02-2026."""
    return cel_tekst(waarde)

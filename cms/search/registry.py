"""What site-wide search covers. Each app registers its own searchable types.

An app registers a `zoekbare_typen` hook (in its wagtail_hooks.py) returning a list of
ZoekType. Search asks each type for the queryset the user may see, so confidential records
(intervisie) are filtered by group membership before any text matching happens.
Badges and facets read the object's `fases` and `doelgroepen` (many-to-many), when present.
"""

from collections.abc import Callable
from dataclasses import dataclass

from wagtail import hooks


@dataclass(frozen=True)
class ZoekType:
    slug: str  # facet value and ?type=, e.g. "interventie"
    label: str  # shown as the result's type, e.g. "Interventie"
    model: type  # an index.Indexed model (a Page subclass or a plain model)
    zichtbaar_voor: Callable  # zichtbaar_voor(user) -> queryset of objects this user may see
    url: Callable | None = None  # url(obj) -> str; default obj.url or obj.get_absolute_url()

    def url_van(self, obj):
        if self.url is not None:
            return self.url(obj)
        return getattr(obj, "url", None) or obj.get_absolute_url()


def zoekbare_typen():
    """All registered types, in hook registration order."""
    typen = []
    for hook in hooks.get_hooks("zoekbare_typen"):
        typen.extend(hook())
    return typen

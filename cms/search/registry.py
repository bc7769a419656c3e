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
    tekst: Callable | None = None  # tekst(obj) -> str for the result's fragment; default below
    # Relations the title or text reads (str(obj) naming a group), loaded with the objects.
    select_related: tuple = ()
    # True only when zichtbaar_voor gives every user the same objects (live pages) and their
    # changes make a new content version (cms.inhoudcache): search then shares their hits.
    voor_iedereen: bool = False

    def url_van(self, obj):
        if self.url is not None:
            return self.url(obj)
        return getattr(obj, "url", None) or obj.get_absolute_url()

    def tekst_van(self, obj):
        """Text for the highlighted fragment: `tekst`, else the model's own text fields.

        The default reads only the object's own SearchFields (no relations), so it costs
        no queries.
        """
        if self.tekst is not None:
            return self.tekst(obj)
        from modelsearch.index import SearchField

        from cms.search.backend import platte_tekst

        velden = {f.name for f in obj._meta.get_fields()}
        delen = []
        for veld in obj.get_search_fields():
            # Only real fields: callables and properties may query.
            if (
                isinstance(veld, SearchField)
                and veld.field_name != "title"
                and veld.field_name in velden
            ):
                delen.append(platte_tekst(veld.get_value(obj)))
        return " ".join(d for d in delen if d)

    def titel_van(self, obj):
        return getattr(obj, "title", None) or str(obj)


def zoekbare_typen():
    """All registered types, in hook registration order."""
    typen = []
    for hook in hooks.get_hooks("zoekbare_typen"):
        typen.extend(hook())
    return typen

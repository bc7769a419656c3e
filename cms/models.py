"""Models shared by every app: taxonomies, organisations, the home page."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page

from cms.activiteiten import Activiteit
from cms.audit import AuditRegel
from cms.huidige import gedeeld_lezen
from cms.inhoudcache import BeperkingenUitCache, Inhoudsversie
from cms.oidc import OidcIdentiteit
from cms.organisaties import Organisatie, Profiel, Team
from cms.taxonomie import (
    Basismethodiek,
    Doelgroep,
    Fase,
    FaseReeks,
    Klanttype,
    Ladder,
    Trede,
    WerkzaamElement,
)

__all__ = [
    "Activiteit",
    "AuditRegel",
    "Basismethodiek",
    "Doelgroep",
    "Fase",
    "FaseReeks",
    "HomePage",
    "Inhoudsversie",
    "Klanttype",
    "Ladder",
    "OidcIdentiteit",
    "Organisatie",
    "Profiel",
    "Team",
    "Trede",
    "WerkzaamElement",
]


class HomePage(BeperkingenUitCache, Page):
    """The start page: what the logged-in user should do next, gathered from every app."""

    intro = models.TextField(_("introductie"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    max_count = 1
    parent_page_types = ["wagtailcore.Page"]

    class Meta:
        verbose_name = _("startpagina")

    def route(self, request, path_components):
        """Wagtail's routing, with the pages along the path fetched in one query.

        Wagtail walks the tree one level per query (two with `.specific`); this fetches every
        page whose url_path is a prefix of the path at once and walks that list with the same
        rules: a live routable page answers its own sub-URLs first, a missing child is a 404,
        and only the page that answers is made specific.
        """
        from django.http import Http404
        from wagtail.contrib.routable_page.models import RoutablePageMixin

        if not path_components:
            return super().route(request, path_components)
        prefixen = [
            self.url_path + "".join(f"{deel}/" for deel in path_components[:i])
            for i in range(1, len(path_components) + 1)
        ]
        langs = {
            p.url_path: p
            for p in Page.objects.filter(url_path__in=prefixen, path__startswith=self.path)
        }
        pagina = self
        for i in range(len(path_components) + 1):
            rest = path_components[i:]
            soort = pagina.specific_class
            if soort is not None and issubclass(soort, RoutablePageMixin) and pagina.live:
                try:
                    soort.get_resolver().resolve("/" + "".join(f"{d}/" for d in rest))
                except Http404:
                    pass
                else:
                    return pagina.specific.route(request, rest)
            if not rest:
                return (
                    pagina.specific.route(request, rest)
                    if pagina is not self
                    else (super().route(request, rest))
                )
            volgende = langs.get(prefixen[i])
            if volgende is None:
                raise Http404
            volgende._cached_parent_obj = pagina
            pagina = volgende
        raise Http404  # not reached: the loop returns at the last component

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        tegels = []
        with gedeeld_lezen():  # tiles share reads: see cms.huidige
            for hook in hooks.get_hooks("home_tegels"):
                tegels.extend(hook(request) or [])
        context["tegels"] = sorted(tegels, key=lambda t: t.volgorde)
        return context

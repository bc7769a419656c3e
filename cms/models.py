"""Models shared by every app: taxonomies, organisations, the home page."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page

from cms.activiteiten import Activiteit
from cms.audit import AuditRegel
from cms.inhoudcache import Inhoudsversie
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
    "Organisatie",
    "Profiel",
    "Team",
    "Trede",
    "WerkzaamElement",
]


class HomePage(Page):
    """The start page: what the logged-in user should do next, gathered from every app."""

    intro = models.TextField(_("introductie"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    max_count = 1
    parent_page_types = ["wagtailcore.Page"]

    class Meta:
        verbose_name = _("startpagina")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        tegels = []
        for hook in hooks.get_hooks("home_tegels"):
            tegels.extend(hook(request) or [])
        context["tegels"] = sorted(tegels, key=lambda t: t.volgorde)
        return context

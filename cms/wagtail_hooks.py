from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.forms.models import register_form_field_override
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from cms.invoer import ModelKeuzes
from cms.models import (
    AuditRegel,
    Basismethodiek,
    Doelgroep,
    Fase,
    FaseReeks,
    Klanttype,
    Ladder,
    Organisatie,
    Team,
    Trede,
    WerkzaamElement,
)
from cms.tegels import Tegel

# Every many-to-many field in the admin (taxonomies on pages, ParentalManyToManyField included):
# an id that cannot exist is a field error, not an OverflowError from the database.
register_form_field_override(models.ManyToManyField, override={"form_class": ModelKeuzes})


def _viewset(taxonomie_model, extra_kolommen=(), filters=()):
    return type(
        f"{taxonomie_model.__name__}ViewSet",
        (SnippetViewSet,),
        {
            "model": taxonomie_model,
            "list_display": ["naam", "slug", *extra_kolommen, "volgorde"],
            "list_filter": list(filters),
            "search_fields": ["naam", "omschrijving"],
            "ordering": taxonomie_model._meta.ordering,
        },
    )


class TaxonomieGroep(SnippetViewSetGroup):
    menu_label = _("Taxonomie")
    menu_icon = "tag"
    menu_order = 300
    items = (
        _viewset(FaseReeks),
        _viewset(Fase, ["reeks"], ["reeks"]),
        _viewset(Doelgroep, ["bovenliggend"]),
        _viewset(Ladder, ["standaard"]),
        _viewset(Trede, ["ladder", "code", "bovenliggend"], ["ladder"]),
        _viewset(Klanttype),
        _viewset(WerkzaamElement),
        _viewset(Basismethodiek, ["soort"], ["soort"]),
    )


class OrganisatieViewSet(SnippetViewSet):
    model = Organisatie
    list_display = ["naam", "slug"]
    search_fields = ["naam"]


class TeamViewSet(SnippetViewSet):
    model = Team
    list_display = ["naam", "organisatie"]
    list_filter = ["organisatie"]
    search_fields = ["naam"]


class OrganisatieGroep(SnippetViewSetGroup):
    menu_label = _("Organisaties")
    menu_icon = "group"
    menu_order = 310
    items = (OrganisatieViewSet, TeamViewSet)


register_snippet(TaxonomieGroep)
register_snippet(OrganisatieGroep)


@hooks.register("home_tegels")
def zoek_tegel(request):
    return [
        Tegel(
            titel=_("Zoek in de kennisbank"),
            tekst=_(
                "Typ gewoon wat je zoekt, ook met afkortingen zoals MI, LVB of PVA: "
                "interventies, hoofdstukken, beslismomenten en oefeningen."
            ),
            url="/zoeken/",
            volgorde=90,
        )
    ]


class AuditlogViewSet(SnippetViewSet):
    """Read-only for beheerders: nobody has add/change rights on audit lines."""

    model = AuditRegel
    icon = "history"
    menu_label = _("Auditlog")
    menu_order = 320
    add_to_admin_menu = True
    list_display = ["moment", "actie", "gebruiker", "onderwerp", "reden"]
    list_filter = ["actie"]
    search_fields = ["onderwerp", "reden"]
    inspect_view_enabled = True


register_snippet(AuditlogViewSet)

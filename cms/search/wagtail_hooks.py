from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from cms.search.models import Synoniem


class SynoniemViewSet(SnippetViewSet):
    model = Synoniem
    menu_label = _("Synoniemen (zoeken)")
    icon = "search"
    menu_order = 310
    add_to_admin_menu = True
    list_display = ["term", "betekenis", "soort"]
    list_filter = ["soort"]
    search_fields = ["term", "betekenis"]
    ordering = ["term"]


register_snippet(SynoniemViewSet)

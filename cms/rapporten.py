"""Admin reports shared by the kennisbank apps: what is overdue for review (see cms.beoordeling)."""

from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import DateColumn, TitleColumn, UserColumn
from wagtail.admin.views.reports import ReportView
from wagtail.models import Page
from wagtail.permissions import policy_registry


class _BeoordelingenMenuItem(MenuItem):
    def is_shown(self, request):
        return policy_registry.get_by_type(Page).user_has_any_permission(
            request.user, ["add", "change", "publish"]
        )


class VerlopenBeoordelingenView(ReportView):
    """Report: items of `model` whose volgende beoordeling lies in the past, oldest first."""

    model = None
    header_icon = "time"
    any_permission_required = ["add", "change", "publish"]
    list_export = ["title", "eigenaar", "laatst_beoordeeld", "volgende_beoordeling", "live"]

    @property
    def permission_policy(self):
        return policy_registry.get_by_type(Page)

    def get_filename(self):
        return f"{self.bestandsnaam}-{timezone.localdate():%Y-%m-%d}"

    def get_queryset(self):
        return (
            self.model.objects.filter(volgende_beoordeling__lt=timezone.localdate())
            .select_related("eigenaar")
            .order_by("volgende_beoordeling", "path")
        )


def verlopen_rapport_registreren(model, *, naam, titel, soort, volgorde):
    """Register an overdue-review report for `model` in the admin and its Reports menu.

    `naam` prefixes the url names and path ("handreiking" -> handreiking_beoordelingen),
    `titel` is the report's title, `soort` the heading of the title column, `volgorde` its
    place in the menu.
    """
    velden = {
        "model": model,
        "page_title": titel,
        "index_url_name": f"{naam}_beoordelingen",
        "index_results_url_name": f"{naam}_beoordelingen_results",
        "bestandsnaam": f"{naam}-beoordeling-verlopen",
        "export_headings": {
            "title": soort,
            "eigenaar": _("Eigenaar"),
            "laatst_beoordeeld": _("Laatst beoordeeld"),
            "volgende_beoordeling": _("Volgende beoordeling"),
            "live": _("Gepubliceerd"),
        },
        "columns": [
            TitleColumn("title", label=soort, url_name="wagtailadmin_pages:edit"),
            UserColumn("eigenaar", label=_("Eigenaar")),
            DateColumn("laatst_beoordeeld", label=_("Laatst beoordeeld")),
            DateColumn("volgende_beoordeling", label=_("Volgende beoordeling")),
        ],
    }
    view = type(f"{model.__name__}BeoordelingenView", (VerlopenBeoordelingenView,), velden)
    urls = [
        path(f"{naam}/beoordelingen/", view.as_view(), name=f"{naam}_beoordelingen"),
        path(
            f"{naam}/beoordelingen/resultaten/",
            view.as_view(results_only=True),
            name=f"{naam}_beoordelingen_results",
        ),
    ]

    hooks.register("register_admin_urls", lambda: urls)
    hooks.register(
        "register_reports_menu_item",
        lambda: _BeoordelingenMenuItem(
            titel,
            reverse(f"{naam}_beoordelingen"),
            name=f"{naam}-beoordelingen",
            icon_name="time",
            order=volgorde,
        ),
    )

"""Admin views of the handreiking (reader views live on the page models as routes)."""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import DateColumn, TitleColumn, UserColumn
from wagtail.admin.views.reports import ReportView
from wagtail.models import Page
from wagtail.permissions import policy_registry

from kennisbank.handreiking.models import HoofdstukPage


class VerlopenBeoordelingenView(ReportView):
    """Report: chapters whose volgende beoordeling lies in the past, oldest first."""

    page_title = _("Handreiking: beoordeling verlopen")
    header_icon = "time"
    index_url_name = "handreiking_beoordelingen"
    index_results_url_name = "handreiking_beoordelingen_results"
    any_permission_required = ["add", "change", "publish"]
    list_export = ["title", "eigenaar", "laatst_beoordeeld", "volgende_beoordeling", "live"]
    export_headings = {
        "title": _("Hoofdstuk"),
        "eigenaar": _("Eigenaar"),
        "laatst_beoordeeld": _("Laatst beoordeeld"),
        "volgende_beoordeling": _("Volgende beoordeling"),
        "live": _("Gepubliceerd"),
    }
    columns = [
        TitleColumn("title", label=_("Hoofdstuk"), url_name="wagtailadmin_pages:edit"),
        UserColumn("eigenaar", label=_("Eigenaar")),
        DateColumn("laatst_beoordeeld", label=_("Laatst beoordeeld")),
        DateColumn("volgende_beoordeling", label=_("Volgende beoordeling")),
    ]

    @property
    def permission_policy(self):
        return policy_registry.get_by_type(Page)

    def get_filename(self):
        return f"handreiking-beoordeling-verlopen-{timezone.localdate():%Y-%m-%d}"

    def get_queryset(self):
        return (
            HoofdstukPage.objects.filter(volgende_beoordeling__lt=timezone.localdate())
            .select_related("eigenaar")
            .order_by("volgende_beoordeling", "path")
        )

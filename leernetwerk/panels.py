"""Admin panels of leernetwerk: the group's members shown read-only, managed elsewhere."""

from django.urls import reverse
from wagtail.admin.panels import Panel


class LidmaatschappenPanel(Panel):
    """Members and gespreksleiders with their join date, and a link to the managing view.

    Membership is no form field: every change goes through leernetwerk.services, which records
    who added whom and why (a POST of `leden` to the snippet form changes nothing).
    """

    class BoundPanel(Panel.BoundPanel):
        template_name = "leernetwerk/beheer/lidmaatschappen_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            groep = self.instance
            if groep.pk:
                context["lidmaatschappen"] = groep.lidmaatschappen.select_related("persoon")
                context["leiderschappen"] = groep.leiderschappen.select_related("persoon")
                context["beheer_url"] = reverse("intervisiegroep_leden", args=[groep.pk])
            return context

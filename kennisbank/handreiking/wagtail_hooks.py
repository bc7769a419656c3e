from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.models import Page
from wagtail.permissions import policy_registry

from cms.search.registry import ZoekType
from cms.tegels import Tegel
from kennisbank.handreiking import selectors
from kennisbank.handreiking.models import HoofdstukPage
from kennisbank.handreiking.views import VerlopenBeoordelingenView


@hooks.register("zoekbare_typen")
def hoofdstukken_zoekbaar():
    return [
        ZoekType(
            slug="hoofdstuk",
            label=_("Handreiking"),
            model=HoofdstukPage,
            zichtbaar_voor=lambda user: HoofdstukPage.objects.live(),
        )
    ]


@hooks.register("home_tegels")
def verder_lezen_tegel(request):
    volgende = selectors.verder_lezen(request.user)
    if volgende is None:
        return []
    hoofdstuk, positie, aantal = volgende
    return [
        Tegel(
            titel=_("Verder lezen in de handreiking"),
            tekst=_("Hoofdstuk %(positie)s van %(aantal)s: %(titel)s")
            % {"positie": positie, "aantal": aantal, "titel": hoofdstuk.title},
            url=hoofdstuk.get_url(request),
            linktekst=_("Lees verder"),
            volgorde=20,
        )
    ]


@hooks.register("register_admin_urls")
def beoordelingen_urls():
    return [
        path(
            "handreiking/beoordelingen/",
            VerlopenBeoordelingenView.as_view(),
            name="handreiking_beoordelingen",
        ),
        path(
            "handreiking/beoordelingen/resultaten/",
            VerlopenBeoordelingenView.as_view(results_only=True),
            name="handreiking_beoordelingen_results",
        ),
    ]


class BeoordelingenMenuItem(MenuItem):
    def is_shown(self, request):
        return policy_registry.get_by_type(Page).user_has_any_permission(
            request.user, ["add", "change", "publish"]
        )


@hooks.register("register_reports_menu_item")
def beoordelingen_menu():
    return BeoordelingenMenuItem(
        _("Handreiking: beoordeling verlopen"),
        reverse("handreiking_beoordelingen"),
        name="handreiking-beoordelingen",
        icon_name="time",
        order=1200,
    )


@hooks.register("demo_laden", order=20)
def demo_laden(stdout):
    from kennisbank.handreiking.demo import handreikingen_laden

    handreikingen_laden(stdout)

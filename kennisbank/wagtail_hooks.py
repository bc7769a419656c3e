from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from cms.rapporten import verlopen_rapport_registreren
from cms.search.registry import ZoekType
from cms.tegels import Tegel
from kennisbank import beheer, selectors
from kennisbank.models import BeslismomentPage, Herkomst, InterventiePage


class HerkomstViewSet(SnippetViewSet):
    model = Herkomst
    icon = "site"
    menu_label = _("Herkomst")
    menu_order = 320
    add_to_admin_menu = True
    list_display = ["naam", "slug", "volgorde"]


register_snippet(HerkomstViewSet)

verlopen_rapport_registreren(
    InterventiePage,
    naam="interventies",
    titel=_("Interventies: beoordeling verlopen"),
    soort=_("Interventie"),
    volgorde=1210,
)


class _VoorstellenMenuItem(MenuItem):
    def is_shown(self, request):
        return selectors.mag_voorstellen_beoordelen(request.user)


@hooks.register("register_admin_urls")
def voorstellen_urls():
    return [
        path("voorstellen/", beheer.voorstellen, name="kennisbank_voorstellen"),
        path("voorstellen/<int:pk>/", beheer.voorstel, name="kennisbank_voorstel"),
    ]


@hooks.register("register_admin_menu_item")
def voorstellen_menu():
    return _VoorstellenMenuItem(
        _("Voorstellen"),
        reverse("kennisbank_voorstellen"),
        name="voorstellen",
        icon_name="form",
        order=250,
    )


@hooks.register("zoekbare_typen")
def kennisbank_zoektypen():
    return [
        ZoekType(
            slug="interventie",
            label=_("Interventie"),
            model=InterventiePage,
            zichtbaar_voor=lambda user: InterventiePage.objects.live(),
            voor_iedereen=True,
        ),
        ZoekType(
            slug="beslismoment",
            label=_("Beslismoment"),
            model=BeslismomentPage,
            zichtbaar_voor=lambda user: BeslismomentPage.objects.live(),
            voor_iedereen=True,
        ),
    ]


@hooks.register("home_tegels")
def interventieschema_tegel(request):
    return [
        Tegel(
            titel=_("Interventieschema"),
            tekst=_(
                "Wat werkt in welke fase, voor welke doelgroep? Filter het schema en kies "
                "één interventie om de komende periode te proberen."
            ),
            url="/interventieschema/",
            linktekst=_("Naar het schema"),
            volgorde=20,
            items=[
                (_("Hiaten: wat ontbreekt er nog"), "/interventieschema/hiaten/"),
            ],
        )
    ]


@hooks.register("home_tegels")
def voorstellen_tegel(request):
    """For the kennisbeheerder: how many proposals wait for a decision (none: no tile)."""
    if not selectors.mag_voorstellen_beoordelen(request.user):
        return []
    aantal = selectors.voorstellen_open_aantal()
    if not aantal:
        return []
    return [
        Tegel(
            titel=_("Voorstellen voor de kennisbank"),
            tekst=ngettext(
                "%(n)s voorstel van consulenten wacht op je beoordeling.",
                "%(n)s voorstellen van consulenten wachten op je beoordeling.",
                aantal,
            )
            % {"n": aantal},
            url=reverse("kennisbank_voorstellen"),
            linktekst=_("Beoordelen"),
            volgorde=15,
        )
    ]


@hooks.register("demo_laden", order=10)
def kennisbank_demo_laden(stdout):
    from kennisbank.demo import demo_laden

    demo_laden(stdout=stdout)

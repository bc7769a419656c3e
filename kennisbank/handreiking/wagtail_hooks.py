from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from cms.rapporten import verlopen_rapport_registreren
from cms.search.registry import ZoekType
from cms.tegels import Tegel
from kennisbank.handreiking import selectors
from kennisbank.handreiking.models import HoofdstukPage


@hooks.register("zoekbare_typen")
def hoofdstukken_zoekbaar():
    return [
        ZoekType(
            slug="hoofdstuk",
            label=_("Handreiking"),
            model=HoofdstukPage,
            zichtbaar_voor=lambda user: HoofdstukPage.objects.live(),
            voor_iedereen=True,
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


verlopen_rapport_registreren(
    HoofdstukPage,
    naam="handreiking",
    titel=_("Handreiking: beoordeling verlopen"),
    soort=_("Hoofdstuk"),
    volgorde=1200,
)


@hooks.register("demo_laden", order=20)
def demo_laden(stdout):
    from kennisbank.handreiking.demo import handreikingen_laden

    handreikingen_laden(stdout)

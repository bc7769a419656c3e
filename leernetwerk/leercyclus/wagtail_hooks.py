from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from wagtail import hooks

from cms.rollen import TEAMCHEF, heeft_rol
from cms.tegels import Tegel
from leernetwerk.leercyclus import selectors
from leernetwerk.leercyclus.demo import leercyclus_laden


@hooks.register("home_tegels")
def leercyclus_tegels(request):
    """Everyone: their open voornemens. Teamchefs: how many alerts their teams have."""
    tegels = []
    if heeft_rol(request.user, TEAMCHEF):
        overzichten = selectors.teamoverzichten(
            selectors.teams_van_teamchef(request.user), selectors.Periode.laatste_maanden(3)
        )
        if overzichten:
            n = sum(len(o.signalen) for o in overzichten)
            tegels.append(
                Tegel(
                    titel=ngettext("%(n)d signaal in je team", "%(n)d signalen in je teams", n)
                    % {"n": n},
                    tekst=_(
                        "Wie geen intervisie meer had, welke modules over datum zijn en waar het "
                        "plan stil ligt."
                    )
                    if n
                    else _("De leercyclus in je teams loopt volgens plan."),
                    url=reverse("team"),
                    linktekst=_("Naar het teamoverzicht"),
                    volgorde=20,
                )
            )
    voornemens = selectors.open_voornemens_van(request.user)
    url = reverse("mijn_leercyclus") + "#voornemens"
    tegels.append(
        Tegel(
            titel=ngettext("%(n)d open voornemen", "%(n)d open voornemens", len(voornemens))
            % {"n": len(voornemens)},
            tekst=_("Probeer het uit en schrijf op wat werkte.")
            if voornemens
            else _("Kies in het interventieschema iets om te proberen met “Dit ga ik proberen”."),
            url=url,
            items=[(v.titel, url) for v in voornemens[:5]],
            volgorde=30,
        )
    )
    return tegels


@hooks.register("demo_laden", order=50)
def demo_leercyclus(stdout):
    leercyclus_laden(stdout)

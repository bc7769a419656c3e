"""What leernetwerk contributes to cms: admin snippets, search types, home tiles, demo content."""

from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from cms.search.registry import ZoekType
from cms.tegels import Tegel
from leernetwerk import beheer, selectors
from leernetwerk.models import Intervisiegroep, Intervisiemethode, Intervisiesessie, ToegangsLog


class IntervisiemethodeViewSet(SnippetViewSet):
    model = Intervisiemethode
    list_display = ["naam", "slug", "is_leernetwerk", "volgorde"]
    search_fields = ["naam"]
    icon = "list-ol"


class IntervisiegroepViewSet(SnippetViewSet):
    model = Intervisiegroep
    list_display = ["naam", "soort", "cadans_weken"]
    list_filter = ["soort"]
    search_fields = ["naam"]
    icon = "group"


class ToegangsLogViewSet(SnippetViewSet):
    """Read-only audit trail: who was refused, and which beheerder opened content and why."""

    model = ToegangsLog
    list_display = ["moment", "gebruiker", "soort", "sessie", "groep", "reden"]
    list_filter = ["soort"]
    icon = "warning"
    inspect_view_enabled = True


class IntervisieGroep(SnippetViewSetGroup):
    menu_label = _("Intervisie")
    menu_icon = "group"
    menu_order = 320
    items = (IntervisiegroepViewSet, IntervisiemethodeViewSet, ToegangsLogViewSet)


register_snippet(IntervisieGroep)


@hooks.register("register_admin_urls")
def groepsleden_url():
    return [
        path(
            "intervisie/groepen/<int:pk>/leden/",
            beheer.groepsleden,
            name="intervisiegroep_leden",
        )
    ]


@hooks.register("zoekbare_typen")
def zoekbare_intervisie():
    return [
        ZoekType(
            slug="intervisie",
            label=_("Intervisieverslag"),
            model=Intervisiesessie,
            zichtbaar_voor=selectors.sessies_zichtbaar_voor,
            select_related=("methode", "groep"),  # its title (str) names both
        )
    ]


@hooks.register("home_tegels")
def intervisie_tegels(request):
    user = request.user
    volgende = selectors.volgende_sessie(user, vanaf=timezone.localdate())
    acties = selectors.open_actiepunten_kort(user)
    tegels = []
    if volgende is not None:
        tegels.append(
            Tegel(
                titel=_("Volgende intervisie"),
                tekst=_("%(groep)s: %(methode)s op %(datum)s om %(tijd)s.")
                % {
                    "groep": volgende.groep,
                    "methode": volgende.methode,
                    "datum": volgende.datum.strftime("%d-%m-%Y"),
                    "tijd": volgende.start.strftime("%H:%M"),
                },
                url=volgende.get_absolute_url(),
                volgorde=20,
            )
        )
    for koppel in selectors.koppels_toe_aan_gesprek(user):
        collega = koppel.collega_van(user)
        naam = collega.get_full_name() or collega.get_username()
        if koppel.laatste:
            tekst = _(
                "Je keek met %(naam)s voor het laatst mee op %(datum)s: meer dan %(weken)d "
                "weken geleden."
            )
        else:
            tekst = _("Je koppel met %(naam)s keek nog niet mee, en bestaat al %(weken)d weken.")
        tegels.append(
            Tegel(
                titel=_("Tijd om mee te kijken"),
                tekst=tekst
                % {
                    "naam": naam,
                    "datum": koppel.laatste.strftime("%d-%m-%Y") if koppel.laatste else "",
                    "weken": koppel.cadans_weken,
                }
                + " "
                + _("Spreek een klantgesprek af waar de ander bij zit."),
                url=koppel.get_absolute_url(),
                volgorde=22,
            )
        )
    if acties:
        tegels.append(
            Tegel(
                titel=_("Open actiepunten uit intervisie"),
                url=reverse("intervisie"),
                items=acties,
                volgorde=25,
            )
        )
    return tegels


@hooks.register("demo_laden", order=40)
def intervisie_demo(stdout):
    from leernetwerk.demo import intervisie_laden

    intervisie_laden(stdout=stdout)


@hooks.register("demo_laden", order=45)
def praktijk_demo(stdout):
    from leernetwerk.demo_praktijk import praktijk_laden

    praktijk_laden(stdout=stdout)

from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail import hooks

from cms.rollen import TRAINER, heeft_rol
from cms.search.registry import ZoekType
from cms.tegels import Tegel
from oefeningen import selectors, services
from oefeningen.models import OefeningPage


@hooks.register("zoekbare_typen")
def oefening_zoektype():
    return [
        ZoekType(
            slug="oefening",
            label=_("Oefening"),
            model=OefeningPage,
            zichtbaar_voor=lambda user: OefeningPage.objects.live(),
            voor_iedereen=True,
        )
    ]


@hooks.register("home_tegels")
def oefeningen_tegels(request):
    """Open leermodules with their due date, unread trainer feedback, and the trainers' queue."""
    user = request.user
    tegels = []
    open_modules = [m for m in selectors.module_voortgang(user) if not m.afgerond]
    if open_modules:
        tegels.append(
            Tegel(
                titel=_("Leermodules"),
                tekst=_("Rond deze modules af voor de datum die erbij staat."),
                url=reverse("oefeningen:modules"),
                volgorde=20,
                items=[
                    (
                        _("%(titel)s: %(gedaan)s van %(nodig)s, vóór %(datum)s")
                        % {
                            "titel": m.module.title,
                            "gedaan": m.gedaan,
                            "nodig": m.nodig,
                            "datum": m.deadline.strftime("%d-%m-%Y"),
                        },
                        m.module.url,
                    )
                    for m in open_modules
                ],
            )
        )
    feedback = selectors.wachtende_feedback(user)
    if feedback:
        tegels.append(
            Tegel(
                titel=_("Nieuwe feedback van je trainer"),
                volgorde=10,
                items=[(f.oefening, f.url) for f in feedback],
            )
        )
    if heeft_rol(user, TRAINER):
        aantal = selectors.feedback_wachtrij().count()
        if aantal:
            tegels.append(
                Tegel(
                    titel=_("Feedback gevraagd"),
                    tekst=_("%(n)s open antwoorden wachten op feedback van een trainer.")
                    % {"n": aantal},
                    url=reverse("oefeningen:wachtrij"),
                    linktekst=_("Naar de wachtrij"),
                    volgorde=15,
                )
            )
    return tegels


@hooks.register("demo_laden", order=30)
def oefeningen_demo(stdout):
    from oefeningen.demo import demo_laden

    demo_laden(stdout)


@hooks.register("activiteit_vastgelegd")
def leermodules_bijwerken(activiteit):
    """A chapter read, an oefening done or an intervisie attended may complete a leermodule."""
    if activiteit.soort in services.MODULE_ONDERDELEN:
        services.leermodules_afronden(gebruiker=activiteit.gebruiker)

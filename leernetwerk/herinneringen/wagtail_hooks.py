from django.utils.translation import gettext as _
from wagtail import hooks

from cms.tegels import Tegel
from leernetwerk.herinneringen import selectors


@hooks.register("home_tegels")
def herinneringen_tegel(request):
    """What is due now (the same reminders the e-mail sends), each with its link, on top."""
    herinneringen = selectors.open_herinneringen(request.user)
    if not herinneringen:
        return []
    return [
        Tegel(
            titel=_("Herinneringen"),
            tekst=_(
                "Dit vraagt nu je aandacht. Welke herinneringen je krijgt, stel je in bij "
                "Instellingen."
            ),
            volgorde=5,
            items=[(h.tekst, h.pad) for h in herinneringen],
        )
    ]

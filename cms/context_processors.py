from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from cms.rollen import BEHEERDER, KENNISBEHEERDER, TEAMCHEF, TRAINER, heeft_rol


def navigatie(request):
    """Main navigation for the logged-in user, by role."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"navigatie": []}
    items = [
        (_("Start"), "/"),
        (_("Handreiking"), "/handreiking/"),
        (_("Interventieschema"), "/interventieschema/"),
        (_("Oefeningen"), "/oefeningen/"),
        (_("Intervisie"), reverse("intervisie")),
        (_("Mijn leercyclus"), reverse("mijn_leercyclus")),
    ]
    if heeft_rol(user, TEAMCHEF):
        items.append((_("Mijn team"), reverse("team")))
    if heeft_rol(user, TRAINER, KENNISBEHEERDER, BEHEERDER) or user.is_superuser:
        items.append((_("Beheer"), "/beheer/"))
    pad = request.path
    return {
        "navigatie": [
            {
                "label": label,
                "url": url,
                "actief": url == pad or (url != "/" and pad.startswith(url)),
            }
            for label, url in items
        ]
    }

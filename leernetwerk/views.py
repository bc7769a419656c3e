from django.core.exceptions import PermissionDenied
from django.shortcuts import render

from cms.rollen import TEAMCHEF, heeft_rol
from leernetwerk import selectors


def intervisie(request):
    return render(request, "leernetwerk/intervisie.html", {})


def mijn_leercyclus(request):
    return render(
        request,
        "leernetwerk/mijn_leercyclus.html",
        {"gebruiker": selectors.gebruiker_met_profiel(request.user)},
    )


def team(request):
    if not heeft_rol(request.user, TEAMCHEF):
        raise PermissionDenied
    return render(
        request, "leernetwerk/team.html", {"teams": selectors.teams_van_teamchef(request.user)}
    )

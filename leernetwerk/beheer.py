"""Admin view: a group's members and gespreksleiders, changed only through the services."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _

from leernetwerk import forms, services
from leernetwerk.models import Intervisiegroep

MAG_BEHEREN = "leernetwerk.change_intervisiegroep"


def groepsleden(request, pk):
    """List who belongs to the group since when and why; add or remove with a reason."""
    if not request.user.has_perm(MAG_BEHEREN):
        raise PermissionDenied
    groep = get_object_or_404(Intervisiegroep, pk=pk)
    form = forms.LidmaatschapForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        gegevens = form.cleaned_data
        actie = (
            services.groepslid_toevoegen
            if gegevens["actie"] == "toevoegen"
            else services.groepslid_verwijderen
        )
        try:
            actie(
                groep=groep,
                persoon=gegevens["persoon"],
                door=request.user,
                reden=gegevens["reden"],
                rol=gegevens["rol"],
            )
        except ValidationError as fout:
            form.add_error(None, fout)
        else:
            messages.success(request, _("Gewijzigd en vastgelegd in het auditlog."))
            return redirect(reverse("intervisiegroep_leden", args=[groep.pk]))
    return TemplateResponse(
        request,
        "leernetwerk/beheer/groepsleden.html",
        {
            "groep": groep,
            "form": form,
            "toegangen": [
                *groep.leiderschappen.select_related(
                    "persoon", "toegevoegd_door", "eerdere_sessies_gedeeld_door"
                ),
                *groep.lidmaatschappen.select_related(
                    "persoon", "toegevoegd_door", "eerdere_sessies_gedeeld_door"
                ),
            ],
            "bewerk_url": reverse(
                "wagtailsnippets_leernetwerk_intervisiegroep:edit", args=[groep.pk]
            ),
        },
    )

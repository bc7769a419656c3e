"""Admin views for the kennisbeheerder: the queue of proposals and the decision on one.

Taking a proposal over makes a draft (a new InterventiePage or a draft revision of the existing
one) and opens it in Wagtail's page editor, where the kennisbeheerder checks and publishes it.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _

from cms.invoer import fout_bij_velden
from kennisbank import selectors, services
from kennisbank.forms import AfwijzenFormulier
from kennisbank.models import Voorstel


def _alleen_beoordelaar(request):
    if not selectors.mag_voorstellen_beoordelen(request.user):
        raise PermissionDenied


def voorstellen(request):
    """Open proposals oldest first, then the latest decisions."""
    _alleen_beoordelaar(request)
    open_, beoordeeld = selectors.voorstellen_wachtrij()
    return TemplateResponse(
        request,
        "kennisbank/beheer/voorstellen.html",
        {"open": open_, "beoordeeld": beoordeeld},
    )


def voorstel(request, pk):
    """One proposal, compared field by field with the interventie; take over or decline."""
    _alleen_beoordelaar(request)
    voorstel = get_object_or_404(
        Voorstel.objects.select_related("indiener", "interventie", "beoordelaar", "pagina"), pk=pk
    )
    afwijzen = AfwijzenFormulier(
        request.POST if request.method == "POST" and "afwijzen" in request.POST else None
    )
    fout = None
    if request.method == "POST" and not voorstel.open:
        fout = _("Dit voorstel is al beoordeeld; er is niets veranderd.")
    elif request.method == "POST":
        try:
            if "afwijzen" in request.POST:
                if afwijzen.is_valid():
                    services.voorstel_afwijzen(
                        voorstel=voorstel,
                        beoordelaar=request.user,
                        reden=afwijzen.cleaned_data["reden"],
                    )
                    messages.success(
                        request,
                        _(
                            "Voorstel afgewezen; de indiener ziet je reden. Vastgelegd in het "
                            "auditlog."
                        ),
                    )
                    return redirect("kennisbank_voorstellen")
            else:
                voorstel = services.voorstel_overnemen(voorstel=voorstel, beoordelaar=request.user)
                messages.success(
                    request,
                    _(
                        "Voorstel overgenomen als concept (vastgelegd in het auditlog). Controleer "
                        "het en publiceer het hier."
                    ),
                )
                return redirect("wagtailadmin_pages:edit", voorstel.pagina_id)
        except ValidationError as e:
            if "afwijzen" in request.POST:
                fout_bij_velden(afwijzen, e)  # the reason's problem at the reason
            else:
                fout = " ".join(e.messages)
    return TemplateResponse(
        request,
        "kennisbank/beheer/voorstel.html",
        {
            "voorstel": voorstel,
            "velden": selectors.voorstel_vergelijking(voorstel),
            "afwijzen": afwijzen,
            "fout": fout,
            "eigen": voorstel.indiener_id == request.user.pk,
            "terug_url": reverse("kennisbank_voorstellen"),
        },
        status=400 if request.method == "POST" else 200,
    )

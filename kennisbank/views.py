"""Views of the interventieschema's routes (called from InterventieschemaPage). Thin: they read
through selectors, write through services and render templates/kennisbank/."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from cms.rollen import KENNISBEHEERDER, heeft_rol
from kennisbank import selectors, services
from kennisbank.forms import ImportForm, SchemaFilterForm


def mag_importeren(user):
    return user.is_superuser or heeft_rol(user, KENNISBEHEERDER)


def _filtercontext(request, page):
    form = SchemaFilterForm(request.GET or None)
    filters = form.filters() if request.GET else {}
    querystring = request.GET.urlencode()
    return (
        form,
        filters,
        {
            "page": page,
            "form": form,
            "actieve_filters": form.actief() if request.GET else [],
            "querystring": f"?{querystring}" if querystring else "",
            "mag_importeren": mag_importeren(request.user),
        },
    )


def schema(request, page):
    form, filters, context = _filtercontext(request, page)
    fases = selectors.standaard_fases()
    interventies = list(selectors.interventies_filteren(filters))
    rijen, buiten_schema = selectors.schema_matrix(interventies, fases)
    context.update(
        fases=fases,
        rijen=rijen,
        buiten_schema=buiten_schema,
        aantal=len(interventies),
        beslismomenten=selectors.beslismomenten_bij(fases),
    )
    return TemplateResponse(request, "kennisbank/interventieschema_page.html", context)


def lijst(request, page):
    form, filters, context = _filtercontext(request, page)
    interventies = list(selectors.interventies_filteren(filters, relaties=selectors.ALLE_RELATIES))
    context.update(interventies=interventies, aantal=len(interventies))
    return TemplateResponse(request, "kennisbank/interventie_lijst.html", context)


def hiaten(request, page):
    fases = selectors.standaard_fases()
    return TemplateResponse(
        request,
        "kennisbank/hiaten.html",
        {
            "page": page,
            "fases": fases,
            "rijen": selectors.hiaten_matrix(fases),
            "ontbrekend": list(selectors.ontbrekend_register()),
        },
    )


def exporteren(request, formaat):
    """The current filtered view as export.csv or export.xlsx (same columns as the import)."""
    if formaat not in ("csv", "xlsx"):
        raise Http404
    page = selectors.schema_pagina()
    if page is None:
        raise Http404
    _form, filters, _context = _filtercontext(request, page)
    interventies = selectors.interventies_filteren(filters, relaties=selectors.ALLE_RELATIES)
    if formaat == "xlsx":
        inhoud = services.interventies_exporteren_xlsx(interventies)
        soort = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    else:
        inhoud = services.interventies_exporteren_csv(interventies)
        soort = "text/csv; charset=utf-8"
    response = HttpResponse(inhoud, content_type=soort)
    response["Content-Disposition"] = f'attachment; filename="interventies.{formaat}"'
    return response


def importeren(request, page):
    if not mag_importeren(request.user):
        raise PermissionDenied
    resultaat = None
    if request.method == "POST":
        form = ImportForm(request.POST, request.FILES)
        if form.is_valid():
            bestand = form.cleaned_data["bestand"]
            resultaat = services.interventies_importeren(
                inhoud=bestand.read(),
                bestandsnaam=bestand.name,
                proef=form.cleaned_data["alleen_controleren"],
                gebruiker=request.user,
            )
            if resultaat.geslaagd and not resultaat.proef:
                messages.success(
                    request,
                    _(
                        "Import opgeslagen: %(nieuw)d nieuw, %(gewijzigd)d gewijzigd, "
                        "%(ongewijzigd)d ongewijzigd."
                    )
                    % {
                        "nieuw": len(resultaat.nieuw),
                        "gewijzigd": len(resultaat.gewijzigd),
                        "ongewijzigd": len(resultaat.ongewijzigd),
                    },
                )
    else:
        form = ImportForm()
    return TemplateResponse(
        request,
        "kennisbank/importeren.html",
        {"page": page, "form": form, "resultaat": resultaat, "kolommen": services.KOLOMMEN},
    )

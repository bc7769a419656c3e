"""Views of the interventieschema's routes (called from InterventieschemaPage). Thin: they read
through selectors, write through services and render templates/kennisbank/."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from cms.inhoudcache import fragment
from cms.invoer import fout_bij_velden
from cms.rollen import KENNISBEHEERDER, heeft_rol
from kennisbank import selectors, services, tasks
from kennisbank.forms import ImportForm, SchemaFilterForm, VoorstelFormulier
from kennisbank.models import ImportTaak, InterventiePage


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
            "mag_voorstellen": selectors.mag_voorstellen(request.user),
        },
    )


# A cell shows this many interventies; the rest folds open (a thousand interventies make cells
# of dozens, more than anyone reads in a table cell).
CEL_ZICHTBAAR = 8


def _filtersleutel(filters):
    return tuple(sorted((naam, getattr(w, "pk", w)) for naam, w in filters.items()))


def _filterformulier(request, context):
    """The filter form, rendered once per content version and query string (no user data)."""
    sleutel = ("schemafilter", tuple(sorted(request.GET.lists())))
    return mark_safe(  # noqa: S308 - our own template
        fragment(sleutel, lambda: render_to_string("kennisbank/_filter.html", context))
    )


def _matrix(page, filters):
    fases = selectors.standaard_fases()
    interventies = list(selectors.interventies_filteren(filters))
    rijen, buiten_schema = selectors.schema_matrix(interventies, fases)
    for rij in rijen:
        rij.cellen = [
            {"zichtbaar": cel[:CEL_ZICHTBAAR], "verborgen": cel[CEL_ZICHTBAAR:]}
            for cel in rij.cellen
        ]
    context = {
        "page": page,
        "fases": fases,
        "rijen": rijen,
        "buiten_schema": buiten_schema,
        "beslismomenten": selectors.beslismomenten_bij(fases),
    }
    return {
        "aantal": len(interventies),
        "html": render_to_string("kennisbank/_schema_matrix.html", context),
    }


def schema(request, page):
    """The matrix is the same for everyone with the same filters: it comes from the content
    cache (cms.inhoudcache), rendered once per content version."""
    _form, filters, context = _filtercontext(request, page)
    context["filterformulier"] = _filterformulier(request, context)
    context["matrix"] = fragment(
        ("schema", page.pk, _filtersleutel(filters)), lambda: _matrix(page, filters)
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
    """Upload: always a dry run first (nothing stored on any error); a real import then runs
    as a background task and the browser goes to its status page."""
    if not mag_importeren(request.user):
        raise PermissionDenied
    resultaat = None
    if request.method == "POST":
        form = ImportForm(request.POST, request.FILES)
        if form.is_valid():
            bestand = form.cleaned_data["bestand"]
            inhoud = bestand.read()
            resultaat = services.interventies_importeren(
                inhoud=inhoud, bestandsnaam=bestand.name, proef=True
            )
            if resultaat.geslaagd and not form.cleaned_data["alleen_controleren"]:
                taak = services.importtaak_aanmaken(
                    inhoud=inhoud,
                    bestandsnaam=bestand.name,
                    gebruiker=request.user,
                    totaal=resultaat.aantal_rijen,
                )
                tasks.importtaak_uitvoeren.enqueue(taak.pk)
                return redirect(page.url + page.reverse_subpage("importtaak", args=[taak.pk]))
    else:
        form = ImportForm()
    return TemplateResponse(
        request,
        "kennisbank/importeren.html",
        {"page": page, "form": form, "resultaat": resultaat, "kolommen": services.KOLOMMEN},
    )


def _taak(request, pk):
    if not mag_importeren(request.user):
        raise PermissionDenied
    return get_object_or_404(ImportTaak, pk=pk)


def importtaak(request, page, pk):
    """Status of one import: progress while it runs (the JS polls, or reload), then the outcome."""
    taak = _taak(request, pk)
    return TemplateResponse(
        request,
        "kennisbank/importtaak.html",
        {
            "page": page,
            "taak": taak,
            "voortgang_url": page.url
            + page.reverse_subpage("importtaak_voortgang", args=[taak.pk]),
        },
    )


def importtaak_voortgang(request, page, pk):
    taak = _taak(request, pk)
    return JsonResponse(
        {
            "toestand": taak.toestand,
            "loopt": taak.loopt,
            "verwerkt": taak.verwerkt,
            "totaal": taak.totaal,
            "tekst": _("%(verwerkt)s van %(totaal)s rijen verwerkt")
            % {"verwerkt": taak.verwerkt, "totaal": taak.totaal},
        }
    )


def _mijn_voorstellen_url(page):
    return page.url + page.reverse_subpage("mijn_voorstellen")


def voorstel_maken(request, page, interventie_pk=None):
    """The proposal form: a new interventie, or a change to a live one (prefilled with it).

    On an error the form comes back with everything typed and the message at the field."""
    if not selectors.mag_voorstellen(request.user):
        raise PermissionDenied
    interventie = None
    initial = {}
    if interventie_pk is not None:
        interventie = get_object_or_404(InterventiePage.objects.live(), pk=interventie_pk)
        initial = selectors.voorstel_beginwaarden(interventie)
    form = VoorstelFormulier(
        request.POST or None, initial=initial, wijziging=interventie is not None
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.voorstel_indienen(
                indiener=request.user, gegevens=form.cleaned_data, interventie=interventie
            )
        except ValidationError as fout:
            fout_bij_velden(form, fout)
        else:
            messages.success(
                request,
                _(
                    "Je voorstel is ingediend. Een kennisbeheerder beoordeelt het; hier zie je hoe "
                    "het ervoor staat."
                ),
            )
            return redirect(_mijn_voorstellen_url(page))
    return TemplateResponse(
        request,
        "kennisbank/voorstel_formulier.html",
        {
            "page": page,
            "form": form,
            "interventie": interventie,
            "mijn_voorstellen_url": _mijn_voorstellen_url(page),
        },
        status=400 if form.is_bound else 200,
    )


def mijn_voorstellen(request, page):
    """The proposer's own proposals with their state and, when declined, the reason."""
    if not selectors.mag_voorstellen(request.user):
        raise PermissionDenied
    return TemplateResponse(
        request,
        "kennisbank/mijn_voorstellen.html",
        {
            "page": page,
            "voorstellen": selectors.voorstellen_van(request.user),
            "nieuw_url": page.url + page.reverse_subpage("voorstel_nieuw"),
        },
    )

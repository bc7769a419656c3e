"""Site-wide search: the page, the JSON endpoint and autocomplete. Thin: see selectors."""

from django.http import JsonResponse
from django.shortcuts import render

from cms.search import selectors


def _parameters(request):
    return {
        "gebruiker": request.user,
        "zoekterm": request.GET.get("q", "").strip()[:200],
        "filters": {naam: request.GET.get(naam, "").strip() for naam in selectors.FACETTEN},
        "pagina": request.GET.get("pagina") or 1,
        "exact": request.GET.get("exact") == "1",
    }


def zoeken(request):
    uitkomst = selectors.zoeken(**_parameters(request))
    return render(
        request, "search/zoeken.html", {"uitkomst": uitkomst, "zoekterm": uitkomst.zoekterm}
    )


def api_zoeken(request):
    uitkomst = selectors.zoeken(**_parameters(request))
    return JsonResponse(
        {
            "query": uitkomst.zoekterm,
            "totaal": uitkomst.totaal,
            "pagina": uitkomst.pagina.number,
            "resultaten": [
                {
                    "titel": t.titel,
                    "url": t.url,
                    "type": t.zoektype.slug,
                    "fragment": str(t.fragment),
                    "fases": [slug for slug, _ in t.fases],
                    "doelgroepen": [slug for slug, _ in t.doelgroepen],
                    "gevonden_via": t.gevonden_via,
                }
                for t in uitkomst.pagina
            ],
            "facetten": {
                naam: {w.slug: w.aantal for w in waarden}
                for naam, waarden in uitkomst.facetten.items()
            },
            "suggestie": uitkomst.suggestie,
            # The results are those of this corrected query (the typed one found nothing).
            "verbeterd": uitkomst.verbeterd,
            # No result has every word: which words the results have, and which none has.
            # Quoted phrases no result has: the results are for the words apart.
            "zinnen_niet_gevonden": uitkomst.zinnen_niet_gevonden,
            "deels": (
                {
                    "gebruikt": uitkomst.deels.gebruikt,
                    "niet_gevonden": uitkomst.deels.niet_gevonden,
                }
                if uitkomst.deels
                else None
            ),
        }
    )


def api_suggesties(request):
    zoekterm = request.GET.get("q", "").strip()[:100]
    return JsonResponse(
        {
            "query": zoekterm,
            "resultaten": selectors.suggesties(gebruiker=request.user, zoekterm=zoekterm),
        }
    )

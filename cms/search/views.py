"""Site-wide search: the page, the JSON endpoint and autocomplete. Thin: see selectors."""

from django.core.paginator import Paginator
from django.http import JsonResponse
from django.shortcuts import render

from cms.search import selectors

PER_PAGINA = 10


def zoeken(request):
    q = request.GET.get("q", "").strip()
    resultaten = selectors.zoek_paginas(q)
    pagina = Paginator(resultaten, PER_PAGINA).get_page(request.GET.get("pagina"))
    return render(
        request,
        "search/zoeken.html",
        {"zoekterm": q, "pagina": pagina, "totaal": pagina.paginator.count},
    )


def api_zoeken(request):
    q = request.GET.get("q", "").strip()
    resultaten = selectors.zoek_paginas(q)
    pagina = Paginator(resultaten, PER_PAGINA).get_page(request.GET.get("pagina"))
    return JsonResponse(
        {
            "query": q,
            "totaal": pagina.paginator.count,
            "resultaten": [
                {"titel": p.title, "url": p.url, "type": p.specific_class._meta.verbose_name}
                for p in pagina
            ],
        }
    )


def api_suggesties(request):
    q = request.GET.get("q", "").strip()
    return JsonResponse(
        {
            "query": q,
            "resultaten": [{"titel": p.title, "url": p.url} for p in selectors.suggesties(q)],
        }
    )

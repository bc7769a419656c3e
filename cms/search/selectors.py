"""Reads for search. Everything goes through the modelsearch API, so any backend serves."""

from wagtail.models import Page


def zoek_paginas(q):
    if not q:
        return Page.objects.none()
    return Page.objects.live().filter(depth__gt=1).search(q)


def suggesties(q, limiet=8):
    if len(q) < 2:
        return []
    return list(Page.objects.live().filter(depth__gt=1).autocomplete(q)[:limiet])

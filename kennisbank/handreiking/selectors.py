"""Reads of the handreiking. Every page's query count is fixed: it does not grow with the number
of chapters, references, tags or terms (see tests/handreiking/test_lezen.py).
"""

import difflib
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from itertools import groupby

from django.contrib.contenttypes.models import ContentType
from django.db.models import prefetch_related_objects
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.html import escape
from django.utils.safestring import mark_safe
from wagtail.models import Page, PageLogEntry

from cms.inhoudcache import fragment
from cms.models import Activiteit
from cms.voorbereid import voorbereid
from kennisbank.handreiking.blocks import begrip_anker
from kennisbank.handreiking.models import HandreikingPage, HoofdstukPage


def _hoofdstukken(boek, *, met_inhoud=True):
    """Live chapters and paragraphs of a book in reading order, numbered 1, 1.1, 1.2, 2, ..."""
    qs = (
        HoofdstukPage.objects.live().descendant_of(boek).select_related("eigenaar").order_by("path")
    )
    if not met_inhoud:
        qs = qs.defer_streamfields()
    hoofdstukken = list(qs)
    teller = []
    for h in hoofdstukken:
        h.niveau = h.depth - boek.depth
        del teller[h.niveau :]
        while len(teller) < h.niveau:
            teller.append(0)
        teller[-1] += 1
        h.nummer = ".".join(str(n) for n in teller)
    return hoofdstukken


def _boom(hoofdstukken):
    """The table of contents: top-level chapters, each with its `paragrafen`."""
    boom = []
    for h in hoofdstukken:
        h.paragrafen = []
        if h.niveau == 1 or not boom:
            boom.append(h)
        else:
            boom[-1].paragrafen.append(h)
    return boom


def _gelezen(gebruiker, ids):
    """{chapter id: moment} for the chapters among `ids` this user marked as read."""
    if not gebruiker.is_authenticated or not ids:
        return {}
    soort = ContentType.objects.get_for_model(HoofdstukPage).pk
    return dict(_gelezen_van(gebruiker.pk, soort, sorted(ids)))


@voorbereid
def _gelezen_van(gebruiker_id, content_type_id, ids):
    return Activiteit.objects.filter(
        gebruiker_id=gebruiker_id,
        soort=Activiteit.Soort.HOOFDSTUK_GELEZEN,
        content_type_id=content_type_id,
        object_id__in=ids,
    ).values_list("object_id", "moment")


def _sorteersleutel(tekst):
    zonder_accenten = unicodedata.normalize("NFKD", tekst)
    return "".join(c for c in zonder_accenten if not unicodedata.combining(c)).casefold()


def _begrippen(hoofdstukken):
    """Every kernbegrip in these chapters, alphabetical: dicts with term, definitie, anker, bron."""
    gevonden = {}
    for h in hoofdstukken:
        for item in h.body.raw_data:
            if item["type"] != "kernbegrip":
                continue
            term = (item["value"].get("term") or "").strip()
            if not term:
                continue
            sleutel = _sorteersleutel(term)
            if sleutel not in gevonden:
                gevonden[sleutel] = {
                    "term": term,
                    "definitie": item["value"].get("definitie", ""),
                    "anker": begrip_anker(term),
                    "hoofdstukken": [],
                }
            gevonden[sleutel]["hoofdstukken"].append(h)
    return [gevonden[k] for k in sorted(gevonden)]


def begrippen_koppelaar(begrippen, lijst_url):
    """Return html -> html linking the first mention of each term to the begrippenlijst.

    Only text outside tags, links and headings is touched. One function serves one page,
    so a term is linked once per chapter, not once per paragraph.
    """
    if not begrippen:
        return None
    ankers = {_sorteersleutel(b["term"]): b["anker"] for b in begrippen}
    termen = sorted((b["term"] for b in begrippen), key=len, reverse=True)
    patroon = re.compile(
        r"(?<!\w)(" + "|".join(re.escape(escape(t)) for t in termen) + r")(?!\w)", re.IGNORECASE
    )
    gekoppeld = set()

    def vervang(match):
        sleutel = _sorteersleutel(match.group(0))
        if sleutel in gekoppeld or sleutel not in ankers:
            return match.group(0)
        gekoppeld.add(sleutel)
        return f'<a class="begrip-link" href="{lijst_url}#{ankers[sleutel]}">{match.group(0)}</a>'

    def koppel(html):
        delen = re.split(r"(<[^>]+>)", html)
        overslaan = 0  # inside a link or heading: leave the text alone
        for i, deel in enumerate(delen):
            if deel.startswith("<"):
                if re.match(r"<(a|h[1-6])[\s>]", deel, re.IGNORECASE):
                    overslaan += 1
                elif re.match(r"</(a|h[1-6])\s*>", deel, re.IGNORECASE):
                    overslaan = max(0, overslaan - 1)
                continue
            if not overslaan and deel:
                delen[i] = patroon.sub(vervang, deel)
        return "".join(delen)

    return koppel


def verwijzingen(hoofdstukken):
    """{page id: live specific page with `fases` prefetched} for every verwijzing block.

    One query for the pages, one per page type for the specific rows and one per page type for
    the fases: the count depends on how many kinds of pages are referenced, never how many.
    """
    ids = {
        item["value"].get("pagina")
        for h in hoofdstukken
        for item in h.body.raw_data
        if item["type"] == "verwijzing"
    } - {None}
    if not ids:
        return {}
    paginas = list(Page.objects.live().filter(pk__in=ids).specific())
    per_soort = defaultdict(list)
    for p in paginas:
        per_soort[type(p)].append(p)
    for soort, lijst in per_soort.items():
        heeft_fases = "fases" in {f.name for f in soort._meta.get_fields()}
        if heeft_fases:
            prefetch_related_objects(lijst, "fases")
        for p in lijst:
            p.soort_label = soort._meta.verbose_name
            p.fase_lijst = list(p.fases.all()) if heeft_fases else []
    return {p.pk: p for p in paginas}


def _soort_verwijzing(pagina):
    if pagina._meta.app_label == "oefeningen":
        return "oefening"
    if pagina._meta.app_label == "kennisbank":
        return "kennisbank"
    return "overig"


def _kruimels(pagina):
    """Ancestors below the root, plus whichever of them is the book (as a plain Page)."""
    kruimels = list(Page.objects.ancestor_of(pagina).filter(depth__gt=1).order_by("depth"))
    boek_type = ContentType.objects.get_for_model(HandreikingPage).pk
    boek = next((p for p in kruimels if p.content_type_id == boek_type), None)
    return kruimels, boek


def _subpagina_url(pagina, naam, request):
    return pagina.get_url(request) + HandreikingPage.get_resolver().reverse(naam)


def boek_urls(boek, request):
    """The book's begrippenlijst, print and PDF addresses."""
    return _boek_urls(boek, request)


def _boek_urls(boek, request):
    return {
        "begrippen_url": _subpagina_url(boek, "begrippen", request),
        "afdrukken_url": _subpagina_url(boek, "afdrukken", request),
        "pdf_url": _subpagina_url(boek, "pdf", request),
    }


def boek_context(boek, request, pagina):
    hoofdstukken = _hoofdstukken(boek, met_inhoud=False)
    gelezen = _gelezen(request.user, [h.pk for h in hoofdstukken])
    for h in hoofdstukken:
        h.gelezen_op = gelezen.get(h.pk)
    kruimels, _boek = _kruimels(boek)
    return {
        "boek": boek,
        "kruimels": kruimels,
        "inhoudsopgave": _boom(hoofdstukken),
        "aantal_gelezen": len(gelezen),
        "volgende": hoofdstukken[0] if hoofdstukken else None,
        **_boek_urls(boek, request),
    }


def hoofdstuk_context(hoofdstuk, request):
    """The chapter page: its shared parts rendered once per content version (cms.inhoudcache),
    plus what is this reader's own: the read marks in the table of contents and the form."""
    gedeeld = fragment(
        ("hoofdstuk", hoofdstuk.pk, hoofdstuk.latest_revision_id, timezone.localdate()),
        lambda: _hoofdstuk_gedeeld(hoofdstuk),
        request=request,
    )
    gelezen = _gelezen(request.user, gedeeld["hoofdstuk_ids"])
    return {
        "gedeeld": gedeeld,
        "inhoudsopgave": vinkjes_zetten(gedeeld["inhoudsopgave"], gelezen),
        "gelezen_op": gelezen.get(hoofdstuk.pk),
    }


_VINK = re.compile(r"<!--gelezen:(\d+)-->")


def vinkjes_zetten(html, gelezen):
    """Put this reader's read marks into a table of contents rendered with placeholders."""
    vink = render_to_string("handreiking/includes/gelezen_vink.html")
    return mark_safe(  # noqa: S308 - both parts are our own rendered templates
        _VINK.sub(lambda m: vink if int(m.group(1)) in gelezen else "", html)
    )


def _hoofdstuk_gedeeld(hoofdstuk):
    """Everything on a chapter page that every reader sees alike, as rendered HTML."""
    kruimels, boek = _kruimels(hoofdstuk)
    context = {"page": hoofdstuk, "kruimels": kruimels, "boek": boek, "vink_plek": True}
    context["wijzigingen_url"] = hoofdstuk.get_url() + hoofdstuk.reverse_subpage("wijzigingen")
    hoofdstukken = []
    if boek is not None:
        hoofdstukken = _hoofdstukken(boek)
        urls = _boek_urls(boek, None)
        positie = next((i for i, h in enumerate(hoofdstukken) if h.pk == hoofdstuk.pk), None)
        vorige = volgende = None
        if positie is not None:
            vorige = hoofdstukken[positie - 1] if positie > 0 else boek
            if positie + 1 < len(hoofdstukken):
                volgende = hoofdstukken[positie + 1]
        eigen = hoofdstukken[positie] if positie is not None else hoofdstuk
        doelen = verwijzingen([hoofdstuk])
        gekoppeld = defaultdict(list)
        for doel in doelen.values():
            gekoppeld[_soort_verwijzing(doel)].append(doel)
        context.update(
            inhoudsopgave=_boom(hoofdstukken),
            nummer=getattr(eigen, "nummer", ""),
            vorige=vorige,
            volgende=volgende,
            naar_begrippen=volgende is None and positie is not None,
            verwijzingen=doelen,
            gekoppelde_kennis=sorted(gekoppeld["kennisbank"], key=lambda p: p.title),
            oefen_dit=sorted(gekoppeld["oefening"], key=lambda p: p.title),
            begrippen_koppelen=begrippen_koppelaar(_begrippen(hoofdstukken), urls["begrippen_url"]),
            **urls,
        )

    def deel(template):
        return render_to_string(f"handreiking/includes/{template}.html", context)

    return {
        "hoofdstuk_ids": [h.pk for h in hoofdstukken],
        "gelezen_url": hoofdstuk.get_url() + hoofdstuk.reverse_subpage("gelezen"),
        "kop": deel("hoofdstuk_kop"),
        "kruimels": deel("kruimels"),
        "artikel": deel("hoofdstuk_artikel"),
        "bladeren": deel("hoofdstuk_bladeren"),
        "inhoudsopgave": deel("inhoudsopgave") if boek is not None else "",
    }


def begrippenlijst_context(boek, request):
    hoofdstukken = _hoofdstukken(boek)
    begrippen = _begrippen(hoofdstukken)
    kruimels, _boek = _kruimels(boek)
    letters = [
        {"letter": letter, "begrippen": list(groep)}
        for letter, groep in groupby(
            begrippen, key=lambda b: _sorteersleutel(b["term"])[:1].upper()
        )
    ]
    return {
        "boek": boek,
        "kruimels": [*kruimels, boek],
        "inhoudsopgave": _boom(hoofdstukken),
        "letters": letters,
        "vorige": hoofdstukken[-1] if hoofdstukken else boek,
        **_boek_urls(boek, request),
    }


def volledig_boek_context(boek, request):
    """The whole book on one page (print and PDF): every chapter with its content."""
    hoofdstukken = _hoofdstukken(boek)
    begrippen = _begrippen(hoofdstukken)
    kruimels, _boek = _kruimels(boek)
    return {
        "boek": boek,
        "kruimels": [*kruimels, boek],
        "inhoudsopgave": _boom(hoofdstukken),
        "hoofdstukken": hoofdstukken,
        "begrippen": begrippen,
        "verwijzingen": verwijzingen(hoofdstukken),
        **_boek_urls(boek, request),
    }


def _tekstregels(pagina):
    regels = [pagina.title, pagina.samenvatting]
    for blok in pagina.body:
        for tekst in blok.block.get_searchable_content(blok.value):
            regels.extend(r.strip() for r in str(tekst).splitlines())
    return [r for r in regels if r]


def publicaties(hoofdstuk, limiet=25):
    """Publications of this chapter, newest first, with their change notes."""
    items = []
    entries = (
        PageLogEntry.objects.filter(page=hoofdstuk, action="wagtail.publish")
        .select_related("revision")
        .order_by("-timestamp", "-pk")[:limiet]
    )
    for entry in entries:
        inhoud = entry.revision.content if entry.revision else {}
        items.append(
            {
                "datum": entry.timestamp,
                "notitie": inhoud.get("wijzigingsnotitie", ""),
                "revisie": entry.revision,
            }
        )
    return items


def wijzigingen_context(hoofdstuk, request):
    """What changed between the two latest published versions: notes and a line diff."""
    kruimels, boek = _kruimels(hoofdstuk)
    items = publicaties(hoofdstuk)
    verschil = []
    if len(items) >= 2 and items[0]["revisie"] and items[1]["revisie"]:
        nieuw = _tekstregels(items[0]["revisie"].as_object())
        oud = _tekstregels(items[1]["revisie"].as_object())
        for regel in difflib.ndiff(oud, nieuw):
            if regel.startswith("+ "):
                verschil.append(("toegevoegd", regel[2:]))
            elif regel.startswith("- "):
                verschil.append(("verwijderd", regel[2:]))
    return {
        "boek": boek,
        "kruimels": [*kruimels, hoofdstuk],
        "publicaties": items,
        "verschil": verschil,
        "heeft_vorige_versie": len(items) >= 2,
    }


def boekenplank(index, gebruiker):
    """The books below the index, each with its number of chapters and how many this user read."""
    boeken = list(HandreikingPage.objects.live().child_of(index).order_by("path"))
    hoofdstukken = list(HoofdstukPage.objects.live().descendant_of(index).values_list("pk", "path"))
    gelezen = _gelezen(gebruiker, [pk for pk, _pad in hoofdstukken])
    for boek in boeken:
        eigen = [pk for pk, pad in hoofdstukken if pad.startswith(boek.path)]
        boek.aantal_hoofdstukken = len(eigen)
        boek.aantal_gelezen = sum(1 for pk in eigen if pk in gelezen)
    return boeken


@dataclass(frozen=True)
class Leesplek:
    """A chapter in reading order, as the home tile needs it (cached for every reader)."""

    pk: int
    path: str
    title: str
    url: str

    def get_url(self, request=None):
        return self.url


def _leesvolgorde():
    hoofdstukken = [
        Leesplek(pk=h.pk, path=h.path, title=h.title, url=h.get_url())
        for h in HoofdstukPage.objects.live().order_by("path").defer_streamfields()
    ]
    return hoofdstukken, list(HandreikingPage.objects.values_list("path", flat=True))


def verder_lezen(gebruiker):
    """The next unread chapter: after the last one read, in that book; else the first unread.

    Returns (chapter, position in its book, chapters in that book) or None when all is read.
    """
    hoofdstukken, boekpaden = fragment(("verder-lezen",), _leesvolgorde)
    if not hoofdstukken:
        return None

    def boek_van(h):
        return next((p for p in boekpaden if h.path.startswith(p)), "")

    gelezen = _gelezen(gebruiker, [h.pk for h in hoofdstukken])
    kandidaat = None
    if gelezen:
        laatste_pk = max(gelezen, key=gelezen.get)
        laatste = next((h for h in hoofdstukken if h.pk == laatste_pk), None)
        if laatste is not None:
            in_boek = [h for h in hoofdstukken if h.path.startswith(boek_van(laatste))]
            na = [h for h in in_boek if h.path > laatste.path and h.pk not in gelezen]
            rest = [h for h in in_boek if h.pk not in gelezen]
            kandidaat = (na or rest or [None])[0]
    if kandidaat is None:
        kandidaat = next((h for h in hoofdstukken if h.pk not in gelezen), None)
    if kandidaat is None:
        return None
    in_boek = [h for h in hoofdstukken if h.path.startswith(boek_van(kandidaat))]
    return kandidaat, in_boek.index(kandidaat) + 1, len(in_boek)

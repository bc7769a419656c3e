"""Dutch text analysis for search: folding, stemming with corrections, compounds, highlights.

Snowball's Dutch stemmer is the base. It leaves gaps a consulent notices at once, which the
corrections here close: plural -ies ("interventies" stays apart from "interventie"), -'s
("auto's"), present and past verb forms ("werkt", "gewerkt"), accents ("cliënt" = "client")
and hyphens ("re-integratie" = "reïntegratie" = "reintegratie"). The same functions serve the
index (through the whoosh analyzer) and the query, so both sides always agree.
"""

import html
import re
import unicodedata
from functools import lru_cache

from whoosh.analysis import Composable, Filter, RegexTokenizer
from whoosh.lang import stemmer_for_language, stopwords_for_language

WOORD_PATROON = r"\w+(?:[-'’]\w+)*"
_WOORD_RE = re.compile(WOORD_PATROON)
_snowball = stemmer_for_language("nl")
STOPWOORDEN = frozenset(stopwords_for_language("nl"))

# Forms Snowball cannot reach by suffix rules: irregular verbs and a few plurals.
ONREGELMATIG = {
    "gesproken": "spreek",
    "sprak": "spreek",
    "spraken": "spreek",
    "spreekt": "spreek",
    "gedaan": "doe",
    "deed": "doe",
    "deden": "doe",
    "doet": "doe",
    "gegaan": "ga",
    "ging": "ga",
    "gingen": "ga",
    "gaat": "ga",
    "gezocht": "zoek",
    "zocht": "zoek",
    "zochten": "zoek",
    "gevonden": "vind",
    "vond": "vind",
    "vonden": "vind",
    "gebracht": "breng",
    "bracht": "breng",
    "gedacht": "denk",
    "dacht": "denk",
    "gekregen": "krijg",
    "kreeg": "krijg",
    "kregen": "krijg",
    "geschreven": "schrijf",
    "schreef": "schrijf",
    "gegeven": "geef",
    "gaf": "geef",
    "gaven": "geef",
    "genomen": "neem",
    "nam": "neem",
    "namen": "neem",
    "gestaan": "sta",
    "stond": "sta",
    "gekomen": "kom",
    "kwam": "kom",
    "kwamen": "kom",
    "kinderen": "kind",
    "gemeenten": "gemeent",
    "gemeentes": "gemeent",
}


_E_ACCENT_MEERVOUD = re.compile(r"és\b")


def vouw(tekst):
    """Lowercase and strip accents: 'Cliënt' -> 'client', 'reïntegratie' -> 'reintegratie'.

    Plural -és of loanwords goes first ('cafés' -> 'cafe'), since after folding 'cafes'
    could not be told from a word ending in -es.
    """
    tekst = unicodedata.normalize("NFKD", _E_ACCENT_MEERVOUD.sub("é", tekst.lower()))
    return "".join(c for c in tekst if not unicodedata.combining(c)).replace("’", "'")


def woorden(tekst):
    """The words of a text, folded, with hyphens and apostrophes still inside."""
    return [vouw(m.group()) for m in _WOORD_RE.finditer(tekst)]


def samenvoegen(woord):
    """'re-integratie' -> 'reintegratie', "auto's" -> 'auto', "cliënt's" -> 'client'."""
    if woord.endswith("'s"):
        woord = woord[:-2]
    return woord.replace("-", "").replace("'", "")


@lru_cache(maxsize=50_000)
def stam(woord):
    """The search stem of one folded, joined word (no hyphens or apostrophes)."""
    if woord in ONREGELMATIG:
        return ONREGELMATIG[woord]
    if len(woord) > 5 and woord.endswith("ies"):  # interventies -> interventie
        woord = woord[:-1]
    elif len(woord) > 6 and woord.endswith(("ieen", "ches", "shes")):
        woord = woord[:-2]  # strategieën -> strategie, jobcoaches -> jobcoach
    elif len(woord) > 6 and woord.startswith("ge") and woord[-1] in "td" and woord[-2] != "e":
        woord = woord[2:-1]  # gewerkt -> werk, gebeld -> bel
    if woord.endswith("ie"):
        return woord
    s = _snowball(woord)
    # After Snowball, so singular and plural still meet ("markt", "markten" -> "mark"):
    # present tense -t (werkt -> werk, helpt -> help, wordt -> word).
    if len(s) > 4 and s[-1] == "t" and s[-2] in "kpfgd":
        s = s[:-1]
    # Devoicing Snowball leaves: bedrijven -> bedrijv -> bedrijf, huizen -> huiz -> huis.
    if len(s) > 3 and s[-1] in "vz":
        s = s[:-1] + ("f" if s[-1] == "v" else "s")
    return s


def is_stopwoord(woord):
    return woord in STOPWOORDEN


def stammen_van_woord(woord):
    """Stems one written word stands for: the joined form, plus its parts when hyphenated."""
    gevouwen = vouw(woord)
    samen = samenvoegen(gevouwen)
    if not samen or is_stopwoord(samen):
        return []
    stammen = [stam(samen)]
    if "-" in gevouwen:
        for deel in gevouwen.split("-"):
            deel = samenvoegen(deel)
            if len(deel) > 1 and not is_stopwoord(deel):
                s = stam(deel)
                if s not in stammen:
                    stammen.append(s)
    return stammen


def analyseer(tekst):
    """Stems for a text in order, one list per kept word (the joined form first)."""
    return [s for s in (stammen_van_woord(w) for w in _WOORD_RE.findall(tekst)) if s]


def analyseer_woorden(tekst):
    """[(folded joined word, its stems)] per kept word: queries need both."""
    uit = []
    for w in _WOORD_RE.findall(tekst):
        stammen = stammen_van_woord(w)
        if stammen:
            uit.append((samenvoegen(vouw(w)), stammen))
    return uit


class NederlandsFilter(Filter):
    """Folds, joins, drops stop words and stems; hyphen parts share the word's position."""

    is_morph = True

    def __eq__(self, other):
        return other is not None and self.__class__ is other.__class__

    def __call__(self, tokens):
        pos = 0
        for t in tokens:
            stammen = stammen_van_woord(t.text)
            if not stammen:
                continue
            for s in stammen:
                t.text = s
                if t.positions:
                    t.pos = pos
                yield t
            pos += 1


class WoordFilter(Filter):
    """Folds and joins without stemming: the word list for spelling and compounds."""

    def __eq__(self, other):
        return other is not None and self.__class__ is other.__class__

    def __call__(self, tokens):
        for t in tokens:
            t.text = samenvoegen(vouw(t.text))
            if t.text:
                yield t


class RandNgramFilter(Filter):
    """Edge n-grams of folded words for autocomplete ('moti' finds 'Motiverende')."""

    def __init__(self, minimaal=1, maximaal=20):
        self.minimaal = minimaal
        self.maximaal = maximaal

    def __eq__(self, other):
        return (
            other is not None
            and self.__class__ is other.__class__
            and (self.minimaal, self.maximaal) == (other.minimaal, other.maximaal)
        )

    def __call__(self, tokens):
        for t in tokens:
            tekst = samenvoegen(vouw(t.text))
            for lengte in range(self.minimaal, min(len(tekst), self.maximaal) + 1):
                t.text = tekst[:lengte]
                yield t


AUTOCOMPLETE_MAX = 20


def tokenizer():
    return RegexTokenizer(WOORD_PATROON)


def nederlandse_analyzer() -> Composable:
    return tokenizer() | NederlandsFilter()


def woorden_analyzer() -> Composable:
    return tokenizer() | WoordFilter()


def autocomplete_analyzer() -> Composable:
    return tokenizer() | RandNgramFilter(1, AUTOCOMPLETE_MAX)


def autocomplete_termen(tekst):
    """Query terms for autocomplete: folded joined words, cut to the longest n-gram."""
    return [samenvoegen(w)[:AUTOCOMPLETE_MAX] for w in woorden(tekst) if samenvoegen(w)]


# Highlighting works on any text, whichever backend found the object.


def _komt_overeen(s, zoekstammen):
    return s in zoekstammen or any(len(z) >= 4 and s.endswith(z) for z in zoekstammen)


def markeer_fragment(tekst, zoekterm, lengte=220):
    """An HTML-safe fragment of `tekst` around the best match, matches wrapped in <mark>.

    A word matches when its stem equals a query stem or ends with one (compounds:
    'periode' marks 'zoekperiode').
    """
    tekst = " ".join(tekst.split())
    zoekstammen = {s for stammen in analyseer(zoekterm) for s in stammen}
    treffers = []
    for m in _WOORD_RE.finditer(tekst):
        stammen = stammen_van_woord(m.group())
        if any(_komt_overeen(s, zoekstammen) for s in stammen):
            treffers.append((m.start(), m.end()))
    if not treffers:
        return html.escape(tekst[:lengte] + ("…" if len(tekst) > lengte else ""))
    # The window with most matches, starting a little before a match.
    beste_start, beste_aantal = 0, -1
    for begin, _eind in treffers:
        start = max(0, begin - 40)
        aantal = sum(1 for b, e in treffers if b >= start and e <= start + lengte)
        if aantal > beste_aantal:
            beste_start, beste_aantal = start, aantal
    if beste_start:
        spatie = tekst.find(" ", beste_start)
        beste_start = spatie + 1 if 0 <= spatie < beste_start + 20 else beste_start
    einde = min(len(tekst), beste_start + lengte)
    delen, cursor = [], beste_start
    for b, e in treffers:
        if b < beste_start or e > einde:
            continue
        delen.append(html.escape(tekst[cursor:b]))
        delen.append(f"<mark>{html.escape(tekst[b:e])}</mark>")
        cursor = e
    delen.append(html.escape(tekst[cursor:einde]))
    return ("…" if beste_start else "") + "".join(delen) + ("…" if einde < len(tekst) else "")

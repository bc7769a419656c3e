"""Dutch text analysis for search: folding, stemming, compounds, highlights.

Stemming is Snowball's Dutch stemmer (snowballstemmer's ``dutch``, the Kraaij-Pohlmann based
algorithm of Snowball 3) with its ge-prefix removal switched off: it reads "gesprek" as "sprek",
"gemeente" as "meen" and "begeleiding" as "beleid". Past participles ("gewerkt", "gegeven")
and present tense forms ("maakt", "verwijst") are instead traced to a verb that OpenTaal's word
list knows ("werken", "verwijzen"), so nouns that start with ge- keep it. A small table holds
irregular forms; ``IDENTIEK`` lists the few words the stemmer must leave whole.

Compounds are split with the same word list (see :func:`delen`): "verslavingszorg" is
"verslaving" + s + "zorg". The index holds a compound's parts beside the whole word, marked
with ``DEEL`` so a query can weigh "contains it" below "is it"; a query compound is looked up
whole, by all its parts, and (when specific enough) by its leading part.

The same functions serve the index (through the whoosh analyzer, or the text PostgreSQL gets)
and the query, so both sides always agree.
"""

import html
import re
import unicodedata
from functools import cache, lru_cache
from pathlib import Path
from typing import NamedTuple

from snowballstemmer.dutch_stemmer import DutchStemmer
from whoosh.analysis import Composable, Filter, RegexTokenizer
from whoosh.lang import stopwords_for_language

WOORD_PATROON = r"\w+(?:[-'’]\w+)*"
_WOORD_RE = re.compile(WOORD_PATROON)
STOPWOORDEN = frozenset(stopwords_for_language("nl"))
WOORDENLIJST = Path(__file__).resolve().parent / "data" / "woorden-nl.txt"

# The index marks a compound part with this prefix: "zoekperiode" is indexed as "zoekperiod"
# and "+zoek", "+period".
DEEL = "+"

# Irregular forms Snowball cannot reach by suffix rules, to the form whose stem they share.
ONREGELMATIG = {
    "gesproken": "spreken",
    "sprak": "spreken",
    "spraken": "spreken",
    "gedaan": "doen",
    "deed": "doen",
    "deden": "doen",
    "doet": "doen",
    "gegaan": "gaan",
    "ging": "gaan",
    "gingen": "gaan",
    "gaat": "gaan",
    "gezocht": "zoeken",
    "zocht": "zoeken",
    "zochten": "zoeken",
    "gevonden": "vinden",
    "vond": "vinden",
    "vonden": "vinden",
    "gebracht": "brengen",
    "bracht": "brengen",
    "brachten": "brengen",
    "gedacht": "denken",
    "dacht": "denken",
    "dachten": "denken",
    "gekregen": "krijgen",
    "kreeg": "krijgen",
    "kregen": "krijgen",
    "geschreven": "schrijven",
    "schreef": "schrijven",
    "schreven": "schrijven",
    "gegeven": "geven",  # the participle; the noun's plural "gegevens" stays apart
    "gaf": "geven",
    "gaven": "geven",
    "genomen": "nemen",
    "nam": "nemen",
    "namen": "nemen",
    "gestaan": "staan",
    "stond": "staan",
    "stonden": "staan",
    "gekomen": "komen",
    "kwam": "komen",
    "kwamen": "komen",
    "verwees": "verwijzen",
    "verwezen": "verwijzen",
    "kinderen": "kind",
    "gemeentelijk": "gemeente",
    "gemeentelijke": "gemeente",
}
# Words the stemmer would merge with another word they have nothing to do with.
IDENTIEK = {
    "beleid": "beleid",  # not the verb "beleiden"
    "coaching": "coaching",  # the activity, not "coach" the person (as in loopbaancoaching)
    "media": "media",
    "data": "data",
}

# Never a compound part, though the word list has them: particles and prefixes ("uitkering"
# is not "uit" + "kering", "verloop" not "ver" + "loop") and suffix-like words.
_GEEN_DEEL = (
    "aan achter af bij binnen boven buiten door her in langs los mee mis na neer om onder ont "
    "op over rond samen tegen terug toe uit ver voor voorbij weg "
    "bes gel toep vers "
    "achtig baar dom heid ing isch lijk ling loos ring schap zaam"
)
GEEN_DEEL = frozenset(_GEEN_DEEL.split())
KOPPELTEKENS = ("", "s", "e", "en", "n", "er")  # between parts: verslaving+s+zorg
MIN_DEEL = 3
MIN_SAMENSTELLING = 6


@cache
def woordenlijst():
    """(compound parts, verbs) from OpenTaal's list (scripts/woordenlijst_maken.py). ~40 ms,
    on first use only."""
    tekst = WOORDENLIJST.read_text(encoding="utf-8")
    _kop, _, rest = tekst.partition("[delen]\n")
    delen, _, werkwoorden = rest.partition("[werkwoorden]\n")
    return frozenset(delen.split()) - GEEN_DEEL, frozenset(werkwoorden.split())


class _Stemmer(DutchStemmer):
    """Snowball's Dutch stemmer without its ge- prefix and infix removal (see the docstring)."""

    def _DutchStemmer__r_Lose_prefix(self):
        return False

    def _DutchStemmer__r_Lose_infix(self):
        return False


_snowball = _Stemmer().stemWord
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


_KLINKERS = "aeiou"


def infinitief(stamvorm):
    """The infinitive the word list knows for a verb stem: 'maak' -> 'maken', 'verwijs' ->
    'verwijzen', 'bel' -> 'bellen'; None if there is none."""
    werkwoorden = woordenlijst()[1]
    if len(stamvorm) < 2:
        return None
    kandidaten = [stamvorm + "en", stamvorm + stamvorm[-1] + "en"]
    if stamvorm[-1] in "fs":  # geef -> geven, verwijs -> verwijzen
        kandidaten.append(stamvorm[:-1] + ("v" if stamvorm[-1] == "f" else "z") + "en")
    if len(stamvorm) > 3 and stamvorm[-3] == stamvorm[-2] and stamvorm[-2] in _KLINKERS:
        kort = stamvorm[:-2] + stamvorm[-1]  # maak -> mak(en), leer -> ler(en)
        kandidaten.append(kort + "en")
        if kort[-1] in "fs":
            kandidaten.append(kort[:-1] + ("v" if kort[-1] == "f" else "z") + "en")
    if stamvorm.endswith("en"):
        kandidaten.insert(0, stamvorm)
    for k in kandidaten:
        if k in werkwoorden:
            return k
    return None


def _werkwoordsvorm(woord):
    """The infinitive behind a participle ('gewerkt', 'gegeven') or a present tense form
    ('werkt', 'verwijst'), for words the word list does not know as words of their own."""
    delen, werkwoorden = woordenlijst()
    if woord in delen or len(woord) < 4:
        return None  # a noun of its own: "gesprek", "gebied", "plant"
    if woord.startswith("ge") and len(woord) > 5:
        rest = woord[2:]
        if rest.endswith("en") and rest in werkwoorden:
            return rest  # gegeven -> geven
        if rest[-1] in "td":
            return infinitief(rest[:-1]) or infinitief(rest)  # gewerkt, geleid
    if woord[-1] == "t" and woord[-2] != "t":
        return infinitief(woord[:-1])  # werkt, maakt, verwijst, wordt
    return None


def _verlengd(romp):
    """'problem' -> 'probleem', 'dag' -> 'daag': the long vowel of an open syllable."""
    if (
        len(romp) > 2
        and romp[-1] not in _KLINKERS
        and romp[-2] in _KLINKERS
        and romp[-3] not in _KLINKERS
    ):
        return romp[:-1] + romp[-2] + romp[-1]
    return None


def _enkelvoud(woord):
    """The singular the word list knows for a plural: 'schulden' -> 'schuld', 'problemen' ->
    'probleem', 'huizen' -> 'huis', 'kinderen' -> 'kind', 'gevoelens' -> 'gevoel'.

    Snowball alone gives 'schul', 'problem', 'daag' (for 'dagen'): apart from the singular.
    """
    delen = woordenlijst()[0]
    if len(woord) < 4:
        return woord
    kandidaten = []
    if woord.endswith("en"):
        romp = woord[:-2]
        kandidaten.append(woord[:-1])  # jongeren -> jongere, ideeën -> idee
        if len(romp) > 2 and romp[-1] == romp[-2]:
            kandidaten.append(romp[:-1])  # plekken -> plek
        # An open syllable has a long vowel (problemen -> probleem), but for a few words
        # only in the plural (dagen -> dag): the long form first.
        lang = _verlengd(romp)
        for r in (lang, romp) if lang else (romp,):
            if r[-1] in "vz":
                kandidaten.append(r[:-1] + ("f" if r[-1] == "v" else "s"))  # huizen, graven
            kandidaten.append(r)
        if woord.endswith("eren"):
            kandidaten.append(woord[:-4])  # kinderen -> kind
    elif woord in delen:
        return woord  # "kans" is not the plural of "kan"
    elif woord.endswith("s"):
        if woord.endswith("ens"):
            kandidaten.append(woord[:-3])  # gevoelens -> gevoel
        kandidaten.append(woord[:-1])
    for k in kandidaten:
        if len(k) >= 3 and k in delen:
            return k
    return woord


@lru_cache(maxsize=100_000)
def stam(woord):
    """The search stem of one folded, joined word (no hyphens or apostrophes)."""
    if woord in IDENTIEK:
        return IDENTIEK[woord]
    if woord in ONREGELMATIG:
        return stam(ONREGELMATIG[woord])
    if len(woord) > 5 and woord.endswith(("ieen", "eeen")):
        woord = woord[:-2]  # strategieën -> strategie, ideeën -> idee
    elif len(woord) > 6 and woord.endswith(("ches", "shes")):
        woord = woord[:-2]  # jobcoaches -> jobcoach
    else:
        vorm = _werkwoordsvorm(woord) or _werkwoord_van_atie(woord)
        if vorm:
            return stam(vorm)
        woord = _enkelvoud(woord)
    return _snowball(woord)


def _werkwoord_van_atie(woord):
    """'sollicitatie' -> 'solliciteren', 'communicatie' -> 'communiceren' (if a verb)."""
    if woord.endswith(("atie", "aties")):
        werkwoord = woord[: woord.rindex("atie")] + "eren"
        if werkwoord in woordenlijst()[1]:
            return werkwoord
    return None


def is_stopwoord(woord):
    return woord in STOPWOORDEN


def _kop_vormen(stuk):
    """Dictionary forms the last part of a compound may stand for: 'plekken' -> 'plek'."""
    yield stuk
    if stuk.endswith("en") and len(stuk) > 4:
        romp = stuk[:-2]
        yield romp
        if len(romp) > 2 and romp[-1] == romp[-2]:
            yield romp[:-1]  # plekken -> plek
        if romp[-1] in "vz":
            yield romp[:-1] + ("f" if romp[-1] == "v" else "s")  # huizen -> huis
    if stuk.endswith("s") or stuk.endswith("en"):
        yield stuk[:-1]  # coaches, jongeren


def _is_werkwoordsvorm(woord):
    """'formuleren', 'gelooft', 'spannend', 'ontwikkelden': verbs are not split."""
    if woord in woordenlijst()[1] or _werkwoordsvorm(woord):
        return True
    for uitgang in ("ende", "end", "den", "ten", "de", "te"):
        if woord.endswith(uitgang) and infinitief(woord[: -len(uitgang)]):
            return True
    return False


@lru_cache(maxsize=100_000)
def delen(woord):
    """The parts of a compound (one folded, joined word), or () if it is none.

    Fewest parts win, then longer ones. Parts are words of OpenTaal's list of compound parts
    (three letters or more), joined directly or by -s-, -e-, -en-, -n- or -er-; the last may
    be inflected. "werkervaringsplekken" -> ("werkervaring", "plek").
    """
    if len(woord) < MIN_SAMENSTELLING or not woord.isalpha() or _is_werkwoordsvorm(woord):
        return ()
    bekend = woordenlijst()[0]
    # A word the list knows as a whole ("consulent", "gesprek") splits only into parts of four
    # letters or more: not "consul" + "ent", "gesp" + "rek".
    minimaal = MIN_DEEL + any(v in bekend for v in _kop_vormen(woord))
    n = len(woord)
    # beste[i]: (number of parts, -sum of squared lengths, parts) for woord[i:]
    beste = [None] * (n + 1)
    for i in range(n - minimaal, -1, -1):
        kandidaten = []
        stuk = woord[i:]
        for vorm in _kop_vormen(stuk) if i else ():  # the whole word is no split
            if vorm in bekend and len(vorm) >= minimaal:
                kandidaten.append((1, -(len(vorm) ** 2), (vorm,)))
                break
        for j in range(i + minimaal, n - minimaal + 1):
            deel = woord[i:j]
            if deel not in bekend:
                continue
            for koppel in KOPPELTEKENS:
                k = j + len(koppel)
                if woord.startswith(koppel, j) and k < n and beste[k] is not None:
                    aantal, gewicht, rest = beste[k]
                    kandidaten.append((aantal + 1, gewicht - len(deel) ** 2, (deel, *rest)))
        beste[i] = min(kandidaten) if kandidaten else None
    uitkomst = beste[0]
    if uitkomst is None or uitkomst[0] < 2:
        return ()
    return uitkomst[2]


def alle_delen(woord):
    """Every part of a compound, also the parts of parts: 'werkervaringsplaats' ->
    ['werkervaring', 'plaats', 'werk', 'ervaring']."""
    uit, werk = [], list(delen(woord))
    while werk:
        deel = werk.pop(0)
        if deel not in uit:
            uit.append(deel)
            werk.extend(delen(deel))
    return uit


def stammen_van_woord(woord, met_delen=False):
    """Stems one written word stands for: the joined form, plus its parts when hyphenated.

    With `met_delen`, also the stems of its compound parts, each marked with ``DEEL``.
    A new list each call (callers may change it); the work is remembered per written word.
    """
    return list(_stammen_van_woord(woord, met_delen))


@lru_cache(maxsize=100_000)
def _stammen_van_woord(woord, met_delen):
    """Pure (the word list and the tables are fixed): every text of a search page and of the
    index is made of the same few thousand words, so each is folded and split once."""
    gevouwen = vouw(woord)
    samen = samenvoegen(gevouwen)
    if not samen or is_stopwoord(samen):
        return ()
    stammen = [stam(samen)]
    stukken = [samen]
    if "-" in gevouwen:
        for deel in gevouwen.split("-"):
            deel = samenvoegen(deel)
            if len(deel) > 1 and not is_stopwoord(deel):
                stukken.append(deel)
                s = stam(deel)
                if s not in stammen:
                    stammen.append(s)
    if met_delen:
        for stuk in stukken:
            for deel in alle_delen(stuk):
                s = DEEL + stam(deel)
                if s not in stammen:
                    stammen.append(s)
    return tuple(stammen)


def analyseer(tekst, met_delen=False):
    """Stems for a text in order, one list per kept word (the joined form first)."""
    return [s for s in (stammen_van_woord(w, met_delen) for w in _WOORD_RE.findall(tekst)) if s]


def analyseer_woorden(tekst):
    """[(folded joined word, its stems)] per kept word: queries need both."""
    uit = []
    for w in _WOORD_RE.findall(tekst):
        stammen = stammen_van_woord(w)
        if stammen:
            uit.append((samenvoegen(vouw(w)), stammen))
    return uit


class Zoekwoord(NamedTuple):
    """What one query word looks for, whichever backend asks.

    - ``stam``: the word itself, or a compound that contains it (weaker);
    - ``delen``: for a compound, the stems of its parts, all of them (werkervaring + plaats);
    - ``bepaling``: for a compound whose leading part says enough on its own ("werkervaring"
      in "werkervaringsplaats", "verslaving" in "verslavingszorg"), that part's stems;
    - ``koppeldelen``: the stems of the parts of a hyphenated word.
    """

    stam: str
    delen: tuple
    bepaling: tuple
    koppeldelen: tuple


MIN_BEPALING = 9  # a leading part this long, or itself a compound, is specific enough


def zoekwoord(woord, stammen):
    """The :class:`Zoekwoord` for a folded, joined query word and its stems."""
    stukken = delen(woord)
    bepaling = ()
    if len(stukken) >= 2:
        voor = "".join(stukken[:-1])
        if len(stukken) > 2 or len(voor) >= MIN_BEPALING or delen(voor):
            bepaling = tuple(dict.fromkeys(stam(d) for d in stukken[:-1]))
    return Zoekwoord(
        stam=stammen[0],
        delen=tuple(dict.fromkeys(stam(d) for d in stukken)),
        bepaling=bepaling,
        koppeldelen=tuple(stammen[1:]),
    )


class NederlandsFilter(Filter):
    """Folds, joins, drops stop words and stems; hyphen and compound parts share the word's
    position (compound parts marked with ``DEEL``)."""

    is_morph = True

    def __eq__(self, other):
        return other is not None and self.__class__ is other.__class__

    def __call__(self, tokens):
        pos = 0
        for t in tokens:
            stammen = stammen_van_woord(t.text, met_delen=True)
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


def _zoekstammen(zoekterm):
    """The stems a query looks for: its words, and the parts of its compounds."""
    uit = set()
    for woord, stammen in analyseer_woorden(zoekterm):
        zw = zoekwoord(woord, stammen)
        uit.update(stammen)
        uit.update(zw.delen)
        uit.update(zw.bepaling)
    return uit


def _komt_overeen(s, zoekstammen):
    s = s.removeprefix(DEEL)
    return s in zoekstammen or any(len(z) >= 4 and s.endswith(z) for z in zoekstammen)


def markeer_fragment(tekst, zoekterm, lengte=220):
    """An HTML-safe fragment of `tekst` around the best match, matches wrapped in <mark>.

    A word matches when its stem or one of its compound parts equals a query stem or ends with
    one ('periode' marks 'zoekperiode', 'contact' marks 'contactfrequentie'), or when it is a
    part of a query compound ('werkervaringsplaats' marks 'werkervaring').
    """
    tekst = " ".join(tekst.split())
    zoekstammen = _zoekstammen(zoekterm)
    treffers = []
    for m in _WOORD_RE.finditer(tekst):
        stammen = stammen_van_woord(m.group(), met_delen=True)
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

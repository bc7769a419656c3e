"""Term-at-a-time scoring of the queries our compiler builds: whoosh's BM25F scores, faster.

whoosh scores a union of terms by walking a binary tree of matchers for every matching
document, several Python calls per document per tree node. A broad word such as "werk" (in
most documents, in several fields and in a dozen compounds) costs ~100 ms that way at 10,000
documents. Here each term's posting list is read a block at a time and its BM25 contributions
are added into a dict: ``And`` intersects, ``Or`` sums, boosts multiply, exactly as whoosh's
matchers combine scores, so the ranking is the same (tested against whoosh's own collector).

Queries with other parts (phrases, fuzzy terms, ``Not``, ``Every``) or another weighting
model are not handled: :func:`beste` returns None and whoosh's collector answers.
"""

import heapq
import threading
from collections import OrderedDict

from whoosh import query as wq
from whoosh.codec.whoosh3 import W3LeafMatcher
from whoosh.reading import TermNotFound
from whoosh.scoring import BM25F

from cms.huidige import Blok

# segment id -> {field: [field length per document number]}. A segment's documents and their
# lengths never change (a deletion only marks them), so this survives the new searcher
# opened after each save; segment ids are random per segment, so they never collide.
_lengtes = OrderedDict()
_MAX_SEGMENTEN = 256
_slot = threading.Lock()
# Inside `scores_delen()`: (searcher, query) -> {docnum: score}. Site search asks the page
# index the same query once per page type (interventies, beslismomenten, ...), each with its
# own filter; the scores are those of the whole index, so they are computed once per search.
_gedeeld = Blok("rangschikking_gedeeld")


def scores_delen():
    """Compute the scores of one query on one searcher once in this block (one search)."""
    return _gedeeld.delen()


class NietOndersteund(Exception):
    """The query has a part this module does not score."""


def _lengtes_van(reader, veld):
    sleutel = reader.segment().segment_id()
    with _slot:
        per_veld = _lengtes.get(sleutel)
        if per_veld is None:
            per_veld = _lengtes[sleutel] = {}
            while len(_lengtes) > _MAX_SEGMENTEN:
                _lengtes.popitem(last=False)
        lijst = per_veld.get(veld)
    if lijst is None:
        lengte = reader.doc_field_length
        lijst = [lengte(d, veld, 1) for d in range(reader.doc_count_all())]
        per_veld[veld] = lijst
    return lijst


class _Scorer:
    def __init__(self, zoeker):
        weging = zoeker.weighting
        if type(weging) is not BM25F:
            raise NietOndersteund(type(weging).__name__)
        self.zoeker = zoeker
        self.weging = weging
        self.schema = zoeker.schema
        self.bladeren = []  # (segment reader, docnum offset, deleted docnums)
        for sub, offset in zoeker.leaf_searchers():
            reader = sub.reader()
            if not hasattr(reader, "_terms"):  # an empty index's reader, say
                raise NietOndersteund(type(reader).__name__)  # whoosh's collector reads any
            self.bladeren.append((reader, offset, reader.deleted_docs_set))

    def scores(self, q):
        """{global docnum: score} of the documents `q` matches."""
        if q is wq.NullQuery:
            return {}
        soort = type(q)
        if soort is wq.Term:
            return self._term(q)
        if soort is wq.Or or soort is wq.And:
            if soort is wq.Or and (q.scale or q.minmatch):
                raise NietOndersteund("Or met scale/minmatch")
            subs = q.subqueries
            if not subs:
                return {}
            if len(subs) == 1:
                # whoosh's CompoundQuery.matcher drops the boost of a one-part compound.
                return self.scores(subs[0])
            delen = [self.scores(s) for s in subs]
            uit = self._of(delen) if soort is wq.Or else self._en(delen)
            if q.boost != 1.0:
                boost = q.boost
                uit = {d: s * boost for d, s in uit.items()}
            return uit
        raise NietOndersteund(soort.__name__)

    @staticmethod
    def _of(delen):
        delen = sorted(delen, key=len, reverse=True)
        uit = dict(delen[0])
        for deel in delen[1:]:
            for d, s in deel.items():
                uit[d] = uit.get(d, 0.0) + s
        return uit

    @staticmethod
    def _en(delen):
        delen = sorted(delen, key=len)
        uit = dict(delen[0])
        for deel in delen[1:]:
            uit = {d: s + deel[d] for d, s in uit.items() if d in deel}
            if not uit:
                break
        return uit

    def _term(self, q):
        veld = q.fieldname
        if veld not in self.schema:
            return {}
        field = self.schema[veld]
        if not field.scorable or q.minquality:
            raise NietOndersteund(f"veld {veld}")
        try:
            btekst = field.to_bytes(q.text)
        except ValueError:
            return {}
        if (veld, btekst) not in self.zoeker.reader():
            return {}
        weging = self.weging
        B = weging._field_B.get(veld, weging.B)
        K1 = weging.K1
        idf = self.zoeker.idf(veld, btekst)
        gem = self.zoeker.avg_field_length(veld) or 1
        a, b, k1p = K1 * (1 - B), K1 * B / gem, K1 + 1
        boost = q.boost
        uit = {}
        for reader, offset, verwijderd in self.bladeren:
            if (veld, btekst) not in reader:
                continue
            lengtes = _lengtes_van(reader, veld)
            for d, w in _postings(reader._terms.matcher(veld, btekst, field.format)):
                if d in verwijderd:
                    continue
                s = idf * ((w * k1p) / (w + a + b * lengtes[d]))
                uit[d + offset] = s * boost if boost != 1.0 else s
        return uit


def _postings(m):
    """(docnum, weight) pairs of a raw segment matcher, a block at a time where possible."""
    if isinstance(m, W3LeafMatcher):
        while m.is_active():
            if m._ids is None:
                m._read_ids()
            if m._weights is None:
                m._read_weights()
            yield from zip(m._ids, m._weights, strict=True)
            m._next_block()
    else:
        while m.is_active():
            yield m.id(), m.weight()
            m.next()


def alle_scores(zoeker, q):
    """{docnum: score} of every document `q` matches (shared, do not change it); None if this
    module does not score `q`."""
    gedeeld = _gedeeld.geheugen()
    sleutel = (id(zoeker), q)
    if gedeeld is not None and sleutel in gedeeld and gedeeld[sleutel][0] is zoeker:
        return gedeeld[sleutel][1]
    try:
        scores = _Scorer(zoeker).scores(q)
    except NietOndersteund:
        return None
    if gedeeld is not None:
        gedeeld[sleutel] = (zoeker, scores)
    return scores


def beste(zoeker, q, limiet=None, toegestaan=None):
    """[(score, docnum)] best first (ties: lowest docnum), like whoosh's ``top_n``; None if
    this module does not score `q`."""
    scores = alle_scores(zoeker, q)
    if scores is None:
        return None
    paren = (
        ((-s, d) for d, s in scores.items() if d in toegestaan)
        if toegestaan is not None
        else ((-s, d) for d, s in scores.items())
    )
    gekozen = heapq.nsmallest(limiet, paren) if limiet else sorted(paren)
    return [(-s, d) for s, d in gekozen]


def veldgrenzen(zoeker, q):
    """{field: (lowest, highest)} of what `q` adds to a document's score through that field,
    from the index's term statistics alone (no posting is read): lowest, the least one of its
    terms there adds to a document that has it; highest, what all its terms there can add.

    A term's BM25 score rises with its frequency and falls with the field's length; whoosh
    keeps, per term, the longest and shortest field it occurs in and its highest frequency,
    so a term scores at least once in its longest field and at most its highest frequency in
    its shortest. Deleted documents only widen the range.
    """
    uit = {}
    for term, boost in _termen(q, 1.0):
        grens = _term_grenzen(zoeker, term)
        if grens is None:
            continue
        laag, hoog = grens[0] * boost, grens[1] * boost
        if term.fieldname in uit:
            oud = uit[term.fieldname]
            laag, hoog = min(laag, oud[0]), hoog + oud[1]
        uit[term.fieldname] = (laag, hoog)
    return uit


def _termen(q, boost):
    """(term, the boost its score gets) for each term of `q`."""
    soort = type(q)
    if soort is wq.Term:
        yield q, boost
    elif soort is wq.Or or soort is wq.And:
        if len(q.subqueries) > 1:  # whoosh drops a one-part compound's boost (see scores)
            boost *= q.boost
        for sub in q.subqueries:
            yield from _termen(sub, boost)
    elif q is not wq.NullQuery:
        raise NietOndersteund(soort.__name__)


def _term_grenzen(zoeker, q):
    weging = zoeker.weighting
    if type(weging) is not BM25F:
        raise NietOndersteund(type(weging).__name__)
    veld = q.fieldname
    if veld not in zoeker.schema:
        return None
    try:
        btekst = zoeker.schema[veld].to_bytes(q.text)
        info = zoeker.reader().term_info(veld, btekst)
    except (ValueError, TermNotFound):
        return None
    B = weging._field_B.get(veld, weging.B)
    K1 = weging.K1
    idf = zoeker.idf(veld, btekst)
    gem = zoeker.avg_field_length(veld) or 1
    a, b, k1p = K1 * (1 - B), K1 * B / gem, K1 + 1
    hoogste = info.max_weight() or 1
    laag = idf * k1p / (1 + a + b * info.max_length())
    hoog = idf * hoogste * k1p / (hoogste + a + b * info.min_length())
    return laag * q.boost, hoog * q.boost

"""Top-k search that skips what cannot enter the top k (MaxScore over field postings).

Why Whoosh's own skipping never skipped on brief's queries (``Searcher.search(limit=k)``
builds ``TopCollector(usequality=True)``, which calls ``matcher.skip_to_quality``):

- ``SearchIndex._search`` asked for ``usequality=False`` to count every hit exactly.
- A bare word is one ``Term`` per field (ten fields) joined by ``PreloadedOr``; and
  Whoosh's plain ``Or`` of that many terms picks the same ``ArrayUnionMatcher``. It
  reads *and scores* every posting of a 2,048-document part before it can say the
  part's best score (its ``block_quality`` is the max of scores already computed),
  so a skip saves nothing, and a part that big always holds a document above the
  tenth best score: 0 parts skipped on every benchmark query.
- Per field and per scorer it *is* supported: every text field's term matcher
  (BM25F's ``WeightLengthScorer``, with or without a field boost, which only wraps
  it in a ``WrappingMatcher``) reports ``supports_block_quality``, and so does a
  phrase's ``SpanNear2Matcher``; an ``And`` with a date range does not (the range's
  matcher). But even a lone ``Term("body", "govern")`` skipped 1 posting block at
  10,000 briefings: a block's bound is BM25F at the block's largest weight and
  shortest length (usually two different documents), which reaches the tenth best
  score in almost every 128-posting block of a common word.

So this module does the ranking itself, on Whoosh's matcher and posting API. A
query is an ``And`` of *clauses* (a bare word over its fields, a phrase, a field
term, a date range or any other filter); a clause is a sum of *leaves* (one per
field). Each leaf has an upper bound of its score (``max_quality``: BM25F at the
term's largest weight and shortest field length).

- ``Matches`` finds the matching documents without scoring: each term leaf's posting
  list is read whole (``_read_list``: one read of its extent, each block's pickled
  header and data decoded in memory; a field with positions has them left pickled,
  the block's pickle cut where they start, unless a phrase needs them) into a
  document -> weight map; a clause is the union of its leaves, the query the
  intersection of its clauses; a phrase is read from its words' postings (positions
  consecutive, as Whoosh's ``SpanNear2`` wants); a publication-date range is a filter
  on the ``pubsort`` day column. Past ``COUNT_LIMIT`` the count says "1,000+" (the
  later segments are still read, for ranking: reading a list whole costs less than
  stepping it). A term is looked up once per segment (``_term_info``): its frequency,
  bound, postings and scorer all come from that one ``W3TermInfo``.
- When a segment's matches are known, each is bounded by the leaves it is in (the
  documents in no leaf but the largest of each clause share one bound); the
  best-bounded few are scored exactly (from the weights already read and the field
  length column), then only the rest whose bound reaches the k-th best score.
- Otherwise (a bare word with more than ``READ_POSTINGS`` postings, or another
  codec) a MaxScore pass visits, in
  document order, only the documents in a *driving* set of leaves: every leaf of one
  clause, or leaves whose bounds together exceed the total bound minus the current
  k-th best score (a document in none of them cannot reach the top k). As the k-th
  best rises, the drivers shrink to the short, high-scoring lists (title, summary,
  keywords) and the long body list is only probed for the candidates.

Scores are the very floats Whoosh computes (the same BM25F function on the same
weights and lengths, added in the order of ``ArrayUnionMatcher`` and of the
``IntersectionMatcher`` trees), ties go to the lower document number, so the top k
equals Whoosh's exhaustive scoring (``tests/unit/test_search_topk.py``).
"""

from __future__ import annotations

import heapq
import io
import math
import re
import struct
import threading
import weakref
import zlib
from array import array
from bisect import bisect_right
from collections import OrderedDict
from collections.abc import Sequence
from collections.abc import Set as AbstractSet
from datetime import datetime
from itertools import accumulate, repeat
from pickle import load as _pickle_load
from pickle import loads as _pickle_loads
from typing import Any

from whoosh import query as wq
from whoosh.codec.whoosh3 import WHOOSH3_HEADER_MAGIC as _MAGIC
from whoosh.formats import Positions
from whoosh.matching import WrappingMatcher
from whoosh.reading import TermNotFound
from whoosh.scoring import BM25F, BM25FScorer
from whoosh.searching import Searcher
from whoosh.util import make_binary_tree, make_weighted_tree
from whoosh.util.numeric import byte_to_length
from whoosh.util.times import datetime_to_long

#: Hit counts are exact up to this many; above it a search says "1,000+".
COUNT_LIMIT = 1_000

#: Leaf queries that are scored per field (everything else is an opaque filter clause).
_LEAF_TYPES = (wq.Term, wq.Phrase)
#: A bare word with more matches than the count limit is read whole (every posting
#: decoded, so that the next keystroke finds it in the cache) only when it has at
#: most this many postings not cached yet; a longer one is ranked by the MaxScore
#: pass, which decodes only the blocks it visits, and counted "1,000+".
READ_POSTINGS = 20_000
#: Documents of the strongest leaf scored first, to raise the k-th best score early.
SEED_DOCS = 64


_INT = struct.Struct("!i")  # a posting block's length, as Whoosh 3 writes it

#: Field length byte -> length, as Whoosh decodes it (``byte_to_length``).
_LENGTHS = [byte_to_length(b) for b in range(256)]
#: Per segment reader and field: the whole length column, read once (bytes).
_COLUMNS: weakref.WeakKeyDictionary[Any, dict[str, bytes | None]] = weakref.WeakKeyDictionary()


class _DayFilter:
    """A publication-date range (``after:``, ``before:``, ``date:``) answered from the
    index's ``pubsort`` column (the day number of the date that ``published`` holds at
    midnight) instead of Whoosh's ``DateRange``, whose matcher ORs one numeric term per
    indexed date (most of a date query's time). Scores like Whoosh's constant-score
    range: its boost."""

    def __init__(self, query: Any) -> None:
        start, end = _usecs(query.start), _usecs(query.end)
        # published (midnight of day D) >= start  <=>  D >= start's day, rounded up
        self.low = 1 if start is None else start // _DAY + 1 + (start % _DAY != 0)
        # published <= end  <=>  D <= end's day
        self.high = None if end is None else end // _DAY + 1
        self.boost = float(query.boost)

    @staticmethod
    def of(query: Any) -> _DayFilter | None:
        if (
            type(query) is wq.DateRange
            and query.fieldname == "published"
            and query.constantscore
            and not query.startexcl
            and not query.endexcl
            and all(v is None or isinstance(v, datetime | int) for v in (query.start, query.end))
        ):
            return _DayFilter(query)
        return None

    def days(self, reader: Any) -> list[int] | None:
        return _day_column(reader)

    def keep(self, days: list[int], doc: int) -> bool:
        day = days[doc] if doc < len(days) else 0
        return day >= self.low and (self.high is None or day <= self.high)


_DAY = 86_400_000_000  # microseconds


def _usecs(value: datetime | int | None) -> int | None:
    """A range end as Whoosh keeps it: microseconds since ``datetime.min``."""
    if value is None or isinstance(value, int):
        return value
    return datetime_to_long(value)


def _day_column(reader: Any) -> list[int] | None:
    """Every document's ``pubsort`` day number (0: undated) in a segment, read once."""
    try:
        per_reader = _COLUMNS.setdefault(reader, {})
    except TypeError:
        return None
    if "\0pubsort" not in per_reader:
        try:
            per_reader["\0pubsort"] = list(reader.column_reader("pubsort"))  # type: ignore[assignment]
        except Exception:  # no such column: no shortcut
            per_reader["\0pubsort"] = None
    return per_reader["\0pubsort"]  # type: ignore[return-value]


class _Leaf:
    """One leaf (a field's term or phrase, or a filter clause) in one segment."""

    def __init__(
        self,
        index: int,
        clause: int,
        query: wq.Query,
        sub: Searcher,
        context: Any,
        pre: dict[int, Any] | None = None,
        stats: dict[str, Any] | None = None,
    ):
        self.index = index
        self.stats = stats
        self.key = (clause, 0)
        #: document -> posting weight, when read already (then no matcher is stepped)
        self.weights: dict[int, float] | None = None
        self.clause = clause
        self.query = query
        self.sub = sub
        self.context = context
        self.matcher: Any = None
        self.m: Any = None
        self.fast: Any = None
        self.lengths: bytes | None = None
        self.boost = 1.0
        self.boosted = False
        #: (weight, field length byte) -> score, for ``TopK._score``
        self.memo: dict[tuple[Any, int], float] = {}
        self._cost: int | None = None  # ``cost``, asked only by the MaxScore pass
        self.day_filter = _DayFilter.of(query)
        days = None if self.day_filter is None else self.day_filter.days(sub.reader())
        self.days: list[int] = days or []
        if self.day_filter is not None and days is not None:
            # Never a driver (it has no postings to step); probed per document.
            self._cost = 1 << 40
            self.bound = self.day_filter.boost
            return
        self.day_filter = None
        if pre is not None and self.precomputed(pre, context.weighting):
            return
        if pre is None and self.absent():
            self.weights = {}
            return
        self.weights = None
        self.open()
        self.bound = _bound(self.matcher, query)

    @property
    def cost(self) -> int:
        """How many postings stepping this leaf costs (Whoosh's size estimate)."""
        if self._cost is None:
            self._cost = max(1, _estimate(self.query, self.sub.reader()))
        return self._cost

    def precomputed(self, weights: dict[int, Any], weighting: Any) -> bool:
        """Score from postings ``Matches`` read (a term's weights, or a phrase's words'
        weights) without opening a matcher; False when the scorer is not BM25F."""
        if not weights:  # not in this segment: an inactive leaf
            self.weights = weights
            return True
        q: Any = self.query
        field = self.sub.schema[q.fieldname]
        words = [q.text] if isinstance(q, wq.Term) else list(q.words)
        scorers = []
        for word in words:
            scorer = _scorer(self.sub, weighting, q.fieldname, field.to_bytes(word), self.stats)
            if not isinstance(scorer, BM25FScorer):
                return False
            scorers.append(scorer)
        lengths = _length_column(self.sub.reader(), q.fieldname)
        if lengths is None:
            return False
        self.weights = weights
        self.lengths = lengths
        self.boost = float(q.boost)
        self.boosted = self.boost != 1.0
        if isinstance(q, wq.Term):
            self.fast = scorers[0]._score
            bound = scorers[0].max_quality()
        else:
            # Whoosh adds the words' scores in a binary tree of IntersectionMatcher
            self.words = [sc._score for sc in scorers]
            self.shape = make_binary_tree(lambda a, b: (a, b), list(range(len(scorers))))
            self.fast = self._phrase_score
            bound = sum(sc.max_quality() for sc in scorers)
        self.bound = bound * self.boost * (1 + 1e-9) + 1e-12
        return True

    def absent(self) -> bool:
        """Whether this is a term the segment does not hold (an inactive leaf)."""
        q: Any = self.query
        if type(q) is not wq.Term or q.fieldname not in self.sub.schema:
            return False
        try:
            btext = self.sub.schema[q.fieldname].to_bytes(q.text)
        except ValueError:
            return False
        return _term_info(self.sub.reader(), q.fieldname, btext) is None

    def _phrase_score(self, weights: tuple[float, ...], length: int) -> float:
        scores = [fn(w, length) for fn, w in zip(self.words, weights, strict=True)]
        return _add(self.shape, scores)

    def active(self) -> bool:
        if self.weights is not None:
            return bool(self.weights)
        return self.day_filter is not None or bool(self.matcher.is_active())

    def open(self) -> None:
        if self.day_filter is not None or self.weights is not None:
            return
        self._open()

    def _open(self) -> None:
        """A fresh matcher, and what scoring it without Whoosh's per-call overhead takes:
        Whoosh's score of a term is ``bm25(weight, length) * boost``, the length read
        from the segment's length column one byte at a time; here the column is read
        once and the same function gets the same numbers (so the same float)."""
        matcher = self.query.matcher(self.sub, self.context)
        self.matcher = matcher
        self.boost = 1.0
        self.boosted = False
        if type(matcher) is WrappingMatcher:
            self.boost = float(matcher.boost)
            self.boosted = True
            matcher = matcher.child
        self.m = matcher  # moves with ``self.matcher`` (same postings)
        self.fast = None
        self.lengths = None
        leaf = matcher
        while not hasattr(leaf, "scorer") and hasattr(leaf, "child"):
            leaf = leaf.child
        scorer = getattr(leaf, "scorer", None)
        if isinstance(self.query, wq.Term) and isinstance(scorer, BM25FScorer):
            lengths = _length_column(self.sub.reader(), self.query.fieldname)
            if lengths is not None:
                self.fast = scorer._score
                self.lengths = lengths

    def score_weight(self, weight: float, doc: int) -> float:
        """The score of ``doc`` with this posting weight (``fast`` and ``lengths`` set)."""
        assert self.lengths is not None
        b = self.lengths[doc] if doc < len(self.lengths) else 0
        s = self.fast(weight, _LENGTHS[b] if b else None)
        return s * self.boost if self.boosted else s

    def score(self, doc: int) -> float:
        """The score Whoosh gives the current document (``doc``), bit for bit."""
        lengths = self.lengths
        if lengths is None or doc >= len(lengths) or not lengths[doc]:
            return float(self.matcher.score())
        s = self.fast(self.m.weight(), _LENGTHS[lengths[doc]])
        return s * self.boost if self.boosted else s


def _scorer(
    sub: Searcher, weighting: Any, fieldname: str, btext: bytes, stats: dict[str, Any] | None = None
) -> Any:
    """``weighting.scorer(sub, fieldname, btext)``; for BM25F, the same scorer made from
    the term info already looked up (Whoosh's ``setup`` looks the term up again).
    ``stats`` keeps the fields' average lengths for one search (Whoosh sums them over
    the segments for every scorer)."""
    if type(weighting) is BM25F and sub.schema[fieldname].scorable:
        ti = _term_info(sub.reader(), fieldname, btext)
        if ti is not None and ti is not _NO_CODEC:
            scorer = BM25FScorer.__new__(BM25FScorer)
            parent = sub.get_parent()
            scorer.idf = parent.idf(fieldname, btext)
            avgfl = None if stats is None else stats.get(fieldname)
            if avgfl is None:
                avgfl = parent.avg_field_length(fieldname) or 1
                if stats is not None:
                    stats[fieldname] = avgfl
            scorer.avgfl = avgfl
            scorer.B = weighting._field_B.get(fieldname, weighting.B)
            scorer.K1 = weighting.K1
            scorer.qf = 1
            scorer._maxquality = scorer._score(ti.max_weight(), ti.min_length())
            return scorer
    return weighting.scorer(sub, fieldname, btext)


def _length_column(reader: Any, fieldname: str) -> bytes | None:
    """The field's length bytes of every document of a segment, or None when this
    Whoosh stores them otherwise (then Whoosh scores the leaf itself)."""
    try:
        per_reader = _COLUMNS.setdefault(reader, {})
    except TypeError:
        return None
    if fieldname in per_reader:
        return per_reader[fieldname]
    out: bytes | None = None
    try:
        from whoosh.codec.whoosh3 import LENGTHS_COLUMN, _lenfield

        column = reader._perdoc._cached_reader(_lenfield(fieldname), LENGTHS_COLUMN)
        if column is not None and column._fixedlen == 1:
            out = bytes(column._dbfile.get(column._basepos, column._count))
    except Exception:  # another codec: score through Whoosh
        out = None
    per_reader[fieldname] = out
    return out


def clauses_of(query: wq.Query) -> list[list[wq.Query]] | None:
    """The query as an AND of clauses, each a list of leaf queries whose scores add up
    (a ``PreloadedOr`` of terms and phrases, or one query), or None when it has
    another shape (then the caller scores it exhaustively)."""
    parts = query.subqueries if isinstance(query, wq.And) and query.boost == 1.0 else [query]
    out: list[list[wq.Query]] = []
    for part in parts:
        if isinstance(part, wq.PreloadedOr) and part.boost == 1.0:
            if not all(isinstance(q, _LEAF_TYPES) for q in part.subqueries):
                return None
            out.append(list(part.subqueries))
        elif isinstance(part, wq.Or | wq.And):
            if not isinstance(query, wq.And):
                return None  # a top-level OR: nothing to intersect
            out.append([part])
        else:
            out.append([part])
    if not any(all(isinstance(q, _LEAF_TYPES) for q in c) for c in out):
        return None  # nothing scored per field: no bound to prune with
    return out


class _Tree:
    """How Whoosh's ``And`` adds its clauses' scores (a weighted binary tree of
    ``IntersectionMatcher``; float addition is not associative, so the same tree)."""

    def __init__(self, parts: Sequence[wq.Query], reader: Any) -> None:
        if len(parts) == 1:
            self.shape: Any = 0
            return
        if len(parts) == 2:
            self.shape = (0, 1)  # a + b == b + a in floating point: no need to ask sizes
            return
        weighted = [(0 - _estimate(q, reader), i) for i, q in enumerate(parts)]
        self.shape = make_weighted_tree(lambda a, b: (a, b), weighted)

    def total(self, scores: list[float]) -> float:
        return _add(self.shape, scores)


def _add(node: Any, scores: list[float]) -> float:
    if isinstance(node, int):
        return scores[node]
    return _add(node[0], scores) + _add(node[1], scores)


def _bound(matcher: Any, query: wq.Query) -> float:
    """An upper bound of one leaf or filter clause's score, or inf when unknown."""
    if isinstance(query, wq.NumericRange | wq.DateRange) and query.constantscore:
        return float(query.boost)
    if not isinstance(query, _LEAF_TYPES):
        return math.inf
    try:
        bound = float(matcher.max_quality())
    except Exception:  # a matcher without quality information
        return math.inf
    # Scores are summed in another order than bounds: leave room for rounding.
    return bound * (1 + 1e-9) + 1e-12


class TopK:
    """The best ``k`` documents of ``query`` by Whoosh's BM25F score, ties broken by the
    lower document number (as Whoosh's ``TopCollector`` breaks them)."""

    def __init__(
        self,
        searcher: Searcher,
        query: wq.Query,
        clauses: list[list[wq.Query]],
        k: int,
        matches: Matches | None = None,
    ):
        self.searcher = searcher
        self.matches = matches
        self.query = query
        self.clauses = clauses
        self.parts = query.subqueries if isinstance(query, wq.And) else [query]
        self.k = max(1, k)
        #: (score, -global docnum), smallest first
        self.heap: list[tuple[float, int]] = []
        #: this segment's term leaves' (document -> weight), when ``matches`` read them
        self.weights: dict[tuple[int, int], dict[int, float]] = {}
        self.scored = 0  # documents fully scored (for tests and the benchmark)
        self.stats: dict[str, Any] = {}  # field -> average length, for this search
        self._plans: dict[int, tuple[list[_Leaf], list[tuple[_Leaf, float]]]] = {}

    def run(self) -> list[tuple[float, int]]:
        context = self.searcher.context()
        found = self.matches
        for n, (sub, offset) in enumerate(self.searcher.leaf_searchers()):
            if found is not None and found.sets is not None and n < len(found.leaf_sets):
                self.weights = found.leaf_weights[n]
                self._segment(sub, offset, context, found.sets[n], found.leaf_sets[n])
            else:  # not read (counting stopped before this segment): step the postings
                self.weights = {}
                self._segment(sub, offset, context, None, None)
        return [(s, -d) for s, d in sorted(self.heap, reverse=True)]

    # -- one segment -------------------------------------------------------------------------

    def _segment(
        self,
        sub: Searcher,
        offset: int,
        context: Any,
        matches: set[int] | None,
        leaf_sets: dict[tuple[int, int], AbstractSet[int]] | None,
    ) -> None:
        if matches is not None and not matches:
            return
        leaves: list[_Leaf] = []
        for c, queries in enumerate(self.clauses):
            for j, q in enumerate(queries):
                leaf = _Leaf(len(leaves), c, q, sub, context, self.weights.get((c, j)), self.stats)
                leaf.key = (c, j)
                if leaf.active():
                    leaves.append(leaf)
        for i, leaf in enumerate(leaves):
            leaf.index = i
        per_clause: list[list[_Leaf]] = [[] for _ in self.clauses]
        for leaf in leaves:
            per_clause[leaf.clause].append(leaf)
        if any(not group for group in per_clause):
            return  # a clause matches nothing here: neither does the AND
        tree = _Tree(self.parts, sub.reader())
        total = sum(leaf.bound for leaf in leaves)
        if (
            matches is not None
            and leaf_sets is not None
            and math.isfinite(total)
            and all(leaf.key in leaf_sets for leaf in leaves)
        ):
            self._by_bound(matches, leaf_sets, leaves, per_clause, offset, tree)
            return
        seen: set[int] = set()
        if self._seed(leaves, per_clause, offset, tree, seen):
            for leaf in leaves:  # the seed moved them: start again from the first document
                leaf.open()
        drivers = self._drivers(per_clause, leaves, total)
        if matches is not None and (
            len(matches) <= sum(leaf.cost for leaf in drivers)
            or any(leaf.m is None for leaf in drivers)  # read by Matches: nothing to step
        ):
            # Fewer matching documents than driving postings: visit just those.
            order = _probe_order([], leaves)
            for doc in sorted(matches):
                if doc not in seen:
                    self._score(doc, order, per_clause, len(leaves), offset, tree)
            return
        order = _probe_order(drivers, leaves)
        threshold = self._threshold()
        done = -1  # documents up to this one are decided
        while True:
            doc = -1
            for leaf in drivers:
                m = leaf.m
                if m.is_active() and m.id() <= done:
                    m.skip_to(done + 1)  # a leaf that just became a driver
                if m.is_active():
                    i = m.id()
                    if doc < 0 or i < doc:
                        doc = i
            if doc < 0:
                return
            done = doc
            if doc not in seen:
                self._score(doc, order, per_clause, len(leaves), offset, tree)
            for leaf in drivers:
                m = leaf.m
                if m.is_active() and m.id() == doc:
                    m.next()
            if self._threshold() != threshold:
                threshold = self._threshold()
                drivers = self._drivers(per_clause, leaves, total)
                order = _probe_order(drivers, leaves)

    def _by_bound(
        self,
        matches: set[int],
        leaf_sets: dict[tuple[int, int], AbstractSet[int]],
        leaves: list[_Leaf],
        per_clause: list[list[_Leaf]],
        offset: int,
        tree: _Tree,
    ) -> None:
        """When every matching document is known: bound each by the leaves it is in,
        score the best-bounded few (a pass in document order), then only those of the
        rest whose bound reaches the k-th best score (a second pass)."""
        # A matching document in none of the smaller leaves is in the largest leaf of
        # every clause (it matches every clause): all such documents share one bound,
        # ``base``, and only the others (few, for a word of the body) are bounded one by one.
        largest = {
            c: max(group, key=lambda lf: len(leaf_sets[lf.key]))
            for c, group in enumerate(per_clause)
        }
        base = sum(leaf.bound for leaf in largest.values())
        small = [leaf for leaf in leaves if largest[leaf.clause] is not leaf]
        bounded: set[int] = set()
        for leaf in small:
            bounded.update(leaf_sets[leaf.key])
        bounded &= matches
        bound = dict.fromkeys(bounded, 0.0)
        for leaf in [*largest.values(), *small]:
            b = leaf.bound
            for doc in bounded.intersection(leaf_sets[leaf.key]):
                bound[doc] += b
        # best bound first (the order among equal bounds does not change the top k)
        ranked = sorted(bound, key=bound.__getitem__, reverse=True)
        plain = sorted(matches.difference(bound))  # each bounded by ``base``
        order = _probe_order([], leaves)
        if all(leaf.weights is not None or leaf.day_filter is not None for leaf in leaves):
            # Every leaf answers any document (no matcher to step in document order):
            # score best bound first and stop at the first bound under the k-th best.
            above = [d for d in ranked if bound[d] > base]
            below = [d for d in ranked if bound[d] <= base]
            k = self.k
            for group, fixed in ((above, None), (plain, base), (below, None)):
                for doc in group:
                    if len(self.heap) >= k:
                        threshold = self.heap[0][0]
                        limit = bound[doc] if fixed is None else fixed
                        if limit < threshold - (abs(threshold) * 1e-9 + 1e-12):
                            return  # bounds only fall from here
                    self._score(doc, order, per_clause, len(leaves), offset, tree)
            return
        first = max(2 * self.k, 32)
        head = ([d for d in ranked if bound[d] > base] + plain)[:first]
        for doc in sorted(head):
            self._score(doc, order, per_clause, len(leaves), offset, tree)
        threshold = self._threshold()
        floor = threshold - (abs(threshold) * 1e-9 + 1e-12)
        done = set(head)
        rest = [d for d in ranked if bound[d] >= floor and d not in done]
        if base >= floor:
            rest += [d for d in plain if d not in done]
        if not rest:
            return
        for leaf in leaves:
            if leaf.weights is None:
                leaf.open()
        for doc in sorted(rest):
            self._score(doc, order, per_clause, len(leaves), offset, tree)

    def _plan(self, order: list[_Leaf]) -> list[tuple[_Leaf, float]]:
        """Each leaf of ``order`` with the sum of the bounds of the leaves after it (inf
        when one of them has no bound), made once per order."""
        known = self._plans.get(id(order))
        if known is not None and known[0] is order:
            return known[1]
        plan: list[tuple[_Leaf, float]] = []
        after = 0.0
        for leaf in reversed(order):
            plan.append((leaf, after))
            after += leaf.bound if math.isfinite(leaf.bound) else math.inf
        plan.reverse()
        self._plans[id(order)] = (order, plan)
        return plan

    def _threshold(self) -> float:
        return self.heap[0][0] if len(self.heap) >= self.k else -math.inf

    def _drivers(
        self, per_clause: list[list[_Leaf]], leaves: list[_Leaf], total: float
    ) -> list[_Leaf]:
        """The cheapest set of leaves that every document able to enter the top k
        appears in (see the module's notes)."""
        best = min(per_clause, key=lambda group: sum(leaf.cost for leaf in group))
        best_cost = sum(leaf.cost for leaf in best)
        threshold = self._threshold()
        if math.isfinite(total) and threshold > -math.inf:
            need = total - threshold  # the drivers' bounds must add up to more than this
            chosen: list[_Leaf] = []
            have = 0.0
            cost = 0
            for leaf in sorted(leaves, key=lambda lf: (-lf.bound / lf.cost, lf.cost)):
                if have > need or cost >= best_cost:
                    break
                chosen.append(leaf)
                have += leaf.bound
                cost += leaf.cost
            if have > need and cost < best_cost:
                return chosen
        return best

    def _seed(
        self,
        leaves: list[_Leaf],
        per_clause: list[list[_Leaf]],
        offset: int,
        tree: _Tree,
        seen: set[int],
    ) -> bool:
        """Score the first documents of the strongest leaf, so that the k-th best score
        is high before the pass in document order starts; True if it scored any."""
        if len(self.heap) >= self.k:
            return False
        scored = [lf for lf in leaves if math.isfinite(lf.bound) and lf.day_filter is None]
        if not scored:
            return False
        lead = max(scored, key=lambda lf: (lf.bound, -lf.cost))
        docs: list[int] = []
        m = lead.query.matcher(lead.sub, lead.context)
        while m.is_active() and len(docs) < SEED_DOCS:
            docs.append(m.id())
            m.next()
        order = _probe_order([], leaves)
        for doc in docs:
            self._score(doc, order, per_clause, len(leaves), offset, tree)
            seen.add(doc)
        return bool(docs)

    def _score(
        self,
        doc: int,
        order: list[_Leaf],
        per_clause: list[list[_Leaf]],
        count: int,
        offset: int,
        tree: _Tree,
    ) -> None:
        """Score ``doc`` (local number) if it matches every clause and may enter the
        top k. Leaves are probed best bound first; a document whose score so far plus
        the bounds of the leaves not yet probed stays under the k-th best is dropped."""
        threshold = self._threshold()
        # Ties with the k-th best may still enter (a lower document number wins), and
        # the scores below are added in another order than Whoosh adds them: prune only
        # what is below the k-th best by more than rounding.
        floor = threshold - (abs(threshold) * 1e-9 + 1e-12)
        found: list[float | None] = [None] * count
        have = 0.0
        for leaf, remaining in self._plan(order):
            weights = leaf.weights
            if leaf.day_filter is not None:
                if leaf.day_filter.keep(leaf.days, doc):
                    s = leaf.day_filter.boost
                    found[leaf.index] = s
                    have += s
            elif weights is not None:
                w = weights.get(doc)
                if w is not None:
                    # a leaf's score depends on (weight, length byte) only: each pair once
                    lengths = leaf.lengths
                    key = (w, lengths[doc] if lengths is not None and doc < len(lengths) else 0)
                    s = leaf.memo.get(key)  # type: ignore[assignment]
                    if s is None:
                        s = leaf.memo[key] = leaf.score_weight(w, doc)
                    found[leaf.index] = s
                    have += s
            else:
                m = leaf.m
                if m.is_active():
                    i = m.id()
                    if i < doc:
                        m.skip_to(doc)
                        i = m.id() if m.is_active() else -1
                    if i == doc:
                        s = leaf.score(doc)
                        found[leaf.index] = s
                        have += s
            if have + remaining < floor:
                return  # cannot reach the k-th best (bounds are upper bounds)
        scores: list[float] = []
        for group in per_clause:
            total = 0.0
            hit = False
            for leaf in group:  # in the clause's order, as ArrayUnionMatcher adds them
                value = found[leaf.index]
                if value is not None:
                    total += value
                    hit = True
            if not hit:
                return  # the AND needs every clause
            scores.append(total)
        self.scored += 1
        item = (tree.total(scores), -(offset + doc))
        if len(self.heap) < self.k:
            heapq.heappush(self.heap, item)
        elif item > self.heap[0]:
            heapq.heapreplace(self.heap, item)


def _probe_order(drivers: list[_Leaf], leaves: list[_Leaf]) -> list[_Leaf]:
    """Drivers first (they stand on the document already), then the other leaves,
    highest bound first, filters without a bound last."""
    rest = [leaf for leaf in leaves if leaf not in drivers]
    rest.sort(key=lambda leaf: -leaf.bound if math.isfinite(leaf.bound) else math.inf)
    return sorted(drivers, key=lambda leaf: -leaf.bound) + rest


def top_k(
    searcher: Searcher,
    query: wq.Query,
    k: int,
    matches: Matches | None = None,
) -> list[tuple[float, int]] | None:
    """The top ``k`` (score, global docnum) of ``query``, best first; None when the query's
    shape is not one this module prunes (score it exhaustively then). ``matches``
    (from ``Matches``) are every segment's matching documents, when known: the pass
    then visits only them when they are fewer than its driving postings."""
    clauses = clauses_of(query)
    if clauses is None:
        return None
    return TopK(searcher, query, clauses, k, matches).run()


class Matches:
    """The documents that match a query, per segment, found without scoring: the
    postings' document numbers are read a block at a time into sets (the union of a
    clause's fields, then the intersection of the clauses), so the count needs no
    matcher stepping per document. A single bare word whose longest field list alone
    has more than ``limit`` documents is not read at all: its count is "limit+"."""

    def __init__(self, searcher: Searcher, query: wq.Query, limit: int | None) -> None:
        self.sets: list[set[int]] | None = None
        #: per segment: (clause, position in clause) -> that leaf's documents
        self.leaf_sets: list[dict[tuple[int, int], AbstractSet[int]]] = []
        #: per segment: (clause, position) -> a term leaf's documents and their weights
        self.leaf_weights: list[dict[tuple[int, int], dict[int, float]]] = []
        self.count = 0
        self.exact = True
        clauses = clauses_of(query)
        context = searcher.boolean_context()
        if (
            clauses is not None
            and limit is not None
            and len(clauses) == 1
            and self._skip_reading(searcher, clauses[0], limit)
        ):
            self.count, self.exact = limit, False
            return
        sets: list[set[int]] = []
        for sub, _offset in searcher.leaf_searchers():
            if clauses is None:
                found = set(query.matcher(sub, context).all_ids())
            else:
                per_leaf: dict[tuple[int, int], AbstractSet[int]] = {}
                per_weights: dict[tuple[int, int], dict[int, float]] = {}
                filters: list[tuple[int, _DayFilter, list[int]]] = []
                unions: list[set[int]] = []
                for c, group in enumerate(clauses):
                    day_filter = _DayFilter.of(group[0]) if len(group) == 1 else None
                    days = None if day_filter is None else _day_column(sub.reader())
                    if day_filter is not None and days is not None:
                        filters.append((c, day_filter, days))
                    else:
                        unions.append(_union(sub, c, group, context, per_leaf, per_weights))
                found = _intersect(unions)
                for _c, day_filter, days in filters:
                    low, high, size = day_filter.low, day_filter.high, len(days)
                    if high is None:
                        found = {d for d in found if d < size and days[d] >= low}
                    else:
                        found = {d for d in found if d < size and low <= days[d] <= high}
                for c, _f, _d in filters:
                    per_leaf[(c, 0)] = found
                self.leaf_sets.append(per_leaf)
                self.leaf_weights.append(per_weights)
            sets.append(found)
            if limit is not None and clauses is None and sum(len(done) for done in sets) > limit:
                break  # enough to say "limit+": later segments are not read
            # (with clauses, the later segments are read too: reading a posting list
            # whole costs less than stepping it in the ranking pass)
        self.sets = sets
        self.count = sum(len(found) for found in sets)
        if limit is not None and self.count > limit:
            self.count, self.exact = limit, False

    @staticmethod
    def _skip_reading(searcher: Searcher, group: list[wq.Query], limit: int) -> bool:
        """Whether one clause (a bare word) surely has more than ``limit`` matches (its
        largest field list less the deleted documents, per segment) and reading its
        postings would cost more than ``READ_POSTINGS`` postings not in the cache;
        then it is counted "limit+" and ranked by the MaxScore pass."""
        at_least = 0
        postings = 0
        for sub, _offset in searcher.leaf_searchers():
            reader: Any = sub.reader()
            with _POSTINGS_LOCK:
                cached: Any = _POSTINGS.get(reader) or {}
            best = 0
            for q in group:
                if not isinstance(q, wq.Term):
                    continue
                try:
                    btext = sub.schema[q.fieldname].to_bytes(q.text)
                except Exception:  # a value this field cannot hold
                    continue
                df = _estimate(q, reader)  # the term looked up once (``_term_info``)
                best = max(best, df)
                if ("term", q.fieldname, btext) not in cached:
                    postings += df
            at_least += max(0, best - (reader.doc_count_all() - reader.doc_count()))
        return at_least > limit and postings > READ_POSTINGS

    def docnums(self, searcher: Searcher) -> list[int]:
        """Every matching global document number (only when every set was read: made
        with ``limit=None``)."""
        assert self.sets is not None and self.exact
        out: list[int] = []
        for found, (_sub, offset) in zip(self.sets, searcher.leaf_searchers(), strict=True):
            out.extend(offset + d for d in found)
        return out


def _intersect(sets: list[set[int]]) -> set[int]:
    sets.sort(key=len)
    out = sets[0]
    for other in sets[1:]:
        out = out & other
    return out


def _union(
    sub: Searcher,
    clause: int,
    group: list[wq.Query],
    context: Any,
    per_leaf: dict[tuple[int, int], AbstractSet[int]],
    per_weights: dict[tuple[int, int], dict[int, float]],
) -> set[int]:
    out: set[int] = set()
    for j, q in enumerate(group):
        if isinstance(q, wq.Phrase) and (phrase := _phrase_postings(sub, q)) is not None:
            per_weights[(clause, j)] = phrase  # type: ignore[assignment]
            per_leaf[(clause, j)] = phrase.keys()
            out.update(phrase)
            continue
        mine: set[int] = set()
        weights = _term_postings(sub, q) if isinstance(q, wq.Term) else None
        if weights is not None:
            if not weights:
                continue
            # the leaf's documents: its weights' keys (a set-like view, not a copy)
            per_weights[(clause, j)] = weights
            per_leaf[(clause, j)] = weights.keys()
            out.update(weights)
            continue
        else:
            m = q.matcher(sub, context)
            if not m.is_active():
                continue
            mine.update(m.all_ids())
        per_leaf[(clause, j)] = mine
        out |= mine
    return out


#: Decoded postings kept per segment reader (a segment's postings never change; its
#: deletions are applied on every use): search as you type asks for the same words
#: on every keystroke ("oil", "oil p", "oil pr"...). At most this many terms and
#: phrases per segment, least recently used dropped first.
CACHED_POSTINGS = 256
#: And at most this many postings in all segments (about 40 MB): past it the least
#: recently used entries of the segment being read go first, then other segments'.
CACHED_POSTINGS_TOTAL = 400_000
_SIZE = [0]  # postings held now
_POSTINGS: weakref.WeakKeyDictionary[Any, OrderedDict[tuple, Any]] = weakref.WeakKeyDictionary()
_POSTINGS_LOCK = threading.Lock()


def clear_caches() -> None:
    """Forget the decoded postings (the benchmark measures queries cold with it)."""
    with _POSTINGS_LOCK:
        _POSTINGS.clear()
        _SIZE[0] = 0


def _size(value: Any) -> int:
    return len(value) + 1 if isinstance(value, dict) else 1


def _cached(reader: Any, key: tuple, make: Any) -> Any:
    """``make()``, remembered for ``reader`` under ``key``."""
    with _POSTINGS_LOCK:
        try:
            per = _POSTINGS.setdefault(reader, OrderedDict())
        except TypeError:
            per = None
        if per is not None and key in per:
            per.move_to_end(key)
            return per[key]
    value = make()
    if per is not None and value is not None and _size(value) <= CACHED_POSTINGS_TOTAL // 4:
        with _POSTINGS_LOCK:
            if key not in per:
                per[key] = value
                _SIZE[0] += _size(value)
            if _SIZE[0] > CACHED_POSTINGS_TOTAL:  # segments closed since are gone from it
                _SIZE[0] = sum(_size(v) for d in _POSTINGS.values() for v in d.values())
            while per and (len(per) > CACHED_POSTINGS or _SIZE[0] > CACHED_POSTINGS_TOTAL):
                _SIZE[0] -= _size(per.popitem(last=False)[1])
            if _SIZE[0] > CACHED_POSTINGS_TOTAL:  # still: other segments' go
                for other in list(_POSTINGS.keys()):
                    if other is not reader:
                        _SIZE[0] -= sum(_size(v) for v in _POSTINGS[other].values())
                        del _POSTINGS[other]
    return value


def _estimate(q: Any, reader: Any) -> int:
    """``q.estimate_size(reader)`` as Whoosh computes it, with the terms' document
    frequencies remembered like their postings (30 field terms are 30 lookups in the
    term dictionary, each several reads)."""
    if isinstance(q, wq.Term):
        field = reader.schema[q.fieldname] if q.fieldname in reader.schema else None  # noqa: SIM401
        if field is None:
            return 0
        try:
            btext = field.to_bytes(q.text)
        except ValueError:
            return 0
        ti = _term_info(reader, q.fieldname, btext)
        if ti is _NO_CODEC:
            return int(
                _cached(
                    reader,
                    ("df", q.fieldname, btext),
                    lambda: reader.doc_frequency(q.fieldname, btext),
                )
            )
        return 0 if ti is None else int(ti.doc_frequency())
    if isinstance(q, wq.Or):
        return min(sum(_estimate(sub, reader) for sub in q.subqueries), reader.doc_count())
    if isinstance(q, wq.And):
        return min(_estimate(sub, reader) for sub in q.subqueries)
    if isinstance(q, wq.Phrase):
        return _estimate(q._and_query(), reader)
    return int(q.estimate_size(reader))


def _without_deleted(reader: Any, postings: dict[int, Any]) -> dict[int, Any]:
    deleted = getattr(reader, "deleted_docs_set", None) if reader.has_deletions() else None
    if not deleted:
        return postings
    return {d: v for d, v in postings.items() if d not in deleted}


def _term_postings(sub: Searcher, q: wq.Term) -> dict[int, float] | None:
    """A term's documents and posting weights in a segment (deleted ones left out), or
    None when this codec's postings cannot be read here (then Whoosh steps them)."""
    field = sub.schema[q.fieldname] if q.fieldname in sub.schema else None  # noqa: SIM401
    if field is None:
        return {}
    try:
        btext = field.to_bytes(q.text)
    except ValueError:
        return {}
    reader: Any = sub.reader()

    def read() -> dict[int, float] | None:
        ti = _term_info(reader, q.fieldname, btext)
        if ti is None:
            return {}
        if ti is _NO_CODEC:
            return None
        postings = _read_list(reader, ti, values=False)
        if postings is None:
            return None
        ids, weights, _values = postings
        return dict(zip(ids, weights, strict=True))

    raw = _cached(reader, ("term", q.fieldname, btext), read)
    return None if raw is None else _without_deleted(reader, raw)


def _phrase_postings(sub: Searcher, q: wq.Phrase) -> dict[int, tuple[float, ...]] | None:
    reader: Any = sub.reader()
    raw = _cached(reader, ("phrase", q.fieldname, tuple(q.words)), lambda: _read_phrase(sub, q))
    return None if raw is None else _without_deleted(reader, raw)


def _read_phrase(sub: Searcher, q: wq.Phrase) -> dict[int, tuple[float, ...]] | None:
    """The documents where the phrase occurs (its words at consecutive positions, as
    Whoosh's ``SpanNear2(slop=1, ordered=True, mindist=1)`` finds them), each with its
    words' posting weights (Whoosh scores a phrase as the sum of its words' scores);
    None when the field or codec does not allow reading it here.

    The rarest word's list is read whole; of each other word's list only the blocks
    whose document range holds a document that every word read so far has (a block's
    header says its last document), and the positions are decoded only for the
    documents that hold every word."""
    field = sub.schema[q.fieldname] if q.fieldname in sub.schema else None  # noqa: SIM401
    if field is None or not field.format or not field.format.supports("positions"):
        return None
    reader: Any = sub.reader()
    infos: list[Any] = []
    for word in q.words:
        try:
            btext = field.to_bytes(word)
        except ValueError:
            return {}
        ti = _term_info(reader, q.fieldname, btext)
        if ti is None:
            return {}
        if ti is _NO_CODEC:
            return None
        infos.append(ti)
    order = sorted(range(len(infos)), key=lambda i: infos[i].doc_frequency())
    read = _read_list(reader, infos[order[0]], values=True)
    if read is None:
        return None
    ids, weights, values = read
    lists: list[dict[int, tuple[float, bytes]]] = [{} for _ in infos]
    lists[order[0]] = dict(zip(ids, zip(weights, values, strict=True), strict=True))
    wanted = sorted(lists[order[0]])
    for i in order[1:]:
        found = _postings_for(reader, infos[i], wanted)
        if found is None:
            return None
        lists[i] = found
        wanted = [doc for doc in wanted if doc in found]
        if not wanted:
            return {}
    decode = (
        _positions
        if type(field.format).decode_positions is Positions.decode_positions
        else field.format.decoder("positions")
    )
    out: dict[int, tuple[float, ...]] = {}
    first, rest = lists[0], list(enumerate(lists[1:], 1))
    for doc in wanted:
        # the places where the phrase could start: word n at start + n, for every n
        starts = set(decode(first[doc][1]))
        for n, postings in rest:
            starts.intersection_update([p - n for p in decode(postings[doc][1])])
            if not starts:
                break
        if starts:
            out[doc] = tuple(postings[doc][0] for postings in lists)
    return out


def _posting_bytes(reader: Any, ti: Any) -> bytes | None:
    """The bytes of a term's posting list (``ti``: its term info) in the segment's
    postings file, or None when they cannot be read or are not in the block format
    this module reads."""
    try:
        offset, length = ti.extent()
        if isinstance(length, tuple):  # W3TermInfo.from_bytes keeps struct's 1-tuple
            (length,) = length
        raw = reader._terms._postfile.get(offset, length)
    except Exception:
        return None
    return raw if raw[:4] == _MAGIC else None


def _postings_for(reader: Any, ti: Any, wanted: list[int]) -> dict[int, tuple[float, bytes]] | None:
    """(weight, value) of those of the documents ``wanted`` (sorted) that are in a
    Whoosh 3 posting list: only the blocks whose document range holds one of them are
    inflated and unpickled. None when the list is not laid out so."""
    if not hasattr(ti, "is_inlined"):
        return None
    if ti.is_inlined():
        read = _read_list(reader, ti, values=True)
        if read is None:
            return None
        want = set(wanted)
        ids, weights, values = read
        return {d: (w, v) for d, w, v in zip(ids, weights, values, strict=True) if d in want}
    raw = _posting_bytes(reader, ti)
    if raw is None:
        return None
    stream = io.BytesIO(raw)
    pos = 4
    end = len(raw)
    out: dict[int, tuple[float, bytes]] = {}
    at = 0  # wanted[at] is the first wanted document past the blocks read so far
    while pos < end and at < len(wanted):
        (size,) = _INT.unpack_from(raw, pos)
        last = size < 0
        size = -size if last else size
        stream.seek(pos + 4)
        count, maxid, _maxweight, compression, _mn, _mx = _pickle_load(stream)
        start = stream.tell()
        pos = pos + 4 + size
        if wanted[at] <= maxid:  # a wanted document may be in this block
            data = raw[start:pos]
            block_ids, block_weights, block_values = _pickle_loads(
                zlib.decompress(data) if compression else data
            )
            if not isinstance(block_values, tuple | list):
                return None  # no values, or fixed-size ones: not a format brief's index uses
            block = dict(
                zip(
                    accumulate(block_ids),
                    zip(_weights_of(block_weights, count), block_values, strict=True),
                    strict=True,
                )
            )
            upto = bisect_right(wanted, maxid, at)
            for doc in wanted[at:upto]:
                posting = block.get(doc)
                if posting is not None:
                    out[doc] = posting
            at = upto
        if last:
            break
    return out


def _weights_of(block_weights: Any, count: int) -> Sequence[float]:
    """A block's weights as Whoosh minified them (None: all 1.0; one float: all that
    float, as the float32 ``array("f")`` Whoosh makes of it)."""
    if block_weights is None:
        return [1.0] * count
    if isinstance(block_weights, float):
        return array("f", repeat(block_weights, count))
    return block_weights


def _positions(value: bytes) -> list[int]:
    """``Positions.decode_positions`` (a count, then the pickled position deltas) with
    the deltas added up in C."""
    return list(accumulate(_pickle_loads(value[4:] if value.endswith(b".") else value[4:] + b".")))


#: A term's info when this reader is not Whoosh 3's (then Whoosh reads the postings).
_NO_CODEC: Any = object()
#: A term not in a segment (remembered like one that is).
_ABSENT: Any = object()


def _term_info(reader: Any, fieldname: str, btext: bytes) -> Any:
    """The term's ``W3TermInfo`` in a segment (document frequency, largest weight,
    shortest length, where its postings are), looked up once and remembered with its
    postings: None when the segment does not hold it, ``_NO_CODEC`` for another codec.
    (Whoosh looks a term up again for its frequency, its matcher and its scorer: three
    or four hash-table probes of several reads each, per field, per segment.)"""

    def read() -> Any:
        terms = getattr(reader, "_terms", None)
        if terms is None or not hasattr(terms, "term_info") or not hasattr(terms, "_postfile"):
            return _NO_CODEC
        try:
            return terms.term_info(fieldname, btext)
        except TermNotFound:
            return _ABSENT
        except Exception:  # a value this codec cannot look up: let Whoosh do it
            return _NO_CODEC

    ti = _cached(reader, ("ti", fieldname, btext), read)
    return None if ti is _ABSENT else ti


def _read_list(
    reader: Any, ti: Any, *, values: bool
) -> tuple[Sequence[int], Sequence[float], Sequence[Any]] | None:
    """A Whoosh 3 posting list whole, from one read of its extent: (document numbers,
    weights, values if asked). The blocks are decoded as ``W3LeafMatcher`` decodes them
    (length, pickled header, pickled and maybe compressed data), without its seek and
    small read per pickle opcode. None when the list is not laid out so."""
    if not hasattr(ti, "is_inlined"):
        return None
    if ti.is_inlined():
        ids, weights, vals = ti.inlined_postings()
        return list(ids), list(weights), list(vals) if values else ()
    raw = _posting_bytes(reader, ti)
    if raw is None:
        return None
    stream = io.BytesIO(raw)
    pos = 4
    out_ids: list[int] = []
    out_weights: list[float] = []
    out_values: list[Any] = []
    end = len(raw)
    while pos < end:
        (size,) = _INT.unpack_from(raw, pos)
        last = size < 0
        size = -size if last else size
        stream.seek(pos + 4)
        count, _maxid, _maxweight, compression, _mn, _mx = _pickle_load(stream)
        start = stream.tell()
        pos = pos + 4 + size
        data = raw[start:pos]
        if values:
            block_ids, block_weights, block_values = _pickle_loads(
                zlib.decompress(data) if compression else data
            )
        else:
            block_ids, block_weights = _ids_and_weights(data, compression, count)
        out_ids.extend(accumulate(block_ids))
        out_weights.extend(_weights_of(block_weights, count))
        if values:
            if block_values is None:
                out_values.extend(repeat(None, count))
            elif isinstance(block_values, bytes):
                return None  # fixed-size values: not a format brief's index uses
            else:
                out_values.extend(block_values)
        if last:
            break
    return out_ids, out_weights, out_values


#: Where a posting block's values start when they are positions (``bytes`` pickled at
#: protocol 2 are ``_codecs.encode(str, "latin1")`` calls; the tuple of them opens with
#: MARK). Neither the document numbers (1-4 byte integers, each after an opcode byte)
#: nor the weights (8-byte floats, each after "G") can hold these 16 bytes.
_VALUES_START = b"(c_codecs\nencode"
#: How a block pickled at protocol 4 starts (``search.index.BriefCodec`` writes them so).
_PROTOCOL_4 = b"\x80\x04"
#: The numbers and weights of 128 postings fit in this many bytes of a block.
_HEAD = 2048


def _ids_and_weights(data: bytes, compression: int, count: int) -> tuple[Any, Any]:
    """A block's (delta-coded document numbers, weights), unpickled without its
    positions: the pickle is cut where they start and closed as a pair. A block
    pickled at protocol 4 (``search.index.BriefCodec``, every index of schema 6) is
    cut by ``_cut_protocol_4``; in Whoosh's own blocks (protocol 2) each position value
    is a codec call to unpickle (about 30 times the time of the numbers and weights),
    and they start at ``_VALUES_START``. Falls back to the whole block."""
    block = zlib.decompress(data) if compression else data
    if block[:2] == _PROTOCOL_4:
        found = _cut_protocol_4(block, count)
        if found is not None:
            return found
    else:
        cut = block.find(_VALUES_START, 0, _HEAD)
        if cut > 0:
            try:
                ids, weights = _pickle_loads(block[:cut] + b"\x86.")  # TUPLE2, STOP
            except Exception:  # not the layout this expects: read the whole block
                ids = None
            if ids is not None and len(ids) == count:
                return ids, weights
    ids, weights, _values = _pickle_loads(block)
    return ids, weights


#: Where a protocol-4 block's values may start: the tuple's MARK, then the first
#: value's SHORT_BINBYTES or BINBYTES opcode.
_P4_VALUES = re.compile(rb"\((?:C|B)")


def _cut_protocol_4(block: bytes, count: int) -> tuple[Any, Any] | None:
    """(document numbers, weights) of a block pickled at protocol 4, unpickled from the
    part before its values (a third of the block's time): cut where the values tuple
    starts and closed as a pair, without the frame header (the cut pickle is shorter
    than its frame). A cut that does not give ``count`` numbers (the two opcode bytes
    also occur inside a number or a weight) is tried again further on; None when no
    cut works."""
    body = block[11:] if block[2:3] == b"\x95" else block[2:]  # PROTO 4, then FRAME + 8 bytes
    at = 0
    while (found := _P4_VALUES.search(body, at)) is not None:
        cut = found.start()
        try:
            ids, weights = _pickle_loads(b"\x80\x04" + body[:cut] + b"\x86.")  # TUPLE2, STOP
        except Exception:
            ids = weights = None
        if (
            isinstance(ids, tuple)
            and len(ids) == count
            and (weights is None or isinstance(weights, float) or len(weights) == count)
        ):
            return ids, weights
        at = cut + 1
    return None


def count_upto(searcher: Searcher, query: wq.Query, limit: int | None) -> tuple[int, bool]:
    """How many documents match ``query``, counted without scoring and up to ``limit``
    (None: all): (count, exact). Past the limit it is (limit, False)."""
    found = Matches(searcher, query, limit)
    return found.count, found.exact

"""Top-k search that skips what cannot enter the top k (MaxScore over field postings).

Why Whoosh's own skipping never skipped on brief's queries (``Searcher.search(limit=k)``
builds ``TopCollector(usequality=True)``, which calls ``matcher.skip_to_quality``):

- ``SearchIndex._search`` asked for ``usequality=False`` to count every hit exactly.
- A bare word is one ``Term`` per field (ten fields) joined by ``PreloadedOr``, whose
  ``ArrayUnionMatcher`` reads *and scores* every posting of a 2,048-document part
  before it can say the part's best score (its ``block_quality`` is the max of the
  scores it has already computed), so skipping a part saves nothing; and a part of
  2,048 documents almost always holds a document above the tenth best score.
- The leaf matchers themselves support it (BM25F's ``WeightLengthScorer`` gives
  ``block_quality`` from each posting block's max weight and min length, for every
  text field, with or without field boosts), but Whoosh's ``UnionMatcher`` bounds a
  block of a ten-field OR by the sum of ten block maxima, which a common word's body
  block always reaches, and phrases (``SpanNear2``) and date ranges (constant-score
  wrappers) report no block quality, so an ``And`` with them disables it entirely.

So this module does the skipping itself, on Whoosh's matcher API. A query is an
``And`` of *clauses* (a bare word over its fields, a phrase, a field term, a date
range or any other filter); a clause is a sum of *leaves* (one per field). Each
leaf has an upper bound on its score (``max_quality``: BM25F at the term's largest
weight and shortest field length). Documents are visited in order of their number,
but only those that appear in a *driving* set of leaves: either every leaf of one
clause (the AND needs it), or leaves whose bounds together exceed the total bound
minus the current k-th best score (a document in none of them cannot reach the top
k). As the k-th best score rises, the driving set shrinks to the short, high-scoring
lists (title, summary, keywords) and the long body list is only probed for the
candidates. Scores are summed exactly as Whoosh's ``ArrayUnionMatcher`` and
``IntersectionMatcher`` tree sum them, so the top k is identical to Whoosh's
exhaustive scoring (``tests/unit/test_search_topk.py``).
"""

from __future__ import annotations

import heapq
import math
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from whoosh import query as wq
from whoosh.searching import Searcher
from whoosh.util import make_weighted_tree

#: Hit counts are exact up to this many; above it a search says "1,000+".
COUNT_LIMIT = 1_000

#: Leaf queries that are scored per field (everything else is an opaque filter clause).
_LEAF_TYPES = (wq.Term, wq.Phrase)
#: Documents of the strongest leaf scored first, to raise the k-th best score early.
SEED_DOCS = 64


@dataclass
class _Leaf:
    clause: int
    query: wq.Query
    matcher: Any = None
    bound: float = math.inf
    cost: int = 0


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
        weighted = [(0 - q.estimate_size(reader), i) for i, q in enumerate(parts)]
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

    def __init__(self, searcher: Searcher, query: wq.Query, clauses: list[list[wq.Query]], k: int):
        self.searcher = searcher
        self.query = query
        self.clauses = clauses
        self.parts = query.subqueries if isinstance(query, wq.And) else [query]
        self.k = max(1, k)
        #: (score, -global docnum), smallest first
        self.heap: list[tuple[float, int]] = []
        self.scored = 0  # documents fully scored (for tests and the benchmark)

    def run(self) -> list[tuple[float, int]]:
        context = self.searcher.context()
        for sub, offset in self.searcher.leaf_searchers():
            self._segment(sub, offset, context)
        return [(s, -d) for s, d in sorted(self.heap, reverse=True)]

    # -- one segment -------------------------------------------------------------------------

    def _segment(self, sub: Searcher, offset: int, context: Any) -> None:
        reader = sub.reader()
        leaves: list[_Leaf] = []
        for c, queries in enumerate(self.clauses):
            for q in queries:
                m = q.matcher(sub, context)
                if not m.is_active():
                    continue
                leaves.append(_Leaf(c, q, m, _bound(m, q), max(1, q.estimate_size(reader))))
        per_clause: list[list[_Leaf]] = [[] for _ in self.clauses]
        for leaf in leaves:
            per_clause[leaf.clause].append(leaf)
        if any(not group for group in per_clause):
            return  # a clause matches nothing here: neither does the AND
        tree = _Tree(self.parts, reader)
        bounds = [sum(leaf.bound for leaf in group) for group in per_clause]
        total_bound = sum(bounds)
        seen: set[int] = set()
        self._seed(sub, context, per_clause, leaves, offset, tree, seen)
        # Fresh matchers for the pass in document order (the seed moved some forward).
        for leaf in leaves:
            leaf.matcher = leaf.query.matcher(sub, context)
        drivers = self._drivers(per_clause, leaves, total_bound)
        threshold = self._threshold()
        done = -1  # documents up to this one are decided
        while True:
            doc = -1
            for leaf in drivers:
                m = leaf.matcher
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
                self._score(doc, per_clause, bounds, offset, tree)
            for leaf in drivers:
                m = leaf.matcher
                if m.is_active() and m.id() == doc:
                    m.next()
            if self._threshold() != threshold:
                threshold = self._threshold()
                drivers = self._drivers(per_clause, leaves, total_bound)

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
        sub: Searcher,
        context: Any,
        per_clause: list[list[_Leaf]],
        leaves: list[_Leaf],
        offset: int,
        tree: _Tree,
        seen: set[int],
    ) -> None:
        """Score the first documents of the strongest leaf per cost, so that the k-th
        best score is high before the pass in document order starts."""
        if len(self.heap) >= self.k:
            return
        scored = [leaf for leaf in leaves if math.isfinite(leaf.bound)]
        if not scored:
            return
        lead = max(scored, key=lambda lf: (lf.bound, -lf.cost))
        docs: list[int] = []
        m = lead.query.matcher(sub, context)
        while m.is_active() and len(docs) < SEED_DOCS:
            docs.append(m.id())
            m.next()
        bounds = [sum(leaf.bound for leaf in group) for group in per_clause]
        for doc in docs:
            self._score(doc, per_clause, bounds, offset, tree)
            seen.add(doc)

    def _score(
        self,
        doc: int,
        per_clause: list[list[_Leaf]],
        bounds: list[float],
        offset: int,
        tree: _Tree,
    ) -> None:
        """Score ``doc`` (local number) if it matches every clause and may enter the top k."""
        threshold = self._threshold()
        # Ties with the k-th best may still enter (a lower document number wins), and
        # the scores below are added in another order than Whoosh adds them: prune only
        # what is below the k-th best by more than rounding.
        floor = threshold - (abs(threshold) * 1e-9 + 1e-12)
        key = -(offset + doc)
        scores = [0.0] * len(per_clause)
        have = 0.0
        for c, group in enumerate(per_clause):
            s = 0.0
            hit = False
            for leaf in group:
                m = leaf.matcher
                if not m.is_active():
                    continue
                if m.id() < doc:
                    m.skip_to(doc)
                    if not m.is_active():
                        continue
                if m.id() == doc:
                    s += m.score()
                    hit = True
            if not hit:
                return
            scores[c] = s
            have += s
            if have + sum(bounds[c + 1 :]) < floor:
                return  # cannot reach the k-th best (bounds are upper bounds)
        self.scored += 1
        total = tree.total(scores)
        item = (total, key)
        if len(self.heap) < self.k:
            heapq.heappush(self.heap, item)
        elif item > self.heap[0]:
            heapq.heapreplace(self.heap, item)


def top_k(searcher: Searcher, query: wq.Query, k: int) -> list[tuple[float, int]] | None:
    """The top ``k`` (score, global docnum) of ``query``, best first; None when the query's
    shape is not one this module prunes (score it exhaustively then)."""
    clauses = clauses_of(query)
    if clauses is None:
        return None
    return TopK(searcher, query, clauses, k).run()


def count_upto(searcher: Searcher, query: wq.Query, limit: int | None) -> tuple[int, bool]:
    """How many documents match ``query``, counted without scoring and up to ``limit``
    (None: all): (count, exact). Past the limit it is (limit, False)."""
    n = 0
    docs: Iterator[int] = searcher.docs_for_query(query)
    for _ in docs:
        n += 1
        if limit is not None and n > limit:
            return limit, False
    return n, True

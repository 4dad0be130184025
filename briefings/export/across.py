"""What several briefings share: the same quote, the same figure.

``corroborated_quotes`` finds quotes that appear in more than one briefing.
It takes the links the search layer stored on each quote
(``Quote.corroborations``) wherever there are some: a pair of briefings
linked there is never compared again. Only the other pairs, in briefings that
never went through the search layer (or that it did not think to compare), are
matched here (``briefings.corroboration.match``, the same test the search
layer uses), and only candidate pairs at that: quotes by the same speaker, or
quotes that share one of their rarest words. Quotes that match each other form
one group (the same quote in three outlets is one entry; a long quote in one
outlet that two shorter ones in another both match is one entry with three
uses), ordered by who ran it first.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date

from briefings.corroboration import match, normalise, wording_differences, words
from briefings.derive.figures import quantity_kind, same_quantity
from briefings.models import Briefing, Figure, Quote

#: How many of a quote's rarest words are used to find its candidates.
RARE_WORDS = 3
MIN_WORD_LENGTH = 4


@dataclass(frozen=True, slots=True)
class QuoteUse:
    """One briefing's wording of a quote."""

    briefing: Briefing
    quote: Quote
    differences: list[tuple[str, str]] = field(default_factory=list)  # vs the first use


@dataclass(frozen=True, slots=True)
class QuoteGroup:
    uses: list[QuoteUse]

    @property
    def first(self) -> QuoteUse:
        return self.uses[0]

    @property
    def speaker(self) -> str | None:
        return next((u.quote.speaker for u in self.uses if u.quote.speaker), None)


def _speaker_key(name: str | None) -> str | None:
    parts = words(name or "")
    return parts[-1] if parts else None  # family name: "Tsai" and "Joe Tsai" meet


def candidate_pairs(quotes: list[tuple[int, Quote]]) -> set[tuple[int, int]]:
    """Index pairs (i < j) of quotes from different briefings worth comparing."""
    word_sets = [set(words(q.text)) for _, q in quotes]
    df = Counter(w for ws in word_sets for w in ws)
    postings: dict[str, list[int]] = defaultdict(list)
    for i, ws in enumerate(word_sets):
        for w in ws:
            postings[w].append(i)
        key = _speaker_key(quotes[i][1].speaker)
        if key:
            postings["\x00speaker:" + key].append(i)
    pairs: set[tuple[int, int]] = set()
    for i, ws in enumerate(word_sets):
        long_words = [w for w in ws if len(w) >= MIN_WORD_LENGTH] or list(ws)
        keys = sorted(long_words, key=lambda w: (df[w], w))[:RARE_WORDS]
        key = _speaker_key(quotes[i][1].speaker)
        if key:
            keys.append("\x00speaker:" + key)
        for k in keys:
            for j in postings[k]:
                if j != i and quotes[i][0] != quotes[j][0]:
                    pairs.add((min(i, j), max(i, j)))
    return pairs


def _first_key(b: Briefing, order: int) -> tuple[date, int]:
    return (b.published or date.max, order)


Differences = list[tuple[str, str]]


def _stored_links(
    briefings: list[Briefing], quotes: list[tuple[int, Quote]]
) -> tuple[dict[tuple[int, int], Differences], set[frozenset[int]]]:
    """Edges between quotes (flat indexes, with the wording differences from the first
    to the second) from the stored links, and the briefing pairs those links cover."""
    flat: dict[tuple[int, int], int] = {}
    for bi, b in enumerate(briefings):
        for qi in range(len(b.quotes)):
            flat[(bi, qi)] = len(flat)
    where = {b.id: bi for bi, b in enumerate(briefings)}
    edges: dict[tuple[int, int], Differences] = {}
    covered: set[frozenset[int]] = set()
    for i, (bi, q) in enumerate(quotes):
        for link in q.corroborations:
            bj = where.get(link.id)
            if bj is None or bj == bi or link.quote >= len(briefings[bj].quotes):
                continue
            other = briefings[bj].quotes[link.quote]
            if link.text and normalise(link.text) != normalise(other.text):
                continue  # stale: that briefing changed since the link was made
            j = flat[(bj, link.quote)]
            edges[(i, j)] = list(link.differences)
            edges.setdefault((j, i), [(b, a) for a, b in link.differences])
            covered.add(frozenset((bi, bj)))
    return edges, covered


def corroborated_quotes(briefings: list[Briefing]) -> list[QuoteGroup]:
    """Quotes carried by more than one of ``briefings``, each group earliest first."""
    quotes = [(bi, q) for bi, b in enumerate(briefings) for q in b.quotes]
    parent = list(range(len(quotes)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    edges, covered = _stored_links(briefings, quotes)
    for i, j in sorted(candidate_pairs(quotes)):
        if frozenset((quotes[i][0], quotes[j][0])) in covered:
            continue  # the search layer compared these two briefings already
        found = match(quotes[i][1].text, quotes[j][1].text)
        if found is not None:
            edges[(i, j)] = found.differences
            edges[(j, i)] = [(b, a) for a, b in found.differences]
    for i, j in sorted(edges):
        if root(i) != root(j):
            parent[root(j)] = root(i)

    members: dict[int, list[int]] = defaultdict(list)
    for i in range(len(quotes)):
        members[root(i)].append(i)
    groups: list[QuoteGroup] = []
    for idx in members.values():
        if len({quotes[i][0] for i in idx}) < 2:
            continue
        idx.sort(
            key=lambda i: (
                *_first_key(briefings[quotes[i][0]], quotes[i][0]),
                -len(quotes[i][1].text),
            )
        )
        head = idx[0]
        first = quotes[head][1]
        uses = [QuoteUse(briefings[quotes[head][0]], first)]
        seen = {(quotes[head][0], normalise(first.text))}
        for i in idx[1:]:
            key = (quotes[i][0], normalise(quotes[i][1].text))
            if key in seen:  # the same words twice in one briefing
                continue
            seen.add(key)
            diffs = edges.get((head, i))
            if diffs is None:  # linked through another use: compare with the first directly
                diffs = wording_differences(first.text, quotes[i][1].text)
            uses.append(QuoteUse(briefings[quotes[i][0]], quotes[i][1], diffs))
        groups.append(QuoteGroup(uses))
    position = {id(b): i for i, b in enumerate(briefings)}
    groups.sort(key=lambda g: (-len(g.uses), min(position[id(u.briefing)] for u in g.uses)))
    return groups


@dataclass(slots=True)
class FigureRow:
    figure: Figure
    briefings: list[Briefing]


def figures_across(briefings: list[Briefing]) -> list[FigureRow]:
    """Every figure once, with the briefings that carry it; shared figures first.

    Two briefings' figures are one row only when they are the same number of the
    same kind of unit AND measure the same quantity (``same_quantity``): "two
    years" in one story and "two years" in another are two rows unless what they
    measure names the same thing ("time the inquiry took" is not "time since
    the vote"). A figure a briefing lists twice is one row."""
    rows: list[FigureRow] = []
    by_value: dict[tuple[str, float], list[FigureRow]] = {}
    for b in briefings:
        for f in b.figures:
            kind = quantity_kind(f)
            if kind is None or f.value is None:
                rows.append(FigureRow(f, [b]))
                continue
            key = (kind[0], round(f.value * kind[1], 6))
            row = next(
                (
                    r
                    for r in by_value.get(key, [])
                    if (any(x is b for x in r.briefings) and r.figure == f)
                    or same_quantity(r.figure, f)
                ),
                None,
            )
            if row is None:
                row = FigureRow(f, [])
                rows.append(row)
                by_value.setdefault(key, []).append(row)
            if not any(x is b for x in row.briefings):
                row.briefings.append(b)
    rows.sort(key=lambda r: -len(r.briefings))  # stable: briefing order within
    return rows

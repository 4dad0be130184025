"""Quote corroboration: link the same quotation across briefings, with its wording differences.

Only quotes of candidate briefings found through the index are compared
(``related.RelatedUpdater`` finds them), never all pairs in the library; the
matching itself is ``briefings.corroboration.match``.
"""

from __future__ import annotations

from datetime import date

from briefings.corroboration import MIN_WORDS, QuoteMatch, match, words
from briefings.models import Briefing, Quote, QuoteLink

#: Two quotes must share this many words before the fuzzy match is tried...
MIN_SHARED_WORDS = 4
#: ... and this share of the shorter quote's distinct words. A match needs the shorter
#: quote to be ~90% contained in the longer one character for character, which leaves
#: most words intact; the check only skips pairs the fuzzy match would reject.
MIN_SHARED_SHARE = 0.4


def quote_words(profile: dict) -> list[tuple[int, str, frozenset[str]]]:
    """(index, text, distinct words) of each quote of a related-articles profile."""
    found = profile.get("_quote_words")
    if found is None:
        found = [(j, text, frozenset(words(text))) for j, text in profile.get("q", [])]
    return found


def _all_words(profile: dict) -> frozenset[str]:
    """The words of all of a profile's quotes of at least ``MIN_SHARED_WORDS`` words
    (kept in the profile)."""
    found = profile.get("_quote_union")
    if found is None:
        found = profile["_quote_union"] = frozenset().union(
            *(w for _, _, w in quote_words(profile) if len(w) >= MIN_SHARED_WORDS)
        )
    return found


def link_quotes(
    a: dict, b: dict, memo: dict[tuple[str, str], QuoteMatch | None] | None = None
) -> list[tuple[int, int, QuoteMatch]]:
    """(index in a, index in b, match) for each quote of profile ``a`` also in ``b``.
    ``memo``: matches already made for pairs of texts (one briefing's candidates often
    carry the same quote, word for word)."""
    out: list[tuple[int, int, QuoteMatch]] = []
    if not a.get("q") or not b.get("q"):
        return out
    # Their quotes that share enough words with all of ours together (one set
    # intersection each, against ``a``'s union, made once per profile): most candidates'
    # quotes share none, and the pairs below are only tried for these.
    union = _all_words(a)
    theirs_all = [
        q
        for q in quote_words(b)
        if len(q[2]) >= MIN_SHARED_WORDS and len(q[2] & union) >= MIN_SHARED_WORDS
    ]
    if not theirs_all:
        return out
    for i, text, mine in quote_words(a):
        if len(mine) < MIN_SHARED_WORDS:
            continue
        for j, other, theirs in theirs_all:
            shared = len(mine & theirs)
            if shared < MIN_SHARED_WORDS or shared < MIN_SHARED_SHARE * min(len(mine), len(theirs)):
                continue
            # The same text (a republished quote) matches fully, with no differences:
            # what ``match`` finds for it, without its fuzzy and word-by-word passes.
            if text == other and len(mine) >= MIN_WORDS:
                found: QuoteMatch | None = QuoteMatch(score=100.0, differences=[])
            elif memo is None:
                found = match(text, other)
            else:
                key = (text, other)
                if key in memo:
                    found = memo[key]
                else:
                    found = memo[key] = match(text, other)
            if found is not None:
                out.append((i, j, found))
    return out


def _published(profile: dict) -> date | None:
    value = profile.get("published")
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        return None


class QuoteLinker:
    """Collects the links of one briefing's quotes to other briefings, both ways."""

    def __init__(self, briefing: Briefing) -> None:
        self.briefing = briefing
        self._links: dict[int, list[QuoteLink]] = {}
        self._back: dict[str, list[tuple[int, int, QuoteMatch]]] = {}
        self._compared: set[str] = set()

    def compared(self, other_id: str) -> None:
        self._compared.add(other_id)

    def add(self, other_id: str, other: dict, matches: list[tuple[int, int, QuoteMatch]]) -> None:
        self._compared.add(other_id)
        texts = dict((j, t) for j, t in other.get("q", []))
        for i, j, m in matches:
            self._links.setdefault(i, []).append(
                QuoteLink(
                    id=other_id,
                    title=other.get("title") or "",
                    source=other.get("source"),
                    published=_published(other),
                    quote=j,
                    text=texts.get(j, ""),
                    score=round(m.score, 1),
                    differences=m.differences,
                )
            )
        self._back[other_id] = matches

    def quotes(self) -> list[Quote]:
        """This briefing's quotes with their links (links to briefings not compared now kept)."""
        out = []
        for i, q in enumerate(self.briefing.quotes):
            kept = [c for c in q.corroborations if c.id not in self._compared]
            fresh = self._links.get(i, [])
            merged = sorted(
                {(c.id, c.quote): c for c in [*kept, *fresh]}.values(),
                key=lambda c: (c.published or date.max, c.id),
            )
            out.append(q.model_copy(update={"corroborations": merged}))
        return out

    def linked_ids(self) -> list[str]:
        return [other_id for other_id, matches in self._back.items() if matches]

    def links_back(self, other_id: str) -> dict[int, list[QuoteLink]]:
        """The links of ``other_id``'s quotes (by their index) to this briefing."""
        me = self.briefing
        by_quote: dict[int, list[QuoteLink]] = {}
        for i, j, m in self._back.get(other_id, []):
            if i >= len(me.quotes):
                continue
            by_quote.setdefault(j, []).append(
                QuoteLink(
                    id=me.id,
                    title=me.title,
                    source=me.source,
                    published=me.published,
                    quote=i,
                    text=me.quotes[i].text,
                    score=round(m.score, 1),
                    differences=[(theirs, mine) for mine, theirs in m.differences],
                )
            )
        return by_quote

    def apply_back(self, other: Briefing) -> Briefing:
        """``other`` with its quotes linked back to this briefing."""
        me = self.briefing
        by_quote = {j: v for j, v in self.links_back(other.id).items() if j < len(other.quotes)}
        quotes = []
        for j, q in enumerate(other.quotes):
            kept = [c for c in q.corroborations if c.id != me.id]
            merged = sorted(
                [*kept, *by_quote.get(j, [])], key=lambda c: (c.published or date.max, c.id)
            )
            quotes.append(q.model_copy(update={"corroborations": merged}))
        return other.model_copy(update={"quotes": quotes})

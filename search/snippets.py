"""Highlighted snippets: the best fragment of a hit, quotes preferred.

The stored text is re-analysed with the field's own analyzer, so a stemmed
query term ("restrict") highlights every surface form ("restrictions").
Segments are plain text; the screen decides how a highlight looks.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from typing import Any

from whoosh.analysis import RegexTokenizer
from whoosh.support.charset import accent_map

from search.results import Snippet
from search.schema import NAME_FIELDS, name_analyzer, normaliser_steps, text_analyzer

WIDTH = 220
#: Where to look for a fragment, best first.
ORDER = ("quotes", "summary", "dek", "body", "title")

_FOLD: dict[int, str] = {int(k): v for k, v in accent_map.items()}  # keys are code points
_STEMMED = text_analyzer()
_NAMES = name_analyzer()


Span = tuple[int, int, str]  # (start, end, analysed term)
Tokenize = Callable[[str], list[Span]]


def _fast_tokenizer(analyzer: Any) -> Tokenize | None:
    """The analyzer's tokens as (start, end, term), without Whoosh's per-token pipeline.

    Whoosh runs each token through a chain of generators (about 6 µs a token); here the
    regex runs once and each distinct word is normalised once (cached), which is what
    makes highlighting a hit cheap. Only analyzers made of a regex tokenizer and
    lowercase, charset and stem filters qualify (None otherwise: use Whoosh's).
    """
    items = list(getattr(analyzer, "items", ()))
    if not items or not isinstance(items[0], RegexTokenizer) or items[0].gaps:
        return None
    steps = normaliser_steps(items[1:])
    if steps is None:
        return None

    @lru_cache(maxsize=50_000)
    def normalise(word: str) -> str:
        for step_fn in steps:
            word = step_fn(word)
        return word

    finditer = items[0].expression.finditer

    def tokenize(text: str) -> list[Span]:
        return [(m.start(), m.end(), normalise(m.group())) for m in finditer(text)]

    return tokenize


def _whoosh_tokenizer(analyzer: Any) -> Tokenize:
    def tokenize(text: str) -> list[Span]:
        return [(t.startchar, t.endchar, t.text) for t in analyzer(text, chars=True, mode="index")]

    return tokenize


_TOKENIZE_STEMMED = _fast_tokenizer(_STEMMED) or _whoosh_tokenizer(_STEMMED)
_TOKENIZE_NAMES = _fast_tokenizer(_NAMES) or _whoosh_tokenizer(_NAMES)


def _matches(
    fieldname: str, text: str, terms: set[str], phrases: list[tuple[str, ...]]
) -> tuple[list[Span], list[int]]:
    """Matched tokens, and the start offsets of whole-phrase matches."""
    tokenize = _TOKENIZE_NAMES if fieldname in NAME_FIELDS else _TOKENIZE_STEMMED
    tokens = tokenize(text)
    spans = [t for t in tokens if t[2] in terms]
    starts: list[int] = []
    if phrases and spans:
        words = [t[2] for t in tokens]
        for phrase in phrases:
            k = len(phrase)
            starts.extend(
                tokens[i][0] for i in range(len(words) - k + 1) if tuple(words[i : i + k]) == phrase
            )
    return spans, starts


def _window(text: str, spans: list[Span], phrase_starts: list[int]) -> tuple[int, int]:
    """The WIDTH-character stretch holding the most whole phrases, then distinct terms."""
    best = (0, 0, -1, 0)  # (phrases, distinct terms, -start, start)
    for i, (start, _, _) in enumerate(spans):
        seen = {term for s, _, term in spans[i:] if s < start + WIDTH}
        whole = sum(1 for p in phrase_starts if start <= p < start + WIDTH - 30)
        best = max(best, (whole, len(seen), -start, start))
    start = best[3]
    # Start a little before the first match, on a word boundary.
    lo = max(0, start - 40)
    if lo:
        space = text.find(" ", lo, start)
        lo = space + 1 if space >= 0 else start
    hi = min(len(text), lo + WIDTH)
    if hi < len(text):
        space = text.rfind(" ", lo, hi)
        if space > start:
            hi = space
    return lo, hi


def _segments(text: str, lo: int, hi: int, spans: list[Span]) -> Snippet:
    out: Snippet = []
    if lo > 0:
        out.append(("…", False))
    pos = lo
    for start, end, _ in spans:
        if start < pos or end > hi:
            continue
        if start > pos:
            out.append((text[pos:start], False))
        out.append((text[start:end], True))
        pos = end
    if pos < hi:
        out.append((text[pos:hi], False))
    if hi < len(text):
        out.append(("…", False))
    return [(" ".join(s.split("\n")), on) for s, on in out if s]


def _best_part(
    fieldname: str, text: str, terms: set[str], phrases: list[tuple[str, ...]]
) -> tuple[str, list[Span], list[int]] | None:
    """The paragraph (or quote) with the most whole phrases, then distinct matched terms."""
    best: tuple[tuple[int, int], str, list[Span], list[int]] | None = None
    # Analysing is the costly part: skip paragraphs that cannot hold any term (a stem's
    # first letters are the word's first letters, once lowercased and accent-folded).
    heads = {t[:4] for t in terms}
    for part in text.split("\n"):
        folded = part.lower().translate(_FOLD)
        if not any(h in folded for h in heads):
            continue
        spans, starts = _matches(fieldname, part, terms, phrases)
        if not spans:
            continue
        rank = (min(len(starts), 1), len({term for _, _, term in spans}))
        if best is None or rank > best[0]:
            best = (rank, part, spans, starts)
            if rank[1] == len(terms) and (starts or not phrases):
                break
    return None if best is None else (best[1], best[2], best[3])


def make_snippet(
    stored: dict,
    terms: dict[str, set[str]],
    phrases: dict[str, list[tuple[str, ...]]] | None = None,
) -> Snippet:
    """The snippet for one hit from its stored fields and the query's terms per field.

    Fields are tried in ``ORDER``; when the query has a phrase, the first field
    holding the whole phrase wins over an earlier one holding only its words.
    """
    phrases = phrases or {}
    first: tuple[str, tuple[str, list[Span], list[int]]] | None = None
    for fieldname in ORDER:
        wanted = terms.get(fieldname)
        text = stored.get(fieldname) or ""
        if not wanted or not text:
            continue
        found = _best_part(fieldname, text, wanted, phrases.get(fieldname, []))
        if found is None:
            continue
        if found[2] or not any(phrases.values()):
            first = (fieldname, found)
            break
        if first is None:
            first = (fieldname, found)
    if first is None:
        return plain_snippet(stored)
    fieldname, (part, spans, starts) = first
    lo, hi = _window(part, spans, starts)
    segments = _segments(part, lo, hi, spans)
    if fieldname == "quotes":
        segments = [("“", False), *segments, ("”", False)]
    return segments


def plain_snippet(stored: dict) -> Snippet:
    """No term to show: the first summary line, else the start of the body."""
    for fieldname in ("summary", "dek", "body"):
        text = (stored.get(fieldname) or "").strip()
        if text:
            first = text.split("\n", 1)[0]
            if len(first) > WIDTH:
                cut = first.rfind(" ", 0, WIDTH)
                first = first[: cut if cut > 0 else WIDTH] + "…"
            return [(first, False)]
    return []

"""'Did you mean': replace unknown bare words by the nearest word the library knows."""

from __future__ import annotations

from rapidfuzz.distance import Levenshtein
from whoosh.reading import IndexReader

from search.query import ParsedQuery
from search.schema import name_analyzer

_NAMES = name_analyzer()
#: The unstemmed dictionary field (title and body words).
FIELD = "words"


def _known(reader: IndexReader, word: str) -> bool:
    return all(reader.doc_frequency(FIELD, t.text) for t in _NAMES(word))


def nearest(reader: IndexReader, word: str) -> str | None:
    """The closest known word: fewest edits (1, or 2 for words of 6+ letters), then most used."""
    key = "".join(t.text for t in _NAMES(word))
    if len(key) < 3 or not key.isalpha():
        return None
    maxdist = 2 if len(key) >= 6 else 1
    best: tuple[int, int, str] | None = None
    for candidate in reader.terms_within(FIELD, key, maxdist, prefix=1):
        if candidate == key:
            continue
        rank = (
            Levenshtein.distance(key, candidate),
            -reader.doc_frequency(FIELD, candidate),
            candidate,
        )
        if best is None or rank < best:
            best = rank
    return None if best is None else best[2]


def correct_words(parsed: ParsedQuery, reader: IndexReader, total: int) -> str | None:
    """The corrected query text, or None when every bare word is known (or has no better)."""
    text = parsed.text
    changes: list[tuple[int, int, str]] = []
    for word, start, end in parsed.words:
        if _known(reader, word):
            continue
        better = nearest(reader, word)
        if better:
            changes.append((start, end, better))
    if not changes:
        return None
    for start, end, better in sorted(changes, reverse=True):
        text = text[:start] + better + text[end:]
    return text

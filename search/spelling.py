"""'Did you mean': replace unknown bare words by the nearest word the library knows.

The candidates are the dictionary field's words that start with the word's first
letter and are within 1 edit (2 for words of 6+ letters), as Whoosh's
``terms_within(FIELD, word, maxdist, prefix=1)`` finds them (optimal string
alignment distance). Whoosh walks those words one term lookup at a time and
computes each distance in Python (75 ms for a long word at 10,000 briefings);
here a segment's words of one first letter are read from its term dictionary in
one read (``_words_from``), kept per segment (a segment never changes), and the
distances are computed by ``rapidfuzz`` in C.
"""

from __future__ import annotations

import struct
import threading
import weakref
from typing import Any

from rapidfuzz.distance import OSA, Levenshtein
from rapidfuzz.process import extract
from whoosh.reading import IndexReader

from search.query import ParsedQuery
from search.schema import name_analyzer

_NAMES = name_analyzer()
#: The unstemmed dictionary field (title and body words).
FIELD = "words"

#: Per segment reader: first letter -> the dictionary's words starting with it.
_WORDS: weakref.WeakKeyDictionary[Any, dict[str, tuple[str, ...]]] = weakref.WeakKeyDictionary()
_WORDS_LOCK = threading.Lock()
#: Each key/value pair of Whoosh's ordered hash file starts with their two lengths.
_LENGTHS = struct.Struct("!ii")


def _known(reader: IndexReader, word: str) -> bool:
    return all(reader.doc_frequency(FIELD, t.text) for t in _NAMES(word))


def _words_from(segment: Any, first: str) -> tuple[str, ...]:
    """The dictionary words of one segment that start with ``first``, in term order:
    the stretch of its term file that holds them read at once and its keys parsed
    (Whoosh 3's ordered hash file: lengths, key, value per term); through Whoosh's
    ``expand_prefix`` for another codec."""
    try:
        per = _WORDS.setdefault(segment, {})
    except TypeError:
        per = {}
    found = per.get(first)
    if found is not None:
        return found
    words: tuple[str, ...] | None = None
    try:
        words = _read_words(segment, first)
    except Exception:  # another layout: ask Whoosh
        words = None
    if words is None:
        words = tuple(
            segment.schema[FIELD].from_bytes(b) for b in segment.expand_prefix(FIELD, first)
        )
    with _WORDS_LOCK:
        per[first] = words
    return words


def _read_words(segment: Any, first: str) -> tuple[str, ...] | None:
    terms = getattr(segment, "_terms", None)
    tindex = getattr(terms, "_tindex", None)
    if terms is None or tindex is None or not hasattr(tindex, "closest_key_pos"):
        return None
    if FIELD not in terms._fieldmap:
        return ()
    low = terms._keycoder(FIELD, first.encode("utf-8"))
    high = low[:-1] + bytes([low[-1] + 1])  # the first key past every key with that prefix
    start = tindex.closest_key_pos(low)
    if start is None:
        return ()
    end = tindex.closest_key_pos(high)
    end = tindex.endofdata if end is None else end
    if end <= start:
        return ()
    raw = tindex.dbfile.get(start, end - start)
    out: list[str] = []
    pos = 0
    size = len(raw)
    unpack = _LENGTHS.unpack_from
    skip = len(low) - len(first.encode("utf-8"))  # the field number before each term
    while pos < size:
        keylen, datalen = unpack(raw, pos)
        pos += 8
        out.append(raw[pos + skip : pos + keylen].decode("utf-8"))
        pos += keylen + datalen
    return tuple(out)


def _candidates(reader: IndexReader, key: str, maxdist: int) -> list[str]:
    """The known words within ``maxdist`` edits of ``key`` that share its first letter
    (the words of ``terms_within(FIELD, key, maxdist, prefix=1)``)."""
    words: set[str] = set()
    for segment, _offset in reader.leaf_readers():
        words.update(_words_from(segment, key[0]))
    lengths = range(len(key) - maxdist, len(key) + maxdist + 1)
    near = [w for w in words if len(w) in lengths]
    found = extract(key, near, scorer=OSA.distance, score_cutoff=maxdist, limit=None)
    return [word for word, _distance, _index in found]


def nearest(reader: IndexReader, word: str) -> str | None:
    """The closest known word: fewest edits (1, or 2 for words of 6+ letters), then most used."""
    key = "".join(t.text for t in _NAMES(word))
    if len(key) < 3 or not key.isalpha():
        return None
    maxdist = 2 if len(key) >= 6 else 1
    best: tuple[int, int, str] | None = None
    for candidate in _candidates(reader, key, maxdist):
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

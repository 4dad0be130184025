"""Word-level helpers shared by the summary, keyword and entity steps.

A small English stop list and a light suffix stripper: enough to compare
sentences and phrases by content words without any language model.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from itertools import chain
from typing import Final, TypeVar

K = TypeVar("K")
V = TypeVar("V")


class Memo(dict[K, V]):
    """A bounded memo of a pure function of one word: ``memo[word]`` is
    ``fn(word)``, computed on first use. News vocabulary repeats, so the steps
    look words up instead of re-reading them; the memo is emptied when full."""

    __slots__ = ("fn", "limit")

    def __init__(self, fn: Callable[[K], V], limit: int = 100_000) -> None:
        super().__init__()
        self.fn = fn
        self.limit = limit

    def __missing__(self, key: K) -> V:
        if len(self) >= self.limit:
            self.clear()
        value = self[key] = self.fn(key)
        return value


_WORD: Final = re.compile(r"[A-Za-z][A-Za-z'’-]*[A-Za-z]|[A-Za-z]|\d[\d.,]*\d|\d")

_STOP_LIST: Final = """
    a about above after again against all almost also although always am among an and another
    any anyone anything are around as at be became because become been before being below
    between both but by can cannot could did do does doing done down during each either else
    enough even ever every few for from further get gets getting given go goes going got had has
    have having he her here hers herself him himself his how however i if in into is it its
    itself just last least less let like made make makes many may me might more most much must
    my myself neither never new no nor not now of off often on once one only or other others our
    ours ourselves out over own per perhaps put rather really said same say says see seen several
    shall she should since so some still such than that the their theirs them themselves then
    there these they this those though through thus to too toward towards under until up upon us
    very via was way we well were what whatever when where whether which while who whom whose
    why will with within without would yet you your yours yourself yourselves told according
    mr mrs ms dr year years time times week weeks month months day days people thing things
    ways lot lots part first two three four five six seven eight nine ten
"""
STOPWORDS: Final = frozenset(_STOP_LIST.split())


def words(text: str) -> list[str]:
    """Word tokens as written (letters, inner apostrophes/hyphens, numbers)."""
    return _WORD.findall(text)


def stem(word: str) -> str:
    """A light, deterministic suffix stripper (lower-cased input): "votes",
    "voted", "voting" and "vote" all give "vot"."""
    w = word.replace("’", "'")
    if w.endswith("'s"):
        w = w[:-2]
    if len(w) > 4:
        if w.endswith("ies"):
            w = w[:-3] + "y"
        elif w.endswith(("sses", "xes", "ches", "shes", "zes")):
            w = w[:-2]
        elif w.endswith("ing") and len(w) > 5:
            w = w[:-3]
        elif w.endswith("ed") and len(w) > 4:
            w = w[:-2]
        elif w.endswith("s") and not w.endswith(("ss", "us", "is")):
            w = w[:-1]
    elif len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is")):
        w = w[:-1]
    if len(w) > 3 and w.endswith("e"):
        w = w[:-1]
    return w


def _content_term(word: str) -> str | None:
    low = word.lower()
    return stem(low) if len(low) > 1 and low not in STOPWORDS else None


#: word as written -> its content term, or ``None`` for a stop word.
CONTENT_TERM: Final[Memo[str, str | None]] = Memo(_content_term)
#: word as written -> ``stem(word.lower())``.
STEM: Final[Memo[str, str]] = Memo(lambda word: stem(word.lower()))


def chunk_terms(chunk: str) -> tuple[str, ...]:
    """``content_terms`` of a chunk of text (no word spans white space)."""
    terms = CONTENT_TERM
    return tuple(t for w in _WORD.findall(chunk) if (t := terms[w]) is not None)


#: text between white space -> its content terms. No word spans white space,
#: so a text's terms are its chunks' terms in order.
_CHUNK_TERMS: Final[Memo[str, tuple[str, ...]]] = Memo(chunk_terms)


def content_terms(text: str) -> list[str]:
    """Stemmed, lower-cased content words (stop words and single letters dropped)."""
    return list(chain.from_iterable(map(_CHUNK_TERMS.__getitem__, text.split())))

"""A sentence splitter that knows news writing.

Rules, in order: a sentence ends at ``.``, ``!`` or ``?`` (optionally followed
by closing quotes or brackets) when white space and an upper-case letter, a
digit, or an opening quote follow, unless the token before the full stop is a
known abbreviation (``U.S.``, ``Lt. Col.``, ``No. 1``, ``Dec.31``), an initial,
or part of a number. Hard cases live in ``tests/data/sentences.txt``.
"""

from __future__ import annotations

import re

# Abbreviations after which a full stop does not end a sentence (compared
# case-insensitively, without the trailing dot).
_ABBREVIATIONS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "prof",
        "sr",
        "jr",
        "st",
        "mt",
        "ft",
        "gen",
        "lt",
        "col",
        "maj",
        "capt",
        "cmdr",
        "sgt",
        "cpl",
        "pvt",
        "adm",
        "gov",
        "sen",
        "rep",
        "rev",
        "hon",
        "pres",
        "supt",
        "insp",
        "det",
        "mx",
        "messrs",
        "mme",
        "mlle",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "mon",
        "tue",
        "tues",
        "wed",
        "thu",
        "thur",
        "thurs",
        "fri",
        "sat",
        "sun",
        "no",
        "nos",
        "vol",
        "vols",
        "p",
        "pp",
        "ch",
        "fig",
        "figs",
        "art",
        "sec",
        "ed",
        "eds",
        "est",
        "approx",
        "dept",
        "univ",
        "assn",
        "bros",
        "co",
        "corp",
        "inc",
        "ltd",
        "plc",
        "llc",
        "cie",
        "av",
        "ave",
        "blvd",
        "rd",
        "hwy",
        "vs",
        "v",
        "etc",
        "al",
        "cf",
        "ie",
        "eg",
        "e.g",
        "i.e",
        "a.m",
        "p.m",
        "u.s",
        "u.k",
        "u.n",
        "e.u",
    ]
)
# Abbreviations that are usually followed by a number, never a sentence end then.
_BEFORE_NUMBER = frozenset({"no", "nos", "vol", "p", "pp", "fig", "art", "sec", "ch"})

_END = re.compile(r"[.!?…]+[\"'”’)\]]*")
_NEXT = re.compile(r"\s+([\"'“‘(\[]*)(\S)")


def _token_before(text: str, pos: int) -> str:
    """The run of non-space characters ending at ``pos`` (the terminator's index)."""
    start = pos
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    return text[start:pos]


def _is_abbreviation(token: str, next_char: str) -> bool:
    bare = token.lstrip("\"'“‘([").rstrip(".")
    low = bare.lower()
    if not bare:
        return False
    if low in _ABBREVIATIONS:
        if low in _BEFORE_NUMBER:
            return next_char.isdigit()
        # Month and title abbreviations before a capitalised word or number.
        return True
    # Dotted acronyms: U.S, U.K, e.g, a.m (the last dot is the terminator).
    if re.fullmatch(r"(?:[A-Za-z]\.)+[A-Za-z]", bare):
        # "in the U.S. The next..." is ambiguous; treat a dotted acronym as a
        # sentence end only when the next word is a common sentence opener.
        return True
    # A single initial: "John F. Kennedy".
    return bool(re.fullmatch(r"[A-Z]", bare))


_OPENERS = frozenset(
    [
        "The",
        "A",
        "An",
        "It",
        "He",
        "She",
        "They",
        "We",
        "I",
        "This",
        "That",
        "These",
        "Those",
        "But",
        "And",
        "In",
        "On",
        "At",
        "As",
        "For",
        "If",
        "When",
        "While",
        "After",
        "Before",
        "Since",
        "So",
        "Yet",
        "Its",
        "His",
        "Her",
        "Their",
        "Our",
    ]
)


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Split one paragraph into sentences; returns ``(start, end)`` offsets.

    Leading and trailing white space is excluded from every span.
    """
    spans: list[tuple[int, int]] = []
    start = 0
    n = len(text)
    while start < n and text[start].isspace():
        start += 1
    for m in _END.finditer(text):
        end = m.end()
        if end >= n:
            break
        nxt = _NEXT.match(text, end)
        if nxt is None:
            # "Dec.31": no space after the dot, not a boundary.
            continue
        first = nxt.group(2)
        if not (first.isupper() or first.isdigit() or nxt.group(1)):
            continue
        if m.group().startswith(".") and len(m.group().rstrip("\"'”’)]")) == 1:
            token = _token_before(text, m.start())
            if re.fullmatch(r"[\"'“‘(\[]*\d+", token) and first.isdigit():
                continue
            if _is_abbreviation(token, first):
                word = re.match(r"\w+", text[nxt.start(2) :])
                acronym = re.fullmatch(r"(?:[A-Za-z]\.)+[A-Za-z]", token.rstrip("."))
                if not (acronym and word and word.group() in _OPENERS):
                    continue
        if text[start:end].strip():
            spans.append((start, end))
        start = nxt.start(1) if nxt.group(1) else nxt.start(2)
    tail_end = n
    while tail_end > start and text[tail_end - 1].isspace():
        tail_end -= 1
    if tail_end > start:
        spans.append((start, tail_end))
    return spans

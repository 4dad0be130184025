"""Where the quotations are: quote-mark spans inside one paragraph.

Curly marks say which way they face; straight ``"`` marks are judged from
their neighbours (an opener follows a space or a bracket and precedes a
word). A quote left open is closed at the next opener or at the paragraph end
(``closed=False``). The scan is a single pass over the marks: linear in the
paragraph length whatever the balance of the marks.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final

_MARKS: Final = re.compile(r"[\"“”„‟«»]")
_OPEN_AFTER: Final = "([{—–-/:;,"
_CLOSE_BEFORE_PUNCT: Final = ".,;:!?)]}—–-…"
#: what a quote's words end with, right before a straight mark that closes it
_GLUED_CLOSE: Final = ",.!?"


@dataclass(slots=True)
class Span:
    """One quotation in a paragraph; offsets are paragraph-relative."""

    open: int  # index of the opening mark
    start: int  # first character of the quoted text
    end: int  # one past the last character of the quoted text
    close: int  # one past the closing mark (== end when not closed)
    closed: bool


def _kind(text: str, i: int) -> str:
    """'open', 'close' or 'either' for the quote mark at ``i``."""
    ch = text[i]
    prev = text[i - 1] if i else " "
    nxt = text[i + 1] if i + 1 < len(text) else " "
    left_open = prev.isspace() or prev in _OPEN_AFTER or prev in "“‘\"'"
    right_word = not nxt.isspace()
    right_end = nxt.isspace() or nxt in _CLOSE_BEFORE_PUNCT or i + 1 == len(text)
    if ch in "“„‟«":
        if left_open and right_word:
            return "open"
        return "close" if right_end else "open"
    if ch in "”»":
        if left_open and right_word and nxt not in _CLOSE_BEFORE_PUNCT:
            return "open"
        return "close"
    # a straight mark
    if left_open and right_word and nxt not in _CLOSE_BEFORE_PUNCT:
        return "open"
    if right_end and not prev.isspace():
        return "close"
    return "either"


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ',“”"„'):
        end -= 1
    return start, end


_CONTINUED: Final = re.compile(r"[.!?]\s+$")
_SINGLE: Final = re.compile(r"[‘’']")
_SINGLE_OPEN_AFTER: Final = '([{—–-/:;,"“'
_SINGLE_CLOSE_BEFORE: Final = '.,;:!?)]}—–-…"”'


def _single_spans(text: str) -> list[Span]:
    """British single quotes (‘Q,’ he said) in a paragraph without double marks.

    An opener follows a space or bracket and precedes a letter or digit (not
    ’90s); a closer follows a non-space and precedes a space, punctuation or the
    end. Apostrophes inside words (it’s, don't) are neither. A plural possessive
    ("students’ union": an s, the mark, a space and a lower-case word) closes a
    quote only when nothing later can.
    """
    opens: list[int] = []
    closes: list[int] = []
    n = len(text)
    for m in _SINGLE.finditer(text):
        i = m.start()
        prev = text[i - 1] if i else " "
        nxt = text[i + 1] if i + 1 < n else " "
        if (prev.isspace() or prev in _SINGLE_OPEN_AFTER) and nxt.isalnum():
            if not (nxt.isdigit() and text[i + 1 : i + 4].rstrip("s").isdigit()):
                opens.append(i)
            continue
        if not prev.isspace() and (nxt.isspace() or nxt in _SINGLE_CLOSE_BEFORE or i + 1 == n):
            closes.append(i)
    spans: list[Span] = []
    k = 0
    for o in opens:
        if spans and o < spans[-1].close:
            continue
        while k < len(closes) and closes[k] <= o:
            k += 1
        if k == len(closes):
            break
        nxt_open = next((x for x in opens if x > o), n)
        candidates = [c for c in closes[k:] if c < nxt_open] or [closes[k]]
        chosen = next((c for c in candidates if not _possessive(text, c)), candidates[0])
        start, end = _trimmed(text, o + 1, chosen)
        if end > start:
            spans.append(Span(o, start, end, chosen + 1, True))
    return spans


def _possessive(text: str, i: int) -> bool:
    """``students’ union``: an s, the mark, a space and a lower-case word."""
    return text[i - 1 : i] == "s" and text[i + 1 : i + 2] == " " and text[i + 2 : i + 3].islower()


def find_spans(text: str, single: bool = False) -> list[Span]:
    """The quotations of one paragraph; ``single``: the article quotes with single
    marks (it has no double ones), so read those."""
    if single:
        return _single_spans(text)
    if "''" in text:
        text = _PAIRED.sub(_as_double, text)
    return _double_spans(text)


_PAIRED: Final = re.compile(r"''")


def _as_double(m: re.Match[str]) -> str:
    """Two straight single marks used as a double one (''Q,'' he said): the same
    length, the mark where the pair opens or ends, so that the quoted words and
    the words after the quote are where they were."""
    text, i = m.string, m.start()
    after = text[i + 2 : i + 3]
    return '" ' if after.isalnum() else ' "'


def quotes_with_single_marks(paragraphs: list[str]) -> bool:
    """True for an article that quotes with single marks only (British style)."""
    if any(_MARKS.search(p) or "''" in p for p in paragraphs):
        return False
    return any("‘" in p for p in paragraphs)


def _double_spans(text: str) -> list[Span]:
    spans: list[Span] = []
    opened = -1
    for m in _MARKS.finditer(text):
        i = m.start()
        kind = _kind(text, i)
        if opened < 0:
            if kind != "close":
                opened = i
            continue
        if kind == "open" and text[i] == '"' and i and text[i - 1] in _GLUED_CLOSE:
            kind = "close"  # '"Q,"Ada Marsh said': a straight mark glued to both sides
        if kind == "open":
            # An opener inside an open quote: the first one was never closed. Right
            # after a full stop it continues the same speech, as a new paragraph of a
            # quote would ('... confirmed. "Once again ...'): one quote.
            if _CONTINUED.search(text, max(opened, i - 3), i) and i - opened > 40:
                continue
            start, end = _trimmed(text, opened + 1, i)
            if end > start:
                spans.append(Span(opened, start, end, end, False))
            opened = i
            continue
        start, end = _trimmed(text, opened + 1, i)
        if end > start:
            spans.append(Span(opened, start, end, i + 1, True))
        opened = -1
    if opened >= 0:
        start, end = _trimmed(text, opened + 1, len(text))
        if end > start:
            spans.append(Span(opened, start, end, end, False))
    return spans

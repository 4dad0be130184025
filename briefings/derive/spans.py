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


def find_spans(text: str) -> list[Span]:
    spans: list[Span] = []
    opened = -1
    for m in _MARKS.finditer(text):
        i = m.start()
        kind = _kind(text, i)
        if opened < 0:
            if kind != "close":
                opened = i
            continue
        if kind == "open":
            # An opener inside an open quote: the first one was never closed.
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

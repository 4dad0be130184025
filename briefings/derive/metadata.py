"""Title, dek, author, date and source from an article's header lines.

Scraped articles open with a few header lines in no fixed order: a byline
with a date, a headline, a reading time, an "Updated:" line, a standfirst.
``read_header`` walks the first blocks, takes what it recognises, and stops at
the first block that reads like body text. When no headline is found, a title
is made from the lead sentence.
"""

from __future__ import annotations

import re

from briefings.derive.blocks import Block
from briefings.derive.dates import DATE_PATTERNS, find_date
from briefings.derive.document import Metadata

HEADER_SCAN = 6
_READING_TIME = re.compile(
    r"^(?:\d+\s*(?:-|–)?\s*(?:min(?:ute)?s?|mins?)(?:\s+read)?|reading time:?.*)$", re.I
)
_DATE_LABEL = re.compile(
    r"^(?:(?:updated|published|posted|last updated|first published|date)\s*(?:on|at)?\s*:?\s*)?",
    re.I,
)
_DATE_PREFIX = re.compile(r"^(?:date|published|updated)\s*:?\s*(\d{4}-\d\d-\d\d)\s+", re.I)
_BYLINE_SEPARATORS = re.compile(r"\s*(?:・|•|·|\||—|–)\s*")
_BY = re.compile(r"^(?:by|written by|words by)\s+(.+)$", re.I)
_NAME = re.compile(r"^[A-Z][\w'’.-]+(?:\s+(?:[A-Z][\w'’.-]+|van|von|de|da|del|bin|al))*$")
_QUOTE_OPENERS = "\"“‘'«"


def _is_date_line(line: str) -> bool:
    """The whole line is a date, maybe with a label such as 'Updated:' and a time."""
    rest = _DATE_LABEL.sub("", line, count=1)
    for pattern in DATE_PATTERNS:
        m = pattern.match(rest)
        if m:
            tail = rest[m.end() :].strip(" ,.")
            if not tail or re.fullmatch(
                r"(?:at\s+)?[\d:]+\s*(?:[ap]\.?m\.?)?\s*(?:[A-Z]{2,4})?", tail, re.I
            ):
                return True
    return False


def clean_person_name(name: str) -> str:
    """Tidy a scraped byline: underscores, a name printed twice, stray 'By'."""
    name = name.replace("_", " ").strip(" ,;:-")
    by = _BY.match(name)
    if by:
        name = by.group(1)
    # "Chelsea SunChelsea Sun" (the name doubled without a separator).
    half = len(name) // 2
    if len(name) % 2 == 0 and name[:half] == name[half:]:
        name = name[:half]
    else:
        m = re.fullmatch(r"(.+?)\s*\1", name)
        if m:
            name = m.group(1)
    return re.sub(r"\s+", " ", name).strip()


def _byline(line: str) -> tuple[str | None, str | None]:
    """(author, date text) when the line is a byline, else (None, None)."""
    by = _BY.match(line)
    parts = [p for p in _BYLINE_SEPARATORS.split(by.group(1) if by else line) if p]
    if not parts or len(parts) > 3:
        return None, None
    author: str | None = None
    date_text: str | None = None
    for part in parts:
        if _is_date_line(part):
            date_text = part
        elif author is None:
            candidate = clean_person_name(part)
            if _NAME.match(candidate) and len(candidate.split()) <= 5:
                author = candidate
            else:
                return None, None
        else:
            return None, None
    if by and author:
        return author, date_text
    if author and date_text:
        return author, date_text
    return None, None


def looks_like_title(line: str) -> bool:
    words = line.split()
    if not 1 <= len(words) <= 30 or len(line) > 250:
        return False
    if line[0] in _QUOTE_OPENERS:
        return False
    # A headline rarely ends with a full stop; a sentence of body text does.
    return not (line.endswith(".") and not line.endswith("..."))


def title_from_lead(text: str, max_words: int = 14) -> str:
    """A headline made from the lead: its first sentence, cut at a word boundary."""
    sentence = re.split(r"(?<=[.!?])\s+(?=[A-Z“\"])", text, maxsplit=1)[0]
    sentence = sentence.strip(" .")
    words = sentence.split()
    if len(words) <= max_words:
        return sentence
    cut = " ".join(words[:max_words]).rstrip(",;:–—-")
    return cut + "…"


def read_header(blocks: list[Block], meta: Metadata) -> list[Block]:
    """Take header lines off ``blocks`` into ``meta``; returns the remaining blocks."""
    i = 0
    while i < min(len(blocks), HEADER_SCAN):
        block = blocks[i]
        line = block.text
        if _READING_TIME.match(line):
            i += 1
            continue
        prefix = _DATE_PREFIX.match(line)
        if prefix:
            found = find_date(prefix.group(1))
            if found and meta.published is None:
                meta.published = found[0]
            blocks = [*blocks[:i], Block(line[prefix.end() :], block.heading), *blocks[i + 1 :]]
            break
        if _is_date_line(line):
            found = find_date(line)
            if found and meta.published is None:
                meta.published = found[0]
            i += 1
            continue
        author, date_text = _byline(line)
        if author:
            meta.author = meta.author or author
            if date_text and meta.published is None:
                found = find_date(date_text)
                meta.published = found[0] if found else None
            i += 1
            continue
        if meta.title is None and looks_like_title(line):
            meta.title = line
            i += 1
            continue
        break
    return blocks[i:]

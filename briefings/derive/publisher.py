"""Who published an article, from the clues its furniture leaves.

Clues, strongest first: "This article originally appeared on X", a
"Source: X" line naming an outlet, an "(AGENCY)" dateline, a copyright
holder, the outlet the site's own promotions name more than once, and last a
"Source: example.com" domain. An all-capitals abbreviation ("SCMP") is
expanded when the article itself spells out a capitalised name with those
initials ("South China Morning Post").
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Final

_CONNECTORS: Final = frozenset({"of", "and", "&", "the", "for", "on", "de"})
_CAPITALISED: Final = re.compile(
    r"(?:[A-Z][\w&'’.-]*|\d[\w.]*)(?:\s+(?:[A-Z][\w&'’.-]*|\d[\w.]*|of|and|&|the|for|on|de))*"
)
_DOMAIN: Final = re.compile(r"^(?:https?://)?(?:www\.)?[\w-]+(?:\.[\w-]+)+/?$", re.I)
_COPYRIGHT_HOLDER: Final = re.compile(
    r"(?:copyright|\(c\)|©)\s*(?:\(c\)|©)?\s*(?:\d{4}(?:\s*[-–]\s*\d{4})?)?[.,]?\s*(?:by\s+)?"
    r"(?P<holder>(?-i:[A-Z][\w&'’.-]*(?:\s+(?:[A-Z][\w&'’.-]*|of|and|&|the))*))",
    re.I,
)
_COMPANY_SUFFIX: Final = re.compile(
    r"\s+(?:Publishers?|Publishing|Media|Group|Holdings?|Company|Co\.?|Inc\.?|Ltd\.?|Limited|"
    r"LLC|PLC|Corp\.?|Corporation|GmbH|S\.A\.)(?:\s+(?:Publishers?|Publishing|Limited|Ltd\.?|"
    r"Inc\.?|Group|LLC))*\.?$"
)
_NOT_A_NAME: Final = frozenset(
    {"All", "This", "The", "For", "Sign", "Follow", "Subscribe", "Get", "Read", "Click", "Do"}
)
_OUTLET_WORD: Final = re.compile(
    r"\b(?:News|Post|Times|Press|Herald|Journal|Tribune|Guardian|Telegraph|Media|Daily|"
    r"Magazine|Network|Broadcasting|Radio|TV|Television|Wire|Agency|Gazette|Chronicle)\b"
)
_ABBREVIATION: Final = re.compile(r"[A-Z][A-Z&]{1,7}")


@dataclass(slots=True)
class SourceClues:
    originally: list[str] = field(default_factory=list)
    source_lines: list[str] = field(default_factory=list)
    datelines: list[str] = field(default_factory=list)
    copyright: list[str] = field(default_factory=list)
    boilerplate: list[str] = field(default_factory=list)


def _phrases(text: str) -> list[str]:
    """Capitalised name phrases in ``text``, connectors trimmed off both ends."""
    out = []
    for m in _CAPITALISED.finditer(text):
        tokens = m.group().split()
        while tokens and (tokens[0].lower() in _CONNECTORS or tokens[0] in _NOT_A_NAME):
            tokens = tokens[1:]
        while tokens and tokens[-1].lower() in _CONNECTORS:
            tokens = tokens[:-1]
        if tokens:
            out.append(" ".join(t.rstrip(".,;:") for t in tokens))
    return out


def _sub_phrases(phrase: str) -> set[str]:
    """Every run of two or more words that starts and ends with a capitalised word or number."""
    tokens = phrase.split()
    out = set()
    for a in range(len(tokens)):
        if tokens[a].lower() in _CONNECTORS:
            continue
        for b in range(a + 2, len(tokens) + 1):
            if tokens[b - 1].lower() not in _CONNECTORS:
                out.add(" ".join(tokens[a:b]))
    return out


def promoted_outlet(boilerplate: list[str]) -> str | None:
    """The outlet named in at least two of the site's own promotions."""
    counts: Counter[str] = Counter()
    for text in boilerplate:
        found: set[str] = set()
        for phrase in _phrases(text):
            found |= _sub_phrases(phrase)
        counts.update(found)
    best = [(count, len(name), name) for name, count in counts.items() if count >= 2]
    return max(best)[2] if best else None


def copyright_holder(line: str) -> str | None:
    """The company in 'Copyright © 2023 X Publishers Limited'; a person is no publisher."""
    m = _COPYRIGHT_HOLDER.search(line)
    if not m:
        return None
    holder = re.split(r"\.\s+(?=[A-Z])", m.group("holder"))[0].strip(" .,")
    company = _COMPANY_SUFFIX.sub("", holder)
    if company == holder and not _OUTLET_WORD.search(holder):
        return None
    if company in _NOT_A_NAME:
        return None
    return company


def expand_abbreviation(abbr: str, texts: list[str]) -> str | None:
    """The capitalised name in ``texts`` whose initials spell ``abbr`` ('SCMP')."""
    letters = abbr.replace("&", "").upper()
    if len(letters) < 3:
        return None
    counts: Counter[str] = Counter()
    for text in texts:
        for phrase in _phrases(text):
            tokens = phrase.split()
            for a in range(len(tokens)):
                if tokens[a].lower() in _CONNECTORS:
                    continue
                initials = ""
                for b in range(a, len(tokens)):
                    tok = tokens[b]
                    if tok.lower() not in _CONNECTORS:
                        initials += tok[0].upper()
                    if len(initials) > len(letters):
                        break
                    if initials == letters and tok.lower() not in _CONNECTORS and b > a:
                        counts[" ".join(tokens[a : b + 1])] += 1
    if not counts:
        return None
    return max(counts.items(), key=lambda kv: (kv[1], len(kv[0])))[0]


def resolve_source(current: str | None, clues: SourceClues, body: list[str]) -> str | None:
    """The best publisher name from ``clues``; ``current`` (page metadata) wins if set."""
    outlets = [s for s in clues.source_lines if not _DOMAIN.match(s)]
    domains = [s for s in clues.source_lines if _DOMAIN.match(s)]
    holders = [h for h in (copyright_holder(c) for c in clues.copyright) if h]
    candidates = [
        current,
        *clues.originally,
        *outlets,
        *clues.datelines,
        *holders,
        promoted_outlet(clues.boilerplate),
        *domains,
    ]
    source = next((c for c in candidates if c), None)
    if source and _ABBREVIATION.fullmatch(source):
        source = expand_abbreviation(source, [*body, *clues.boilerplate]) or source
    return source

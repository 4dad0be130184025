"""Find and parse the publication dates news pages print."""

from __future__ import annotations

import re
from datetime import date
from typing import Final

_MONTHS: Final = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
_MONTH: Final = r"(?P<month>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"

DATE_PATTERNS: Final = [
    re.compile(
        r"(?P<year>(?:19|20)\d\d)-(?P<mon>\d\d)-(?P<day>\d\d)(?:[T ][\d:.]+(?:Z|[+-]\d\d:?\d\d)?)?"
    ),
    re.compile(_MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year>(?:19|20)\d\d)", re.I),
    re.compile(
        r"(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+" + _MONTH + r",?\s+(?P<year>(?:19|20)\d\d)", re.I
    ),
    re.compile(r"(?P<year>(?:19|20)\d\d)/(?P<mon>\d\d)/(?P<day>\d\d)"),
]


def _from_match(m: re.Match[str]) -> date | None:
    parts = m.groupdict()
    try:
        year = int(parts["year"])
        month = int(parts["mon"]) if parts.get("mon") else _MONTHS[parts["month"][:3].lower()]
        return date(year, month, int(parts["day"]))
    except (KeyError, ValueError, TypeError):
        return None


def find_date(text: str) -> tuple[date, re.Match[str]] | None:
    """The first well-formed date in ``text``, with the match that found it."""
    best: tuple[date, re.Match[str]] | None = None
    for pattern in DATE_PATTERNS:
        for m in pattern.finditer(text):
            d = _from_match(m)
            if d is not None and (best is None or m.start() < best[1].start()):
                best = (d, m)
                break
    return best


def parse_date(text: str) -> date | None:
    found = find_date(text)
    return found[0] if found else None

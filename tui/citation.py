"""Text that leaves the reader: a quote with its citation, a briefing's citation, and the
place its original lives (``y`` copies the first two, ``o`` opens the third)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from briefings.models import Briefing


def original_location(b: Briefing) -> str | None:
    """The stored URL of the article, else its file (if it still exists); None for stdin
    and the bundled samples."""
    if b.url:
        return b.url
    origin = b.origin
    if origin.startswith(("https://", "http://")):
        return origin
    if origin.startswith(("stdin:", "sample:")):
        return None
    path = Path(origin)
    return path.as_uri() if path.is_absolute() and path.exists() else None


def _where(b: Briefing) -> list[str]:
    parts = [b.source or "", b.published.isoformat() if b.published else ""]
    origin = b.origin
    if b.url:
        parts.append(b.url)
    elif origin.startswith(("https://", "http://")):
        parts.append(origin)
    return [p for p in parts if p]


def citation(b: Briefing, quote: int | None = None) -> str:
    """``“quote” — Speaker, Role, Source, Date, URL`` for ``b.quotes[quote]``; for None,
    ``Title — Source, Date, URL``. One line: newlines in the text become spaces."""
    if quote is None or not 0 <= quote < len(b.quotes):
        head = f"{b.title} — "
        tail = _where(b)
        return " ".join((head + ", ".join(tail)).split()) if tail else b.title
    q = b.quotes[quote]
    speaker = q.speaker or "unattributed"
    if q.speaker_uncertain:
        speaker += " (attribution uncertain)"
    parts = [speaker, q.speaker_role or "", *_where(b)]
    line = f"“{q.text}” — " + ", ".join(p for p in parts if p)
    return " ".join(line.split())

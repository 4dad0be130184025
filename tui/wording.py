"""Small wording helpers for what the CLI and the reader say (plurals)."""

from __future__ import annotations

#: What a briefing with no known source is shown as.
UNKNOWN_OUTLET = "unknown outlet"


def plural(n: int, one: str, many: str | None = None) -> str:
    """``one`` for exactly one, else ``many`` (default: ``one`` + "s"): "story"/"stories"."""
    return one if n == 1 else (many if many is not None else one + "s")


def counted(n: int, one: str, many: str | None = None) -> str:
    """The number and the noun: 1 quote, 2 quotes, 0 stories."""
    return f"{n} {plural(n, one, many)}"

"""The one rule that splits every development set into a tuning part and a kept-back part.

Tune on ``tune``; look at ``held-out`` only to report. The split is a hash of a
stable key (a file name or a story id), so it never changes between runs and
cannot be chosen by looking at the articles. A third is kept back.
"""

from __future__ import annotations

import hashlib


def is_held_out(key: str) -> bool:
    """True for the kept-back third of a data set (``key``: file name or item id)."""
    return int(hashlib.sha1(key.encode()).hexdigest(), 16) % 3 == 0


def part(key: str) -> str:
    return "held-out" if is_held_out(key) else "tune"

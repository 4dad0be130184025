"""The bundled sample library: five real articles, as scraped (see NOTICE.md)."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

ORIGIN_PREFIX = "sample:"


def sample_files() -> list[tuple[str, bytes]]:
    """(file name, bytes) of every bundled sample article, in name order."""
    root = resources.files(__name__)
    files = [p for p in root.iterdir() if p.name.endswith(".txt")]
    return [(p.name, p.read_bytes()) for p in sorted(files, key=lambda p: p.name)]


def sample_dir() -> Path:
    return Path(str(resources.files(__name__)))
